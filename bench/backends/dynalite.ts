// A DynamoDB-compatible server for the behaviour tests and benchmarks: dynalite (from npm), in this process,
// over HTTPS with a certificate made at start (dynalite's bundled one expired in 2018), on a free loopback
// port. Handlers reach it through the AWS SDK's own configuration, without a code change:
// AWS_ENDPOINT_URL_DYNAMODB, a fixed region, static fake credentials, and NODE_EXTRA_CA_CERTS, which adds
// the certificate to the trusted ones (TLS checks stay on).
//
// Each variant under test gets a port of its own (`listen()`, served by the same server and store), so
// that what the server sees can be told apart per handler process while they run interleaved.
//
// What it counts: full TLS handshakes (connections that did not resume a TLS session). Each SDK client
// owns its HTTPS agent, and the agent caches the TLS session of its first connection: a second keep-alive
// socket of the same client (seen now and then, e.g. when a request goes out before the previous response
// has released its socket) resumes that session. So a full handshake is a new client: poor code shows one
// per client it built, reused code one per process.
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, ScanCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { Agent } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from './cert.js';
import { listenOnLoopback } from './listen.js';

export const REGION = 'eu-west-1';
// Static fake credentials: dynalite checks that requests are signed, not by whom.
const CREDENTIALS = { accessKeyId: 'AKIDLAMBDAHYGIENE', secretAccessKey: 'lambda-hygiene-local-secret' };

export interface DynamoDbBackend {
  name: 'dynamodb';
  description: string;
  /** Environment for a handler process: endpoint, region, credentials and the trusted certificate. */
  env: Record<string, string>;
  endpoint: string;
  /** A client for setup and checks, trusting the certificate through its own agent. */
  client: DynamoDBClient;
  /** TLS connections accepted so far. */
  connections(): number;
  /** Of these, the ones with a full handshake (not a resumed TLS session). */
  fullHandshakes(): number;
  /** One more loopback port for the same server: an endpoint for one handler process, counted apart. */
  listen(): Promise<DynamoDbPort>;
  createTable(input: CreateTableCommandInput): Promise<void>;
  deleteTable(name: string): Promise<void>;
  /** Every item of a table, sorted by its JSON, for comparing states. */
  scan(table: string): Promise<Array<Record<string, AttributeValue>>>;
  stop(): Promise<void>;
}

export interface DynamoDbPort {
  endpoint: string;
  /** Full TLS handshakes on this port so far. */
  fullHandshakes(): number;
  /** Destroys the server side of every connection accepted on this port; how many. */
  dropConnections(): number;
  /** Stops listening on this port (connections to it are then refused) and drops its connections. */
  stopListening(): Promise<void>;
  /** Listens on the same port again. */
  startListening(): Promise<void>;
  close(): Promise<void>;
}

export async function start(): Promise<DynamoDbBackend> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-dynalite-'));
  const { key, cert } = selfSignedCertificate();
  const caFile = path.join(dir, 'dynalite-ca.pem');
  writeFileSync(caFile, cert);

  const server = dynalite({ ssl: true, key, cert, ca: cert, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let handshakes = 0;
  let fullHandshakes = 0;
  const fullByPort = new Map<number, number>();
  server.on('secureConnection', (socket: TLSSocket) => {
    handshakes++;
    if (socket.isSessionReused()) return;
    fullHandshakes++;
    const port = socket.localPort ?? 0;
    fullByPort.set(port, (fullByPort.get(port) ?? 0) + 1);
  });
  const extraPorts = new Set<Server>();
  const extraSockets = new Set<Socket>();
  let port: number;
  try {
    port = await listenOnLoopback(server);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // An IP address, not `localhost`: no name lookup (and no IPv6-first attempt) in the timed path.
  const endpoint = `https://127.0.0.1:${port}`;
  const agent = new Agent({ ca: cert, keepAlive: true });
  const client = new DynamoDBClient({
    region: REGION,
    endpoint,
    credentials: CREDENTIALS,
    requestHandler: { httpsAgent: agent },
  });

  let stopped = false;
  return {
    name: 'dynamodb',
    description: 'dynalite 4.0.0 (in-memory) over HTTPS (TLS 1.3), self-signed RSA 2048 certificate made at start',
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      NODE_EXTRA_CA_CERTS: caFile,
    },
    endpoint,
    client,
    connections: () => handshakes,
    fullHandshakes: () => fullHandshakes,
    async listen() {
      // Connections accepted here are handed to the HTTPS server, which does the TLS and the HTTP. No
      // Nagle delay, as the HTTP server's own listener has (noDelay is its default).
      const sockets = new Set<Socket>();
      let listener: Server | undefined;
      let extraPort = 0;
      const startListening = async () => {
        if (listener) return;
        const opened = createServer({ noDelay: true }, (socket) => {
          sockets.add(socket);
          extraSockets.add(socket);
          socket.once('close', () => {
            sockets.delete(socket);
            extraSockets.delete(socket);
          });
          server.emit('connection', socket);
        });
        await new Promise<void>((resolve, reject) => {
          opened.once('error', reject);
          opened.listen(extraPort, '127.0.0.1', () => resolve());
        });
        extraPorts.add(opened);
        extraPort = (opened.address() as AddressInfo).port;
        listener = opened;
      };
      const dropConnections = () => {
        const dropped = sockets.size;
        for (const socket of sockets) socket.destroy();
        return dropped;
      };
      const stopListening = async () => {
        const closing = listener;
        if (!closing) return;
        listener = undefined;
        extraPorts.delete(closing);
        dropConnections();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      };
      await startListening();
      return {
        endpoint: `https://127.0.0.1:${extraPort}`,
        fullHandshakes: () => fullByPort.get(extraPort) ?? 0,
        dropConnections,
        stopListening,
        startListening,
        close: stopListening,
      };
    },
    async createTable(input) {
      await client.send(new CreateTableCommand(input));
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: input.TableName! });
    },
    async deleteTable(name) {
      await client.send(new DeleteTableCommand({ TableName: name }));
    },
    async scan(table) {
      const items: Array<Record<string, AttributeValue>> = [];
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey }));
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      client.destroy();
      agent.destroy();
      // Keep-alive sockets of handler processes that are still open would hold close() for 30 s.
      server.closeAllConnections();
      for (const socket of extraSockets) socket.destroy();
      for (const listener of extraPorts) listener.close();
      try {
        await new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
