import { createRequire } from 'node:module';
import { PROGRAM } from './usage-error.js';

// jscodeshift's own argument parser, so that its flags keep their meaning; loaded without the rest of
// the codemod, so that `--help` is quick.
const require = createRequire(import.meta.url);
const argsParser = require('jscodeshift/src/argsParser.js') as {
  options: (spec: Record<string, unknown>) => {
    parse: (args: string[]) => { options: Record<string, unknown>; positionalArguments: string[] };
    getHelpText: () => string;
  };
};

export const TRANSFORM = 'hoist.cjs';
const EXTENSIONS = 'ts,tsx,mts,cts,js,mjs,cjs,jsx';

interface OptionSpec {
  full: string;
  abbr?: string;
  flag?: boolean;
  [key: string]: unknown;
}

const OPTIONS: Record<string, OptionSpec> = {
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
  settings: { full: 'settings', metavar: 'JSON', help: "settings['lambda-hygiene'] to use instead of those of the ESLint config" },
};

export const parser = argsParser.options(OPTIONS);

/** Every spelling of the options above. jscodeshift passes an unknown option along (taking the next path as its value). */
export const KNOWN_OPTIONS = new Set([
  '--help',
  '-h',
  ...Object.values(OPTIONS).flatMap((option) => [
    `--${option.full}`,
    ...(option.flag ? [`--no-${option.full}`] : []),
    ...(option.abbr ? [`-${option.abbr}`] : []),
  ]),
]);

/** `hoist --help`. */
export function hoistHelp(): string {
  return [
    `Usage: ${PROGRAM} hoist [options] <paths...>`,
    '',
    'Moves AWS SDK clients, database pools and connections that a Lambda handler creates on every',
    'invocation into lazily initialised module-scope singletons: the fix the rules ask for. It uses the',
    "rules' settings (settings['lambda-hygiene']: handlerNames, wrappers) and additionalResources from",
    'the ESLint config that applies to the first path, or the settings given with --settings.',
    '',
    optionsHelp(),
    '',
    'Examples:',
    `  npx ${PROGRAM} hoist --diff src/            look first: a unified diff, nothing written`,
    `  npx ${PROGRAM} hoist src/                   then write it`,
    `  npx ${PROGRAM} hoist --json src/ > hoist.json`,
    `  npx ${PROGRAM} hoist --settings '{"handlerNames":["main"]}' src/`,
    '',
    'Exit codes: 0 done, 1 a file failed (it was left unchanged), 2 usage error.',
    'Docs: docs/codemods/hoist.md',
  ].join('\n');
}

/** jscodeshift's option list, without its usage lines (they name jscodeshift) and its notes. */
function optionsHelp(): string {
  const help = parser.getHelpText();
  return help
    .slice(Math.max(0, help.indexOf('Options:')))
    .split('\n')
    .filter((line) => !line.startsWith('"..."') && !line.startsWith('All options are also passed'))
    .join('\n')
    .trimEnd();
}
