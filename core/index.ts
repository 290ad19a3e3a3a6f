// The analysis engine: independent of ESLint and jscodeshift, shared by the rules and the codemod.
export { analyzeModule } from './analyze.js';
export type { AnalyzeModuleOptions } from './analyze.js';
export { mayHaveCreationSites } from './sites.js';
export { CATALOGUE, catalogueWith, LISTENERS, matchResource, whenConnectionFails } from './catalog.js';
export { formatInitReason, formatInitSource, formatReason, formatVia } from './format.js';
export { parseSettings, SETTINGS_SCHEMA } from './settings.js';
export { solve } from './solver/solve.js';
export type { Finding, PathStep, SolvedDependence, SolvedInputWrite, SolveEntry, SolveInput } from './solver/solve.js';
export { contentHash, summarizeModule, SummaryCache } from './summary/index.js';
export type { SummarizeOptions } from './summary/index.js';
export type * from './summary/types.js';
export { completeSummary } from './summary/lazy.js';
export { DEFAULT_HANDLER_NAMES, DEFAULT_WRAPPERS } from './handlers.js';
export type * from './types.js';
export { Scopes } from './scope.js';
export { applyEdits, applyPlan, editsParse, isTypeScriptFile, modulePlanner, normaliseEdits, planHoist } from './plan/index.js';
export { checkSyntax, describeParseError, parseModule, sourceTypeOf } from './parse.js';
export type { AppliedPlan, HoistPlan, HoistedSite, LeaveReason, LeftSite, ModulePlanner, PlanOptions, TextEdit } from './plan/index.js';
