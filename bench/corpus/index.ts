// A generated corpus of Lambda code, the same for a given seed on every machine: what the lint-speed,
// profile and editor-latency benches measure the rules on (the fixtures are too few and too uniform).
//
//   lambda/  handler modules: SDK v2 and v3 clients, database pools and connections, Redis, Powertools,
//            Stripe and OpenAI, created at module scope (most of them, as in public samples), in lazy
//            singletons, in the handler, helpers, classes, factories, per-record loops and from request
//            data; handlers exported every way real code does; TypeScript and JavaScript, ESM and CommonJS;
//            short files and long ones with many unrelated functions.
//   other/   modules without a handler: utilities, React components, data-access code that imports the
//            SDK, Express apps, CDK stacks, tests, CLI scripts.
import { generateHandlerFile, type GeneratedFile, type HandlerFileInfo } from './handler-file.js';
import { generateOtherFile } from './other-file.js';
import { Random } from './random.js';

export type { GeneratedFile, HandlerFileInfo };
export { PER_INVOCATION_PLACEMENTS } from './handler-file.js';

export interface CorpusOptions {
  seed?: number;
  handlers?: number;
  others?: number;
}

export const DEFAULT_SEED = 13;

export interface Corpus {
  handlers: HandlerFileInfo[];
  others: Array<GeneratedFile & { kind: string }>;
}

export function generateCorpus({ seed = DEFAULT_SEED, handlers = 300, others = 200 }: CorpusOptions = {}): Corpus {
  // Separate streams, so that changing how many files of one kind are asked for leaves the other kind alone.
  const handlerRandom = new Random(seed);
  const otherRandom = new Random(seed * 7919 + 1);
  return {
    handlers: Array.from({ length: handlers }, (_, index) => generateHandlerFile(handlerRandom, index)),
    others: Array.from({ length: others }, (_, index) => generateOtherFile(otherRandom, index)),
  };
}

/**
 * A TypeScript handler module of about `lines` lines: a handler with per-invocation clients amid many
 * unrelated functions, the kind of file an editor keeps open. The first seed whose handler has at least
 * one per-invocation site is taken, so the rules have something to report.
 */
export function generateLongHandler(lines = 2000, seed = DEFAULT_SEED): HandlerFileInfo {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const random = new Random(seed + attempt);
    // About 18 lines per unrelated function; grow until the file is long enough.
    let fillers = Math.round(lines / 18);
    let file = generateHandlerFile(random, 0, { fillers, typescript: true });
    if (!file.placements.some((placement) => placement === 'handler' || placement === 'helper')) continue;
    for (let step = 0; step < 20 && Math.abs(file.text.split('\n').length - lines) > lines * 0.02; step++) {
      fillers = Math.max(0, Math.round((fillers * lines) / file.text.split('\n').length));
      file = generateHandlerFile(new Random(seed + attempt), 0, { fillers, typescript: true });
    }
    return file;
  }
  throw new Error('no seed gave a handler with a per-invocation site');
}
