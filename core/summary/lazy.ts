import type { CacheAssignment, CreationSummary, FunctionSummary, ModuleSummary } from './types.js';

/**
 * A per-file summary is filled in as the solver reads it: most functions of a module are never reached,
 * and summarising them would be wasted work on every lint. Such a summary carries a hidden (symbol-keyed,
 * non-enumerable) filler; `functionOf` and `creationOf` read through it. A summary that crosses a process
 * boundary or is cached is complete (`completeSummary`), and plain JSON.
 */
const FILLER = Symbol('summary filler');

export interface SummaryFiller {
  fn(id: number): FunctionSummary;
  creation(id: number): CreationSummary;
  assigns(id: number): CacheAssignment[];
  /** The state keys the module writes. */
  writtenState(): string[];
  /** Fills every part not read yet (exports, imports, every function and creation). */
  rest(): void;
}

export function withFiller(summary: ModuleSummary, filler: SummaryFiller): ModuleSummary {
  Object.defineProperty(summary, FILLER, { value: filler, enumerable: false, configurable: true });
  return summary;
}

export function functionOf(summary: ModuleSummary, id: number): FunctionSummary | undefined {
  const found = summary.functions[id];
  if (found || id < 0 || id >= summary.functions.length) return found;
  const filler = (summary as { [FILLER]?: SummaryFiller })[FILLER];
  return filler ? (summary.functions[id] = filler.fn(id)) : undefined;
}

export function creationOf(summary: ModuleSummary, id: number): CreationSummary | undefined {
  const found = summary.creations[id];
  if (found || id < 0 || id >= summary.creations.length) return found;
  const filler = (summary as { [FILLER]?: SummaryFiller })[FILLER];
  return filler ? (summary.creations[id] = filler.creation(id)) : undefined;
}

/** What a function assigns that may outlive its run (asked only for a call behind a guard). */
export function assignsOf(summary: ModuleSummary, id: number): CacheAssignment[] {
  const fn = functionOf(summary, id);
  if (!fn) return [];
  if (!fn.assigns) {
    const filler = (summary as { [FILLER]?: SummaryFiller })[FILLER];
    fn.assigns = filler ? filler.assigns(id) : [];
  }
  return fn.assigns;
}

/** The state keys a module writes (worked out when first asked, for a summary being filled in). */
export function writtenStateOf(summary: ModuleSummary): string[] {
  const filler = (summary as { [FILLER]?: SummaryFiller })[FILLER];
  return filler ? filler.writtenState() : summary.writtenState;
}

/** The summary with every part filled in: plain data from here on. */
export function completeSummary(summary: ModuleSummary): ModuleSummary {
  const filler = (summary as { [FILLER]?: SummaryFiller })[FILLER];
  if (!filler) return summary;
  for (let id = 0; id < summary.functions.length; id++) assignsOf(summary, id);
  for (let id = 0; id < summary.creations.length; id++) creationOf(summary, id);
  filler.rest();
  delete (summary as { [FILLER]?: SummaryFiller })[FILLER];
  return summary;
}
