// mysql2/promise: `createPool` (query/execute, end) and `await createConnection()` (refused while the
// database is down), with mysql2's messages for a pool or a connection used after `end()`.
import { configView, FAKE_KIND, refused, tick } from './recorder.js';
import type { FakeModule, JobRecorder, OpenHandle } from './recorder.js';
import { execute, newSession } from './sql.js';
import type { Session } from './sql.js';

export function mysql2Promise(recorder: JobRecorder): FakeModule {
  class Queryable implements OpenHandle {
    protected ended = false;
    protected readonly session: Session = newSession();

    constructor(
      readonly label: string,
      protected readonly config: unknown,
      private readonly closedMessage: string,
    ) {
      Object.defineProperty(this, FAKE_KIND, { value: label });
    }

    protected async ready(): Promise<void> {}

    async query(sql: string, values: unknown[] = []): Promise<[unknown, unknown[]]> {
      recorder.call(this.label, 'query', 'use', [sql, values], { config: this.config });
      return this.run(sql, values);
    }

    async execute(sql: string, values: unknown[] = []): Promise<[unknown, unknown[]]> {
      recorder.call(this.label, 'execute', 'use', [sql, values], { config: this.config });
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
      recorder.call(this.label, 'end', 'teardown', [], { config: this.config });
      this.ended = true;
      recorder.open.delete(this);
    }

    destroy(): void {
      recorder.call(this.label, 'destroy', 'teardown', [], { config: this.config });
      this.ended = true;
      recorder.open.delete(this);
    }
  }

  class Pool extends Queryable {
    constructor(config: unknown) {
      super('createPool', configView(config), 'Pool is closed.');
    }

    protected override async ready(): Promise<void> {
      if (recorder.open.has(this)) return;
      if (recorder.dbDown) throw refused(3306);
      recorder.open.add(this);
    }
  }

  class Connection extends Queryable {
    constructor(config: unknown) {
      super('createConnection', configView(config), "Can't add new command when connection is in closed state");
      recorder.open.add(this);
    }
  }

  function createPool(config: unknown) {
    recorder.construct('createPool');
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
    return new Connection(config);
  }

  return { createPool, createConnection };
}
