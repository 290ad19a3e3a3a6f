// The events every generated handler gets. Invocations 1 and 2 get the same event, so that a site built
// again on invocation 2 is built per invocation, not per new key of a keyed cache; the last invocation
// gets another event (another region, tenant and batch, no user id), so that state one request left on a
// shared instance shows in the next. When the database is down at first, one more invocation with the
// first event follows, so that a site whose first construction failed is seen built twice.
import type { InvocationSpec } from '../protocol.js';

export const EVENTS = {
  first: {
    key: 'k1',
    region: 'eu-west-1',
    tenant: 'acme',
    userId: 'u1',
    Records: [{ body: 'a' }, { body: 'b' }],
  },
  second: {
    key: 'k2',
    region: 'us-west-2',
    tenant: 'globex',
    Records: [{ body: 'a' }, { body: 'bad' }, { body: 'c' }],
  },
} as const;

export function invocationsFor(dbDownFirst: boolean): InvocationSpec[] {
  const first = { eventId: 'first', event: EVENTS.first, dbDown: false };
  const second = { eventId: 'second', event: EVENTS.second, dbDown: false };
  return dbDownFirst ? [{ ...first, dbDown: true }, first, first, second] : [first, first, second];
}

/** The TypeScript type of the events, declared in every generated TypeScript module. */
export const EVENT_INTERFACE = [
  'interface OracleEvent {',
  '  key: string;',
  '  region: string;',
  '  tenant: string;',
  '  userId?: string;',
  '  Records: Array<{ body: string }>;',
  '}',
].join('\n');
