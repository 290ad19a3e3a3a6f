// Robustness: run both rules over every .js/.mjs/.cjs/.ts file under node_modules/ (thousands of files
// nobody wrote for us, .d.ts included) and count crashes. A crash is an exception thrown out of our
// rules or core/; parse errors are not ours and are counted apart. Exits 1 when anything crashed.
//
//   npx tsx bench/robustness.ts [--stress] [root]       (default root: node_modules)
//
// Library code rarely exports a Lambda handler, so most files leave the analysis early. `--stress` makes
// the deep paths run on it too: common export names count as handlers, and every imported name that is
// constructed or called counts as a resource.
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OUR_PLUGINS, OUR_RULES, configFor, sourceTypesFor, virtualFilename } from './lint-setup.js';
import { repoRoot, sourceFiles } from './source-files.js';
import { STRESS_HANDLER_NAMES, STRESS_RESOURCES } from './stress.js';

const MAX_BYTES = 1024 * 1024;
const SHOW_CRASHES = 5;
const SHOW_FINDINGS = 20;
const SHOW_SLOWEST = 5;

const args = process.argv.slice(2);
const stress = args.includes('--stress');
const rootDir = resolve(repoRoot, args.find((arg) => !arg.startsWith('--')) ?? 'node_modules');
const root = relative(repoRoot, rootDir) || '.';

const rules: Linter.RulesRecord = stress
  ? Object.fromEntries(Object.keys(OUR_RULES).map((id) => [id, ['error', { additionalResources: STRESS_RESOURCES }]]))
  : OUR_RULES;
const extra: Pick<Linter.Config, 'plugins' | 'settings'> = stress
  ? { plugins: OUR_PLUGINS, settings: { 'lambda-hygiene': { handlerNames: STRESS_HANDLER_NAMES } } }
  : { plugins: OUR_PLUGINS };

interface Crash {
  file: string;
  error: Error;
}

/** An exception counts as ours when it was thrown from our rules or the analysis they run. */
function isOurs(error: Error): boolean {
  const text = `${error.message}\n${error.stack ?? ''}`;
  return (
    text.includes('Error while loading rule') ||
    text.includes('Rule: "lambda-hygiene/') ||
    text.includes(`${repoRoot}rules/`) ||
    text.includes(`${repoRoot}core/`) ||
    text.includes(`${repoRoot}index.ts`)
  );
}

const started = performance.now();
const { files, skipped: skippedLarge } = await sourceFiles(rootDir, { maxBytes: MAX_BYTES });

const linter = new Linter({ configType: 'flat' });
let linted = 0;
let parseErrors = 0;
const crashes: Crash[] = [];
const otherErrors: Crash[] = [];
const findings: string[] = [];
const parseFailures: string[] = [];
const timings: Array<{ file: string; ms: number }> = [];

for (const file of files) {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  linted++;
  const fileStarted = performance.now();
  let messages: Linter.LintMessage[] = [];
  try {
    for (const sourceType of sourceTypesFor(file)) {
      messages = linter.verify(text, configFor(file, sourceType, rules, extra), virtualFilename(file));
      if (!messages.some((message) => message.fatal)) break;
    }
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    (isOurs(error) ? crashes : otherErrors).push({ file, error });
    continue;
  } finally {
    timings.push({ file, ms: performance.now() - fileStarted });
  }
  const fatal = messages.find((message) => message.fatal);
  if (fatal) {
    parseErrors++;
    parseFailures.push(`${file}:${fatal.line}:${fatal.column}  ${fatal.message}`);
    continue;
  }
  for (const message of messages) {
    if (message.ruleId?.startsWith('lambda-hygiene/')) {
      findings.push(`${file}:${message.line}:${message.column}  ${message.ruleId}  ${message.message}`);
    }
  }
}

const seconds = (performance.now() - started) / 1000;

if (crashes.length) {
  console.log(`\nCrashes (first ${Math.min(SHOW_CRASHES, crashes.length)} of ${crashes.length}):`);
  for (const { file, error } of crashes.slice(0, SHOW_CRASHES)) {
    console.log(`\n${file}\n${(error.stack ?? error.message).split('\n').slice(0, 12).join('\n')}`);
  }
}
if (otherErrors.length) {
  console.log(`\nExceptions not from our code (first ${Math.min(SHOW_CRASHES, otherErrors.length)} of ${otherErrors.length}):`);
  for (const { file, error } of otherErrors.slice(0, SHOW_CRASHES)) {
    console.log(`  ${file}: ${error.message.split('\n')[0]}`);
  }
}
if (parseFailures.length) {
  console.log(`\nParse errors, not ours (first ${Math.min(SHOW_CRASHES, parseFailures.length)} of ${parseFailures.length}):`);
  for (const failure of parseFailures.slice(0, SHOW_CRASHES)) console.log(`  ${failure}`);
}
if (findings.length) {
  console.log(`\nFindings (first ${Math.min(SHOW_FINDINGS, findings.length)} of ${findings.length}):`);
  for (const finding of findings.slice(0, SHOW_FINDINGS)) console.log(`  ${finding}`);
}
console.log('\nSlowest files:');
for (const { file, ms } of timings.sort((a, b) => b.ms - a.ms).slice(0, SHOW_SLOWEST)) {
  console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${file}`);
}
console.log(`\n(${stress ? 'stress mode; ' : ''}${files.length} files found under ${root}/, ${skippedLarge} over 1 MB skipped, ${otherErrors.length} other exceptions)`);
console.log(
  `files linted: ${linted}, parse errors: ${parseErrors}, crashes: ${crashes.length}, findings: ${findings.length}, time: ${seconds.toFixed(1)}s`,
);
process.exitCode = crashes.length > 0 ? 1 : 0;
