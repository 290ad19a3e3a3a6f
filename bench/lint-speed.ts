// Lint speed: what our two rules cost next to ESLint's own `js.configs.recommended`, on the same files,
// with the same parser, in the same process. Each round parses every file once (ESLint's parse, scope
// analysis and traversal, timed on its own), then lints the parsed SourceCode three times: with our two
// rules, with `js.configs.recommended`, and with no rule at all (what ESLint does around any rule:
// configuration, globals, replaying the traversal), in each of the six orders in turn. A file's rule time
// for a configuration is the median over the rounds of (that configuration − no rule), both timed in the
// same round; each ratio is our rule time over recommended's, summed over a group's files. Keep --rounds a
// multiple of 6, the number of orders.
//
// The headline is the ratio on Lambda handler modules: the generated corpus of bench/corpus/ (seeded, so
// every run and machine lints the same files). Then modules without a handler (generated too: utilities,
// React components, SDK libraries, CDK stacks...), and files spread over node_modules/. The fixtures and,
// with --dir, any folder of real files (bench/corpus/from-mirrors.ts builds one from public samples) are
// printed as details. A measurement: exits 0 unless a generated file fails to parse.
//
//   npx tsx bench/lint-speed.ts [--rounds 6] [--files 1500] [--seed 13] [--handlers 300] [--others 200]
//                               [--no-node-modules] [--dir DIR]
import js from '@eslint/js';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { glob } from 'tinyglobby';
import { DEFAULT_SEED } from './corpus/index.js';
import type { LintInput, SourceType } from './lint-setup.js';
import { OUR_PLUGINS, OUR_RULES, configFor, corpusInputs, sourceTypesFor, virtualFilename } from './lint-setup.js';
import { argument, flag, median, percent, stringArgument } from './measure.js';
import { repoRoot, sourceFiles, spread } from './source-files.js';

// Typical source files; the few huge bundles would otherwise make the totals mostly their parse time.
const MAX_BYTES = 256 * 1024;

const rounds = argument('rounds', 6);
const maxLibraryFiles = argument('files', 1500);
const seed = argument('seed', DEFAULT_SEED);
const handlerCount = argument('handlers', 300);
const otherCount = argument('others', 200);
const externalDir = stringArgument('dir');

type ConfigName = 'ours' | 'recommended' | 'none';
const ORDERS: ReadonlyArray<readonly ConfigName[]> = [
  ['ours', 'recommended', 'none'],
  ['ours', 'none', 'recommended'],
  ['recommended', 'ours', 'none'],
  ['recommended', 'none', 'ours'],
  ['none', 'ours', 'recommended'],
  ['none', 'recommended', 'ours'],
];

interface Group {
  label: string;
  /** Its line in the summary; details-only groups have none. */
  summary?: string;
  target?: number;
}

interface Sample {
  group: Group;
  file: string;
  text: string;
  configs: Record<ConfigName, Linter.Config[]>;
  /** What our rules report on it (from the preparing run). */
  reports: number;
}

function configsFor(file: string, sourceType: SourceType): Record<ConfigName, Linter.Config[]> {
  return {
    ours: configFor(file, sourceType, OUR_RULES, { plugins: OUR_PLUGINS }),
    recommended: configFor(file, sourceType, js.configs.recommended.rules),
    none: configFor(file, sourceType, {}),
  };
}

const linter = new Linter({ configType: 'flat' });

/** The file under the first source type it parses as, or undefined when it parses under none. */
function prepare(group: Group, file: string, text: string, sourceTypes: readonly SourceType[]): Sample | undefined {
  for (const sourceType of sourceTypes) {
    const configs = configsFor(file, sourceType);
    const messages = linter.verify(text, configs.ours, virtualFilename(file));
    if (messages.some((message) => message.fatal)) continue;
    const reports = messages.filter((message) => message.ruleId?.startsWith('lambda-hygiene/')).length;
    return { group, file, text, configs, reports };
  }
  return undefined;
}

/** Generated files must parse: a failure is a bug in the generator, not a file to skip. */
function prepareGenerated(group: Group, input: LintInput): Sample {
  const sample = prepare(group, input.file, input.text, [input.sourceType]);
  if (!sample) {
    const messages = linter.verify(input.text, configsFor(input.file, input.sourceType).none, virtualFilename(input.file));
    throw new Error(`generated ${input.file} does not parse: ${messages.find((message) => message.fatal)?.message}\n${input.text}`);
  }
  return sample;
}

function prepareOnDisk(group: Group, root: string, files: readonly string[]): Sample[] {
  return files
    .map((file) => prepare(group, relative(repoRoot, join(root, file)), readFileSync(join(root, file), 'utf8'), sourceTypesFor(file)))
    .filter((sample): sample is Sample => sample !== undefined);
}

const corpus = corpusInputs({ seed, handlers: handlerCount, others: otherCount });
const lambda: Group = { label: `Lambda handler modules (${corpus.lambda.length} generated by bench/corpus, seed ${seed})`, summary: 'Lambda handler corpus', target: 15 };
const noHandler: Group = { label: `Modules without a handler (${corpus.noHandler.length} generated by bench/corpus, seed ${seed})`, summary: 'Files without a handler', target: 5 };
const libraries: Group = { label: 'node_modules/ (.js/.mjs/.cjs files up to 256 KB, spread over every package)', summary: 'node_modules' };
const fixtures: Group = { label: 'The fixtures (fixtures/*/{poor,better}.*, every file a Lambda handler)' };
const external: Group = { label: `Files under ${externalDir ?? ''} (--dir)` };

const samples: Sample[] = [
  ...corpus.lambda.map((input) => prepareGenerated(lambda, input)),
  ...corpus.noHandler.map((input) => prepareGenerated(noHandler, input)),
];
if (!flag('no-node-modules')) {
  const libraryFiles = spread((await sourceFiles(join(repoRoot, 'node_modules'), { maxBytes: MAX_BYTES, pattern: '**/*.{js,mjs,cjs}' })).files, maxLibraryFiles);
  samples.push(...prepareOnDisk(libraries, repoRoot, libraryFiles));
}
samples.push(...prepareOnDisk(fixtures, repoRoot, (await glob('fixtures/*/{poor,better}.{ts,tsx,js,mjs,cjs}', { cwd: repoRoot })).sort()));
if (externalDir) {
  const root = resolve(externalDir);
  samples.push(...prepareOnDisk(external, root, (await glob('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd: root, ignore: ['**/node_modules/**'] })).sort()));
}

/** times[sample][round]: the parse, and each configuration on the parsed file, in milliseconds. */
const times: Array<{ parse: number[] } & Record<ConfigName, number[]>> = samples.map(() => ({ parse: [], ours: [], recommended: [], none: [] }));

/** One round over every file: parse it once, then each configuration once on the parsed file, in a rotating order. */
function round(roundNumber: number, record: boolean): void {
  samples.forEach((sample, index) => {
    const filename = virtualFilename(sample.file);
    let started = performance.now();
    linter.verify(sample.text, sample.configs.none, filename);
    if (record) times[index]!.parse.push(performance.now() - started);
    // The SourceCode keeps its tokens, scope and traversal: the runs below time configuration and rules.
    // Our analysis is cached per parsed Program, and each round parses anew: every round analyses afresh.
    const sourceCode = linter.getSourceCode();
    // A run is slowed by what the one before it left (recommended's garbage falls on whatever follows
    // it): take the six orders in turn, by file and by round, so that over six rounds every configuration
    // follows the parse and each other configuration equally often.
    for (const name of ORDERS[(index + roundNumber) % ORDERS.length]!) {
      started = performance.now();
      linter.verify(sourceCode, sample.configs[name], filename);
      const elapsed = performance.now() - started;
      if (record) times[index]![name].push(elapsed);
    }
  });
}

interface Totals {
  parse: number;
  ours: number;
  recommended: number;
}

/**
 * Per file, the median over the rounds (a GC pause or a scheduler hiccup lands in one round of one file
 * and does not move it) of each configuration's time minus the no-rule time of the same round; summed
 * over the group's files.
 */
function totals(group: Group): Totals {
  const sum: Totals = { parse: 0, ours: 0, recommended: 0 };
  samples.forEach((sample, index) => {
    if (sample.group !== group) return;
    const file = times[index]!;
    const overNone = (values: number[]) => median(values.map((value, round) => value - file.none[round]!));
    sum.parse += median(file.parse);
    sum.ours += overNone(file.ours);
    sum.recommended += overNone(file.recommended);
  });
  return sum;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const groups = [lambda, noHandler, libraries, fixtures, external].filter((group) => samples.some((sample) => sample.group === group));
const sizeOf = (group: Group) => samples.filter((sample) => sample.group === group).length;

console.log(
  `${samples.length} files in ${groups.length} groups, 3 configurations each (our two rules, js.configs.recommended, no rule), ` +
    `${rounds} rounds after 1 warm-up round, per-file median of rounds`,
);
round(0, false); // warm-up: JIT, parser and rule caches
for (let index = 0; index < rounds; index++) round(index, true);

const ratios = new Map<Group, Totals>();
for (const group of groups) {
  const sum = totals(group);
  const inGroup = samples.filter((sample) => sample.group === group);
  ratios.set(group, sum);
  const reported = inGroup.filter((sample) => sample.reports > 0);
  console.log(`\n${group.label}: ${inGroup.length} files`);
  console.log(`  our reports: ${inGroup.reduce((count, sample) => count + sample.reports, 0)} in ${reported.length} files`);
  console.log(`  parse, scope and traversal (once per file and round, no rule): ${ms(sum.parse)}`);
  console.log(`  rule time: ours ${ms(sum.ours)}, js.configs.recommended ${ms(sum.recommended)}, ratio ${percent(sum.ours / sum.recommended)}`);
  console.log(
    `  with parsing: ours ${ms(sum.parse + sum.ours)}, js.configs.recommended ${ms(sum.parse + sum.recommended)}, ratio ${percent((sum.parse + sum.ours) / (sum.parse + sum.recommended))}`,
  );
}

console.log(`\nOur two rules' time / js.configs.recommended's time (rule time: parsing and scope analysis excluded), this run:`);
for (const group of groups) {
  if (!group.summary) continue;
  const { ours, recommended } = ratios.get(group)!;
  const target = group.target ? `, target <= ${group.target}%` : '';
  console.log(
    `  ${`${group.summary} (${sizeOf(group)} files):`.padEnd(42)} ${percent(ours / recommended).padStart(6)}  (ours ${ms(ours)}, recommended ${ms(recommended)}${target})`,
  );
}
