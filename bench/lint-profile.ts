// Where our rules' time goes: a CPU profile (the inspector's Profiler domain, the same sampler as
// `node --cpu-prof`) of linting the generated Lambda corpus (bench/corpus/) with only our two rules, after
// an unprofiled warm-up round. It prints how the profiled time splits between parsing, scope analysis,
// ESLint, our code and GC, then our functions (core/, rules/, index.ts) by self time and by total time
// (the function and what it calls), and the libraries our code calls into. The raw profile is written for
// Chrome DevTools or speedscope.
//
//   npx tsx bench/lint-profile.ts [--group lambda|no-handler] [--rounds 10] [--top 25] [--seed 13]
//                                 [--interval 100] [--out .bench-out/lint-profile.cpuprofile] [--no-rules]
//
// --no-rules profiles the same run with no rule at all: what parsing, scope analysis, ESLint and GC cost
// without us, to compare with.
import { Linter } from 'eslint';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from './corpus/index.js';
import { OUR_PLUGINS, OUR_RULES, configFor, corpusInputs, virtualFilename } from './lint-setup.js';
import { argument, flag, percent, stringArgument } from './measure.js';
import { repoRoot } from './source-files.js';

const group = stringArgument('group') ?? 'lambda';
const rounds = argument('rounds', 10);
const top = argument('top', 25);
const seed = argument('seed', DEFAULT_SEED);
const interval = argument('interval', 100);
const out = path.resolve(stringArgument('out') ?? path.join(repoRoot, '.bench-out', 'lint-profile.cpuprofile'));

const withoutRules = flag('no-rules');
const corpus = corpusInputs({ seed });
const inputs = group === 'no-handler' ? corpus.noHandler : corpus.lambda;
const linter = new Linter({ configType: 'flat' });
const jobs = inputs.map((input) => ({
  filename: virtualFilename(input.file),
  text: input.text,
  config: withoutRules ? configFor(input.file, input.sourceType, {}) : configFor(input.file, input.sourceType, OUR_RULES, { plugins: OUR_PLUGINS }),
}));

function lintAll(): void {
  for (const job of jobs) linter.verify(job.text, job.config, job.filename);
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

lintAll(); // warm-up: JIT and caches, as in an editor or a CI run after the first files
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval });
await session.post('Profiler.start');
const started = performance.now();
for (let index = 0; index < rounds; index++) lintAll();
const wall = performance.now() - started;
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
session.disconnect();
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(profile));

/** A file's path relative to the repository, when the frame runs code from it. */
function localPath(url: string): string | undefined {
  if (!url.startsWith('file://')) return undefined;
  const relative = path.relative(repoRoot, fileURLToPath(url));
  return relative.startsWith('..') ? undefined : relative;
}

/**
 * Our code, and the wrapper typescript-eslint's `RuleCreator` puts around each rule's `create` (it clones
 * the default options on every file: part of what our rules cost).
 */
function isOurs(frame: CallFrame): boolean {
  if (RULE_WRAPPER.test(frame.url)) return true;
  const relative = localPath(frame.url);
  return relative !== undefined && /^(core|rules)\/|^index\.ts$/.test(relative);
}

const RULE_WRAPPER = /node_modules\/@typescript-eslint\/utils\/dist\/eslint-utils\/(RuleCreator|applyDefault|deepMerge)\.js$/;

/** The package a node_modules frame belongs to (`@typescript-eslint/scope-manager`, `eslint`). */
function packageOf(frame: CallFrame): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url);
  return match?.[1];
}

function category(frame: CallFrame): string {
  if (isOurs(frame)) return 'our rules (core/, rules/, their RuleCreator wrapper)';
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)' || frame.functionName === '(idle)') return 'V8 and runtime (program, idle)';
  const pkg = packageOf(frame);
  if (pkg === 'typescript' || pkg === '@typescript-eslint/typescript-estree' || pkg === 'espree' || pkg === 'acorn' || pkg === 'acorn-jsx') return 'parsing';
  if (pkg === 'eslint-scope' || pkg === '@typescript-eslint/scope-manager') return 'scope analysis';
  if (pkg === 'eslint' || pkg?.startsWith('@eslint/') || pkg === 'esquery' || pkg === 'ajv' || pkg === 'levn') return 'ESLint itself';
  if (!frame.url) return 'native and built-ins';
  return `other (${pkg ?? localPath(frame.url) ?? frame.url})`;
}

/** `name (core/sites.ts:120)`, the line mapped back to the TypeScript source when a source map is loaded. */
function describe(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  const relative = localPath(frame.url);
  if (RULE_WRAPPER.test(frame.url)) return `${name} (@typescript-eslint/utils ${frame.url.split('/dist/')[1]}:${frame.lineNumber + 1})`;
  if (!relative) return `${name} (${packageOf(frame) ?? (frame.url || 'native')})`;
  const mapped = findSourceMap(fileURLToPath(frame.url))?.findEntry(frame.lineNumber, frame.columnNumber);
  const line = mapped && 'originalLine' in mapped ? mapped.originalLine + 1 : frame.lineNumber + 1;
  return `${name} (${relative}:${line})`;
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const total = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000;
const byCategory = new Map<string, number>();
const ownSelf = new Map<string, number>();
const ownTotal = new Map<string, number>();
const calledFromOurs = new Map<string, number>();
let underOurs = 0;

profile.samples.forEach((nodeId, index) => {
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  const leaf = nodes.get(nodeId)!;
  const leafCategory = category(leaf.callFrame);
  byCategory.set(leafCategory, (byCategory.get(leafCategory) ?? 0) + ms);
  // The stack from the leaf up; each of our functions counts once per sample, however deep its recursion.
  const seen = new Set<string>();
  let ours = false;
  for (let id: number | undefined = nodeId; id !== undefined; id = parents.get(id)) {
    const frame = nodes.get(id)!.callFrame;
    if (!isOurs(frame)) continue;
    ours = true;
    const key = describe(frame);
    if (!seen.has(key)) ownTotal.set(key, (ownTotal.get(key) ?? 0) + ms);
    seen.add(key);
  }
  if (!ours) return;
  underOurs += ms;
  if (isOurs(leaf.callFrame)) {
    const key = describe(leaf.callFrame);
    ownSelf.set(key, (ownSelf.get(key) ?? 0) + ms);
  } else {
    const key = leaf.callFrame.url ? (packageOf(leaf.callFrame) ?? localPath(leaf.callFrame.url) ?? leaf.callFrame.url) : `${leaf.callFrame.functionName || '(anonymous)'} (native)`;
    calledFromOurs.set(key, (calledFromOurs.get(key) ?? 0) + ms);
  }
});

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);
const rows = (map: Map<string, number>, of: number, count = top) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, value]) => `  ${ms(value)} ${percent(value / of).padStart(6)}  ${key}`);

const ownSelfTotal = [...ownSelf.values()].reduce((sum, value) => sum + value, 0);
console.log(
  [
    `Profile of ${rounds} rounds over ${jobs.length} ${group === 'no-handler' ? 'modules without a handler' : 'Lambda handler modules'} (bench/corpus, seed ${seed}), ` +
      `${withoutRules ? 'no rule' : 'our two rules only'}; ${ms(wall).trim()} of wall time, ${ms(total).trim()} sampled every ${interval} µs. Written to ${path.relative(process.cwd(), out)}.`,
    '',
    'Where the time goes (by the function on top of the stack):',
    ...rows(byCategory, total, 20),
    '',
    `Under our rules (a function of core/, rules/ or RuleCreator's wrapper on the stack): ${ms(underOurs).trim()}, ${percent(underOurs / total)} of the profile; ` +
      `${ms(ownSelfTotal).trim()} of it in our own functions. Percentages below are of the time under our rules.`,
    '',
    `Our functions by self time (top ${top}):`,
    ...rows(ownSelf, underOurs),
    '',
    `Our functions by total time (self and callees; nested ones overlap; top ${top}):`,
    ...rows(ownTotal, underOurs),
    '',
    'What our functions call into (self time of the callee, by package or built-in):',
    ...rows(calledFromOurs, underOurs, 12),
  ].join('\n'),
);
