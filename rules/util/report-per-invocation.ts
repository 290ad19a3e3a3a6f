import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeModule } from '../../core/index.js';
import type { PerInvocationSite, ResourceKind, UserResource } from '../../core/index.js';
import { formatReason, formatVia } from '../../core/index.js';
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
      const analysis = analyzeModule(program, {
        scopeManager: context.sourceCode.scopeManager ?? undefined,
        settings: context.settings['lambda-hygiene'] as never,
        additionalResources: options.additionalResources,
        defaultKind: kind,
      });
      for (const site of analysis.sites) {
        if (site.entry.kind === kind) context.report(describe(site));
      }
    },
  };
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
