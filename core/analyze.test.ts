import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { analyzeModule } from './analyze.js';
import { parseModule } from './parse.js';
import { completeSummary } from './summary/lazy.js';

function analyse(text: string) {
  const program = parseModule(text, 'handler.ts');
  const analysis = analyzeModule(program);
  const source = (node: TSESTree.Node) => text.slice(node.range[0], node.range[1]);
  return { analysis, source };
}

describe('analyzeModule: what a site exposes for the planner', () => {
  it('the init chain: the awaited fetch and the statements that parse it', () => {
    const { analysis, source } = analyse(`
      import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
      import { Client } from 'pg';

      const secrets = new SecretsManagerClient({});

      export const handler = async () => {
        const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
        const { username, password } = JSON.parse(secret.SecretString!);
        const client = new Client({ user: username, password, host: process.env.DB_HOST });
        await client.connect();
        return client;
      };
    `);
    const [site] = analysis.sites;
    expect(site!.requestDependence).toBeUndefined();
    expect(site!.initDependence).toMatchObject({ input: 'secret', source: 'secret', in: 'handler' });
    expect(source(site!.initDependence!.fetch)).toBe(
      'await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }))',
    );
    expect(site!.initDependence!.chain.map(source)).toEqual([
      'const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));',
      'const { username, password } = JSON.parse(secret.SecretString!);',
    ]);
  });

  it('the writes to its inputs before the construction, each stable or request', () => {
    const { analysis, source } = analyse(`
      import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

      export const handler = async (event: { region: string }) => {
        const config: { region?: string; endpoint?: string } = {};
        if (process.env.LOCAL) config.endpoint = 'http://localhost:4566';
        Object.assign(config, { region: event.region });
        const client = new DynamoDBClient(config);
        config.endpoint = 'ignored: after the construction';
        return client;
      };
    `);
    const [site] = analysis.sites;
    expect(site!.inputWrites.map((write) => [source(write.node), write.kind, write.dependence])).toEqual([
      ["config.endpoint = 'http://localhost:4566'", 'property', 'stable'],
      ['Object.assign(config, { region: event.region })', 'object-assign', 'request'],
    ]);
    expect(site!.requestDependence).toMatchObject({ input: 'event', why: 'handler-parameter' });
  });

  it('every calling context, and the one reported', () => {
    const { analysis } = analyse(`
      import { S3Client } from '@aws-sdk/client-s3';
      const makeClient = (region: string) => new S3Client({ region });
      export const handler = async (event: { region: string; Records: unknown[] }) => {
        for (const record of event.Records) makeClient('eu-west-1');
        return makeClient(event.region);
      };
    `);
    const [site] = analysis.sites;
    expect(site!.reachedFrom).toEqual([
      { handler: 'handler', path: ['makeClient'], perRecord: true, dependence: 'stable' },
      { handler: 'handler', path: ['makeClient'], perRecord: false, dependence: 'request' },
    ]);
    expect(site!.requestDependence).toBeDefined();
    expect(site!.perRecord).toBe(false);
  });
});

describe('analyzeModule: the summary behind the sites', () => {
  it('is filled in only as far as the solver read it, and completeSummary gives all of it as plain JSON', () => {
    const { analysis } = analyse(`
      import { S3Client } from '@aws-sdk/client-s3';
      const unused = () => new S3Client({ region: 'us-east-1' });
      export const handler = async () => new S3Client({});
    `);
    const summary = analysis.summary!;
    expect(summary.functions.filter(Boolean)).toHaveLength(1); // the handler only
    const complete = completeSummary(summary);
    expect(complete.functions.map((fn) => fn.name)).toEqual(['unused', 'handler']);
    expect(complete.creations.map((creation) => creation.resource)).toEqual(['S3Client', 'S3Client']);
    expect(JSON.parse(JSON.stringify(complete))).toEqual(complete);
    expect(analysis.sites.map((site) => site.id)).toEqual([1]);
  });
});
