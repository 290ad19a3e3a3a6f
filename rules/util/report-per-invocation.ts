import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  analyzeModule,
  catalogueWith,
  editsParse,
  formatInitReason,
  formatInitSource,
  formatReason,
  formatVia,
  isTypeScriptFile,
  mayHaveCreationSites,
  modulePlanner,
  normaliseEdits,
  passwordHookFor,
  parseSettings,
  Scopes,
} from '../../core/index.js';
import type {
  LambdaHygieneSettings,
  ModuleAnalysis,
  ModulePlanner,
  PerInvocationSite,
  ResourceKind,
  TextEdit,
  UserResource,
} from '../../core/index.js';
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
      // Most modules import nothing from the catalogue: no scopes, no values, no handlers to look for.
      if (!mayHaveCreationSites(program, catalogueWith(options.additionalResources, kind))) return;
      const scopeManager = context.sourceCode.scopeManager ?? undefined;
      const moduleOptions = { scopeManager, settings, additionalResources: options.additionalResources, defaultKind: kind };
      const analysis = settings.project ? analyzeInProject(context, program, moduleOptions, settings) : analyzeModule(program, moduleOptions);
      for (const site of analysis.sites) {
        if (site.entry.kind !== kind) continue;
        const edits = hoistEdits(context, program, analysis, site);
        const fix: TSESLint.ReportFixFunction | undefined =
          edits && ((fixer) => edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text)));
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

/** What the quick fixes of one analysed module share: one planner, and the codemod's verdict on the file. */
interface ModuleFixes {
  planner: ModulePlanner;
  /** Would the codemod write this file: does its whole plan give a result that parses? */
  accepted: boolean;
}

// Both rules, and each of a file's sites, plan the same module: the analysis is shared per Program.
const moduleFixes = new WeakMap<ModuleAnalysis, ModuleFixes>();

/**
 * The quick fix for one site: exactly the codemod's edits for it, planned as if it were the only site
 * to move. No autofix: moving code changes when it runs, so `--fix` must not do it silently. None
 * where the codemod would leave the whole file (its result would not parse, or its edits conflict): the
 * quick fixes and the codemod are one plan. The module is planned once for all its sites and both rules
 * (each site's own part is the same in every plan), and its result checked once, for the whole plan: a
 * site's fix moves a part of what the whole plan moves. The check parses only the statements the plan
 * changes, with TypeScript's parser alone (`editsParse`): typescript-estree's conversion costs seven
 * times the parse, on every lint of a file with a report.
 */
function hoistEdits(
  context: Readonly<TSESLint.RuleContext<MessageIds, [PerInvocationOptions]>>,
  program: TSESTree.Program,
  analysis: ModuleAnalysis,
  site: PerInvocationSite,
): TextEdit[] | undefined {
  // Request data never moves; an init chain or an expiring credential is the plan's to decide (it may leave the site).
  if (site.requestDependence && site.requestDependence.why !== 'awaited') return undefined;
  const text = context.sourceCode.text;
  let fixes = moduleFixes.get(analysis);
  if (!fixes) {
    const scopes = new Scopes(program, context.sourceCode.scopeManager ?? undefined);
    const planner = modulePlanner(program, text, analysis, scopes, { typescript: isTypeScriptFile(context.filename) });
    fixes = { planner, accepted: editsParse(program, text, planner.plan().edits, context.filename) };
    moduleFixes.set(analysis, fixes);
  }
  if (!fixes.accepted) return undefined;
  const plan = fixes.planner.plan(site);
  if (plan.hoisted.length === 0) return undefined;
  const edits = normaliseEdits(plan.edits);
  // Overlapping edits are a bug of ours, which ESLint would throw on: no fix rather than a crash.
  return edits.every((edit, index) => index === 0 || edits[index - 1]!.end <= edit.start) ? edits : undefined;
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
    advice: expiringCredentialAdvice(site),
  };
  const messageId: MessageIds = site.requestDependence?.why === 'awaited'
    ? 'expiringCredential'
    : site.requestDependence
    ? 'requestDependent'
    : site.initDependence
      ? 'perInvocationInit'
      : site.perRecord
        ? 'perRecord'
        : 'perInvocation';
  return { node: site.node, messageId, data };
}

/** What to do about a site built from an expiring credential: the driver's own hook, where it has one. */
function expiringCredentialAdvice(site: PerInvocationSite): string {
  const hook = passwordHookFor(site.entry);
  if (!hook) return 'For an AWS client, use a credential provider that refreshes itself (`fromTemporaryCredentials`); otherwise keep it per invocation.';
  return hook.automatic
    ? `The fix creates it once and passes \`${hook.example}\`, which the driver calls for every new connection.`
    : `Create it once with a password computed per connection: \`${hook.example}\`.`;
}
