import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { formatVia, normaliseEdits, Scopes, teardownEdits } from '../core/index.js';
import type { ReusedTeardown } from '../core/index.js';
import { analysisOf } from './util/analysis.js';
import { createRule } from './util/create-rule.js';

type MessageIds = 'reusedTeardown' | 'removeTeardown';

export default createRule<[], MessageIds>({
  name: 'no-reused-resource-teardown',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow closing a pool, connection or client that outlives the Lambda invocation (`end()`, `close()`, `quit()`, `$disconnect()`, ...)',
    },
    hasSuggestions: true,
    messages: {
      reusedTeardown:
        "`{{call}}` closes `{{resource}}`, which outlives the invocation of `{{handler}}` ({{lifetime}}){{via}}: the next warm invocation finds it closed. Close it only when the environment shuts down (`process.on('SIGTERM', ...)`), or not at all.",
      removeTeardown: 'Remove `{{call}}`',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program(program: TSESTree.Program) {
        const analysis = analysisOf(context, program);
        for (const teardown of analysis.teardowns ?? []) {
          const fix = removal(context, program, teardown);
          context.report({
            node: teardown.node,
            messageId: 'reusedTeardown',
            data: {
              call: teardown.call,
              resource: teardown.resource,
              handler: teardown.handler.name,
              lifetime: teardown.lifetime,
              via: formatVia({ path: teardown.path, perRecord: false }),
            },
            suggest: fix ? [{ messageId: 'removeTeardown', data: { call: teardown.call }, fix }] : [],
          });
        }
      },
    };
  },
});

/** Removing the statement that only closes, with the planner's own teardown removal (an emptied `finally` goes). */
function removal(
  context: Readonly<TSESLint.RuleContext<MessageIds, []>>,
  program: TSESTree.Program,
  teardown: ReusedTeardown,
): TSESLint.ReportFixFunction | undefined {
  if (!teardown.statement) return undefined;
  const scopes = new Scopes(program, context.sourceCode.scopeManager ?? undefined);
  const edits = normaliseEdits(teardownEdits(context.sourceCode.text, [teardown.statement], scopes));
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}
