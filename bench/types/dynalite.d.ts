// dynalite ships no types; this is the part of its API the benchmarks use (see its index.js).
declare module 'dynalite' {
  import type { Server as HttpServer } from 'node:http';
  import type { Server as HttpsServer } from 'node:https';

  interface DynaliteOptions {
    ssl?: boolean;
    key?: string | Buffer;
    cert?: string | Buffer;
    ca?: string | Buffer;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    path?: string;
    verbose?: boolean;
    debug?: boolean;
  }

  function dynalite(options?: DynaliteOptions): HttpServer | HttpsServer;
  export = dynalite;
}
