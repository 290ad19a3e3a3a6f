// The latency and leak benchmark (`npm run bench`): every runnable scenario, poor vs better vs
// codemod(poor) (the hoist codemod applied to poor, here and now), each variant in a fresh Node process,
// interleaved invocation by invocation in one run, against local servers this script starts: dynalite over
// HTTPS and PostgreSQL with scram-sha-256 password authentication. It prints, per scenario and backend,
// the cold start (import plus first invocation), the warm median and p95 (invocations 2..N), the ratios
// to better from the same run, and the open file descriptors and RSS after the last invocation; it writes
// an SVG of warm latency per invocation. A measurement: it exits 0 whether or not the targets are met
// (the table says).
//
//   npm run bench [-- --invocations 1000] [--cold-runs 9] [--json] [--chart FILE.svg] [--scenario NAME]
//
// --json prints one JSON array instead of the table, a row per scenario, backend and variant:
// { scenario, backend, variant, coldMs, warmMedianMs, warmP95Ms, openFds, rssMb, invocations }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackends, stopBackends } from './backends/index.js';
import { VARIANT_COLORS, renderChart } from './chart.js';
import type { ChartPanel } from './chart.js';
import { runScenario } from './harness/run-scenario.js';
import type { ScenarioOutcome } from './harness/run-scenario.js';
import { VARIANTS, createWorkDir, median, percentile } from './harness/run-variant.js';
import type { Variant } from './harness/run-variant.js';
import { RUNNABLE_SCENARIOS, backendsOf } from './scenarios.js';
import { formatTable } from './table.js';
import type { Backends, BackendName } from './scenarios.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface BenchRow {
  scenario: string;
  backend: BackendName;
  variant: Variant;
  coldMs: number;
  warmMedianMs: number;
  warmP95Ms: number;
  openFds: number;
  rssMb: number;
  invocations: number;
}

/** The targets of the issue that asked for this benchmark (for the backends it measured). */
const TARGETS: Partial<Record<BackendName, { poorOverBetter: number; label: string }>> = {
  dynamodb: { poorOverBetter: 3, label: 'DynamoDB over HTTPS' },
  postgres: { poorOverBetter: 8, label: 'PostgreSQL' },
};
const CODEMOD_OVER_BETTER = 1.05;
/** "Flat": the last invocation leaves at most this many more descriptors open than the first. */
const FLAT_FDS = 2;

const label = (backend: BackendName) => TARGETS[backend]?.label ?? backend;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const json = process.argv.includes('--json');
const invocations = Number(option('invocations') ?? 1000);
if (!Number.isInteger(invocations) || invocations < 2) {
  process.stderr.write('--invocations must be an integer of at least 2\n');
  process.exit(2);
}
const coldRuns = Number(option('cold-runs') ?? 9);
if (!Number.isInteger(coldRuns) || coldRuns < 0) {
  process.stderr.write('--cold-runs must be a non-negative integer\n');
  process.exit(2);
}
const chartFile = path.resolve(option('chart') ?? path.join(repoRoot, '.bench-out', 'warm-latency.svg'));
const only = option('scenario');
const scenarios = RUNNABLE_SCENARIOS.filter((scenario) => (only ? scenario.name === only : scenario.benchmarked));
if (scenarios.length === 0) {
  process.stderr.write(`No runnable scenario "${only}". Known: ${RUNNABLE_SCENARIOS.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

/** The command line that made this run, as a user would type it. */
function command(): string {
  const args = process.argv.slice(2);
  return `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

const progress = (text: string) => process.stderr.write(text);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function rowsOf(outcome: ScenarioOutcome): BenchRow[] {
  return VARIANTS.map((variant) => {
    const { run } = outcome.variants[variant];
    const warm = run.ms.slice(1);
    return {
      scenario: outcome.scenario.name,
      backend: outcome.scenario.backend,
      variant,
      coldMs: round(median(outcome.variants[variant].coldMs), 1),
      warmMedianMs: round(median(warm), 3),
      warmP95Ms: round(percentile(warm, 95), 3),
      openFds: run.fds.at(-1)!,
      rssMb: round(run.rss.at(-1)! / 2 ** 20, 1),
      invocations: run.ms.length,
    };
  });
}

function report(outcomes: ScenarioOutcome[], backends: Backends): string {
  const header = ['scenario', 'backend', 'variant', 'cold ms', 'warm median ms', 'warm p95 ms', '÷ better (median)', 'open fds', 'RSS MB', 'built'];
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const outcome of outcomes) {
    const byVariant = Object.fromEntries(rowsOf(outcome).map((row) => [row.variant, row])) as Record<Variant, BenchRow>;
    const better = byVariant.better.warmMedianMs;
    for (const variant of VARIANTS) {
      const row = byVariant[variant];
      const { run, constructions } = outcome.variants[variant];
      rows.push([
        outcome.scenario.name,
        label(outcome.scenario.backend),
        variant === 'codemod' ? 'codemod(poor)' : variant,
        row.coldMs.toFixed(1),
        row.warmMedianMs.toFixed(2),
        row.warmP95Ms.toFixed(2),
        `${(row.warmMedianMs / better).toFixed(2)}×`,
        `${run.fds[0]} → ${row.openFds}`,
        row.rssMb.toFixed(1),
        String(constructions),
      ]);
    }
    const target = TARGETS[outcome.scenario.backend] ?? { poorOverBetter: 1 };
    const poorRatio = byVariant.poor.warmMedianMs / better;
    const codemodRatio = byVariant.codemod.warmMedianMs / better;
    const flat = (['better', 'codemod'] as const).every((variant) => {
      const { fds } = outcome.variants[variant].run;
      return fds.at(-1)! - fds[0]! <= FLAT_FDS;
    });
    const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
    verdicts.push(
      `${outcome.scenario.name}: poor/better ${poorRatio.toFixed(2)}× (target ≥ ${target.poorOverBetter}: ${mark(poorRatio >= target.poorOverBetter)}), ` +
        `codemod/better ${codemodRatio.toFixed(2)}× (target ≤ ${CODEMOD_OVER_BETTER}: ${mark(codemodRatio <= CODEMOD_OVER_BETTER)}), ` +
        `file descriptors flat for better and codemod(poor): ${mark(flat)}` +
        (outcome.codemodIsBetter ? '; codemod(poor) is byte for byte better, so their differences here are noise' : ''),
    );
  }
  const servers = Object.values(backends).map((backend) => `- ${backend.name}: ${backend.description}`);
  return [
    formatTable(header, rows, new Set([3, 4, 5, 6, 7, 8, 9])),
    '',
    `Each variant: a fresh Node ${process.version} process of ${invocations} invocations; the three processes of a scenario take turns,`,
    'one invocation each, in an order that rotates every invocation (only one works at a time).',
    `cold: import + invocation 1, median of ${1 + coldRuns} fresh processes (the measured one and ${coldRuns} that invoke once). ` +
      `warm: invocations 2..${invocations}. ÷ better: warm median over better's, same run.`,
    'open fds: after invocation 1 → after the last; RSS: after the last.',
    `built: clients or pools set up in the process, as the server saw them:`,
    ...scenarios.map((scenario) => `- ${scenario.name}: ${scenario.counts}.`),
    '',
    ...verdicts,
    '',
    'Servers:',
    ...servers,
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, loopback.`,
  ].join('\n');
}

function chart(outcomes: ScenarioOutcome[]): string {
  const panels: ChartPanel[] = outcomes.map((outcome) => {
    const better = median(outcome.variants.better.run.ms.slice(1));
    return {
      title: `${outcome.scenario.name} — ${label(outcome.scenario.backend)}`,
      subtitle: VARIANTS.map((variant) => {
        const warm = median(outcome.variants[variant].run.ms.slice(1));
        return `${variant === 'codemod' ? 'codemod(poor)' : variant} ${warm.toFixed(2)} ms (${(warm / better).toFixed(2)}×)`;
      }).join(' · ') + ' — warm medians',
      series: VARIANTS.map((variant) => ({
        label: variant === 'codemod' ? 'codemod(poor)' : variant,
        values: outcome.variants[variant].run.ms.slice(1),
        color: VARIANT_COLORS[variant],
        dashed: variant === 'codemod',
      })),
    };
  });
  return renderChart(panels, [
    'Warm latency per invocation (faint: each invocation; bold: running median of 25); the variants ran interleaved.',
    `${invocations} invocations per variant, each in a fresh Node ${process.version} process; ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, loopback.`,
    `$ ${command()}`,
  ]);
}

async function main(): Promise<void> {
  // The setup client's SDK would warn about Node 20 here; the handlers' processes are not affected.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const needed = new Set(scenarios.flatMap(backendsOf));
  progress(`Starting ${[...needed].join(' and ')}…\n`);
  const backends = await startBackends(needed);
  const workDir = await createWorkDir().catch((error: unknown) => ({ error }));
  try {
    if ('error' in workDir) throw workDir.error;
    const outcomes: ScenarioOutcome[] = [];
    for (const scenario of scenarios) {
      progress(`${scenario.name} (${scenario.backend}): poor, better and codemod(poor), ${invocations} invocations each, interleaved…`);
      const outcome = await runScenario(scenario, backends, workDir, {
        invocations,
        coldRuns,
      });
      progress('\n');
      for (const variant of VARIANTS) {
        const { run } = outcome.variants[variant];
        const failed = run.errors.findIndex((error) => error !== null);
        if (failed >= 0) throw new Error(`${scenario.name} ${variant}: invocation ${failed + 1} failed: ${run.errors[failed]}`);
      }
      outcomes.push(outcome);
    }
    mkdirSync(path.dirname(chartFile), { recursive: true });
    writeFileSync(chartFile, chart(outcomes));
    if (json) {
      process.stdout.write(`${JSON.stringify(outcomes.flatMap(rowsOf), null, 2)}\n`);
    } else {
      process.stdout.write(`\n${report(outcomes, backends)}\n`);
    }
    progress(`Chart: ${path.relative(process.cwd(), chartFile) || chartFile}\n`);
  } finally {
    if (!('error' in workDir)) workDir.remove();
    await stopBackends(backends);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
