import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeModule, formatReason, formatVia, isTypeScriptFile, normaliseEdits, planHoist, Scopes } from '../../core/index.js';
import type { ModuleAnalysis, PerInvocationSite, ResourceKind, UserResource } from '../../core/index.js';
import type { MessageIds } from './messages.js';

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
  return {
    Program(program: TSESTree.Program) {
      const scopeManager = context.sourceCode.scopeManager ?? undefined;
      const analysis = analyzeModule(program, {
        scopeManager,
        settings: context.settings['lambda-hygiene'] as never,
        additionalResources: options.additionalResources,
        defaultKind: kind,
      });
      for (const site of analysis.sites) {
        if (site.entry.kind !== kind) continue;
        const fix = hoistFix(context, program, analysis, site);
        context.report({ ...describe(site), ...(fix ? { suggest: [{ messageId: 'hoist', data: { resource: site.resource }, fix }] } : {}) });
      }
    },
  };
}

/**
 * The quick fix for one site: exactly the codemod's edits for it, planned as if it were the only site
 * to move. No autofix: moving code changes when it runs, so `--fix` must not do it silently.
 */
function hoistFix(
  context: Readonly<TSESLint.RuleContext<MessageIds, [PerInvocationOptions]>>,
  program: TSESTree.Program,
  analysis: ModuleAnalysis,
  site: PerInvocationSite,
): TSESLint.ReportFixFunction | undefined {
  if (site.requestDependence) return undefined;
  const scopes = new Scopes(program, context.sourceCode.scopeManager ?? undefined);
  const plan = planHoist(program, context.sourceCode.text, analysis, scopes, {
    typescript: isTypeScriptFile(context.filename),
    only: site,
  });
  if (plan.hoisted.length === 0) return undefined;
  const edits = normaliseEdits(plan.edits);
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}

function describe(site: PerInvocationSite) {
  const data = {
    resource: site.resource,
    handler: site.handler.name,
    via: formatVia(site),
    reason: site.requestDependence ? formatReason(site.requestDependence) : '',
  };
  const messageId: MessageIds = site.requestDependence
    ? 'requestDependent'
    : site.perRecord
      ? 'perRecord'
      : 'perInvocation';
  return { node: site.node, messageId, data };
}
