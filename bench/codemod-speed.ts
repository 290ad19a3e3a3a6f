// Codemod speed: files per second of the hoist codemod over real files (a spread over node_modules/),
// against a jscodeshift identity transform (parse and print, nothing changed) on the same files, in the
// same process and run. The two alternate by round, in a rotating order; each figure sums every file's
// median over the rounds. Target: hoist / identity <= 1.5. A measurement: exits 0.
//
//   npx tsx bench/codemod-speed.ts [--files 2000] [--rounds 4]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hoistSource } from '../codemods/hoist/hoist-source.js';
import { argument, median } from './measure.js';
import { repoRoot, sourceFiles, spread } from './source-files.js';

const require = createRequire(import.meta.url);
// jscodeshift's own API, as a transform receives it: `j(source).toSource()` with its ts/tsx/babel parsers.
const jscodeshift = require('jscodeshift') as {
  withParser: (parser: string) => (source: string) => { toSource: () => string };
};
const TARGET = 1.5;

const maxFiles = argument('files', 2000);
const rounds = argument('rounds', 4);

type Transform = (text: string, file: string) => string;
const parsers = { ts: jscodeshift.withParser('ts'), tsx: jscodeshift.withParser('tsx'), babel: jscodeshift.withParser('babel') };
const transforms: Record<'hoist' | 'identity', Transform> = {
  hoist: (text, file) => hoistSource(text, file).output,
  identity: (text, file) =>
    (file.endsWith('.ts') ? parsers.ts : file.endsWith('.tsx') ? parsers.tsx : parsers.babel)(text).toSource(),
};
const NAMES = ['hoist', 'identity'] as const;

// Only files both can parse: a parse error is not a fair sample for either.
const candidates = spread((await sourceFiles(join(repoRoot, 'node_modules'), { maxBytes: 256 * 1024 })).files, maxFiles);
const samples = candidates.flatMap((file) => {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  try {
    for (const name of NAMES) transforms[name](text, file);
  } catch {
    return [];
  }
  const { result } = hoistSource(text, file);
  return result.status === 'skipped' ? [] : [{ file, text }];
});

const times = samples.map(() => ({ hoist: [] as number[], identity: [] as number[] }));
function round(roundNumber: number, record: boolean): void {
  samples.forEach((sample, index) => {
    for (let offset = 0; offset < NAMES.length; offset++) {
      const name = NAMES[(index + roundNumber + offset) % NAMES.length]!;
      const started = performance.now();
      transforms[name](sample.text, sample.file);
      if (record) times[index]![name].push(performance.now() - started);
    }
  });
}


console.log(`${samples.length} files (of ${candidates.length} spread over node_modules/, up to 256 KB, parsed by both), ${rounds} rounds after 1 warm-up round`);
round(0, false);
for (let index = 0; index < rounds; index++) round(index + 1, true);
const total = (name: (typeof NAMES)[number]) => times.reduce((sum, sample) => sum + median(sample[name]), 0);
const hoist = total('hoist');
const identity = total('identity');
const perSecond = (ms: number) => ((samples.length / ms) * 1000).toFixed(0);
console.log(`hoist: ${hoist.toFixed(0)} ms, ${perSecond(hoist)} files/s`);
console.log(`jscodeshift identity (parse + print): ${identity.toFixed(0)} ms, ${perSecond(identity)} files/s`);
console.log(`ratio hoist / identity: ${(hoist / identity).toFixed(2)} (target <= ${TARGET})`);
