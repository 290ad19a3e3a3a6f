import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { normaliseEdits, statementRemoval } from '../core/index.js';
import type { FrozenToken, TextEdit } from '../core/index.js';
import { analysisOf } from './util/analysis.js';
import { createRule } from './util/create-rule.js';

type MessageIds = 'frozenToken' | 'passFunction';

export default createRule<[], MessageIds>({
  name: 'no-frozen-auth-token',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow freezing an expiring credential (RDS IAM token, STS session credentials) into a pool, connection or client that outlives the Lambda invocation',
    },
    hasSuggestions: true,
    messages: {
      frozenToken:
        '`{{resource}}` outlives the invocation ({{lifetime}}), but its `{{option}}` is {{credential}}, frozen when it was created: once that expires, what it opens or signs next fails. {{advice}}',
      passFunction: 'Pass `{{option}}: {{value}}`',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program(program: TSESTree.Program) {
        const analysis = analysisOf(context, program);
        for (const frozen of analysis.frozenTokens ?? []) {
          const fix = frozen.fix && passFunction(context.sourceCode.text, frozen, frozen.fix);
          context.report({
            node: frozen.node,
            messageId: 'frozenToken',
            data: { resource: frozen.resource, lifetime: frozen.lifetime, option: frozen.option, credential: frozen.credential, advice: frozen.advice },
            suggest: fix && frozen.fix ? [{ messageId: 'passFunction', data: { option: frozen.option, value: frozen.fix.text }, fix }] : [],
          });
        }
      },
    };
  },
});

/** The value becomes the driver's password function; the declaration that only held the token goes. */
function passFunction(text: string, frozen: FrozenToken, fix: NonNullable<FrozenToken['fix']>): TSESLint.ReportFixFunction {
  const edits: TextEdit[] = [{ start: frozen.node.range[0], end: frozen.node.range[1], text: fix.text }];
  if (fix.unused) edits.push(statementRemoval(text, fix.unused));
  const normalised = normaliseEdits(edits);
  return (fixer) => normalised.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}
