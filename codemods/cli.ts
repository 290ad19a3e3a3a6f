import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import type { FileResult } from './hoist/hoist-source.js';
import { summarise, formatSummary } from './summary.js';

// jscodeshift is CommonJS; its Runner and argument parser are what its own CLI uses, so every
// jscodeshift flag keeps its meaning here.
const require = createRequire(import.meta.url);
const Runner = require('jscodeshift/src/Runner.js') as {
  run: (transform: string, paths: string[], options: Record<string, unknown>) => Promise<unknown> | undefined;
};
const argsParser = require('jscodeshift/src/argsParser.js') as {
  options: (spec: Record<string, unknown>) => {
    parse: (args: string[]) => { options: Record<string, unknown>; positionalArguments: string[] };
    getHelpText: () => string;
  };
};

/** Exit codes, documented in docs/codemods/hoist.md. */
export const EXIT = { ok: 0, failures: 1, usage: 2 } as const;

const TRANSFORMS = { hoist: 'hoist.cjs' } as const;
const EXTENSIONS = 'ts,tsx,mts,cts,js,mjs,cjs,jsx';

const parser = argsParser.options({
  cpus: { full: 'cpus', abbr: 'c', help: 'start at most N child processes to process source files', metavar: 'N', process: Number },
  dry: { full: 'dry', abbr: 'd', flag: true, default: false, help: 'dry run (no changes are made to files)' },
  print: { full: 'print', abbr: 'p', flag: true, default: false, help: 'print transformed files to stdout' },
  diff: { full: 'diff', flag: true, default: false, help: 'print a unified diff of each changed file (implies --dry)' },
  json: { full: 'json', flag: true, default: false, help: 'print one JSON report (files, sites hoisted, sites left) instead of the summary' },
  extensions: { full: 'extensions', default: EXTENSIONS, help: 'transform files with these file extensions (comma separated list)', metavar: 'EXT' },
  ignorePattern: { full: 'ignore-pattern', list: true, help: 'ignore files that match a provided glob expression (node_modules always is)', metavar: 'GLOB' },
  ignoreConfig: { full: 'ignore-config', list: true, help: 'ignore files if they match patterns sourced from a configuration file (e.g. a .gitignore)', metavar: 'FILE' },
  gitignore: { full: 'gitignore', flag: true, default: false, help: "adds entries the current directory's .gitignore file" },
  runInBand: { full: 'run-in-band', flag: true, default: false, help: 'run serially in the current process' },
  silent: { full: 'silent', abbr: 's', flag: true, default: false, help: 'do not write the progress line and summary' },
  verbose: { full: 'verbose', abbr: 'v', choices: [0, 1, 2], default: 0, process: Number, help: 'show more information about the transform process' },
});

function usage(): string {
  return [
    'Usage: eslint-plugin-lambda-hygiene hoist [options] <paths...>',
    '',
    'Moves AWS SDK clients, database pools and connections that a Lambda handler creates on every',
    'invocation into lazily initialised module-scope singletons. Docs: docs/codemods/hoist.md',
    '',
    `Transforms: ${Object.keys(TRANSFORMS).join(', ')}`,
    '',
    optionsHelp(),
  ].join('\n');
}

/** jscodeshift's option list (its usage lines name jscodeshift). */
function optionsHelp(): string {
  const help = parser.getHelpText();
  return help.slice(Math.max(0, help.indexOf('Options:')));
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    process.stdout.write(`${usage()}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (!(command in TRANSFORMS)) {
    process.stderr.write(`Unknown command "${command}". ${usage()}\n`);
    return EXIT.usage;
  }
  let parsed: ReturnType<typeof parser.parse>;
  try {
    parsed = parser.parse(rest);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const { options, positionalArguments: paths } = parsed;
  if (paths.length === 0) {
    process.stderr.write(`Give at least one file or folder to transform.\n\n${usage()}\n`);
    return EXIT.usage;
  }
  const missing = paths.filter((candidate) => !existsSync(candidate));
  if (missing.length > 0) {
    process.stderr.write(`No such file or folder: ${missing.join(', ')}\n`);
    return EXIT.usage;
  }
  return runTransform(TRANSFORMS[command as keyof typeof TRANSFORMS], paths, options);
}

async function runTransform(transformFile: string, paths: string[], options: Record<string, unknown>): Promise<number> {
  const transform = fileURLToPath(new URL(`./${transformFile}`, import.meta.url));
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-hoist-'));
  const quiet = Boolean(options.silent) || Boolean(options.json);
  const progress = quiet ? undefined : startProgress(reportDir);
  try {
    await Runner.run(transform, paths, {
      ...options,
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

function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}
