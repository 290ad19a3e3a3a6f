// Lint speed: what our two rules cost next to ESLint's own `js.configs.recommended`, on the same files,
// with the same parser, in the same process. `linter.verify` always parses and builds the scope, so a third
// configuration with no rules at all measures that part, and the headline ratio compares rule time alone:
// (ours − none) / (recommended − none). The three run interleaved per file, in a rotating order, for several
// rounds after a warm-up round; each figure sums every file's median over the rounds. A measurement: exits 0.
//
//   npx tsx bench/lint-speed.ts [--files 1500] [--rounds 6]
import js from '@eslint/js';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { glob } from 'tinyglobby';
import type { SourceType } from './lint-setup.js';
import { argument, median } from './measure.js';
import { repoRoot, sourceFiles, spread } from './source-files.js';
import { OUR_PLUGINS, OUR_RULES, configFor, sourceTypesFor, virtualFilename } from './lint-setup.js';

// Typical source files; the few huge bundles would otherwise make the totals mostly their parse time.
const MAX_BYTES = 256 * 1024;
const TARGET = 25;

const maxFiles = argument('files', 1500);
const rounds = argument('rounds', 6);

type ConfigName = 'ours' | 'recommended' | 'none';
const CONFIG_NAMES: readonly ConfigName[] = ['ours', 'recommended', 'none'];

interface Sample {
  file: string;
  text: string;
  fixture: boolean;
  configs: Record<ConfigName, Linter.Config[]>;
}

function configsFor(file: string, sourceType: SourceType): Record<ConfigName, Linter.Config[]> {
  return {
    ours: configFor(file, sourceType, OUR_RULES, { plugins: OUR_PLUGINS }),
    recommended: configFor(file, sourceType, js.configs.recommended.rules),
    none: configFor(file, sourceType, {}),
  };
}

const linter = new Linter({ configType: 'flat' });

/** The file with the source type it parses under, or undefined when it does not parse at all. */
function prepare(file: string, fixture: boolean): Sample | undefined {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  for (const sourceType of sourceTypesFor(file)) {
    const configs = configsFor(file, sourceType);
    const messages = linter.verify(text, configs.none, virtualFilename(file));
    if (!messages.some((message) => message.fatal)) return { file, text, fixture, configs };
  }
  return undefined;
}

const libraryFiles = spread(
  (await sourceFiles(join(repoRoot, 'node_modules'), { maxBytes: MAX_BYTES, pattern: '**/*.{js,mjs,cjs}' })).files,
  maxFiles,
);
const fixtureFiles = (await glob('fixtures/*/{poor,better}.{ts,tsx,js,mjs,cjs}', { cwd: repoRoot })).sort();
const samples = [
  ...libraryFiles.map((file) => prepare(file, false)),
  ...fixtureFiles.map((file) => prepare(file, true)),
].filter((sample): sample is Sample => sample !== undefined);

type Totals = Record<ConfigName, number>;

/** times[sample][config][round], in milliseconds. */
const times: Array<Record<ConfigName, number[]>> = samples.map(() => ({ ours: [], recommended: [], none: [] }));

/** One round over every file, each configuration once per file, in a rotating order. */
function round(roundNumber: number, record: boolean): void {
  samples.forEach((sample, index) => {
    // Rotate the order by file and by round, so that over every three rounds each configuration takes
    // each position on each file.
    for (let offset = 0; offset < CONFIG_NAMES.length; offset++) {
      const name = CONFIG_NAMES[(index + roundNumber + offset) % CONFIG_NAMES.length]!;
      const started = performance.now();
      linter.verify(sample.text, sample.configs[name], virtualFilename(sample.file));
      const elapsed = performance.now() - started;
      if (record) times[index]![name].push(elapsed);
    }
  });
}


/**
 * Each file's median over the rounds, summed over the files: a GC pause or a scheduler hiccup lands in
 * one round of one file and does not move the median.
 */
function totals(select: (sample: Sample) => boolean): Totals {
  const sum: Totals = { ours: 0, recommended: 0, none: 0 };
  samples.forEach((sample, index) => {
    if (!select(sample)) return;
    for (const name of CONFIG_NAMES) sum[name] += median(times[index]![name]);
  });
  return sum;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function report(label: string, totals: Totals): void {
  const ours = totals.ours - totals.none;
  const recommended = totals.recommended - totals.none;
  console.log(`\n${label}`);
  console.log(`  parse + scope only (no rules): ${ms(totals.none)}`);
  console.log(`  raw, parsing included: ours ${ms(totals.ours)}, js.configs.recommended ${ms(totals.recommended)}, ratio ${percent(totals.ours / totals.recommended)}`);
  console.log(
    `  ours: ${ms(ours)}, js.configs.recommended: ${ms(recommended)}, ratio: ${percent(ours / recommended)} (target <= ${TARGET}%)`,
  );
}

const fixtureCount = samples.filter((sample) => sample.fixture).length;
console.log(
  `${samples.length} files (${samples.length - fixtureCount} .js/.mjs/.cjs up to 256 KB spread over node_modules/, ${fixtureCount} fixtures), ` +
    `${rounds} rounds after 1 warm-up round, per-file median of rounds`,
);
round(0, false); // warm-up: JIT, parser and rule caches
for (let index = 0; index < rounds; index++) round(index, true);
if (fixtureCount) {
  report(`Fixtures only (${fixtureCount} files, all with Lambda handlers):`, totals((sample) => sample.fixture));
}
report(`All ${samples.length} files (the headline):`, totals(() => true));
