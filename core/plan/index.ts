export { planHoist } from './plan-hoist.js';
export type { HoistPlan, HoistedSite, LeaveReason, LeftSite, PlanOptions } from './plan-hoist.js';
export { applyEdits, normaliseEdits } from './text.js';

/** TypeScript files get type annotations in the code the plan writes. */
export function isTypeScriptFile(file: string): boolean {
  return /\.[cm]?tsx?$/.test(file);
}
export type { TextEdit } from './text.js';
