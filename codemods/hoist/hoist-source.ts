import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { analyzeModule, applyPlan, describeParseError, parseModule, Scopes, sourceTypeOf } from '../../core/index.js';
import { analyzeModuleInProject, analyzeProject } from '../../core/project/index.js';
import type { HoistPlan, LambdaHygieneSettings, LeaveReason, PerInvocationSite, UserResource } from '../../core/index.js';

/** Where a site is and what runs it, as the rules' message says it. */
export interface SiteReport {
  line: number;
  column: number;
  resource: string;
  /** The exported handler whose invocations create it. */
  handler: string;
  /** The functions between the handler and the site (`processRecord`, `IndexStore.put`). */
  via: string[];
  perRecord: boolean;
}

/** What the codemod did to one file, as the CLI's summary and `--json` report show it. */
export interface FileResult {
  file: string;
  status: 'changed' | 'unchanged' | 'skipped' | 'failed';
  /** Why a file was skipped or failed: a parse error with its position, or an internal error. */
  message?: string;
  hoisted: Array<SiteReport & { getter: string }>;
  /** Teardown of resources that already outlive the invocation, removed (`pool.end()` of a module-scope pool). */
  closed?: Array<{ line: number; call: string }>;
  left: Array<SiteReport & { reason: LeaveReason; detail: string }>;
}

export interface HoistSourceOptions {
  settings?: LambdaHygieneSettings;
  additionalResources?: UserResource[];
}

/** Parses as the rules do (typescript-estree), so that the plan's ranges are the rules' ranges. */
export { parseModule };

/**
 * The codemod on one file's text: the hoist plan of `core/`, applied. A file that does not parse, or
 * whose result would not parse, is returned unchanged with the reason. `plan` is the plan that was
 * applied, for tools that need more than the report (the oracle: which listeners each singleton adds).
 */
export function hoistSource(
  text: string,
  file: string,
  options: HoistSourceOptions = {},
): { output: string; result: FileResult; plan?: HoistPlan } {
  const result: FileResult = { file, status: 'unchanged', hoisted: [], left: [] };
  let program: TSESTree.Program;
  try {
    program = parseModule(text, file);
  } catch (error) {
    result.status = 'skipped';
    result.message = `cannot parse: ${describeParseError(error)}`;
    return { output: text, result };
  }
  // One scope analysis, made only if the module has a handler, shared by the analysis and the plan.
  const scopes = new Scopes(program, undefined, sourceTypeOf(program, file));
  const moduleOptions = { scopes, settings: options.settings, additionalResources: options.additionalResources };
  // Project mode, as the rules run it: the sites handlers in other files make per invocation too.
  const project = options.settings?.project;
  const analysis = project
    ? analyzeModuleInProject(program, {
        ...moduleOptions,
        file: path.resolve(file),
        project: analyzeProject(path.resolve(typeof project === 'object' ? (project.root ?? '.') : '.'), {
          settings: options.settings,
          iac: typeof project === 'object' ? project.iac : undefined,
          ...(options.additionalResources?.length ? { additionalResources: options.additionalResources } : {}),
        }),
      })
    : analyzeModule(program, moduleOptions);
  if (analysis.sites.length === 0 && !analysis.teardowns?.length) return { output: text, result };

  const { plan, output, error } = applyPlan(program, text, analysis, scopes, file);
  if (plan.closed?.length) result.closed = plan.closed.map((teardown) => ({ line: teardown.node.loc.start.line, call: teardown.call }));
  result.hoisted = plan.hoisted.map(({ site, getter }) => ({ ...siteReport(site), getter }));
  result.left = plan.left.map(({ site, reason, detail }) => ({ ...siteReport(site), reason, detail }));
  if (error) {
    // Never write a file we broke: report it instead, with what the parser said.
    result.status = 'failed';
    result.message = `${error}; file left unchanged`;
    result.hoisted = [];
    delete result.closed;
    return { output: text, result };
  }
  result.status = output === text ? 'unchanged' : 'changed';
  return { output, result, plan };
}

function siteReport(site: PerInvocationSite): SiteReport {
  return {
    line: site.node.loc.start.line,
    column: site.node.loc.start.column + 1,
    resource: site.resource,
    handler: site.handler.name,
    via: site.path,
    perRecord: site.perRecord,
  };
}
