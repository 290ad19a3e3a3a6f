import path from 'node:path';
import { resolveHandlerString } from '../handler-string.js';
import { notNodeRuntime } from './declaration.js';
import type { IacFindings, IacReadContext } from './declaration.js';

export const ARCHITECT_FILE = /^(app\.arc|\.arc)$/;

/** Pragmas whose entries are functions, and the folder under `src/` each lives in by default. */
const FUNCTION_PRAGMAS: Record<string, string> = {
  http: 'http',
  events: 'events',
  queues: 'queues',
  scheduled: 'scheduled',
  'tables-streams': 'tables-streams',
  ws: 'ws',
  customLambdas: 'custom',
};

interface ArcEntry {
  words: string[];
  line: number;
  /** Indented `key value` lines under an expanded entry. */
  props: Map<string, string>;
}

/** An Architect manifest: `@pragma` sections (with their line) of entries, optionally expanded by indented lines. */
export function parseArc(text: string): Map<string, ArcEntry[] & { line?: number }> {
  const pragmas = new Map<string, ArcEntry[] & { line?: number }>();
  let current: (ArcEntry[] & { line?: number }) | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s#.*$|^#.*$/, '').trimEnd();
    if (!line.trim()) return;
    const pragma = /^@([\w-]+)/.exec(line);
    if (pragma) {
      current = Object.assign([], { line: index + 1 });
      pragmas.set(pragma[1]!, current);
      return;
    }
    if (!current) return;
    const words = line.trim().split(/\s+/);
    if (/^\s/.test(line) && current.length > 0) current.at(-1)!.props.set(words[0]!, words.slice(1).join(' '));
    else current.push({ words, line: index + 1, props: new Map() });
  });
  return pragmas;
}

/** Architect's function folder name for an HTTP route: `get /notes/:id` → `get-notes-000id`. */
export function httpFunctionName(method: string, route: string): string {
  const name =
    route === '/'
      ? '-index'
      : route.replace(/-/g, '_').replace(/\./g, '_').replace(/\//g, '-').replace(/:/g, '000').replace(/\*/g, 'catchall');
  return `${method.toLowerCase()}${name}`;
}

/**
 * Architect (`app.arc`): each function of `@http`, `@events`, `@queues`, `@scheduled`, `@tables-streams`,
 * `@ws` and `@customLambdas` lives in `src/<pragma>/<name>/` (or the folder its `src`/`path` names), with
 * `index.handler` as its handler; `@aws runtime` (or a function's config.arc) may say it is not Node.js.
 */
export function readArchitect(file: string, text: string, context: IacReadContext): IacFindings {
  const appDir = path.dirname(file);
  const pragmas = parseArc(text);
  const globalRuntime = runtimeOf(pragmas);
  const findings: IacFindings = { declarations: [], layers: [] };
  for (const [pragma, folder] of Object.entries(FUNCTION_PRAGMAS)) {
    const entries = pragmas.get(pragma);
    if (!entries) continue;
    const functions = entries.map((entry) => functionOf(pragma, folder, entry));
    if (pragma === 'ws') {
      for (const route of ['connect', 'disconnect', 'default']) {
        if (!functions.some((fn) => fn.name === route)) functions.push({ name: route, dir: `src/ws/${route}`, line: entries.line ?? 1 });
      }
    }
    for (const fn of functions) {
      const srcDir = path.resolve(appDir, fn.dir);
      const config = context.fs.readText(path.join(srcDir, 'config.arc'));
      const runtime = notNodeRuntime((config !== undefined ? runtimeOf(parseArc(config)) : undefined) ?? globalRuntime);
      findings.declarations.push({
        declaredIn: { file, line: fn.line },
        iac: { format: 'architect', function: `@${pragma} ${fn.name}`, handler: `${fn.dir}/index.handler` },
        resolution: runtime ? { reason: runtime } : resolveHandlerString(context, 'index.handler', srcDir),
      });
    }
  }
  return findings;
}

function functionOf(pragma: string, folder: string, entry: ArcEntry): { name: string; dir: string; line: number } {
  const custom = entry.props.get('src') ?? entry.props.get('path');
  if (pragma === 'http') {
    // `get /path`, or an expanded `/path` with `method get` under it.
    const [first = '', second] = entry.words;
    const [method, route] = second !== undefined ? [first, second] : [entry.props.get('method') ?? 'get', first];
    const name = `${method.toLowerCase()} ${route}`;
    return { name, dir: custom ?? `src/http/${httpFunctionName(method, route)}`, line: entry.line };
  }
  const name = entry.words[0] ?? '';
  return { name, dir: custom ?? `src/${folder}/${name}`, line: entry.line };
}

/** `@aws` `runtime nodejs20.x`; Architect's TypeScript plugin's `typescript` runtime is Node.js too. */
function runtimeOf(pragmas: Map<string, ArcEntry[] & { line?: number }>): string | undefined {
  const runtime = pragmas.get('aws')?.find((entry) => entry.words[0] === 'runtime')?.words[1];
  return runtime === 'typescript' ? 'nodejs' : runtime;
}
