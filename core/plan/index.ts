export { planHoist } from './plan-hoist.js';
export type { HoistPlan, HoistedSite, LeaveReason, LeftSite, PlanOptions } from './plan-hoist.js';
export { applyEdits } from './text.js';
export type { TextEdit } from './text.js';
