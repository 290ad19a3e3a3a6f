import noPerInvocationClient from './no-per-invocation-client.js';
import noPerInvocationPool from './no-per-invocation-pool.js';

/** Every rule, by id. A test checks that this matches the files in rules/ and the docs in docs/rules/. */
export const rules = {
  'no-per-invocation-client': noPerInvocationClient,
  'no-per-invocation-pool': noPerInvocationPool,
};
