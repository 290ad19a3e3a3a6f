import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams, SpawnOptionsWithoutStdio } from 'node:child_process';

// A small Language Server Protocol client: JSON-RPC 2.0 messages with `Content-Length` framing over a
// child process's stdin and stdout, as an editor speaks to a server started with `--stdio`. Enough for
// tests: requests and notifications both ways, and a handler per server-to-client request.

type Handler = (params: unknown) => unknown;

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly requestHandlers = new Map<string, Handler>();
  private readonly notificationListeners = new Map<string, Array<(params: unknown) => void>>();
  private exited = false;
  private readonly exitPromise: Promise<void>;
  /** The server's stderr and its `window/logMessage` lines, for a failing test's message. */
  readonly log: string[] = [];

  constructor(command: string, args: string[], options: SpawnOptionsWithoutStdio = {}) {
    this.child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(`[stderr] ${chunk.toString('utf8').trimEnd()}`));
    this.exitPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        this.log.push(`[exit] code ${code} signal ${signal}`);
        for (const [id, pending] of this.pending) {
          clearTimeout(pending.timer);
          pending.reject(new Error(`server exited (code ${code}, signal ${signal}) before answering ${pending.method}`));
          this.pending.delete(id);
        }
        resolve();
      });
    });
    this.child.on('error', (error) => this.log.push(`[spawn error] ${error.message}`));
    // Should the test process end without stop() (a crash, a timeout), the server must not outlive it.
    const killOnExit = () => this.kill();
    process.once('exit', killOnExit);
    void this.exitPromise.then(() => process.off('exit', killOnExit));
    this.onNotification('window/logMessage', (params) => this.log.push(`[log] ${(params as { message: string }).message}`));
    // Servers may ask before the test registers its own handlers: answer what an editor answers.
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends a request and waits for its answer (rejects on an error answer, on timeout, or if the server exits). */
  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.exited) {
        reject(new Error(`server has exited; cannot send ${method}`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer in ${timeoutMs} ms\n${this.log.join('\n')}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Answers the server's requests of one method; the handler's value (or its promise's) is the result. */
  onRequest(method: string, handler: Handler): void {
    this.requestHandlers.set(method, handler);
  }

  onNotification(method: string, listener: (params: unknown) => void): () => void {
    const listeners = this.notificationListeners.get(method) ?? [];
    listeners.push(listener);
    this.notificationListeners.set(method, listeners);
    return () => listeners.splice(listeners.indexOf(listener), 1);
  }

  /** `shutdown` then `exit`, as an editor closes a server; kills it if it does not exit in time. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // Not answering shutdown is no reason to leave the process behind.
    }
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.exitPromise;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Splits the byte stream into messages: headers, a blank line, then exactly Content-Length bytes. */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const headers = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /content-length: *(\d+)/i.exec(headers);
      if (!length) throw new Error(`LSP message without Content-Length: ${headers}`);
      const start = headerEnd + 4;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      void this.answer(message.id, message.method, message.params);
    } else if (message.method !== undefined) {
      for (const listener of [...(this.notificationListeners.get(message.method) ?? [])]) listener(message.params);
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message}`));
      else pending.resolve(message.result ?? null);
    }
  }

  private async answer(id: number | string, method: string, params: unknown): Promise<void> {
    const handler = this.requestHandlers.get(method);
    if (!handler) {
      // What a client without the feature says (JSON-RPC MethodNotFound).
      this.log.push(`[unhandled request] ${method}`);
      this.send({ jsonrpc: '2.0', id, error: { code: -32601, message: `Unhandled method ${method}` } });
      return;
    }
    try {
      this.send({ jsonrpc: '2.0', id, result: (await handler(params)) ?? null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: (error as Error).message } });
    }
  }
}

/** An LSP position: zero-based line and UTF-16 code unit offset, as JavaScript string indices are. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies text edits as an editor does: all ranges refer to the text before any edit. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const resolved = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of resolved) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
