export { modulePlanner, planHoist } from './plan-hoist.js';
export { applyPlan, editsParse, isTypeScriptFile } from './apply.js';
export type { AppliedPlan } from './apply.js';
export type { HoistPlan, HoistedSite, LeaveReason, LeftSite, ModulePlanner, PlanOptions } from './plan-hoist.js';
export { applyEdits, normaliseEdits, statementRemoval } from './text.js';
export { teardownEdits } from './teardown.js';
export type { TextEdit } from './text.js';
