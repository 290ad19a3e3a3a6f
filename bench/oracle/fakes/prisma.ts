// Prisma: middleware (`$use`) and listeners (`$on`) accumulate on the instance and run on every query;
// the engine connects lazily, and again after `$disconnect()`.
import { configView, FAKE_KIND, namedError, tick } from './recorder.js';
import type { FakeModule, JobRecorder, OpenHandle } from './recorder.js';

export function prismaClient(recorder: JobRecorder): FakeModule {
  type PrismaMiddleware = (params: Record<string, unknown>, next: (params: Record<string, unknown>) => Promise<unknown>) => Promise<unknown>;

  /** Middleware (`$use`) and listeners (`$on`) accumulate on the instance, as in Prisma 4–5. */
  class PrismaClient {
    private readonly config: unknown;
    private readonly middleware: PrismaMiddleware[] = [];
    private readonly listeners = new Map<string, Array<(event: unknown) => void>>();
    private connected = false;
    [model: string]: unknown;

    constructor(options?: Record<string, unknown>) {
      this.config = configView(options ?? {});
      Object.defineProperty(this, FAKE_KIND, { value: 'PrismaClient' });
      recorder.construct('PrismaClient');
      return new Proxy(this, {
        get: (target, property, receiver) => {
          if (typeof property === 'symbol' || property in target || property.startsWith('$') || property === 'then') {
            return Reflect.get(target, property, receiver);
          }
          return target.model(property);
        },
      });
    }

    private state() {
      return {
        config: this.config,
        middleware: this.middleware.length,
        listeners: Object.fromEntries([...this.listeners].map(([event, list]) => [event, list.length])),
      };
    }

    $use(middleware: PrismaMiddleware) {
      recorder.call('PrismaClient', '$use', 'setup', [middleware], this.state());
      this.middleware.push(middleware);
    }

    $on(event: string, listener: (event: unknown) => void) {
      recorder.call('PrismaClient', '$on', 'setup', [event, listener], this.state());
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }

    async $connect() {
      recorder.call('PrismaClient', '$connect', 'connect', [], this.state());
      await this.ensureConnected();
    }

    async $disconnect() {
      recorder.call('PrismaClient', '$disconnect', 'teardown', [], this.state());
      this.connected = false;
      recorder.open.delete(this as unknown as OpenHandle);
    }

    private async ensureConnected() {
      if (this.connected) return;
      await tick();
      if (recorder.dbDown) throw namedError('PrismaClientInitializationError', "Can't reach database server at `db:5432`");
      this.connected = true;
      recorder.open.add(this as unknown as OpenHandle);
    }

    private model(name: string) {
      const run = (action: string) => async (args: Record<string, unknown> = {}) => {
        recorder.call('PrismaClient', `${name}.${action}`, 'use', [args], this.state());
        const terminal = async (params: Record<string, unknown>) => {
          // Prisma connects lazily, and again after $disconnect().
          await this.ensureConnected();
          for (const listener of this.listeners.get('query') ?? []) listener({ query: `${name}.${action}`, params: JSON.stringify(params.args) });
          return [{ id: 1, model: name, where: (params.args as Record<string, unknown>)?.where ?? null }];
        };
        let next: (params: Record<string, unknown>) => Promise<unknown> = terminal;
        for (const middleware of [...this.middleware].reverse()) {
          const inner = next;
          next = (params) => middleware(params, inner);
        }
        return next({ model: name, action, args });
      };
      return { findMany: run('findMany'), findUnique: run('findUnique'), findFirst: run('findFirst'), create: run('create') };
    }
  }
  return { PrismaClient };
}
