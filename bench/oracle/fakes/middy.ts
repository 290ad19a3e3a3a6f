// Middy: `middy(handler)`, `.use(middleware)`, `.handler(fn)`; runs `before`, the handler, then `after`.
import type { JobRecorder } from './recorder.js';

export function middyCore(recorder: JobRecorder): unknown {
  type Middleware = { before?: (request: unknown) => unknown; after?: (request: unknown) => unknown };
  type BaseHandler = (event: unknown, context: unknown) => Promise<unknown>;

  function middy(base?: BaseHandler) {
    let handler = base;
    const middlewares: Middleware[] = [];
    const wrapped = async (event: unknown, context: unknown) => {
      const request: { event: unknown; context: unknown; response: unknown } = { event, context, response: undefined };
      for (const middleware of middlewares) await middleware.before?.(request);
      if (!handler) throw new Error('middy: no handler');
      request.response = await handler(request.event, request.context);
      for (const middleware of [...middlewares].reverse()) await middleware.after?.(request);
      return request.response;
    };
    return Object.assign(wrapped, {
      use(middleware: Middleware | Middleware[]) {
        middlewares.push(...(Array.isArray(middleware) ? middleware : [middleware]));
        return wrapped;
      },
      handler(fn: BaseHandler) {
        handler = fn;
        return wrapped;
      },
    });
  }
  void recorder;
  return middy;
}
