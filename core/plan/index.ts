export { modulePlanner, planHoist } from './plan-hoist.js';
export { applyPlan, editsParse, isTypeScriptFile } from './apply.js';
export type { AppliedPlan } from './apply.js';
export type { HoistPlan, HoistedSite, LeaveReason, LeftSite, ModulePlanner, PlanOptions } from './plan-hoist.js';
export { applyEdits, normaliseEdits } from './text.js';
export type { TextEdit } from './text.js';
