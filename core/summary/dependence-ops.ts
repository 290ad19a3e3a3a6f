import type { Dependence, InitReason, ParamRef, Range } from './types.js';

/** Stable: the same on every invocation. */
export const STABLE: Dependence = Object.freeze({}) as Dependence;

/**
 * What a value built from both depends on. The first reason found wins (source order), and request data
 * makes parameters and state irrelevant: nothing they could add changes the answer.
 */
export function join(a: Dependence, b: Dependence): Dependence {
  if (a.request) return a;
  if (b.request) return b;
  if (isEmpty(b)) return a;
  if (isEmpty(a)) return b;
  const joined: Dependence = {};
  const init = a.init ?? b.init;
  if (init) joined.init = a.init && b.init ? { ...a.init, chain: mergeRanges(a.init.chain, b.init.chain) } : init;
  const params = mergeParams(a.params, b.params);
  if (params) joined.params = params;
  const state = mergeStrings(a.state, b.state);
  if (state) joined.state = state;
  return joined;
}

export function joinAll(dependences: Iterable<Dependence>): Dependence {
  let joined = STABLE;
  for (const dependence of dependences) {
    joined = join(joined, dependence);
    if (joined.request) break;
  }
  return joined;
}

export function isEmpty(dependence: Dependence): boolean {
  return !dependence.request && !dependence.init && !dependence.params?.length && !dependence.state?.length;
}

/** The init chain with one more statement, kept in source order. */
export function withChainStep(dependence: Dependence, step: Range): Dependence {
  if (!dependence.init || dependence.request) return dependence;
  return { ...dependence, init: { ...dependence.init, chain: mergeRanges(dependence.init.chain, [step]) } };
}

/** An awaited value stored in a variable is reported under the variable's name. */
export function renamed(dependence: Dependence, input: string): Dependence {
  if (dependence.init && !dependence.request) return { ...dependence, init: { ...dependence.init, input } };
  return dependence;
}

export function initReason(reason: InitReason): Dependence {
  return { init: reason };
}

function mergeRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const byStart = new Map<string, Range>();
  for (const range of [...a, ...b]) byStart.set(`${range[0]}:${range[1]}`, range);
  return [...byStart.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

function mergeParams(a: ParamRef[] | undefined, b: ParamRef[] | undefined): ParamRef[] | undefined {
  if (!a?.length) return b?.length ? b : undefined;
  if (!b?.length) return a;
  const merged = [...a];
  for (const param of b) {
    if (!merged.some((other) => other.fn === param.fn && other.index === param.index && other.input === param.input)) merged.push(param);
  }
  return merged;
}

function mergeStrings(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a?.length) return b?.length ? b : undefined;
  if (!b?.length) return a;
  return [...new Set([...a, ...b])];
}
