import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { enclosingUnit, isRepeatedWithin, walk } from './ast.js';
import { catalogueWith } from './catalog.js';
import { RequestDependenceAnalyzer } from './dependence.js';
import { findHandlers } from './handlers.js';
import { ImportResolver } from './imports.js';
import { isLazilyCreated } from './lazy.js';
import { indexModule } from './module-index.js';
import { reachedUnitAround, reachFromHandlers } from './reachability.js';
import { Scopes } from './scope.js';
import { findCreationSites } from './sites.js';
import type { AnalysisOptions, ModuleAnalysis, PerInvocationSite, ResourceKind } from './types.js';

export interface AnalyzeModuleOptions extends AnalysisOptions {
  /** The parser's scope manager (ESLint's `sourceCode.scopeManager`); computed when needed if absent. */
  scopeManager?: ScopeManager | undefined;
  /** Scopes shared with a later step (the codemod's planner), instead of `scopeManager`. */
  scopes?: Scopes;
  /** The kind given to `additionalResources` entries that name none. */
  defaultKind?: ResourceKind;
}

// Both rules, and later the codemod, ask about the same Program: analyse it once per set of options.
const cache = new WeakMap<TSESTree.Program, Map<string, ModuleAnalysis>>();

/**
 * The one answer everything else shows or applies: the module's handlers, and each creation of an
 * expensive resource that runs per invocation, with its path, whether it runs per record and whether
 * it depends on the request.
 */
export function analyzeModule(program: TSESTree.Program, options: AnalyzeModuleOptions = {}): ModuleAnalysis {
  // The default kind matters only to additional resources: without them both rules share one analysis.
  const additions = options.additionalResources?.length ? [options.additionalResources, options.defaultKind] : null;
  const key = JSON.stringify([options.settings ?? null, additions]);
  // A caller that brings its own scopes wants an analysis over them.
  if (options.scopes) return analyzeUncached(program, options);
  let byOptions = cache.get(program);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const analysis = analyzeUncached(program, options);
  if (!byOptions) cache.set(program, (byOptions = new Map()));
  byOptions.set(key, analysis);
  return analysis;
}

function analyzeUncached(program: TSESTree.Program, options: AnalyzeModuleOptions): ModuleAnalysis {
  // ESLint links every node to its parent; a bare typescript-estree parse does not.
  if (program.body.length > 0 && !program.body[0]!.parent) walk(program, () => true);
  const scopes = options.scopes ?? new Scopes(program, options.scopeManager);
  const imports = new ImportResolver(scopes);
  const handlers = findHandlers(program, scopes, imports, options.settings);
  // A module without a handler is not Lambda code: nothing in it runs per invocation.
  if (handlers.length === 0) return { handlers, sites: [] };

  const index = indexModule(program);
  const catalogue = catalogueWith(options.additionalResources, options.defaultKind ?? 'client');
  const creations = findCreationSites(program, index, imports, catalogue);
  if (creations.length === 0) return { handlers, sites: [] };

  const reached = reachFromHandlers(handlers, index, scopes);
  const creationNodes = new Set<TSESTree.Node>(creations.map((site) => site.node));
  const dependence = new RequestDependenceAnalyzer(scopes, reached, (node) => creationNodes.has(node));
  const sites: PerInvocationSite[] = [];
  for (const creation of creations) {
    const invocation = reachedUnitAround(enclosingUnit(creation.node), reached);
    if (!invocation) continue;
    const [unit, reach] = invocation;
    if (isLazilyCreated(creation.node, unit, scopes)) continue;
    sites.push({
      ...creation,
      handler: reach.handler,
      path: reach.path,
      perRecord: reach.repeated || isRepeatedWithin(creation.node, unit),
      requestDependence: dependence.ofCreation(creation.node),
    });
  }
  return { handlers, sites };
}
