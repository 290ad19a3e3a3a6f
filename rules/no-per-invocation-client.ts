import { createRule } from './util/create-rule.js';
import { messages } from './util/messages.js';
import type { MessageIds } from './util/messages.js';
import { perInvocationSchema, reportPerInvocationSites } from './util/report-per-invocation.js';
import type { PerInvocationOptions } from './util/report-per-invocation.js';

export default createRule<[PerInvocationOptions], MessageIds>({
  name: 'no-per-invocation-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating SDK and API clients (AWS SDK, Powertools, Stripe, OpenAI, ...) on every Lambda invocation',
    },
    hasSuggestions: true,
    messages,
    schema: perInvocationSchema,
  },
  defaultOptions: [{ additionalResources: [] }],
  create(context, [options]) {
    return reportPerInvocationSites(context, 'client', options);
  },
});
