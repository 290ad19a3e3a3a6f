import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { analyzeModule } from '../analyze.js';
import type { AnalyzeModuleOptions } from '../analyze.js';
import { enclosingUnit, isFunction, walk } from '../ast.js';
import type { FunctionNode, InitDependence, InputWrite, ModuleAnalysis, PerInvocationSite, SiteOrigin } from '../types.js';
import type { ProjectAnalysis, ProjectFinding } from './analyze-project.js';

export interface AnalyzeModuleInProjectOptions extends AnalyzeModuleOptions {
  /** The file's absolute path. */
  file: string;
  project: ProjectAnalysis;
}

// Both rules ask about the same Program and project analysis.
const cache = new WeakMap<TSESTree.Program, { project: ProjectAnalysis; key: string; analysis: ModuleAnalysis }>();

/**
 * A module's analysis in project mode: its per-file analysis (unchanged), plus the sites of this file
 * that run per invocation only because of the project — a handler in another file, a handler declared
 * only in IaC, a path through another file. Those carry an `origin` naming the handler, its file, where
 * it is declared and the path across files, for the messages and the planner.
 */
export function analyzeModuleInProject(program: TSESTree.Program, options: AnalyzeModuleInProjectOptions): ModuleAnalysis {
  const { project, file, ...moduleOptions } = options;
  const key = JSON.stringify([options.settings ?? null, options.additionalResources ?? null, options.defaultKind ?? null, file]);
  const cached = cache.get(program);
  if (cached && cached.project === project && cached.key === key) return cached.analysis;
  const local = analyzeModule(program, moduleOptions);
  const findings = project.findingsIn(path.resolve(file));
  let analysis = local;
  if (findings.length > 0) {
    const reported = new Set(local.sites.map((site) => `${site.node.range[0]}:${site.node.range[1]}`));
    const fresh = findings.filter((finding) => !reported.has(`${finding.creation.range[0]}:${finding.creation.range[1]}`));
    if (fresh.length > 0) {
      const nodes = nodesByRange(program);
      const added = fresh.flatMap((finding) => siteOf(finding, file, project, nodes) ?? []);
      analysis = { ...local, sites: [...local.sites, ...added].sort((a, b) => a.node.range[0] - b.node.range[0]) };
    }
  }
  cache.set(program, { project, key, analysis });
  return analysis;
}

/**
 * Every node by `start:end` (what a summary's ranges name): the outermost of a range, except that a
 * creation (`new X()`, `X()`) wins over what wraps it with the same range.
 */
function nodesByRange(program: TSESTree.Program): Map<string, TSESTree.Node> {
  const nodes = new Map<string, TSESTree.Node>();
  walk(program, (node) => {
    const key = `${node.range[0]}:${node.range[1]}`;
    if (!nodes.has(key) || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) nodes.set(key, node);
  });
  return nodes;
}

function siteOf(finding: ProjectFinding, file: string, project: ProjectAnalysis, nodes: Map<string, TSESTree.Node>): PerInvocationSite | undefined {
  const { creation } = finding;
  const node = creationNode(nodes, creation.range);
  if (!node) return undefined;
  const fn = outermostFunction(node);
  const origin: SiteOrigin = {
    handler: {
      file: project.relative(finding.handler.file),
      export: finding.handler.export,
      declaredIn: finding.handler.declaredIn && { file: project.relative(finding.handler.declaredIn.file), line: finding.handler.declaredIn.line },
    },
    path: finding.path.map((step) => ({ name: step.name, file: project.relative(step.file) })),
    file: project.relative(file),
  };
  if (!finding.fixable) origin.unfixable = 'it is closed in another file on the way from the handler, which a fix here would leave closing the shared instance';
  else if (!fn) origin.unfixable = 'it runs in a class field initialiser reached from another file';
  const init = finding.dependence.init;
  const nodeAt = (range: [number, number]) => nodes.get(`${range[0]}:${range[1]}`);
  const sameFile = (other: string) => path.resolve(other) === path.resolve(file);
  const initDependence: InitDependence | undefined = init && {
    input: init.input,
    // The solver settles expiring credentials as request-like: what is left is a secret, a parameter or a value.
    source: init.source as InitDependence['source'],
    in: init.in,
    // An init chain in another file cannot move with the site: it is only named in the message.
    fetch: (sameFile(init.file) ? nodeAt(init.fetch) : undefined) ?? node,
    chain: sameFile(init.file) ? init.chain.flatMap((range) => nodeAt(range) ?? []) : [],
  };
  return {
    node,
    entry: creation.entry,
    resource: creation.resource,
    module: creation.module,
    id: creation.id,
    // The handler is elsewhere: the planner needs a function of this file to stand for it.
    handler: { name: finding.handler.export, fn: (fn ?? enclosingUnit(node) ?? node) as FunctionNode, how: 'export', exportNode: fn ?? node },
    path: finding.path.map((step) => step.name),
    perRecord: finding.perRecord,
    requestDependence: finding.dependence.request,
    ...(initDependence && !finding.dependence.request ? { initDependence } : {}),
    inputWrites: finding.inputWrites.flatMap((write): InputWrite[] => {
      const written = sameFile(write.file) ? nodeAt(write.range) : undefined;
      return written ? [{ node: written, target: write.target, kind: write.kind, dependence: write.dependence }] : [];
    }),
    reachedFrom: finding.reachedFrom,
    origin,
  };
}

function creationNode(nodes: Map<string, TSESTree.Node>, range: [number, number]): TSESTree.NewExpression | TSESTree.CallExpression | undefined {
  const node = nodes.get(`${range[0]}:${range[1]}`);
  return node?.type === AST_NODE_TYPES.NewExpression || node?.type === AST_NODE_TYPES.CallExpression ? node : undefined;
}

/** The outermost function of the file that runs `node`: where the call from another file enters. */
function outermostFunction(node: TSESTree.Node): FunctionNode | undefined {
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) outermost = current;
  return outermost;
}
