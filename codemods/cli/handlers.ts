import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatHandlersReport, loadProject, reportHandlers } from '../../core/project/index.js';
import { readCliSettings } from './settings.js';
import { HANDLERS_HELP } from './handlers-help.js';
import { EXIT, UsageError } from './usage-error.js';


/** `handlers [dir] [--json] [--settings JSON]`. */
export async function runHandlers(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args);
  if (values.help) {
    process.stdout.write(`${HANDLERS_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`handlers takes one folder, got ${positionals.length}: ${positionals.join(' ')}`, 'handlers');
  const dir = path.resolve(positionals[0] ?? '.');
  if (!isDirectory(dir)) throw new UsageError(`No such folder: ${positionals[0] ?? dir}`, 'handlers');
  const { settings } = await readCliSettings(values.settings, [dir], (line) => process.stderr.write(`${line}\n`));
  const project = loadProject(dir, { settings });
  process.stdout.write(values.json ? `${JSON.stringify(reportHandlers(project), null, 2)}\n` : formatHandlersReport(project));
  return EXIT.ok;
}

function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        settings: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's message goes on about `--` for positionals that start with a dash: the first sentence says it.
    throw new UsageError((error as Error).message.split('. To specify')[0]!, 'handlers');
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
