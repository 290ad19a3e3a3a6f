import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { enclosingUnit, walk } from './ast.js';
import { catalogueWith } from './catalog.js';
import { collectExports, findHandlers, handlerFinder } from './handlers.js';
import { indexModule } from './module-index.js';
import { Scopes } from './scope.js';
import { findCreationSites } from './sites.js';
import { findSecretFetches } from './fetches.js';
import { findSharedTeardowns } from './teardown-sites.js';
import { frozenCredentials } from './frozen-credentials.js';
import { solveWithFetches } from './solver/solve.js';
import type { FetchFinding, Finding, TeardownFinding } from './solver/solve.js';
import { creationOf } from './summary/lazy.js';
import { mostTelling } from './solver/choose.js';
import { buildSummary } from './summary/summarize.js';
import type { SummaryNodes } from './summary/summarize.js';
import type { ModuleSummary } from './summary/types.js';
import type {
  AnalysisOptions,
  CodeUnit,
  CreationSite,
  Handler,
  PerInvocationFetch,
  FrozenToken,
  ReusedTeardown,
  InitDependence,
  InputWrite,
  ModuleAnalysis,
  PerInvocationSite,
  ReachContext,
  ResourceKind,
} from './types.js';
import { Values } from './values.js';

export interface AnalyzeModuleOptions extends AnalysisOptions {
  /** The parser's scope manager (ESLint's `sourceCode.scopeManager`); computed when needed if absent. */
  scopeManager?: ScopeManager | undefined;
  /** Scopes shared with a later step (the codemod's planner), instead of `scopeManager`. */
  scopes?: Scopes;
  /** The kind given to `additionalResources` entries that name none. */
  defaultKind?: ResourceKind;
  /** The file, as the summary and the solver name it (any string in per-file mode). */
  file?: string;
}

// Both rules, and later the codemod, ask about the same Program: analyse it once per set of options.
const cache = new WeakMap<TSESTree.Program, Map<string, ModuleAnalysis>>();

/** The file name a summary gets when the caller names none. */
const THIS_FILE = '<module>';

/**
 * The one answer everything else shows or applies: the module's handlers, and each creation of an
 * expensive resource that runs per invocation, with its path, whether it runs per record and what its
 * inputs depend on. It is the module's summary, solved from its own handlers: the same solver that
 * project mode runs over many modules' summaries.
 */
export function analyzeModule(program: TSESTree.Program, options: AnalyzeModuleOptions = {}): ModuleAnalysis {
  // The default kind matters only to additional resources: without them both rules share one analysis.
  const additions = options.additionalResources?.length ? [options.additionalResources, options.defaultKind] : null;
  const key = JSON.stringify([options.settings ?? null, additions, options.file ?? null]);
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
  const file = options.file ?? THIS_FILE;
  const prepared = prepareModule(program, options);
  if (!prepared.summarize) {
    // Every creation at module scope: still, one may hold an expiring credential.
    const frozenTokens = prepared.creations ? frozenOf(prepared.creations, () => 'created at module scope', prepared.values!, prepared.scopes!) : [];
    return { handlers: prepared.handlers, sites: [], ...(frozenTokens.length ? { frozenTokens } : {}) };
  }
  const { summary, nodes } = prepared.summarize(false);
  const { findings, fetches, teardowns } = solveWithFetches({
    entries: [...new Set(summary.handlers.map((handler) => handler.name))].map((name) => ({ file, export: name })),
    summaryOf: (asked) => (asked === file ? summary : undefined),
  });
  const sites = sitesOf(findings, nodes).map((site) => expiringInit(site, prepared.values!, prepared.scopes!));
  return { handlers: prepared.handlers, sites, fetches: fetchesOf(fetches, summary, nodes), teardowns: teardownsOf(teardowns, nodes, findings), frozenTokens: frozenOf(nodes.creations, (id) => lifetimeOf(summary, nodes.creations[id]!, id), prepared.values!, prepared.scopes!), summary };
}

/**
 * The module's handlers, and (when the module has both a handler and a creation, or `full` is asked)
 * a way to build its summary. Most modules stop early: no handler, or nothing from the catalogue.
 */
export function prepareModule(
  program: TSESTree.Program,
  options: AnalyzeModuleOptions & { full?: boolean; hash?: string },
): { handlers: Handler[]; values?: Values; scopes?: Scopes; creations?: CreationSite[]; summarize?: (projectMode: boolean) => { summary: ModuleSummary; nodes: SummaryNodes } } {
  // ESLint links every node to its parent; a bare typescript-estree parse does not.
  if (program.body.length > 0 && !program.body[0]!.parent) walk(program, () => true);
  const scopes = options.scopes ?? new Scopes(program, options.scopeManager);
  let values = new Values(scopes, program);
  const moduleExports = collectExports(program);
  let finder = handlerFinder(program, values, options.settings);
  const handlers = findHandlers(finder, moduleExports);
  // A module without a handler is not Lambda code: nothing in it runs per invocation (project mode still
  // summarises it, for the handlers of other modules that reach it).
  if (handlers.length === 0 && !options.full) return { handlers };
  const index = indexModule(program);
  const catalogue = catalogueWith(options.additionalResources, options.defaultKind ?? 'client');
  values = values.withFactories(new Map(handlers.flatMap((handler) => (handler.factory ? [[handler.factory.fn, handler.factory.call] as const] : []))));
  const creations = findCreationSites(program, index, values, catalogue);
  const fetches = findSecretFetches(index.calls, values);
  const teardowns = findSharedTeardowns(index.calls, scopes, creations);
  // Nothing created, fetched or closed inside a function (everything at module scope, once): nothing to
  // solve, per file.
  const atModuleScope = (node: TSESTree.Node) => enclosingUnit(node) === undefined;
  if (!options.full && creations.every((creation) => atModuleScope(creation.node)) && fetches.every((fetch) => atModuleScope(fetch.node)) && teardowns.length === 0) {
    return { handlers, values, scopes, creations };
  }
  if (values !== finder.values) finder = handlerFinder(program, values, options.settings);
  return {
    handlers,
    values,
    scopes,
    summarize: (projectMode) =>
      buildSummary({
        program,
        scopes,
        values,
        index,
        finder,
        moduleExports,
        handlers,
        creations,
        fetches,
        teardowns,
        file: options.file ?? THIS_FILE,
        ...(options.hash ? { hash: options.hash } : {}),
        projectMode,
      }),
  };
}

/** The module's handler a finding starts from: by its function, or by its export name (a handler found through a wrapper). */
function findingHandler(nodes: SummaryNodes): (finding: { handler: Finding['handler'] }) => Handler {
  const byFunction = new Map<CodeUnit, Handler>(nodes.handlers.map((handler) => [handler.fn, handler]));
  return (finding) =>
    byFunction.get(nodes.units[finding.handler.fn]!) ?? nodes.handlers.find((candidate) => candidate.name === finding.handler.name)!;
}

/**
 * One site per creation, for the rules and the planner: of its calling contexts, the one that says most
 * (request data, then an init chain, then per record; the first found among equals, which is the
 * shortest path from the first handler), with every context listed.
 */
function sitesOf(findings: readonly Finding[], nodes: SummaryNodes): PerInvocationSite[] {
  const byCreation = new Map<number, Finding[]>();
  for (const finding of findings) {
    const list = byCreation.get(finding.creation);
    if (list) list.push(finding);
    else byCreation.set(finding.creation, [finding]);
  }
  const handlerOf = findingHandler(nodes);
  const sites: PerInvocationSite[] = [];
  for (const [id, contexts] of [...byCreation].sort(([a], [b]) => a - b)) {
    const chosen = mostTelling(contexts);
    const creation = nodes.creations[id]!;
    const handler = handlerOf(chosen);
    const init = chosen.dependence.init;
    const initDependence: InitDependence | undefined = init && {
      input: init.input,
      // The solver settles expiring credentials as request-like: what is left is a secret, a parameter or a value.
      source: init.source as InitDependence['source'],
      in: init.in,
      fetch: nodes.nodeAt(init.fetch)!,
      chain: init.chain.flatMap((range) => nodes.nodeAt(range) ?? []),
    };
    sites.push({
      ...creation,
      id,
      handler,
      path: chosen.path.map((step) => step.name),
      perRecord: chosen.perRecord,
      requestDependence: chosen.dependence.request,
      ...(initDependence?.fetch ? { initDependence } : {}),
      inputWrites: chosen.inputWrites.flatMap((write): InputWrite[] => {
        const node = nodes.nodeAt(write.range);
        return node ? [{ node, target: write.target, kind: write.kind, dependence: write.dependence }] : [];
      }),
      reachedFrom: contexts.map(
        (context): ReachContext => ({
          handler: context.handler.name,
          path: context.path.map((step) => step.name),
          perRecord: context.perRecord,
          dependence: context.dependence.kind,
        }),
      ),
    });
  }
  return sites;
}

/** One report per fetch: its first calling context, or one that repeats it per record. */
function fetchesOf(findings: readonly FetchFinding[], summary: ModuleSummary, nodes: SummaryNodes): PerInvocationFetch[] {
  const byFetch = new Map<number, FetchFinding>();
  for (const finding of findings) {
    const known = byFetch.get(finding.fetch);
    if (!known || (finding.perRecord && !known.perRecord) || (finding.id.request && !known.id.request)) byFetch.set(finding.fetch, finding);
  }
  const handlerOf = findingHandler(nodes);
  return [...byFetch.values()]
    .sort((a, b) => a.fetch - b.fetch)
    .map((finding) => {
      const fetch = summary.fetches![finding.fetch]!;
      return {
        node: nodes.fetches[finding.fetch]!.node,
        operation: fetch.operation,
        id: fetch.idText,
        handler: handlerOf(finding),
        path: finding.path.map((step) => step.name),
        perRecord: finding.perRecord,
        requestDependence: finding.id.request,
      };
    });
}

/**
 * A site built from an awaited value that is an expiring credential after all (a token a helper returns):
 * like any expiring credential, request-like, never frozen into a reused resource.
 */
function expiringInit(site: PerInvocationSite, values: Values, scopes: Scopes): PerInvocationSite {
  const init = site.initDependence;
  if (!init || frozenCredentials(site.node, site.entry, values, scopes).length === 0) return site;
  const { initDependence: _dropped, ...rest } = site;
  return { ...rest, requestDependence: { input: init.input, why: 'awaited', in: init.in } };
}

/** How long a creation lives, when longer than the invocation: module scope, cached lazily or in a collection. */
function lifetimeOf(summary: ModuleSummary, site: CreationSite, id: number): string | undefined {
  const creation = creationOf(summary, id)!;
  if (creation.fn === undefined) return 'created at module scope';
  if (!creation.caches?.includes('module')) return undefined;
  const parent = site.node.parent;
  const stored = parent?.type === 'CallExpression' && parent.callee.type === 'MemberExpression' && parent.callee.property.type === 'Identifier' && parent.callee.property.name === 'set';
  return stored ? 'cached in a module-scope collection' : 'created lazily and cached';
}

/** Creations that outlive the invocation with an expiring credential as a value. */
function frozenOf(creations: readonly CreationSite[], lifetime: (id: number) => string | undefined, values: Values, scopes: Scopes): FrozenToken[] {
  const frozen: FrozenToken[] = [];
  creations.forEach((site, id) => {
    const lives = lifetime(id);
    if (!lives) return;
    for (const found of frozenCredentials(site.node, site.entry, values, scopes)) {
      frozen.push({
        node: found.value,
        option: found.option,
        resource: site.resource,
        lifetime: lives,
        credential: found.credential.describe,
        advice: found.advice,
        ...(found.fix ? { fix: found.fix } : {}),
      });
    }
  });
  return frozen;
}

function teardownsOf(findings: readonly TeardownFinding[], nodes: SummaryNodes, created: readonly Finding[]): ReusedTeardown[] {
  const handlerOf = findingHandler(nodes);
  // A module variable assigned a new resource on every invocation holds what this invocation created.
  const perInvocation = new Set(created.map((finding) => nodes.creations[finding.creation]!.node));
  return [...findings]
    .filter((finding) => !perInvocation.has(nodes.teardowns[finding.teardown]!.creation.node))
    .sort((a, b) => a.teardown - b.teardown)
    .map((finding) => {
      const site = nodes.teardowns[finding.teardown]!;
      return {
        node: site.node,
        call: site.call,
        resource: site.creation.resource,
        lifetime: site.lifetime,
        handler: handlerOf(finding),
        path: finding.path.map((step) => step.name),
        ...(site.statement ? { statement: site.statement } : {}),
      };
    });
}
