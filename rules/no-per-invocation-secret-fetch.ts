import type { TSESTree } from '@typescript-eslint/utils';
import { formatVia } from '../core/index.js';
import { analysisOf } from './util/analysis.js';
import { createRule } from './util/create-rule.js';

type MessageIds = 'perInvocation' | 'perRecord';

const ADVICE =
  'Cache it with a time to live (Powertools `getSecret`/`getParameter` with `maxAge`, or the AWS Parameters and Secrets Lambda Extension), or fetch it once, in the cached initialiser of what it configures.';

export default createRule<[], MessageIds>({
  name: 'no-per-invocation-secret-fetch',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow fetching the same secret or parameter (Secrets Manager, SSM Parameter Store, AppConfig) on every Lambda invocation',
    },
    messages: {
      perInvocation: `\`{{fetch}}\` fetches \`{{id}}\` on every invocation of \`{{handler}}\`{{via}}, though what it fetches does not depend on the request. ${ADVICE}`,
      perRecord: `\`{{fetch}}\` fetches \`{{id}}\` for every record on every invocation of \`{{handler}}\`{{via}}, though what it fetches does not depend on the request. ${ADVICE}`,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program(program: TSESTree.Program) {
        const analysis = analysisOf(context, program);
        for (const fetch of analysis.fetches ?? []) {
          // A fetch whose id comes from the request fetches the request's own secret (a tenant's).
          if (fetch.requestDependence) continue;
          context.report({
            node: fetch.node,
            messageId: fetch.perRecord ? 'perRecord' : 'perInvocation',
            data: { fetch: fetch.operation, id: fetch.id, handler: fetch.handler.name, via: formatVia(fetch) },
          });
        }
      },
    };
  },
});
