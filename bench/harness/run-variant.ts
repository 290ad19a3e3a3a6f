// The parent side of the harness: prepares the variants of a fixture as JavaScript modules (poor, better,
// and codemod = the hoist codemod applied to poor, made here and never committed), and runs each in a
// fresh `node` process (invoke.ts) with a clean environment, collecting its JSON result.
import { build, transform } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hoistSource } from '../../codemods/hoist/hoist-source.js';
import type { FileResult } from '../../codemods/hoist/hoist-source.js';
import { stripMarkers } from '../../tests/fixtures.js';
import { CRASH_EXIT_CODE } from './crash.js';
import type { ChildMessage, DoneMessage, InvokeResult, InvokeSpec, ParentMessage } from './invoke.js';

export type Variant = 'poor' | 'better' | 'codemod';
export const VARIANTS: readonly Variant[] = ['poor', 'better', 'codemod'];

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the repository (git- and lint-ignored), so that the modules resolve this node_modules. */
const WORK_ROOT = path.join(REPO_ROOT, '.bench-out');

export interface WorkDir {
  dir: string;
  invoker: string;
  remove(): void;
}

/** A scratch folder for one run: the compiled runner and the variants' modules. Remove it when done. */
export async function createWorkDir(): Promise<WorkDir> {
  mkdirSync(WORK_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(WORK_ROOT, 'run-'));
  const invoker = path.join(dir, 'invoke.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./invoke.ts', import.meta.url))],
    outfile: invoker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return { dir, invoker, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PreparedVariant {
  variant: Variant;
  /** The JavaScript module a handler process imports. */
  module: string;
  /** The source it was compiled from (for codemod: the codemod's output). */
  source: string;
}

export interface PreparedVariants {
  variants: Record<Variant, PreparedVariant>;
  /** What the codemod reported for poor. */
  codemod: FileResult;
}

/**
 * poor, better and codemod(poor) of one fixture as JavaScript modules in `workDir`. TypeScript is
 * compiled file by file with esbuild (types stripped, imports kept: the handler loads the SDK or driver
 * from node_modules as a deployed function would). The `// expect:` markers are stripped first, as a
 * user's code would not have them.
 */
export async function prepareVariants(workDir: string, fixtureDir: string, label: string): Promise<PreparedVariants> {
  const poorFile = findVariant(fixtureDir, 'poor');
  const betterFile = findVariant(fixtureDir, 'better');
  const poor = stripMarkers(readFileSync(poorFile, 'utf8'));
  const better = stripMarkers(readFileSync(betterFile, 'utf8'));
  const { output: codemod, result } = hoistSource(poor, poorFile);
  if (result.status !== 'changed') {
    throw new Error(`the codemod did not change ${poorFile} (${result.status}${result.message ? `: ${result.message}` : ''})`);
  }
  const outDir = path.join(workDir, label);
  mkdirSync(outDir, { recursive: true });
  const sources: Record<Variant, string> = { poor, better, codemod };
  const variants = {} as Record<Variant, PreparedVariant>;
  for (const variant of VARIANTS) {
    const source = sources[variant];
    const extension = path.extname(poorFile);
    const module = path.join(outDir, `${variant}${outputExtension(extension)}`);
    writeFileSync(module, await compile(source, extension, poorFile));
    if (variant === 'codemod') writeFileSync(path.join(outDir, `codemod${extension}`), source);
    variants[variant] = { variant, module, source };
  }
  return { variants, codemod: result };
}

function findVariant(fixtureDir: string, variant: 'poor' | 'better'): string {
  for (const extension of ['.ts', '.mts', '.cts', '.mjs', '.cjs', '.js']) {
    const file = path.join(fixtureDir, `${variant}${extension}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`${fixtureDir} has no runnable ${variant}.* file`);
}

/** Fixture `.js` files are CommonJS (fixtures/README.md); TypeScript fixtures are ES modules. */
function outputExtension(extension: string): string {
  if (extension === '.js' || extension === '.cjs' || extension === '.cts') return '.cjs';
  return '.mjs';
}

async function compile(source: string, extension: string, sourcefile: string): Promise<string> {
  if (!/^\.[cm]?ts$/.test(extension)) return source;
  const { code } = await transform(source, {
    loader: 'ts',
    format: extension === '.cts' ? 'cjs' : 'esm',
    target: 'node20',
    sourcefile,
  });
  return code;
}

export interface RunOptions {
  invoker: string;
  module: string;
  handler?: string;
  events: unknown[];
  invocations: number;
  /** Environment variables of the backend and the scenario, on top of a clean base. */
  env: Record<string, string>;
  keepResults?: boolean;
  /** One invocation's timeout (Lambda's function timeout). */
  invocationTimeoutMs?: number;
  /** The whole process's. */
  processTimeoutMs?: number;
  /** Model the runtime's wait for an empty event loop after a callback (see invoke.ts). */
  waitForEmptyEventLoop?: boolean;
}

export interface VariantRun extends InvokeResult {
  /** Wall time of the child process, spawn to exit. */
  processMs: number;
}

/** A clean environment: nothing from the caller's AWS, PostgreSQL or Node options leaks in. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AWS_|PG|DATABASE_URL$|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$|VITEST|TSX_)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    // No shared config or credentials files, no instance metadata: only what the scenario sets.
    AWS_CONFIG_FILE: path.join(REPO_ROOT, '.bench-out', 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(REPO_ROOT, '.bench-out', 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // What the Lambda runtime sets.
    AWS_LAMBDA_FUNCTION_NAME: 'lambda-hygiene-bench',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
    NODE_ENV: 'production',
  };
}

/** A handler process that exited before its turn ended: crashed, killed, or failed to start. */
export class InvokerExit extends Error {
  constructor(
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    message: string,
  ) {
    super(message);
    this.name = 'InvokerExit';
  }

  /** It crashed as the Lambda runtime sees a crash: an uncaught exception or an unhandled `error`. */
  get crashed(): boolean {
    return this.code === CRASH_EXIT_CODE;
  }
}

/** A handler process of the harness, spawned and not yet finished. */
export interface Invoker {
  /** Resolves when the process is ready for its first turn (interleaved) or at once. */
  ready: Promise<void>;
  /**
   * Gives the process one turn: the import and invocation 1, then one invocation. Resolves with how the
   * invocation went; rejects with an InvokerExit when the process exits first.
   */
  turn(): Promise<DoneMessage>;
  /** The process's result, once it has exited. */
  finished: Promise<VariantRun>;
  /** Sends a signal (SIGSTOP and SIGCONT freeze and thaw it as Lambda does between invocations). */
  kill(signal?: NodeJS.Signals): void;
  /** How the process exited, once it has. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  pid: number | undefined;
  /** The end of what it printed (stdout and stderr). */
  output(): string;
}

export function startInvoker(options: RunOptions, interleaved: boolean): Invoker {
  const specFile = `${options.module}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.spec.json`;
  const out = `${specFile}.out.json`;
  const spec: InvokeSpec = {
    module: options.module,
    handler: options.handler ?? 'handler',
    events: options.events,
    invocations: options.invocations,
    keepResults: options.keepResults ?? false,
    timeoutMs: options.invocationTimeoutMs ?? 30_000,
    out,
    interleaved,
    waitForEmptyEventLoop: options.waitForEmptyEventLoop ?? false,
  };
  writeFileSync(specFile, JSON.stringify(spec));
  const started = performance.now();
  const child = spawn(process.execPath, [options.invoker, specFile], {
    cwd: path.dirname(options.module),
    env: { ...baseEnv(), ...options.env },
    stdio: interleaved ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    timeout: options.processTimeoutMs ?? 600_000,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve((exitStatus = { code, signal })));
  });
  const failure = (what: string) => `${path.basename(options.module)} ${what}${output ? `:\n${output.trim()}` : ''}`;
  const kill = (signal?: NodeJS.Signals) => {
    if (!exitStatus) child.kill(signal);
  };

  let ready: Promise<void> = Promise.resolve();
  let waiting: ((message: ChildMessage) => void) | undefined;
  if (interleaved) {
    const messages: ChildMessage[] = [];
    child.on('message', (message: ChildMessage) => {
      if (waiting) {
        const wake = waiting;
        waiting = undefined;
        wake(message);
      } else messages.push(message);
    });
    const next = () =>
      Promise.race([
        messages.length > 0 ? Promise.resolve(messages.shift()!) : new Promise<ChildMessage>((resolve) => (waiting = resolve)),
        exited.then(({ code, signal }) => {
          throw new InvokerExit(code, signal, failure(`exited with ${signal ?? `code ${code}`} before its turn ended`));
        }),
      ]);
    ready = next().then(() => undefined);
    return {
      ready,
      async turn() {
        if (exitStatus) throw new InvokerExit(exitStatus.code, exitStatus.signal, failure('had exited before its turn'));
        // A process that has just died fails the send: its exit, not the send, is what `next` reports.
        child.send({ type: 'turn' } satisfies ParentMessage, () => undefined);
        const message = await next();
        if (message.type !== 'done') throw new Error(failure(`answered ${message.type} to a turn`));
        return message;
      },
      finished: finish(),
      kill,
      exit: () => exitStatus,
      pid: child.pid,
      output: () => output,
    };
  }
  const idle = (): Promise<DoneMessage> => Promise.reject(new Error('turns are for interleaved processes'));
  return { ready, turn: idle, finished: finish(), kill, exit: () => exitStatus, pid: child.pid, output: () => output };

  async function finish(): Promise<VariantRun> {
    try {
      const { code, signal } = await exited;
      const processMs = performance.now() - started;
      if (code !== 0 || !existsSync(out)) throw new InvokerExit(code, signal, failure(`exited with ${signal ?? `code ${code}`}`));
      return { ...(JSON.parse(readFileSync(out, 'utf8')) as InvokeResult), processMs };
    } finally {
      rmSync(specFile, { force: true });
      rmSync(out, { force: true });
    }
  }
}

/** Runs one variant in a fresh Node process and returns what it measured. */
export function runVariant(options: RunOptions): Promise<VariantRun> {
  return startInvoker(options, false).finished;
}

/**
 * Runs several variants side by side, each in its own fresh process, taking turns: first each one's
 * import and invocation 1 (its cold start, alone on the machine), then invocation 2 of each, and so on.
 * The order of the turns rotates from one invocation to the next, so that no variant always follows
 * the same one. Only one process works at a time; the others wait idle for their next turn.
 */
export async function runInterleaved(runs: readonly RunOptions[]): Promise<VariantRun[]> {
  const invocations = runs[0]?.invocations ?? 0;
  if (runs.some((run) => run.invocations !== invocations)) throw new Error('interleaved runs need the same number of invocations');
  const invokers = runs.map((run) => startInvoker(run, true));
  // Keep a rejection from going unhandled while the turns are still being given.
  const finished = invokers.map((invoker) => invoker.finished.catch((error: unknown) => error));
  try {
    await Promise.all(invokers.map((invoker) => invoker.ready));
    for (let index = 0; index < invocations; index++) {
      for (let offset = 0; offset < invokers.length; offset++) {
        await invokers[(index + offset) % invokers.length]!.turn();
      }
    }
  } catch (error) {
    for (const invoker of invokers) invoker.kill();
    await Promise.all(finished);
    throw error;
  }
  const results = await Promise.all(finished);
  const failed = results.find((result) => result instanceof Error);
  if (failed) throw failed;
  return results as VariantRun[];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
