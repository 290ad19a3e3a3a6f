import noFrozenAuthToken from './no-frozen-auth-token.js';
import noPerInvocationClient from './no-per-invocation-client.js';
import noPerInvocationPool from './no-per-invocation-pool.js';
import noPerInvocationSecretFetch from './no-per-invocation-secret-fetch.js';
import noReusedResourceTeardown from './no-reused-resource-teardown.js';

/** Every rule, by id. A test checks that this matches the files in rules/ and the docs in docs/rules/. */
export const rules = {
  'no-frozen-auth-token': noFrozenAuthToken,
  'no-per-invocation-client': noPerInvocationClient,
  'no-per-invocation-pool': noPerInvocationPool,
  'no-per-invocation-secret-fetch': noPerInvocationSecretFetch,
  'no-reused-resource-teardown': noReusedResourceTeardown,
};
