// The oracle's two judgements, as pure functions of what was observed.
//
// Rules vs runtime: a site the original built again on a warm invocation with the same event must be
// reported; a site it built once and then reused must not be.
//
// Codemod vs original: for the same events, the output must give the same import outcome, results,
// errors, unhandled rejections, database rows, open-handle waits of callback handlers, and uses of the
// resources (each call with the instance's state at the time), and build each hoisted resource at most
// once per process. Construction, connect, teardown and set-up calls may differ: moving them is what the
// codemod is for, and what they change shows in the uses that follow.
import type { ConstructionRecord, InvocationSpec, JobResult, PhaseObservation } from './protocol.js';

export type Side = 'rule' | 'codemod' | 'crash' | 'invalid';

export interface Finding {
  side: Side;
  kind: string;
  detail: string;
  /** The site a rule finding is about (index into the case's sites), when the line is a site's. */
  site?: number;
  line?: number;
  phase?: number;
}

/** `DynamoDBDocumentClient.from` → `DynamoDBDocumentClient`, `mysql.createPool` → `createPool`. */
export function resourceLabel(resource: string): string {
  const parts = resource.split('.');
  const last = parts.at(-1)!;
  return last === 'from' && parts.length > 1 ? parts.at(-2)! : last;
}

const keyOf = (line: number, label: string) => `${line}:${label}`;

/** The successful and failed constructions of the original, per line and resource. */
function constructionsByKey(result: JobResult): Map<string, ConstructionRecord[]> {
  const byKey = new Map<string, ConstructionRecord[]>();
  for (const phase of result.phases) {
    for (const construction of phase.constructions) {
      if (construction.line === null) continue;
      const key = keyOf(construction.line, construction.label);
      byKey.set(key, [...(byKey.get(key) ?? []), construction]);
    }
  }
  return byKey;
}

export interface RuleJudgement {
  findings: Finding[];
  again: number;
  once: number;
  unjudged: number;
}

/**
 * Judges the rules' reports against the original's constructions. Invocation j (j ≥ 2) gets the same event
 * as invocation j−1 in the pairs the judgement uses: a construction there after an earlier successful one
 * at the same line is a repeat (per invocation); a site built successfully before such an invocation that
 * completed cleanly without building it again is built once per process.
 */
export function judgeRules(
  original: JobResult,
  invocations: readonly InvocationSpec[],
  reports: ReadonlyMap<string, string[]>,
  siteOfLine: (line: number) => number | undefined,
): RuleJudgement {
  const judgement: RuleJudgement = { findings: [], again: 0, once: 0, unjudged: 0 };
  const pairs: number[] = [];
  for (let phase = 2; phase <= invocations.length; phase++) {
    if (invocations[phase - 1]!.eventId === invocations[phase - 2]!.eventId) pairs.push(phase);
  }
  for (const [key, constructions] of constructionsByKey(original)) {
    const [lineText, label] = key.split(':') as [string, string];
    const line = Number(lineText);
    const succeededBefore = (phase: number) => constructions.some((construction) => construction.phase < phase && !construction.failed);
    const repeatPhase = pairs.find((phase) => succeededBefore(phase) && constructions.some((construction) => construction.phase === phase));
    const clean = (phase: number) => {
      const observed = original.phases[phase];
      return observed !== undefined && observed.error === null && observed.unhandled.length === 0;
    };
    const oncePhase = repeatPhase === undefined ? pairs.find((phase) => succeededBefore(phase) && clean(phase)) : undefined;
    const reported = reports.get(key) ?? [];
    if (repeatPhase !== undefined) {
      judgement.again++;
      if (reported.length === 0) {
        judgement.findings.push({
          side: 'rule',
          kind: 'missed',
          line,
          site: siteOfLine(line),
          phase: repeatPhase,
          detail: `line ${line}: \`${label}\` is built again on invocation ${repeatPhase} (same event as the one before), but no rule reports it`,
        });
      }
    } else if (oncePhase !== undefined) {
      judgement.once++;
      if (reported.length > 0) {
        judgement.findings.push({
          side: 'rule',
          kind: 'reported-once-per-process',
          line,
          site: siteOfLine(line),
          phase: oncePhase,
          detail: `line ${line}: \`${label}\` is built once and reused (invocation ${oncePhase} did not build it again), but it is reported: ${reported[0]}`,
        });
      }
    } else judgement.unjudged++;
  }
  return judgement;
}

/** JSON with sorted keys, so that equal values print equally. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, (item as Record<string, unknown>)[key]]))
      : item,
  );
}

/**
 * The observable uses of a phase: `use` calls with the state each saw, as a sorted multiset. On an
 * instance that a getter of the output built, the listeners its singleton adds on purpose
 * (`addedBy(builtAt)`, one per event) are not the user's: they are left out of its listener counts.
 */
function uses(phase: PhaseObservation, addedBy: (builtAt: number | null | undefined) => readonly string[] = () => []): string[] {
  return phase.calls
    .filter((call) => call.category === 'use')
    .map((call) => {
      if (!call.listeners) return `${call.call} @ ${call.state}`;
      const listeners = { ...call.listeners };
      for (const event of addedBy(call.builtAt)) {
        if (listeners[event] === undefined) continue;
        if (--listeners[event] === 0) delete listeners[event];
      }
      return `${call.call} @ ${call.state} listeners ${stable(listeners)}`;
    })
    .sort();
}

function multisetDifference(left: readonly string[], right: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of right) counts.set(item, (counts.get(item) ?? 0) + 1);
  const missing: string[] = [];
  for (const item of left) {
    const count = counts.get(item) ?? 0;
    if (count > 0) counts.set(item, count - 1);
    else missing.push(item);
  }
  return missing;
}

const clip = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** What the hoist did, as the comparison needs it: the original lines and resources it moved, and getters. */
export interface HoistedSite {
  line: number;
  resource: string;
  getter: string;
  /**
   * The events the getter's singleton listens to on purpose when its connection fails (the plan's
   * `failureEvents`, from the catalogue's `whenConnectionFails`), and the lines of the output its getter's
   * declaration spans: instances built there carry one listener more for each of these events.
   */
  failureEvents?: readonly string[];
  getterLines?: readonly [number, number];
}

/** The listeners the singleton adds on purpose to an instance built at `builtAt` in the output. */
function failureListenersOf(hoisted: readonly HoistedSite[]): (builtAt: number | null | undefined) => readonly string[] {
  return (builtAt) => {
    if (builtAt === null || builtAt === undefined) return [];
    const site = hoisted.find(({ getterLines }) => getterLines && getterLines[0] <= builtAt && builtAt <= getterLines[1]);
    return site?.failureEvents ?? [];
  };
}

/** Compares the codemod's output run with the original run of the same events. */
export function compareRuns(original: JobResult, output: JobResult, hoisted: readonly HoistedSite[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (kind: string, phase: number, detail: string) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    findings.push({ side: 'codemod', kind, phase, detail: `${phase === 0 ? 'at import' : `invocation ${phase}`}: ${detail}` });
  };
  if (output.timedOut) {
    findings.push({ side: 'codemod', kind: 'timeout', detail: 'the output did not finish (an endless loop?) where the original did' });
    return findings;
  }
  const added = failureListenersOf(hoisted);
  for (let phase = 0; phase < original.phases.length; phase++) {
    const before = original.phases[phase]!;
    const after = output.phases[phase];
    if (!after) {
      add('load', phase, `the output stopped before this phase (${output.phases[0]?.error ?? 'no handler'})`);
      break;
    }
    if (before.error !== after.error) add(phase === 0 ? 'load' : 'error', phase, `original ${before.error ?? 'succeeded'}; output ${after.error ?? 'succeeded'}`);
    if (phase > 0 && stable(before.result) !== stable(after.result)) {
      add('result', phase, `original returned ${clip(stable(before.result))}; output returned ${clip(stable(after.result))}`);
    }
    const [beforeUses, afterUses] = [uses(before), uses(after, added)];
    const missing = multisetDifference(beforeUses, afterUses);
    const extra = multisetDifference(afterUses, beforeUses);
    if (missing.length || extra.length) {
      add('calls', phase, [...missing.slice(0, 2).map((call) => `only the original: ${clip(call)}`), ...extra.slice(0, 2).map((call) => `only the output: ${clip(call)}`)].join('; '));
    }
    if (stable(before.db) !== stable(after.db)) add('database', phase, `original committed ${stable(before.db)}; output committed ${stable(after.db)}`);
    if (before.waitsForOpenHandles !== after.waitsForOpenHandles) {
      add('response-waits', phase, `the response waits for open handles: original ${before.waitsForOpenHandles}, output ${after.waitsForOpenHandles}`);
    }
    if (stable(before.unhandled) !== stable(after.unhandled)) {
      add('unhandled', phase, `original ${stable(before.unhandled)}; output ${stable(after.unhandled)}`);
    }
  }
  const excess = excessConstructions(original, output, hoisted);
  if (excess) findings.push({ side: 'codemod', kind: 'constructed-again', detail: excess });
  return findings;
}

/**
 * Each hoisted resource is built at most once per process (a build whose connect failed does not count:
 * the getter forgets it and the next invocation retries). Per resource, the output's successful builds
 * may not exceed the original's at the sites that stayed plus one per getter.
 */
function excessConstructions(original: JobResult, output: JobResult, hoisted: readonly HoistedSite[]): string | undefined {
  const hoistedKeys = new Set(hoisted.map((site) => keyOf(site.line, resourceLabel(site.resource))));
  const getters = new Map<string, Set<string>>();
  for (const site of hoisted) {
    const label = resourceLabel(site.resource);
    getters.set(label, (getters.get(label) ?? new Set()).add(site.getter));
  }
  const stayed = new Map<string, number>();
  for (const phase of original.phases) {
    for (const construction of phase.constructions) {
      if (construction.failed) continue;
      if (construction.line !== null && hoistedKeys.has(keyOf(construction.line, construction.label))) continue;
      stayed.set(construction.label, (stayed.get(construction.label) ?? 0) + 1);
    }
  }
  const built = new Map<string, number>();
  for (const phase of output.phases) {
    for (const construction of phase.constructions) if (!construction.failed) built.set(construction.label, (built.get(construction.label) ?? 0) + 1);
  }
  for (const [label, count] of built) {
    const allowed = (stayed.get(label) ?? 0) + (getters.get(label)?.size ?? 0);
    if (count > allowed) {
      return `\`${label}\` is built ${count} times by the output, at most ${allowed} allowed (${stayed.get(label) ?? 0} by sites that stayed, ${getters.get(label)?.size ?? 0} getter(s))`;
    }
  }
  return undefined;
}

/**
 * A JSDoc `@type` comment must still type the statement it typed: the codemod may not insert its
 * declarations between the comment and the statement (they would take the type under `// @ts-check`).
 */
export function detachedTypeComments(original: string, output: string): string | undefined {
  const nextStatement = (text: string, index: number) => text.slice(index).split('\n').slice(1).find((line) => line.trim() !== '')?.trim();
  for (const match of original.matchAll(/\/\*\*\s*@type\s*\{[^}]*\}\s*\*\//g)) {
    const before = nextStatement(original, match.index);
    const at = output.indexOf(match[0]);
    const after = at < 0 ? undefined : nextStatement(output, at);
    if (before !== after) return `\`${match[0]}\` typed \`${before}\`; in the output it is followed by \`${after}\``;
  }
  return undefined;
}
