// A Secrets Manager-compatible endpoint for the behaviour tests and benchmarks, in this process, over HTTPS
// with a certificate made at start, on a free loopback port. dynalite serves only DynamoDB, and no package
// on npm serves Secrets Manager offline; the part a Lambda handler uses is small: GetSecretValue (and
// DescribeSecret for checks), in the AWS JSON 1.1 protocol (POST /, `X-Amz-Target:
// secretsmanager.<Operation>`, a JSON body, errors as `{ "__type": ... }` with `x-amzn-errortype`).
//
// Handlers reach it through the AWS SDK's own configuration, without a code change: the service endpoint
// variable AWS_ENDPOINT_URL_SECRETS_MANAGER, a fixed region, static fake credentials, and
// NODE_EXTRA_CA_CERTS, which adds the certificate to the trusted ones (TLS checks stay on).
//
// Requests must be SigV4-signed for the `secretsmanager` service (the Authorization header's form is
// checked, not the signature: any credentials will do, as with dynalite).
//
// What it counts: GetSecretValue requests per secret (by name; an ARN counts for its secret), so that a
// scenario can give each handler process a secret of its own and read how often that process fetched it;
// and full TLS handshakes (a new SDK client, as in ./dynalite.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from './cert.js';
import { listenOnLoopback } from './listen.js';

export const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'AKIDLAMBDAHYGIENE', secretAccessKey: 'lambda-hygiene-local-secret' };
const SIGNATURE = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[^/]+\/secretsmanager\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/;

export interface StoredSecret {
  name: string;
  arn: string;
  versionId: string;
  secretString: string;
  createdDate: Date;
}

export interface SecretsManagerBackend {
  name: 'secretsmanager';
  description: string;
  /** Environment for a handler process: endpoint, region, credentials and the trusted certificate. */
  env: Record<string, string>;
  endpoint: string;
  /** The certificate (PEM), for a client in this process: `new https.Agent({ ca })`. */
  ca: string;
  /** Creates or replaces a secret; an object is stored as its JSON, as the console does for key/value secrets. */
  putSecret(name: string, value: string | Record<string, unknown>): StoredSecret;
  deleteSecret(name: string): void;
  /** GetSecretValue requests for this secret so far (successful or not). */
  fetches(name: string): number;
  /** Every request so far, whatever its operation. */
  requests(): number;
  /** Full TLS handshakes (connections that did not resume a TLS session). */
  fullHandshakes(): number;
  stop(): Promise<void>;
}

class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomBytes(16).toString('hex'),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}

export async function start(): Promise<SecretsManagerBackend> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-secrets-'));
  const { key, cert } = selfSignedCertificate();
  const caFile = path.join(dir, 'secrets-manager-ca.pem');
  writeFileSync(caFile, cert);

  const secrets = new Map<string, StoredSecret>();
  const fetchCounts = new Map<string, number>();
  let requestCount = 0;
  let fullHandshakes = 0;

  /** A secret by name or ARN; the counts are kept by name, also for ids that name no secret. */
  const find = (id: unknown): { name: string; secret: StoredSecret | undefined } => {
    if (typeof id !== 'string' || id === '') throw new ServiceError('InvalidParameterException', 'SecretId is required.');
    const secret = secrets.get(id) ?? [...secrets.values()].find((candidate) => candidate.arn === id);
    return { name: secret?.name ?? id, secret };
  };

  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    GetSecretValue(input) {
      const { name, secret } = find(input.SecretId);
      fetchCounts.set(name, (fetchCounts.get(name) ?? 0) + 1);
      if (!secret) throw new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      return {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: secret.versionId,
        SecretString: secret.secretString,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: secret.createdDate.getTime() / 1000,
      };
    },
    DescribeSecret(input) {
      const { secret } = find(input.SecretId);
      if (!secret) throw new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      return { ARN: secret.arn, Name: secret.name, CreatedDate: secret.createdDate.getTime() / 1000 };
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requestCount++;
    try {
      if (request.method !== 'POST' || request.url !== '/') throw new ServiceError('UnknownOperationException', 'Only POST / is served.', 404);
      if (!SIGNATURE.test(request.headers.authorization ?? '')) {
        throw new ServiceError('IncompleteSignatureException', 'The request must be signed with SigV4 for secretsmanager.');
      }
      const target = request.headers['x-amz-target'];
      const operation = typeof target === 'string' && target.startsWith('secretsmanager.') ? operations[target.slice('secretsmanager.'.length)] : undefined;
      if (!operation) throw new ServiceError('UnknownOperationException', `Unsupported operation: ${String(target)}`);
      let input: unknown;
      try {
        input = JSON.parse((await readBody(request)) || '{}');
      } catch {
        throw new ServiceError('SerializationException', 'The request body is not JSON.');
      }
      if (typeof input !== 'object' || input === null) throw new ServiceError('SerializationException', 'The request body is not an object.');
      send(response, 200, operation(input as Record<string, unknown>));
    } catch (error) {
      const serviceError = error instanceof ServiceError ? error : new ServiceError('InternalServiceError', String(error), 500);
      send(response, serviceError.status, { __type: serviceError.type, Message: serviceError.message }, serviceError.type);
    }
  }

  const server = createServer({ key, cert }, (request, response) => void handle(request, response));
  server.on('secureConnection', (socket: TLSSocket) => {
    if (!socket.isSessionReused()) fullHandshakes++;
  });
  let port: number;
  try {
    port = await listenOnLoopback(server);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `https://127.0.0.1:${port}`;

  let stopped = false;
  return {
    name: 'secretsmanager',
    description: 'a local Secrets Manager endpoint (GetSecretValue, DescribeSecret; AWS JSON 1.1) over HTTPS, self-signed RSA 2048 certificate made at start',
    env: {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      NODE_EXTRA_CA_CERTS: caFile,
    },
    endpoint,
    ca: cert,
    putSecret(name, value) {
      const previous = secrets.get(name);
      const secret: StoredSecret = {
        name,
        arn: previous?.arn ?? `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${randomBytes(3).toString('hex')}`,
        versionId: randomBytes(16).toString('hex'),
        secretString: typeof value === 'string' ? value : JSON.stringify(value),
        createdDate: previous?.createdDate ?? new Date(),
      };
      secrets.set(name, secret);
      return secret;
    },
    deleteSecret(name) {
      secrets.delete(name);
    },
    fetches: (name) => fetchCounts.get(name) ?? 0,
    requests: () => requestCount,
    fullHandshakes: () => fullHandshakes,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Keep-alive sockets of handler processes that are still open would hold close() until they time out.
      server.closeAllConnections();
      try {
        await new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
