// Messages shared by the per-invocation rules. `via` is empty or " (via `a` → `b`, for every record)".
export const messages = {
  perInvocation:
    '`{{resource}}` is created on every invocation of `{{handler}}`{{via}}. Create it once per execution environment, in a lazily initialised module-scope singleton.',
  perRecord:
    '`{{resource}}` is created for every record on every invocation of `{{handler}}`{{via}}. Create it once per execution environment, in a lazily initialised module-scope singleton.',
  requestDependent:
    '`{{resource}}` is created on every invocation of `{{handler}}`{{via}} from request data ({{reason}}). Do not hoist it as is: a resource built from one request must not serve the next. Cache it in a module-scope Map keyed by the stable part of its configuration, or keep it per request.',
  perInvocationInit:
    '`{{resource}}` is created on every invocation of `{{handler}}`{{via}}, built from {{source}} fetched on every invocation ({{reason}}). Fetch it and create `{{resource}}` once per execution environment, together, in one cached async initialiser.',
  expiringCredential:
    '`{{resource}}` is created on every invocation of `{{handler}}`{{via}} from a credential that expires ({{reason}}). Do not hoist it as is: kept past the credential\'s lifetime, its next connection or request fails. {{advice}}',
  hoist: 'Create `{{resource}}` once per execution environment, in a lazily initialised module-scope singleton',
} as const;

export type MessageIds = keyof typeof messages;
