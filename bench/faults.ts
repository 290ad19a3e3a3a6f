// The fault benchmark (`npm run bench:faults`): every runnable scenario whose server is available here,
// poor vs better vs codemod(poor), under each fault of bench/harness/faults.ts (a connection dropped while
// the environment is frozen, a server restart, the server down at the first invocation). It prints, per
// scenario × fault × variant, the invocations, the failed ones, those failed after the first invocation
// that met the fault, and the handler processes that crashed; then whether better and codemod(poor) meet
// the target (crashed 0, failed after the first 0, failed at most poor's plus one). It writes an SVG of
// each run, invocation by invocation. A measurement: it exits 0 whether or not the targets are met.
//
//   npm run bench:faults [-- --json] [--scenario NAME] [--fault NAME] [--invocations 6] [--chart FILE.svg] [--label TEXT]
//
// --label adds a line to the chart's caption (what code was measured, for a chart kept in the docs).
//
// --json prints one JSON array instead of the table, a row per scenario, variant and fault:
// { scenario, variant, fault, invocations, failed, failedAfterFirst, crashed }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingBackends, startBackends, stopBackends } from './backends/index.js';
import { renderFaultChart } from './fault-chart.js';
import { FAULTS, runFault } from './harness/faults.js';
import type { Fault, FaultOutcome } from './harness/faults.js';
import { VARIANTS, createWorkDir } from './harness/run-variant.js';
import type { Variant } from './harness/run-variant.js';
import { formatTable } from './table.js';
import { RUNNABLE_SCENARIOS, backendsOf } from './scenarios.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface FaultRow {
  scenario: string;
  variant: Variant;
  fault: Fault;
  invocations: number;
  failed: number;
  failedAfterFirst: number;
  crashed: number;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const json = process.argv.includes('--json');
const invocations = Number(option('invocations') ?? 6);
if (!Number.isInteger(invocations) || invocations < 4) fail('--invocations must be an integer of at least 4');
const onlyScenario = option('scenario');
const onlyFault = option('fault');
if (onlyFault && !FAULTS.includes(onlyFault as Fault)) fail(`No fault "${onlyFault}". Known: ${FAULTS.join(', ')}`);
const faults = FAULTS.filter((fault) => !onlyFault || fault === onlyFault);
const chartFile = path.resolve(option('chart') ?? path.join(repoRoot, '.bench-out', 'faults.svg'));
const label = option('label');

const progress = (text: string) => process.stderr.write(text);

function command(): string {
  const args = process.argv.slice(2);
  return `npm run bench:faults${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

export function rowsOf(outcome: FaultOutcome): FaultRow[] {
  return VARIANTS.filter((variant) => outcome.variants[variant]).map((variant) => {
    const { invocations: count, failed, failedAfterFirst, crashed } = outcome.variants[variant];
    return { scenario: outcome.scenario.name, variant, fault: outcome.fault, invocations: count, failed, failedAfterFirst, crashed };
  });
}

/** The issue's target for better and codemod(poor): no crash, no failure after the first, at most one more than poor. */
export function meetsTarget(outcome: FaultOutcome, variant: 'better' | 'codemod'): boolean {
  const { failed, failedAfterFirst, crashed } = outcome.variants[variant];
  return crashed === 0 && failedAfterFirst === 0 && failed <= outcome.variants.poor.failed + 1;
}

function report(outcomes: FaultOutcome[], skipped: string[]): string {
  const header = ['scenario', 'fault', 'variant', 'invocations', 'failed', 'failed after first', 'crashed', 'dropped', 'target'];
  const rows = outcomes.flatMap((outcome) =>
    rowsOf(outcome).map((row) => [
      row.scenario,
      row.fault,
      row.variant === 'codemod' ? 'codemod(poor)' : row.variant,
      String(row.invocations),
      String(row.failed),
      String(row.failedAfterFirst),
      String(row.crashed),
      outcome.fault === 'drop-while-frozen' ? String(outcome.variants[row.variant].dropped) : '',
      row.variant === 'poor' ? '' : meetsTarget(outcome, row.variant) ? 'met' : 'NOT met',
    ]),
  );
  const missed = outcomes.flatMap((outcome) =>
    (['better', 'codemod'] as const)
      .filter((variant) => !meetsTarget(outcome, variant))
      .map((variant) => `${outcome.scenario.name} ${outcome.fault} ${variant}: ${describeErrors(outcome, variant)}`),
  );
  const crashes = outcomes.flatMap((outcome) =>
    VARIANTS.flatMap((variant) =>
      outcome.variants[variant].crashes.map(({ at, message }) => `${outcome.scenario.name} ${outcome.fault} ${variant}, invocation ${at + 1}: ${message}`),
    ),
  );
  return [
    formatTable(header, rows, new Set([3, 4, 5, 6, 7])),
    '',
    `Each variant: ${invocations} invocations in Node ${process.version} handler processes that take turns; a crashed or timed-out`,
    'process is replaced by a fresh one for the next invocation, as Lambda replaces the environment. The fault first meets',
    'invocation 3 (drop-while-frozen, server-restart) or invocation 1 (refused-at-init). Target for better and codemod(poor):',
    'crashed 0, failed after first 0, failed at most poor\'s + 1. dropped: the connections the server ended while the',
    'processes were frozen (none for a poor that closes its connections at the end of each invocation).',
    missed.length ? `\nTarget NOT met:\n${missed.map((line) => `- ${line}`).join('\n')}` : '\nTarget met by better and codemod(poor) on every scenario and fault.',
    ...(crashes.length ? ['', 'Crashes:', ...crashes.map((line) => `- ${line}`)] : []),
    ...(skipped.length ? ['', ...skipped] : []),
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, loopback.`,
  ].join('\n');
}

function describeErrors(outcome: FaultOutcome, variant: Variant): string {
  const { errors, crashed } = outcome.variants[variant];
  const failures = errors.flatMap((error, index) => (error === null ? [] : [`invocation ${index + 1}: ${error}`]));
  return [`${crashed} crash(es)`, ...failures].join('; ');
}

async function main(): Promise<void> {
  const missing = missingBackends();
  const skipped = [...missing].map(([name, why]) => `Not run: the ${name} scenarios (${why}).`);
  const scenarios = RUNNABLE_SCENARIOS.filter((scenario) => (!onlyScenario || scenario.name === onlyScenario) && !missing.has(scenario.backend));
  if (scenarios.length === 0) {
    fail(
      onlyScenario
        ? `No runnable scenario "${onlyScenario}" with its server here. Known: ${RUNNABLE_SCENARIOS.map((s) => s.name).join(', ')}`
        : 'No runnable scenario has its server here.',
    );
  }
  for (const line of skipped) progress(`${line}\n`);
  const needed = new Set(scenarios.flatMap(backendsOf));
  progress(`Starting ${[...needed].join(', ')}…\n`);
  const backends = await startBackends(needed);
  const workDir = await createWorkDir().catch(async (error: unknown) => {
    await stopBackends(backends);
    throw error;
  });
  const started = performance.now();
  try {
    const outcomes: FaultOutcome[] = [];
    for (const scenario of scenarios) {
      for (const fault of faults) {
        progress(`${scenario.name} (${scenario.backend}), ${fault}: poor, better and codemod(poor), ${invocations} invocations each…`);
        outcomes.push(await runFault(scenario, backends, workDir, fault, { invocations }));
        progress('\n');
      }
    }
    mkdirSync(path.dirname(chartFile), { recursive: true });
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, loopback.`;
    writeFileSync(chartFile, renderFaultChart(outcomes, [...(label ? [label] : []), `$ ${command()}`, machine]));
    if (json) process.stdout.write(`${JSON.stringify(outcomes.flatMap(rowsOf), null, 2)}\n`);
    else process.stdout.write(`\n${report(outcomes, skipped)}\n`);
    progress(`Took ${((performance.now() - started) / 1000).toFixed(0)} s. Chart: ${path.relative(process.cwd(), chartFile) || chartFile}\n`);
  } finally {
    workDir.remove();
    await stopBackends(backends);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench:faults failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
