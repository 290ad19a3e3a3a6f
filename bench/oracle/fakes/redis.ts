// node-redis: `createClient()`, `connect()` once, commands, and the four ways to close; a closed client
// throws `ClientClosedError`, a second connect `Socket already opened`.
import { configView, FAKE_KIND, FakeEmitter, namedError, refused, tick } from './recorder.js';
import type { FakeModule, JobRecorder, OpenHandle } from './recorder.js';

export function redis(recorder: JobRecorder): FakeModule {
  class RedisClient extends FakeEmitter implements OpenHandle {
    private readonly config: unknown;
    isOpen = false;
    isReady = false;

    constructor(options: unknown) {
      super(recorder, 'createClient');
      this.config = configView(options ?? {});
      Object.defineProperty(this, FAKE_KIND, { value: 'RedisClient' });
      this.construction = recorder.construct('createClient');
    }

    private state() {
      return { config: this.config };
    }

    async connect(): Promise<this> {
      recorder.call('createClient', 'connect', 'connect', [], this.state(), this);
      if (this.isOpen) throw new Error('Socket already opened');
      await tick();
      if (recorder.dbDown) {
        this.construction!.failed = true;
        throw refused(6379);
      }
      this.isOpen = this.isReady = true;
      recorder.open.add(this);
      return this;
    }

    private async command(method: string, args: unknown[], reply: unknown): Promise<unknown> {
      recorder.call('createClient', method, 'use', args, this.state(), this);
      if (!this.isOpen) throw namedError('ClientClosedError', 'The client is closed');
      await tick();
      return reply;
    }

    get(key: string) {
      return this.command('get', [key], `value:${key}`);
    }

    set(key: string, value: string) {
      return this.command('set', [key, value], 'OK');
    }

    private async shutdown(method: string): Promise<void> {
      recorder.call('createClient', method, 'teardown', [], this.state(), this);
      if (!this.isOpen) throw namedError('ClientClosedError', 'The client is closed');
      this.isOpen = this.isReady = false;
      recorder.open.delete(this);
      // node-redis re-emits its socket's `end` once the connection is closed.
      this.emitEnd();
    }

    quit() {
      return this.shutdown('quit');
    }

    close() {
      return this.shutdown('close');
    }

    disconnect() {
      return this.shutdown('disconnect');
    }

    destroy() {
      return this.shutdown('destroy');
    }
  }
  const createClient = (options?: unknown) => new RedisClient(options);
  return { createClient };
}
