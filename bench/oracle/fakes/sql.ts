// A tiny SQL engine for the fake pg and mysql2 drivers: just the statements the generated handlers run,
// with PostgreSQL's transaction semantics on one connection (a second BEGIN is a warning, an error aborts
// the transaction until ROLLBACK, COMMIT of an aborted transaction rolls back). That is what makes
// transactions of several records interleaved on one shared connection visible.
import type { JobRecorder } from './recorder.js';

/** One connection's transaction state. */
export interface Session {
  inTransaction: boolean;
  aborted: boolean;
  pending: Array<[table: string, body: string]>;
}

export function newSession(): Session {
  return { inTransaction: false, aborted: false, pending: [] };
}

export interface QueryResult {
  command: string;
  rows: Array<Record<string, unknown>>;
  rowCount: number;
}

/** `$1` (pg) or `?` (mysql2) placeholders. */
const PARAM = String.raw`(?:\$\d+|\?)`;
const SELECT_VALUE = new RegExp(String.raw`^SELECT ${PARAM}(?:::text)? AS (\w+)$`, 'i');
const SELECT_CONSTANT = /^SELECT (\d+) AS (\w+)$/i;
const INSERT = new RegExp(String.raw`^INSERT INTO (\w+)\s*\(body\) VALUES \(${PARAM}\)$`, 'i');
const SELECT_BODIES = /^SELECT body FROM (\w+)$/i;

export function execute(recorder: JobRecorder, session: Session, text: string, params: readonly unknown[] = []): QueryResult {
  const sql = text.trim().replace(/;$/, '');
  const upper = sql.toUpperCase();
  if (upper === 'BEGIN') {
    // PostgreSQL: "WARNING: there is already a transaction in progress", and nothing else happens.
    if (!session.inTransaction) Object.assign(session, { inTransaction: true, aborted: false, pending: [] });
    return { command: 'BEGIN', rows: [], rowCount: 0 };
  }
  if (upper === 'COMMIT' || upper === 'ROLLBACK') {
    const commit = upper === 'COMMIT' && session.inTransaction && !session.aborted;
    if (commit) for (const [table, body] of session.pending) rows(recorder, table).push(body);
    Object.assign(session, { inTransaction: false, aborted: false, pending: [] });
    return { command: commit ? 'COMMIT' : 'ROLLBACK', rows: [], rowCount: 0 };
  }
  if (session.aborted) throw new Error('current transaction is aborted, commands ignored until end of transaction block');
  try {
    return run(recorder, session, sql, params);
  } catch (error) {
    if (session.inTransaction) session.aborted = true;
    throw error;
  }
}

function run(recorder: JobRecorder, session: Session, sql: string, params: readonly unknown[]): QueryResult {
  let match = SELECT_VALUE.exec(sql);
  if (match) return { command: 'SELECT', rows: [{ [match[1]!]: params[0] === undefined ? null : String(params[0]) }], rowCount: 1 };
  match = SELECT_CONSTANT.exec(sql);
  if (match) return { command: 'SELECT', rows: [{ [match[2]!]: Number(match[1]) }], rowCount: 1 };
  match = INSERT.exec(sql);
  if (match) {
    const body = String(params[0]);
    if (body === 'bad') throw new Error(`new row for relation "${match[1]}" violates check constraint "${match[1]}_body_check"`);
    if (session.inTransaction) session.pending.push([match[1]!, body]);
    else rows(recorder, match[1]!).push(body);
    return { command: 'INSERT', rows: [], rowCount: 1 };
  }
  match = SELECT_BODIES.exec(sql);
  if (match) {
    const own = session.inTransaction ? session.pending.filter(([table]) => table === match![1]).map(([, body]) => body) : [];
    const bodies = [...(recorder.tables.get(match[1]!) ?? []), ...own];
    return { command: 'SELECT', rows: bodies.map((body) => ({ body })), rowCount: bodies.length };
  }
  throw new Error(`syntax error at or near "${sql.split(/\s+/)[0]}" (the oracle's fake SQL engine does not know this statement)`);
}

function rows(recorder: JobRecorder, table: string): string[] {
  let list = recorder.tables.get(table);
  if (!list) recorder.tables.set(table, (list = []));
  return list;
}
