import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { solve } from '../solver/solve.js';
import { mostTelling } from '../solver/choose.js';
import type { Finding, SolvedDependence, SolvedInputWrite } from '../solver/solve.js';
import { SummaryCache } from '../summary/index.js';
import { completeSummary, creationOf } from '../summary/lazy.js';
import type { CreationSummary, ModuleSummary } from '../summary/types.js';
import type { LambdaHygieneSettings, ReachContext, ResourceKind, UserResource } from '../types.js';
import { loadProject } from './load-project.js';
import { fingerprintOf, hasChanged, relativePath } from './project-fs.js';
import type { Fingerprint } from './project-fs.js';
import type { ParsedSource, Project, SourceLocation } from './types.js';

export interface AnalyzeProjectOptions {
  /** `settings['lambda-hygiene']` (its `project` key is ignored here). */
  settings?: LambdaHygieneSettings | undefined;
  /** The rules' `additionalResources`, each with its kind (or `defaultKind`). */
  additionalResources?: readonly UserResource[] | undefined;
  defaultKind?: ResourceKind | undefined;
  /** Globs (relative to the root) of the IaC files to read; by default every IaC file found. */
  iac?: readonly string[] | undefined;
  /** How long a result is trusted before the files it read are checked for changes (ms, default 1000). */
  recheckAfterMs?: number | undefined;
}

/** A function on the way from a handler to a creation, with its file (absolute). */
export interface ProjectPathStep {
  name: string;
  file: string;
}

/** The handler a project finding runs under: its file (absolute), export and IaC declaration. */
export interface ProjectFindingHandler {
  file: string;
  export: string;
  declaredIn: SourceLocation | null;
}

/**
 * A creation that runs per invocation of a handler of the project, in its most telling calling context
 * (request data, then an init chain, then per record; else the first found), with every context listed.
 */
export interface ProjectFinding {
  /** The file of the creation (absolute) and the creation as its summary states it (range, entry, resource). */
  file: string;
  creation: CreationSummary;
  handler: ProjectFindingHandler;
  /** The functions between the handler and the creation, outermost first, with their files. */
  path: ProjectPathStep[];
  perRecord: boolean;
  dependence: SolvedDependence;
  inputWrites: SolvedInputWrite[];
  reachedFrom: ReachContext[];
  /**
   * Whether a fix can stay in the creation's file: no other file on the path (the handler's included)
   * calls one of the resource's teardown methods, which a hoist in this file would leave closing a
   * shared instance.
   */
  fixable: boolean;
}

/** The project-mode answer for one root: its model, and the findings by the file of their creation. */
export interface ProjectAnalysis {
  root: string;
  project: Project;
  /** The findings whose creation is in `file` (absolute), in source order; `[]` for any other file. */
  findingsIn(file: string): readonly ProjectFinding[];
  /** The first-party modules the solver read (absolute): those reachable from the handlers. */
  modules: readonly string[];
  /** Relative to the root, with forward slashes, as messages show paths. */
  relative(file: string): string;
}

interface CachedAnalysis {
  analysis: ProjectAnalysis;
  modules: Map<string, Fingerprint>;
  checkedAt: number;
  summaries: SummaryCache;
}

const cache = new Map<string, CachedAnalysis>();

/** A module larger than this is a bundle or generated code, not first-party source worth following. */
const MAX_MODULE_BYTES = 1_000_000;
const DEFAULT_RECHECK_MS = 1000;

/**
 * Project mode's analysis of a root: from every handler of the project (declared in IaC or found in the
 * code), the solver walks the summaries of the first-party modules it reaches (parsed on first use,
 * cached by content hash) and yields the creations that run per invocation, wherever they are. Built on
 * first call and kept for the process; a later call rebuilds it when the project model changed or a
 * module it read changed (checked at most once per `recheckAfterMs`), re-parsing only changed files.
 */
export function analyzeProject(root: string, options: AnalyzeProjectOptions = {}): ProjectAnalysis {
  const absoluteRoot = path.resolve(root);
  const settings = analysisSettings(options.settings);
  const key = JSON.stringify([absoluteRoot, settings ?? null, options.additionalResources ?? null, options.defaultKind ?? null, options.iac ?? null]);
  const recheck = options.recheckAfterMs ?? DEFAULT_RECHECK_MS;
  const cached = cache.get(key);
  const now = Date.now();
  if (cached && now - cached.checkedAt < recheck) return cached.analysis;
  const summaries =
    cached?.summaries ??
    new SummaryCache({
      ...(settings ? { settings } : {}),
      ...(options.additionalResources ? { additionalResources: options.additionalResources } : {}),
      ...(options.defaultKind ? { defaultKind: options.defaultKind } : {}),
    });
  // The modules the project model parses (handler files) are summarised from that parse, at once, so
  // that no AST outlives its summary: thousands of trees at once would be gigabytes.
  const onParsed = (file: string, source: ParsedSource) => {
    const summary = summaries.get(file, source.text, source);
    if (summary) completeSummary(summary);
  };
  const project = loadProject(absoluteRoot, { settings, iac: options.iac, recheckAfterMs: recheck, onParsed });
  if (cached && cached.analysis.project === project && !hasChanged(cached.modules)) {
    cached.checkedAt = now;
    return cached.analysis;
  }
  const built = buildAnalysis(project, summaries);
  cache.set(key, { ...built, summaries, checkedAt: Date.now() });
  return built.analysis;
}

/** Forgets every project analysis of this process (tests; an editor that knows better). */
export function clearProjectAnalysisCache(): void {
  cache.clear();
}

/** The settings that change what the analysis says: `project` only says that it runs, and where. */
function analysisSettings(settings: LambdaHygieneSettings | undefined): LambdaHygieneSettings | undefined {
  if (!settings) return undefined;
  const { project: _project, ...rest } = settings;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function buildAnalysis(project: Project, summaries: SummaryCache): { analysis: ProjectAnalysis; modules: Map<string, Fingerprint> } {
  const modules = new Map<string, Fingerprint>();
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    let text: string | undefined;
    try {
      const stat = statSync(file);
      modules.set(file, fingerprintOf(stat));
      text = stat.isFile() && stat.size <= MAX_MODULE_BYTES ? readFileSync(file, 'utf8') : undefined;
    } catch {
      modules.set(file, fingerprintOf(undefined));
    }
    texts.set(file, text);
    return text;
  };
  // The solver asks for a module's summary at every call into it: look it up once per build.
  const loaded = new Map<string, ModuleSummary | undefined>();
  const summaryOf = (file: string): ModuleSummary | undefined => {
    if (loaded.has(file)) return loaded.get(file);
    const text = textOf(file);
    const summary = text === undefined ? undefined : summaries.get(file, text);
    // Complete, a summary is plain data: the module's AST is let go at once.
    loaded.set(file, summary && completeSummary(summary));
    return loaded.get(file);
  };
  const entries = project.handlers.map((handler) => ({ file: handler.file, export: handler.export }));
  const findings = solve({ entries, summaryOf, resolve: project.resolve });

  const declared = new Map<string, SourceLocation | null>();
  for (const handler of project.handlers) {
    const key = `${handler.file}#${handler.export}`;
    if (!declared.get(key)) declared.set(key, handler.declaredIn);
  }
  const byFile = new Map<string, ProjectFinding[]>();
  for (const [file, group] of groupByCreation(findings)) {
    const summary = summaries.peek(file);
    if (!summary) continue;
    const list: ProjectFinding[] = [];
    for (const contexts of group) {
      // Among equals, a handler the IaC declares says more than one only the code shows.
      const isDeclared = (context: Finding) => Boolean(declared.get(`${context.handler.file}#${context.handler.name}`));
      const chosen = mostTelling([...contexts.filter(isDeclared), ...contexts.filter((context) => !isDeclared(context))]);
      const creation = creationOf(summary, chosen.creation);
      if (!creation) continue;
      const steps = chosen.path.map((step) => ({ name: step.name, file: step.file }));
      list.push({
        file,
        creation,
        handler: { file: chosen.handler.file, export: chosen.handler.name, declaredIn: declared.get(`${chosen.handler.file}#${chosen.handler.name}`) ?? null },
        path: steps,
        perRecord: chosen.perRecord,
        dependence: chosen.dependence,
        inputWrites: chosen.inputWrites,
        reachedFrom: contexts.map((context) => ({
          handler: context.handler.name,
          path: context.path.map((step) => step.name),
          perRecord: context.perRecord,
          dependence: context.dependence.kind,
        })),
        fixable: contexts.every((context) => !closedElsewhere(creation, file, context, textOf)),
      });
    }
    list.sort((a, b) => a.creation.range[0] - b.creation.range[0]);
    byFile.set(file, list);
  }
  const analysis: ProjectAnalysis = {
    root: project.root,
    project,
    findingsIn: (file) => byFile.get(path.resolve(file)) ?? [],
    modules: [...texts.keys()].filter((file) => texts.get(file) !== undefined).sort(),
    relative: (file) => relativePath(project.root, file),
  };
  return { analysis, modules };
}

/** Findings grouped by file, then by creation (every calling context of one creation together). */
function groupByCreation(findings: readonly Finding[]): Map<string, Finding[][]> {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.file}#${finding.creation}`;
    const list = byKey.get(key);
    if (list) list.push(finding);
    else byKey.set(key, [finding]);
  }
  const byFile = new Map<string, Finding[][]>();
  for (const group of byKey.values()) {
    const file = group[0]!.file;
    const list = byFile.get(file);
    if (list) list.push(group);
    else byFile.set(file, [group]);
  }
  return byFile;
}

/**
 * Does a file on the way from the handler to the creation, other than the creation's own, call one of
 * the resource's teardown methods (`.end(`, `.destroy(`)? Then hoisting in the creation's file would leave
 * that call closing the shared instance: the fix does not stay in one file. A textual check, so that it
 * errs on the side of offering no fix.
 */
function closedElsewhere(creation: CreationSummary, file: string, finding: Finding, textOf: (file: string) => string | undefined): boolean {
  const methods = (creation.entry.teardown ?? []).map((name) => name.split('.').pop()!);
  if (methods.length === 0) return false;
  const pattern = new RegExp(`\\.\\s*(?:${methods.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*\\(`);
  const others = new Set([finding.handler.file, ...finding.path.map((step) => step.file)]);
  others.delete(file);
  return [...others].some((other) => pattern.test(textOf(other) ?? ''));
}
