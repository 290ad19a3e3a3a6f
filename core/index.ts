// The analysis engine: independent of ESLint and jscodeshift, shared by the rules and the codemod.
export { analyzeModule } from './analyze.js';
export { parseSource } from './parse.js';
export type { AnalyzeModuleOptions } from './analyze.js';
export { CATALOGUE, catalogueWith, matchResource } from './catalog.js';
export { formatReason, formatVia } from './format.js';
export { DEFAULT_HANDLER_NAMES, DEFAULT_WRAPPERS } from './handlers.js';
export type * from './types.js';
export { Scopes } from './scope.js';
export { applyEdits, isTypeScriptFile, normaliseEdits, planHoist } from './plan/index.js';
export type { HoistPlan, HoistedSite, LeaveReason, LeftSite, PlanOptions, TextEdit } from './plan/index.js';
