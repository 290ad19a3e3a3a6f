import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  analyzeModule,
  applyPlan,
  formatInitReason,
  formatInitSource,
  formatReason,
  formatVia,
  normaliseEdits,
  parseSettings,
  Scopes,
} from '../../core/index.js';
import type { LambdaHygieneSettings, ModuleAnalysis, PerInvocationSite, ResourceKind, UserResource } from '../../core/index.js';
import type { MessageIds } from './messages.js';
import { analyzeInProject } from './project-mode.js';

type JSONSchema4 = JSONSchema.JSONSchema4;

export interface PerInvocationOptions {
  additionalResources?: UserResource[];
}

/** The options schema both per-invocation rules share. */
export const perInvocationSchema: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      additionalResources: {
        type: 'array',
        description:
          'Resources to report besides the built-in catalogue: a module, the export inside it (dotted for a static factory, `default` for the module itself) and the kind.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['module', 'export'],
          properties: {
            module: { type: 'string', description: 'The module specifier; `*` matches any run of characters.' },
            export: { type: 'string', description: 'The export path, e.g. `Client`, `Client.create`, `default`.' },
            kind: {
              type: 'string',
              enum: ['client', 'pool'],
              description: 'Which rule reports it; defaults to the rule the option is given to.',
            },
          },
        },
      },
    },
  },
];

/**
 * The whole of what a per-invocation rule does: ask `core/` for the module's per-invocation sites and
 * report those of one kind. Detection lives in `core/`, never here.
 */
export function reportPerInvocationSites(
  context: Readonly<TSESLint.RuleContext<MessageIds, [PerInvocationOptions]>>,
  kind: ResourceKind,
  options: PerInvocationOptions,
): TSESLint.RuleListener {
  // A bad setting is a configuration error: thrown from `create`, ESLint reports it with the rule's name.
  const settings = settingsOf(context.settings['lambda-hygiene']);
  return {
    Program(program: TSESTree.Program) {
      const scopeManager = context.sourceCode.scopeManager ?? undefined;
      const moduleOptions = { scopeManager, settings, additionalResources: options.additionalResources, defaultKind: kind };
      const analysis = settings.project ? analyzeInProject(context, program, moduleOptions, settings) : analyzeModule(program, moduleOptions);
      for (const site of analysis.sites) {
        if (site.entry.kind !== kind) continue;
        const fix = hoistFix(context, program, analysis, site);
        context.report({ ...describe(site), ...(fix ? { suggest: [{ messageId: 'hoist', data: { resource: site.resource }, fix }] } : {}) });
      }
    },
  };
}

const parsedSettings = new WeakMap<object, LambdaHygieneSettings>();

/** The shared settings, validated once per settings object (ESLint passes the same object for every file). */
function settingsOf(raw: unknown): LambdaHygieneSettings {
  if (typeof raw !== 'object' || raw === null) return parseSettings(raw);
  let parsed = parsedSettings.get(raw);
  if (!parsed) {
    parsed = parseSettings(raw);
    parsedSettings.set(raw, parsed);
  }
  return parsed;
}

/**
 * The quick fix for one site: exactly the codemod's edits for it, planned as if it were the only site
 * to move. No autofix: moving code changes when it runs, so `--fix` must not do it silently. None
 * where the result would not parse, nor where the codemod would leave the whole file (its result would
 * not parse): the quick fixes and the codemod are one plan.
 */
function hoistFix(
  context: Readonly<TSESLint.RuleContext<MessageIds, [PerInvocationOptions]>>,
  program: TSESTree.Program,
  analysis: ModuleAnalysis,
  site: PerInvocationSite,
): TSESLint.ReportFixFunction | undefined {
  if (site.requestDependence || site.initDependence) return undefined;
  const scopes = new Scopes(program, context.sourceCode.scopeManager ?? undefined);
  const text = context.sourceCode.text;
  if (!codemodAccepts(program, text, analysis, scopes, context.filename)) return undefined;
  const { plan, error } = applyPlan(program, text, analysis, scopes, context.filename, site);
  if (error || plan.hoisted.length === 0) return undefined;
  const edits = normaliseEdits(plan.edits);
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}

// Both rules, and each of a file's sites, ask the same question of one Program.
const codemodVerdicts = new WeakMap<TSESTree.Program, boolean>();

/** Would the codemod write this file: does its whole plan give a result that parses? */
function codemodAccepts(program: TSESTree.Program, text: string, analysis: ModuleAnalysis, scopes: Scopes, file: string): boolean {
  let verdict = codemodVerdicts.get(program);
  if (verdict === undefined) {
    verdict = applyPlan(program, text, analysis, scopes, file).error === undefined;
    codemodVerdicts.set(program, verdict);
  }
  return verdict;
}

function describe(site: PerInvocationSite) {
  const data = {
    resource: site.resource,
    handler: site.handler.name,
    via: formatVia(site),
    reason: site.requestDependence
      ? formatReason(site.requestDependence)
      : site.initDependence
        ? formatInitReason(site.initDependence)
        : '',
    source: site.initDependence ? formatInitSource(site.initDependence) : '',
  };
  const messageId: MessageIds = site.requestDependence
    ? 'requestDependent'
    : site.initDependence
      ? 'perInvocationInit'
      : site.perRecord
        ? 'perRecord'
        : 'perInvocation';
  return { node: site.node, messageId, data };
}
