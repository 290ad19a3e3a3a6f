// One runnable scenario, all three variants, each in its own fresh process and its own backend state,
// interleaved invocation by invocation (runInterleaved): what the equivalence test checks and the
// benchmark measures.
import { randomBytes } from 'node:crypto';
import type { FileResult } from '../../codemods/hoist/hoist-source.js';
import type { Backends, PreparedRun, RunnableScenario } from '../scenarios.js';
import { eventsOfInvocations, fixtureDir, loadEvents } from '../scenarios.js';
import { VARIANTS, prepareVariants, runInterleaved, runVariant } from './run-variant.js';
import type { Variant, VariantRun, WorkDir } from './run-variant.js';

export interface VariantOutcome {
  variant: Variant;
  run: VariantRun;
  /** Constructions the backend observed for the run's process. */
  constructions: number;
  /** The backend's state after the run. */
  state: unknown;
  /** Cold starts (import + invocation 1): the run's, then those of the extra cold-only processes. */
  coldMs: number[];
}

export interface ScenarioOutcome {
  scenario: RunnableScenario;
  backend: string;
  invocations: number;
  /** Constructions poor makes for these invocations (one per invocation or per record). */
  expectedPoorConstructions: number;
  codemod: FileResult;
  /** The codemod's output is byte for byte the hand-written better (markers stripped). */
  codemodIsBetter: boolean;
  variants: Record<Variant, VariantOutcome>;
}

export interface ScenarioRunOptions {
  invocations: number;
  keepResults?: boolean;
  variants?: readonly Variant[];
  /**
   * Extra fresh processes per variant that only import and invoke once, after the main run (variants
   * in turn): one cold start is one sample, and a noisy machine makes single samples jump.
   */
  coldRuns?: number;
}

export async function runScenario(
  scenario: RunnableScenario,
  backends: Backends,
  workDir: WorkDir,
  options: ScenarioRunOptions,
): Promise<ScenarioOutcome> {
  const backend = backends[scenario.backend];
  if (!backend) throw new Error(`${scenario.name} needs the ${scenario.backend} backend`);
  const events = loadEvents(scenario).map(({ event }) => event);
  const prepared = await prepareVariants(workDir.dir, fixtureDir(scenario), scenario.name);
  const runId = randomBytes(3).toString('hex');
  const order = options.variants ?? VARIANTS;
  const states: PreparedRun[] = [];
  const variants = {} as Record<Variant, VariantOutcome>;
  try {
    for (const variant of order) states.push(await scenario.prepare(backends, `${scenario.name.slice(0, 12)}-${variant}-${runId}`));
    const runOptions = (variant: Variant, index: number) => ({
      invoker: workDir.invoker,
      module: prepared.variants[variant].module,
      handler: scenario.handler,
      events,
      env: { ...backend.env, ...states[index]!.env },
    });
    const runs = await runInterleaved(
      order.map((variant, index) => ({ ...runOptions(variant, index), invocations: options.invocations, keepResults: options.keepResults ?? false })),
    );
    for (const [index, variant] of order.entries()) {
      const run = runs[index]!;
      const constructions = await states[index]!.constructions();
      variants[variant] = { variant, run, constructions, state: await states[index]!.state(), coldMs: [run.coldMs] };
    }
    for (let round = 0; round < (options.coldRuns ?? 0); round++) {
      for (let offset = 0; offset < order.length; offset++) {
        const index = (round + offset) % order.length;
        const cold = await runVariant({ ...runOptions(order[index]!, index), invocations: 1 });
        if (cold.errors[0]) throw new Error(`${scenario.name} ${order[index]}: a cold-start run failed: ${cold.errors[0]}`);
        variants[order[index]!].coldMs.push(cold.coldMs);
      }
    }
  } finally {
    for (const state of states) await state.cleanup();
  }
  return {
    scenario,
    backend: backend.description,
    invocations: options.invocations,
    expectedPoorConstructions: scenario.poorConstructions(eventsOfInvocations(events, options.invocations)),
    codemod: prepared.codemod,
    codemodIsBetter: prepared.variants.codemod.source === prepared.variants.better.source,
    variants,
  };
}
