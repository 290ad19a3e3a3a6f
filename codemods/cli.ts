import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HANDLERS_HELP } from './cli/handlers-help.js';
import { hoistHelp } from './cli/hoist-options.js';
import { EXIT, PROGRAM, UsageError } from './cli/usage-error.js';

export { EXIT } from './cli/usage-error.js';

/** The commands, each with its summary and its `--help`; a command's code is loaded only to run it. */
const COMMANDS: Record<string, { summary: string[]; run: (args: string[]) => Promise<number>; help: () => string }> = {
  hoist: {
    summary: [
      'hoist [options] <paths...>',
      'move the clients, pools and connections a handler creates on every invocation into lazily',
      'initialised module-scope singletons (a codemod: --diff to look first)',
    ],
    run: async (args) => (await import('./cli/hoist.js')).runHoist(args),
    help: hoistHelp,
  },
  handlers: {
    summary: [
      'handlers [dir] [--json]',
      'list the Lambda handlers of a project, from its IaC (SAM, CloudFormation, Serverless, CDK, SST,',
      'Architect, Terraform, Dockerfile) and from its code, and the IaC entries it cannot follow',
    ],
    run: async (args) => (await import('./cli/handlers.js')).runHandlers(args),
    help: () => HANDLERS_HELP,
  },
};

export function generalHelp(): string {
  const commands = Object.values(COMMANDS).flatMap(({ summary: [usage, ...lines] }) => [
    `  ${usage}`,
    ...lines.map((line) => `      ${line}`),
  ]);
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands,
    '',
    'Options:',
    '  -h, --help       print this help; <command> --help prints the help of a command',
    '  --version        print the version',
    '',
    'Examples:',
    `  npx ${PROGRAM} handlers`,
    `  npx ${PROGRAM} hoist --diff src/`,
    `  npx ${PROGRAM} hoist --help`,
    '',
    'Docs: docs/cli.md',
  ].join('\n');
}

/** The CLI: a command and its arguments in, an exit code out. Usage errors are one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(`${topic ? topic.help() : generalHelp()}\n`);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const selected = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (!selected) throw new UsageError(`Unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return await selected.run(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const help = error.command ? `${PROGRAM} ${error.command} --help` : `${PROGRAM} --help`;
    process.stderr.write(`${error.message.replace(/\.$/, '')}. See \`${help}\`.\n`);
    return EXIT.usage;
  }
}

function packageVersion(): string {
  // dist/codemods/cli.js in the package, codemods/cli.ts in the repository: package.json is two or one up.
  for (const relative of ['../package.json', '../../package.json']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}
