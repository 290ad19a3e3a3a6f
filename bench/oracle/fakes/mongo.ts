// The MongoDB driver and Mongoose: a MongoClient refuses operations after `close()`; Mongoose keeps one
// default connection per module, refuses a second URI while open, and times out operations while closed.
import { FAKE_KIND, namedError, tick } from './recorder.js';
import type { FakeModule, JobRecorder, OpenHandle } from './recorder.js';

export function mongodb(recorder: JobRecorder): FakeModule {
  class MongoClient implements OpenHandle {
    readonly label = 'MongoClient';
    private readonly construction;
    private state: 'new' | 'open' | 'closed' = 'new';

    constructor(
      private readonly uri: string,
      options?: unknown,
    ) {
      void options;
      Object.defineProperty(this, FAKE_KIND, { value: 'MongoClient' });
      this.construction = recorder.construct('MongoClient');
    }

    static async connect(uri: string, options?: unknown): Promise<MongoClient> {
      const client = new MongoClient(uri, options);
      return client.connect();
    }

    private view() {
      return { uri: this.uri };
    }

    async connect(): Promise<this> {
      recorder.call('MongoClient', 'connect', 'connect', [], this.view());
      await this.open();
      return this;
    }

    private async open(): Promise<void> {
      if (this.state === 'open') return;
      await tick();
      if (recorder.dbDown) {
        this.construction.failed = true;
        throw namedError('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017');
      }
      this.state = 'open';
      recorder.open.add(this);
    }

    db(name?: string) {
      return {
        collection: (collection: string) => ({
          findOne: async (query: Record<string, unknown> = {}) => {
            recorder.call('MongoClient', `${name ?? 'test'}.${collection}.findOne`, 'use', [query], this.view());
            // The driver connects on first use; after close() it refuses.
            if (this.state === 'closed') throw namedError('MongoNotConnectedError', 'Client must be connected before running operations');
            await this.open();
            return { _id: query.key ?? null, collection };
          },
        }),
      };
    }

    async close(): Promise<void> {
      recorder.call('MongoClient', 'close', 'teardown', [], this.view());
      this.state = 'closed';
      recorder.open.delete(this);
    }

    [(Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol.for('Symbol.asyncDispose')]() {
      return this.close();
    }
  }
  return { MongoClient };
}

export function mongoose(recorder: JobRecorder): FakeModule {
  class Connection implements OpenHandle {
    readyState = 0;
    private uri: string | undefined;
    private construction: { failed: boolean } | undefined;

    constructor(readonly label: string) {
      Object.defineProperty(this, FAKE_KIND, { value: 'Connection' });
    }

    async openUri(uri: string, construction: { failed: boolean }): Promise<void> {
      if (this.readyState === 1 && this.uri !== uri) {
        // The connect call failed, whatever the reason: a cache that forgets it and retries is right to.
        construction.failed = true;
        throw namedError('MongooseError', "Can't call `openUri()` on an active connection with different connection strings. Make sure you aren't calling `mongoose.connect()` multiple times.");
      }
      this.construction = construction;
      if (this.readyState === 1) return;
      await tick();
      if (recorder.dbDown) {
        construction.failed = true;
        throw namedError('MongooseServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017');
      }
      this.uri = uri;
      this.readyState = 1;
      recorder.open.add(this);
    }

    collection(name: string) {
      const operation = (method: string) => async (query: Record<string, unknown> = {}) => {
        recorder.call('mongoose', `${name}.${method}`, 'use', [query], { uri: this.uri ?? null });
        // Mongoose buffers operations until connected, then gives up after 10 s: the same error, without the wait.
        if (this.readyState !== 1) throw namedError('MongooseError', `Operation \`${name}.${method}()\` buffering timed out after 10000ms`);
        await tick();
        return method === 'countDocuments' ? 1 : { _id: query.key ?? null, collection: name };
      };
      return { countDocuments: operation('countDocuments'), findOne: operation('findOne') };
    }

    async close(): Promise<void> {
      recorder.call('mongoose', 'connection.close', 'teardown', [], { uri: this.uri ?? null });
      this.readyState = 0;
      recorder.open.delete(this);
      void this.construction;
    }

    async asPromise(): Promise<this> {
      return this;
    }
  }

  const connection = new Connection('mongoose.connection');
  const mongooseModule = {
    connection,
    async connect(uri: string, options?: unknown) {
      const construction = recorder.construct('connect');
      recorder.call('mongoose', 'connect', 'connect', [options ?? null], { uri });
      await connection.openUri(uri, construction);
      return mongooseModule;
    },
    createConnection(uri: string) {
      const construction = recorder.construct('createConnection');
      const created = new Connection('mongoose.createConnection');
      const opening = created.openUri(uri, construction);
      opening.catch(() => undefined);
      return Object.assign(created, { asPromise: () => opening.then(() => created) });
    },
    async disconnect() {
      recorder.call('mongoose', 'disconnect', 'teardown', [], {});
      await connection.close();
    },
    Schema: class Schema {
      constructor(readonly definition: unknown) {}
    },
    model(name: string) {
      return { findOne: (query: Record<string, unknown>) => connection.collection(name.toLowerCase()).findOne(query) };
    },
  };
  Object.defineProperty(mongooseModule, FAKE_KIND, { value: 'mongoose' });
  return mongooseModule;
}
