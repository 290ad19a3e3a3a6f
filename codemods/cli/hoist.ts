import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import type { FileResult } from '../hoist/hoist-source.js';
import type { TransformOptions } from '../hoist/transform.js';
import { formatSummary, summarise } from '../summary.js';
import { hoistHelp, KNOWN_OPTIONS, parser, TRANSFORM } from './hoist-options.js';
import { readCliSettings } from './settings.js';
import { EXIT, UsageError } from './usage-error.js';

// jscodeshift is CommonJS; its Runner is what its own CLI uses, so every jscodeshift flag keeps its
// meaning here (the options are in hoist-options.ts).
const require = createRequire(import.meta.url);
const Runner = require('jscodeshift/src/Runner.js') as {
  run: (transform: string, paths: string[], options: Record<string, unknown>) => Promise<unknown> | undefined;
};
/** `hoist [options] <paths...>`: jscodeshift's Runner over the hoist transform, with our summary. */
export async function runHoist(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${hoistHelp()}\n`);
    return EXIT.ok;
  }
  const unknown = args.find((arg) => arg.startsWith('-') && !KNOWN_OPTIONS.has(arg.split('=')[0]!));
  if (unknown) throw new UsageError(`Unknown option: ${unknown.split('=')[0]}`, 'hoist');
  let parsed: ReturnType<typeof parser.parse>;
  try {
    parsed = parser.parse(args);
  } catch (error) {
    // jscodeshift appends its whole help to the message: the first line says what is wrong.
    throw new UsageError((error as Error).message.split('\n')[0]!, 'hoist');
  }
  const { settings: settingsFlag, ...options } = parsed.options;
  const paths = parsed.positionalArguments.map(String);
  if (paths.length === 0) throw new UsageError('Give at least one file or folder to transform.', 'hoist');
  const missing = paths.filter((candidate) => !existsSync(candidate));
  if (missing.length > 0) throw new UsageError(`No such file or folder: ${missing.join(', ')}`, 'hoist');
  const flag = settingsFlag === undefined ? undefined : String(settingsFlag);
  const { settings, additionalResources } = await readCliSettings(flag, paths, (line) => process.stderr.write(`${line}\n`));
  return runTransform(TRANSFORM, paths, options, { lambdaHygieneSettings: settings, lambdaHygieneResources: additionalResources });
}

async function runTransform(
  transformFile: string,
  paths: string[],
  options: Record<string, unknown>,
  passed: TransformOptions,
): Promise<number> {
  // This module is dist/codemods/cli/hoist.js; the bundled transform is dist/codemods/hoist.cjs.
  const transform = fileURLToPath(new URL(`../${transformFile}`, import.meta.url));
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-hoist-'));
  const quiet = Boolean(options.silent) || Boolean(options.json);
  const progress = quiet ? undefined : startProgress(reportDir);
  try {
    await Runner.run(transform, paths, {
      ...options,
      ...passed, // to the workers: jscodeshift hands every option to the transform
      dry: Boolean(options.dry) || Boolean(options.diff),
      babel: false, // the transform is plain CommonJS
      ignorePattern: ['node_modules', ...((options.ignorePattern as string[] | undefined) ?? [])],
      silent: true, // our summary replaces jscodeshift's
      lambdaHygieneReportDir: reportDir,
      lambdaHygieneKeepOutput: Boolean(options.diff),
    });
    progress?.stop();
    const results = readResults(reportDir);
    const summary = summarise(results);
    if (options.diff) printDiffs(results);
    if (options.json) process.stdout.write(`${JSON.stringify({ summary, files: results.map(withoutOutput) }, null, 2)}\n`);
    else if (!options.silent) process.stdout.write(formatSummary(summary, Boolean(options.dry) || Boolean(options.diff)));
    return summary.files.failed > 0 ? EXIT.failures : EXIT.ok;
  } finally {
    progress?.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

type ReportedResult = FileResult & { output?: string };

function readResults(reportDir: string): ReportedResult[] {
  return readdirSync(reportDir)
    .flatMap((file) => readFileSync(path.join(reportDir, file), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as ReportedResult)
    .sort((a, b) => a.file.localeCompare(b.file));
}

function withoutOutput({ output: _output, ...result }: ReportedResult): FileResult {
  return result;
}

function printDiffs(results: ReportedResult[]): void {
  for (const result of results) {
    if (result.status !== 'changed' || result.output === undefined) continue;
    // `--diff` implies a dry run: the file on disk is still the input.
    const input = readFileSync(result.file, 'utf8');
    const name = path.relative(process.cwd(), result.file);
    process.stdout.write(createTwoFilesPatch(`a/${name}`, `b/${name}`, input, result.output));
  }
}

/** A progress line on stderr for runs longer than two seconds: how many files are done. */
function startProgress(reportDir: string): { stop: () => void } {
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    if (Date.now() - started < 2000) return;
    const done = readdirSync(reportDir).reduce(
      (count, file) => count + readFileSync(path.join(reportDir, file), 'utf8').split('\n').filter(Boolean).length,
      0,
    );
    process.stderr.write(`\rhoist: ${done} files processed…`);
    shown = true;
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
      if (shown) process.stderr.write('\n');
      shown = false;
    },
  };
}
