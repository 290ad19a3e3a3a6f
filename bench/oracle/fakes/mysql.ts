// mysql2/promise: `createPool` (query/execute, end) and `await createConnection()` (refused while the
// database is down), with mysql2's messages for a pool or a connection used after `end()`. Both are
// event emitters, as mysql2's promise wrappers are; a connection emits `end` once `end()` closed it.
import { configView, FAKE_KIND, FakeEmitter, refused, tick } from './recorder.js';
import type { ConstructionRecord } from '../protocol.js';
import type { FakeModule, JobRecorder, OpenHandle } from './recorder.js';
import { execute, newSession } from './sql.js';
import type { Session } from './sql.js';

export function mysql2Promise(recorder: JobRecorder): FakeModule {
  class Queryable extends FakeEmitter implements OpenHandle {
    protected ended = false;
    protected readonly session: Session = newSession();

    constructor(
      label: string,
      protected readonly config: unknown,
      private readonly closedMessage: string,
    ) {
      super(recorder, label);
      Object.defineProperty(this, FAKE_KIND, { value: label });
    }

    protected async ready(): Promise<void> {}

    async query(sql: string, values: unknown[] = []): Promise<[unknown, unknown[]]> {
      recorder.call(this.label, 'query', 'use', [sql, values], { config: this.config }, this);
      return this.run(sql, values);
    }

    async execute(sql: string, values: unknown[] = []): Promise<[unknown, unknown[]]> {
      recorder.call(this.label, 'execute', 'use', [sql, values], { config: this.config }, this);
      return this.run(sql, values);
    }

    private async run(sql: string, values: unknown[]): Promise<[unknown, unknown[]]> {
      if (this.ended) throw new Error(this.closedMessage);
      await this.ready();
      await tick();
      if (this.ended) throw new Error(this.closedMessage);
      const result = execute(recorder, this.session, sql, values);
      return [result.command === 'SELECT' ? result.rows : { affectedRows: result.rowCount }, []];
    }

    async end(): Promise<void> {
      recorder.call(this.label, 'end', 'teardown', [], { config: this.config }, this);
      this.close();
    }

    destroy(): void {
      recorder.call(this.label, 'destroy', 'teardown', [], { config: this.config }, this);
      this.close();
    }

    protected close(): void {
      this.ended = true;
      recorder.open.delete(this);
    }
  }

  class Pool extends Queryable {
    constructor(config: unknown) {
      super('createPool', configView(config), 'Pool is closed.');
      this.construction = recorder.construct('createPool');
    }

    protected override async ready(): Promise<void> {
      if (recorder.open.has(this)) return;
      if (recorder.dbDown) throw refused(3306);
      recorder.open.add(this);
    }
  }

  class Connection extends Queryable {
    constructor(config: unknown, construction: ConstructionRecord) {
      super('createConnection', configView(config), "Can't add new command when connection is in closed state");
      this.construction = construction;
      recorder.open.add(this);
    }

    /** mysql2 ends the connection with a QUIT; the server's closing the socket emits `end`. */
    protected override close(): void {
      if (!this.ended) this.emitEnd();
      super.close();
    }
  }

  function createPool(config: unknown) {
    return new Pool(config);
  }

  async function createConnection(config: unknown) {
    const construction = recorder.construct('createConnection');
    recorder.call('createConnection', 'connect', 'connect', [], { config: configView(config) });
    await tick();
    if (recorder.dbDown) {
      construction.failed = true;
      throw refused(3306);
    }
    return new Connection(config, construction);
  }

  return { createPool, createConnection };
}
