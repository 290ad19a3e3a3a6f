// Powertools Logger: every line is recorded as printed, with the keys the logger has been given
// (persistent, appended, context), so that keys one request leaves on a shared logger show in the next.
import { configView, FAKE_KIND } from './recorder.js';
import type { FakeModule, JobRecorder } from './recorder.js';

export function powertoolsLogger(recorder: JobRecorder): FakeModule {
  /** Every line is recorded as printed: service, persistent keys, appended keys, extra keys. */
  class Logger {
    private readonly serviceName: unknown;
    private persistentKeys: Record<string, unknown>;
    private temporaryKeys: Record<string, unknown> = {};
    private lambdaContext: Record<string, unknown> = {};

    constructor(options: Record<string, unknown> = {}) {
      this.serviceName = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'service_undefined';
      this.persistentKeys = {
        ...(configView(options.persistentKeys ?? {}) as object),
        ...(configView(options.persistentLogAttributes ?? {}) as object),
      };
      Object.defineProperty(this, FAKE_KIND, { value: 'Logger' });
      recorder.construct('Logger');
    }

    private state() {
      return { service: this.serviceName };
    }

    private print(level: string, message: unknown, extras: unknown[]): void {
      const line = {
        level,
        message,
        service: this.serviceName,
        ...this.lambdaContext,
        ...this.persistentKeys,
        ...this.temporaryKeys,
        ...Object.assign({}, ...extras.map((extra) => (typeof extra === 'object' && extra !== null ? configView(extra) : { extra }))),
      };
      recorder.call('Logger', level, 'use', [line], this.state());
    }

    info(message: unknown, ...extras: unknown[]) {
      this.print('INFO', message, extras);
    }

    warn(message: unknown, ...extras: unknown[]) {
      this.print('WARN', message, extras);
    }

    error(message: unknown, ...extras: unknown[]) {
      this.print('ERROR', message, extras);
    }

    debug(message: unknown, ...extras: unknown[]) {
      this.print('DEBUG', message, extras);
    }

    appendKeys(keys: Record<string, unknown>) {
      recorder.call('Logger', 'appendKeys', 'use', [keys], this.state());
      this.temporaryKeys = { ...this.temporaryKeys, ...(configView(keys) as object) };
    }

    appendPersistentKeys(keys: Record<string, unknown>) {
      recorder.call('Logger', 'appendPersistentKeys', 'use', [keys], this.state());
      this.persistentKeys = { ...this.persistentKeys, ...(configView(keys) as object) };
    }

    removeKeys(keys: string[]) {
      recorder.call('Logger', 'removeKeys', 'use', [keys], this.state());
      for (const key of keys) delete this.temporaryKeys[key];
    }

    resetKeys() {
      recorder.call('Logger', 'resetKeys', 'use', [], this.state());
      this.temporaryKeys = {};
    }

    addContext(context: { awsRequestId?: string; functionName?: string }) {
      recorder.call('Logger', 'addContext', 'use', [], this.state());
      this.lambdaContext = { function_name: context.functionName, function_request_id: context.awsRequestId };
    }
  }
  return { Logger };
}
