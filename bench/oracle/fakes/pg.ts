// node-postgres: `Pool` (query, connect/release, end, events) and `Client` (connect once, query, end),
// with pg's own error messages for what the codemod can get wrong: a pool used after `end()`, a client
// queried after `end()` or connected twice. While the database is down, new connections are refused.
import { configView, FAKE_KIND, FakeEmitter, refused, tick } from './recorder.js';
import type { FakeModule, JobRecorder, OpenHandle } from './recorder.js';
import { execute, newSession } from './sql.js';
import type { QueryResult, Session } from './sql.js';

function queryText(query: string | { text: string; values?: unknown[] }): { text: string; values: unknown[] | undefined } {
  return typeof query === 'string' ? { text: query, values: undefined } : { text: query.text, values: query.values };
}

export function pg(recorder: JobRecorder): FakeModule {
  class Pool extends FakeEmitter implements OpenHandle {
    private readonly config: unknown;
    private ended = false;
    private readonly idle: Session[] = [];

    constructor(config?: Record<string, unknown>) {
      super(recorder, 'Pool');
      this.config = configView(config ?? {});
      Object.defineProperty(this, FAKE_KIND, { value: 'Pool' });
      this.construction = recorder.construct('Pool');
    }

    private state() {
      return { config: this.config };
    }

    async query(query: string | { text: string; values?: unknown[] }, values?: unknown[]): Promise<QueryResult> {
      const { text, values: inline } = queryText(query);
      const params = values ?? inline ?? [];
      recorder.call('Pool', 'query', 'use', [text, params], this.state(), this);
      const session = await this.checkout();
      try {
        return execute(recorder, session, text, params);
      } finally {
        this.idle.push(session);
      }
    }

    async connect() {
      recorder.call('Pool', 'connect', 'use', [], this.state(), this);
      const session = await this.checkout();
      let released = false;
      // A pool client's uses show the pool's state: its configuration and listeners.
      const use = (method: string, args: unknown[]) => recorder.call('PoolClient', method, 'use', args, this.state(), this);
      const release = (returned: Session) => this.idle.push(returned);
      return {
        [FAKE_KIND]: 'PoolClient',
        async query(query: string | { text: string; values?: unknown[] }, values?: unknown[]): Promise<QueryResult> {
          const { text, values: inline } = queryText(query);
          const params = values ?? inline ?? [];
          use('query', [text, params]);
          if (released) throw new Error('Client was released to the pool and is not queryable');
          await tick();
          return execute(recorder, session, text, params);
        },
        release() {
          use('release', []);
          if (released) throw new Error('Release called on client which has already been released to the pool.');
          released = true;
          release(session);
        },
      };
    }

    private async checkout(): Promise<Session> {
      if (this.ended) throw new Error('Cannot use a pool after calling end on the pool');
      await tick();
      if (this.ended) throw new Error('Cannot use a pool after calling end on the pool');
      const session = this.idle.pop();
      if (session) return session;
      if (recorder.dbDown) throw refused(5432);
      recorder.open.add(this);
      return newSession();
    }

    async end(): Promise<void> {
      recorder.call('Pool', 'end', 'teardown', [], this.state(), this);
      if (this.ended) throw new Error('Called end on pool more than once');
      this.ended = true;
      recorder.open.delete(this);
    }

    get totalCount(): number {
      return this.idle.length;
    }
  }

  class Client extends FakeEmitter implements OpenHandle {
    private readonly config: unknown;
    private connected = false;
    private connecting = false;
    private ended = false;
    private socketClosed = false;
    private readonly session = newSession();

    constructor(config?: Record<string, unknown> | string) {
      super(recorder, 'Client');
      this.config = configView(config ?? {});
      Object.defineProperty(this, FAKE_KIND, { value: 'Client' });
      this.construction = recorder.construct('Client');
    }

    private state() {
      return { config: this.config };
    }

    async connect(): Promise<void> {
      recorder.call('Client', 'connect', 'connect', [], this.state(), this);
      if (this.connecting || this.connected || this.ended) {
        throw new Error('Client has already been connected. You cannot reuse a client.');
      }
      this.connecting = true;
      await tick();
      if (recorder.dbDown) {
        this.construction!.failed = true;
        // pg rejects connect() without emitting `error`; the closed socket then ends the client (`end`).
        this.socketClosed = true;
        this.emitEnd();
        throw refused(5432);
      }
      this.connected = true;
      recorder.open.add(this);
    }

    async query(query: string | { text: string; values?: unknown[] }, values?: unknown[]): Promise<QueryResult> {
      const { text, values: inline } = queryText(query);
      const params = values ?? inline ?? [];
      recorder.call('Client', 'query', 'use', [text, params], this.state(), this);
      if (this.ended) throw new Error('Client was closed and is not queryable');
      // pg queues a query sent before connect() until the connection is up; with no connect() it never
      // runs and the invocation times out: the same failure, without the wait.
      if (!this.connected && !this.connecting) throw new Error('Task timed out: a query on a pg Client that was never connected');
      await tick();
      if (this.ended) throw new Error('Client was closed and is not queryable');
      if (!this.connected) throw new Error('Client has encountered a connection error and is not queryable');
      return execute(recorder, this.session, text, params);
    }

    async end(): Promise<void> {
      recorder.call('Client', 'end', 'teardown', [], this.state(), this);
      // Never connected, or its socket already closed: pg resolves at once and emits nothing.
      const open = (this.connecting || this.connected) && !this.socketClosed;
      this.ended = this.socketClosed = true;
      this.connected = false;
      recorder.open.delete(this);
      if (open) this.emitEnd();
    }
  }

  const types = { setTypeParser() {}, getTypeParser() {} };
  return { Pool, Client, types };
}
