// The project model: handlers declared in IaC and found in code, and first-party module resolution.
// Independent of ESLint, jscodeshift and ts-morph, like the rest of core/.
export { loadProject, clearProjectCache } from './load-project.js';
export { analyzeProject, clearProjectAnalysisCache } from './analyze-project.js';
export type { AnalyzeProjectOptions, ProjectAnalysis, ProjectFinding, ProjectFindingHandler, ProjectPathStep } from './analyze-project.js';
export { analyzeModuleInProject } from './module-in-project.js';
export type { AnalyzeModuleInProjectOptions } from './module-in-project.js';
export { createModuleResolver } from './module-resolver.js';
export { formatHandlersReport, reportHandlers } from './report.js';
export type { HandlersReport, ReportedLocation } from './report.js';
export type {
  CodeSignal,
  HandlerSignal,
  IacFormat,
  IacSignal,
  LoadProjectOptions,
  ModuleResolver,
  ModuleResolverOptions,
  Project,
  ProjectHandler,
  SourceLocation,
  UnresolvedHandler,
} from './types.js';
