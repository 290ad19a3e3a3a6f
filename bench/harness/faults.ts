// Fault injection between invocations, as a Lambda function meets faults: poor, better and codemod(poor)
// of one runnable scenario, each in its own handler process (an execution environment), taking turns
// invocation by invocation as run-scenario.ts does, while the harness makes the server misbehave:
//
// - drop-while-frozen: every handler process is stopped (SIGSTOP: Lambda freezes an environment between
//   invocations), the server ends their connections (PostgreSQL's pg_terminate_backend, Redis's CLIENT
//   KILL, the DynamoDB endpoint destroys its sockets), and each process is resumed (SIGCONT) just as its
//   next invocation is given to it, as a thawed environment meets the dead socket with the event in hand;
// - server-restart: the server stops and starts again on the same port between two invocations, while the
//   processes are idle (not frozen): what a live environment sees of a failover or a maintenance restart;
// - refused-at-init: the server is down for the first invocation (its port refuses connections) and up
//   for the next ones.
//
// A process that crashes (an uncaught exception, an `error` event without a listener) is replaced by a
// fresh one for the next invocation, as Lambda replaces the environment; so is one whose invocation ran out
// of time (Lambda's default timeout, 3 s). Counted per variant: invocations, failed invocations, failed
// invocations after the first one that met the fault, and crashes.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends, PreparedRun, RunnableScenario } from '../scenarios.js';
import { fixtureDir, loadEvents } from '../scenarios.js';
import { CRASH_EXIT_CODE } from './crash.js';
import { InvokerExit, VARIANTS, prepareVariants, startInvoker } from './run-variant.js';
import type { Invoker, PreparedVariant, Variant, WorkDir } from './run-variant.js';

export type Fault = 'drop-while-frozen' | 'server-restart' | 'refused-at-init';
export const FAULTS: readonly Fault[] = ['drop-while-frozen', 'server-restart', 'refused-at-init'];

export interface FaultRunOptions {
  /** Invocations per variant; default 6. */
  invocations?: number;
  /** The invocation (from 0) that first meets a drop or a restart; default 2. A refused init is always 0. */
  faultAt?: number;
  variants?: readonly Variant[];
  /** Lambda's function timeout; default 3 s, Lambda's own default. */
  invocationTimeoutMs?: number;
  /** After a restart, the idle time before the next invocation; default 1 s. */
  settleMs?: number;
  /** The folder of poor.* and better.* to run; default the scenario's fixture. */
  fixture?: string;
}

export interface VariantFaultOutcome {
  variant: Variant;
  invocations: number;
  failed: number;
  /** Failed invocations after the first one that met the fault. */
  failedAfterFirst: number;
  /** Handler processes that crashed: an uncaught exception or an unhandled `error` event. */
  crashed: number;
  /** Per invocation: null when it succeeded, else why it failed. */
  errors: Array<string | null>;
  /** Each crash: the invocation (from 0) it failed, or before which it happened, and its first line. */
  crashes: Array<{ at: number; message: string }>;
  /** Connections the server ended for this variant (drop-while-frozen). */
  dropped: number;
  /** Handler processes used: one, plus one per crash or timeout. */
  processes: number;
}

export interface FaultOutcome {
  scenario: RunnableScenario;
  fault: Fault;
  /** The first invocation (from 0) that met the fault. */
  firstMet: number;
  variants: Record<Variant, VariantFaultOutcome>;
}

/** One variant's handler processes, one after another, and what they recorded. */
interface Lane {
  variant: Variant;
  module: PreparedVariant;
  state: PreparedRun;
  invoker: Invoker | undefined;
  outcome: VariantFaultOutcome;
}

export async function runFault(
  scenario: RunnableScenario,
  backends: Backends,
  workDir: WorkDir,
  fault: Fault,
  options: FaultRunOptions = {},
): Promise<FaultOutcome> {
  const backend = backends[scenario.backend];
  if (!backend) throw new Error(`${scenario.name} needs the ${scenario.backend} backend`);
  const invocations = options.invocations ?? 6;
  const firstMet = fault === 'refused-at-init' ? 0 : (options.faultAt ?? 2);
  if (firstMet >= invocations) throw new Error(`the fault comes at invocation ${firstMet + 1} of ${invocations}`);
  const events = loadEvents(scenario).map(({ event }) => event);
  const runId = randomBytes(3).toString('hex');
  const prepared = await prepareVariants(workDir.dir, options.fixture ?? fixtureDir(scenario), `${scenario.name}-${fault}-${runId}`);
  const lanes: Lane[] = [];

  const spawn = async (lane: Lane, from: number) => {
    const invoker = startInvoker(
      {
        invoker: workDir.invoker,
        module: lane.module.module,
        handler: scenario.handler,
        // The invocations left, with the events they would have had.
        events: events.map((_, index) => events[(from + index) % events.length]),
        invocations: invocations - from,
        env: { ...backend.env, ...lane.state.env },
        invocationTimeoutMs: options.invocationTimeoutMs ?? 3_000,
      },
      true,
    );
    // Its result is read at the end, or never when it crashes: keep a rejection from going unhandled.
    invoker.finished.catch(() => undefined);
    lane.invoker = invoker;
    lane.outcome.processes++;
    await invoker.ready;
  };

  /** The lane's process is gone: count a crash (at invocation `at`), and start a fresh one at the next turn. */
  const retire = (lane: Lane, at: number) => {
    const status = lane.invoker?.exit();
    if (status?.code === CRASH_EXIT_CODE) {
      lane.outcome.crashed++;
      lane.outcome.crashes.push({ at, message: crashLine(lane.invoker!.output()) });
    }
    lane.invoker = undefined;
  };

  const turn = async (lane: Lane, index: number) => {
    if (lane.invoker?.exit()) retire(lane, index);
    if (!lane.invoker) await spawn(lane, index);
    const invoker = lane.invoker!;
    try {
      const done = await invoker.turn();
      lane.outcome.errors[index] = done.error;
      if (done.timedOut) {
        // Lambda replaces an environment whose invocation timed out.
        invoker.kill('SIGKILL');
        await invoker.finished.catch(() => undefined);
        lane.invoker = undefined;
      }
    } catch (error) {
      if (!(error instanceof InvokerExit)) throw error;
      if (!error.crashed) {
        throw new Error(`${scenario.name} ${lane.variant}: the handler process exited unexpectedly: ${error.message}`, { cause: error });
      }
      lane.outcome.errors[index] = `crashed: ${crashLine(invoker.output())}`;
      retire(lane, index);
    }
  };

  try {
    for (const variant of options.variants ?? VARIANTS) {
      const state = await scenario.prepare(backends, `${scenario.name.slice(0, 12)}-${variant}-${runId}`);
      lanes.push({
        variant,
        module: prepared.variants[variant],
        state,
        invoker: undefined,
        outcome: { variant, invocations, failed: 0, failedAfterFirst: 0, crashed: 0, errors: [], crashes: [], dropped: 0, processes: 0 },
      });
    }
    for (const lane of lanes) await spawn(lane, 0);
    if (fault === 'refused-at-init') for (const lane of lanes) await lane.state.faults.stopServer();

    for (let index = 0; index < invocations; index++) {
      const thaw = fault === 'drop-while-frozen' && index === firstMet;
      if (thaw) {
        for (const lane of lanes) await freeze(lane.invoker);
        for (const lane of lanes) lane.outcome.dropped += await lane.state.faults.dropConnections();
      }
      if (fault === 'server-restart' && index === firstMet) {
        for (const lane of lanes) await lane.state.faults.stopServer();
        for (const lane of lanes) await lane.state.faults.startServer();
        await sleep(options.settleMs ?? 1_000);
      }
      if (fault === 'refused-at-init' && index === 1) {
        for (const lane of lanes) await lane.state.faults.startServer();
      }
      for (let offset = 0; offset < lanes.length; offset++) {
        const lane = lanes[(index + offset) % lanes.length]!;
        // Thawed as its invocation arrives: what it does first, it does with the event in hand.
        if (thaw) lane.invoker?.kill('SIGCONT');
        await turn(lane, index);
      }
    }
    for (const lane of lanes) {
      const invoker = lane.invoker;
      if (!invoker) continue;
      await invoker.finished.catch((error: unknown) => {
        if (!(error instanceof InvokerExit) || !error.crashed) throw error;
        retire(lane, invocations - 1);
      });
    }
  } finally {
    for (const lane of lanes) {
      lane.invoker?.kill('SIGCONT');
      lane.invoker?.kill('SIGKILL');
      await lane.invoker?.finished.catch(() => undefined);
    }
    // A run that failed half-way may have left the server down.
    for (const lane of lanes) await lane.state.faults.startServer().catch(() => undefined);
    for (const lane of lanes) await lane.state.cleanup();
  }

  const variants = {} as Record<Variant, VariantFaultOutcome>;
  for (const { variant, outcome } of lanes) {
    const failedAt = outcome.errors.flatMap((error, index) => (error === null ? [] : [index]));
    outcome.failed = failedAt.length;
    outcome.failedAfterFirst = failedAt.filter((index) => index > firstMet).length;
    variants[variant] = outcome;
  }
  return { scenario, fault, firstMet, variants };
}

/** SIGSTOP, and wait until the kernel shows the process stopped: it must not see the drop before its thaw. */
async function freeze(invoker: Invoker | undefined): Promise<void> {
  if (!invoker?.pid || invoker.exit()) return;
  invoker.kill('SIGSTOP');
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline) {
    const state = processState(invoker.pid);
    if (state === undefined || state === 'T') return;
    await sleep(5);
  }
  throw new Error(`process ${invoker.pid} did not stop`);
}

/** The state letter of /proc/<pid>/stat (R, S, D, T for stopped...); undefined where there is no /proc. */
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/** The line invoke.ts printed for the crash (`uncaughtException: Error: ...`), among what the handler logged. */
function crashLine(output: string): string {
  const lines = output.trim().split('\n');
  return lines.findLast((line) => /^(uncaughtException|unhandledRejection): /.test(line)) ?? lines[0] ?? '';
}
