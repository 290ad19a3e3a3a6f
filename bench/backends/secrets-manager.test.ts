import { DescribeSecretCommand, GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { execFile } from 'node:child_process';
import { Agent, request } from 'node:https';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION, start } from './secrets-manager.js';
import type { SecretsManagerBackend } from './secrets-manager.js';

const run = promisify(execFile);

describe('the local Secrets Manager endpoint, through the real SDK client', () => {
  let backend: SecretsManagerBackend;
  let agent: Agent;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    backend = await start();
    agent = new Agent({ ca: backend.ca, keepAlive: true });
    client = new SecretsManagerClient({
      region: REGION,
      endpoint: backend.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      requestHandler: { httpsAgent: agent },
    });
  });

  afterAll(async () => {
    client?.destroy();
    agent?.destroy();
    await backend?.stop();
  });

  it('returns a stored secret by name and counts the fetch', async () => {
    backend.putSecret('prod/orders/db', { username: 'app', password: 's3cret', host: '127.0.0.1', port: 5432 });
    const result = await client.send(new GetSecretValueCommand({ SecretId: 'prod/orders/db' }));
    expect(JSON.parse(result.SecretString!)).toEqual({ username: 'app', password: 's3cret', host: '127.0.0.1', port: 5432 });
    expect(result.Name).toBe('prod/orders/db');
    expect(result.VersionStages).toEqual(['AWSCURRENT']);
    expect(result.CreatedDate).toBeInstanceOf(Date);
    expect(backend.fetches('prod/orders/db')).toBe(1);
  });

  it('finds a secret by its ARN and counts the fetch for its name', async () => {
    const stored = backend.putSecret('stripe/key', 'sk_test_123');
    const result = await client.send(new GetSecretValueCommand({ SecretId: stored.arn }));
    expect(result.SecretString).toBe('sk_test_123');
    expect(result.ARN).toBe(stored.arn);
    expect(backend.fetches('stripe/key')).toBe(1);
  });

  it('keeps the ARN and gives a new version when a secret is rotated', async () => {
    const first = backend.putSecret('rotated', 'one');
    const second = backend.putSecret('rotated', 'two');
    expect(second.arn).toBe(first.arn);
    expect(second.versionId).not.toBe(first.versionId);
    const result = await client.send(new GetSecretValueCommand({ SecretId: 'rotated' }));
    expect(result.SecretString).toBe('two');
  });

  it('answers an unknown secret with the SDK error class ResourceNotFoundException', async () => {
    const error = await client.send(new GetSecretValueCommand({ SecretId: 'missing' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
    expect(backend.fetches('missing')).toBe(1);
  });

  it('describes a secret', async () => {
    const stored = backend.putSecret('described', 'x');
    const result = await client.send(new DescribeSecretCommand({ SecretId: 'described' }));
    expect(result.ARN).toBe(stored.arn);
  });

  it('refuses an unsigned request', async () => {
    const before = backend.requests();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        `${backend.endpoint}/`,
        { method: 'POST', ca: backend.ca, headers: { 'x-amz-target': 'secretsmanager.GetSecretValue', 'content-type': 'application/x-amz-json-1.1' } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify({ SecretId: 'stripe/key' }));
    });
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ __type: 'IncompleteSignatureException' });
    expect(backend.requests()).toBe(before + 1);
    expect(backend.fetches('stripe/key')).toBe(1);
  });

  it('is reached by a client with no configuration, from the environment alone', async () => {
    backend.putSecret('env/only', 'from-env');
    const handshakes = backend.fullHandshakes();
    // NODE_EXTRA_CA_CERTS is read when a process starts: a child process, as a handler runs.
    const script = `
      import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
      const client = new SecretsManagerClient({});
      const values = [];
      for (let i = 0; i < 2; i++) {
        values.push((await client.send(new GetSecretValueCommand({ SecretId: 'env/only' }))).SecretString);
      }
      client.destroy();
      console.log(JSON.stringify(values));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('../../', import.meta.url),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...backend.env },
    });
    expect(JSON.parse(stdout)).toEqual(['from-env', 'from-env']);
    expect(backend.fetches('env/only')).toBe(2);
    // One client, one agent: one full handshake, the second request on the kept-alive connection.
    expect(backend.fullHandshakes()).toBe(handshakes + 1);
  });
});
