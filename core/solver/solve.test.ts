import { describe, expect, it } from 'vitest';
import { analyzeModule } from '../analyze.js';
import { parseModule } from '../parse.js';
import { SummaryCache } from '../summary/index.js';
import type { ModuleSummary } from '../summary/types.js';
import { solve } from './solve.js';
import type { Finding, SolveInput } from './solve.js';

/** A project of in-memory files: summaries from one cache, relative specifiers resolved among the files. */
function project(files: Record<string, string>) {
  const cache = new SummaryCache();
  const summaryOf = (file: string) => (files[file] === undefined ? undefined : cache.get(file, files[file]!));
  const resolve = (specifier: string, from: string) => {
    if (!specifier.startsWith('.')) return undefined;
    const base = from.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.') base.push(part);
    }
    const path = base.join('/').replace(/\.js$/, '');
    return [`${path}.ts`, `${path}/index.ts`].find((candidate) => files[candidate] !== undefined);
  };
  return { cache, summaryOf, resolve };
}

function describeFinding(finding: Finding, summaryOf: (file: string) => ModuleSummary | undefined) {
  const creation = summaryOf(finding.file)!.creations[finding.creation]!;
  return {
    file: finding.file,
    resource: creation.resource,
    handler: `${finding.handler.file}:${finding.handler.name}`,
    path: finding.path.map((step) => `${step.file}:${step.name}`),
    perRecord: finding.perRecord,
    dependence: finding.dependence.kind,
  };
}

describe('summaries', () => {
  it('are plain JSON: a summary read back from JSON gives the same findings', () => {
    const text = `
      import { S3Client } from '@aws-sdk/client-s3';
      class Store { constructor(region) { this.client = new S3Client({ region }); } }
      const make = (region) => new Store(region);
      export const handler = async (event) => {
        for (const record of event.Records) make('eu-west-1');
        return make(event.region);
      };
    `;
    const { summaryOf } = project({ 'handler.ts': text });
    const summary = summaryOf('handler.ts')!;
    const copy = JSON.parse(JSON.stringify(summary)) as ModuleSummary;
    expect(copy).toEqual(summary);
    const entries = [{ file: 'handler.ts', export: 'handler' }];
    const original = solve({ entries, summaryOf });
    const fromJson = solve({ entries, summaryOf: (file) => (file === 'handler.ts' ? copy : undefined) });
    expect(fromJson).toEqual(original);
    expect(original.map((finding) => describeFinding(finding, summaryOf))).toEqual([
      { file: 'handler.ts', resource: 'S3Client', handler: 'handler.ts:handler', path: ['handler.ts:make', 'handler.ts:new Store'], perRecord: true, dependence: 'stable' },
      { file: 'handler.ts', resource: 'S3Client', handler: 'handler.ts:handler', path: ['handler.ts:make', 'handler.ts:new Store'], perRecord: false, dependence: 'request' },
    ]);
  });

  it('record re-exports, export *, default and CommonJS exports', () => {
    const { summaryOf } = project({
      'index.ts': `
        export { handler } from './impl';
        export { default as main, other as renamed } from './impl';
        export * from './more';
        export * as ns from './ns';
      `,
      'cjs.ts': `
        const { Pool } = require('pg');
        module.exports.getPool = () => new Pool();
        exports.name = 'x';
        module.exports = { list: async (event) => event };
      `,
    });
    const index = summaryOf('index.ts')!;
    expect(index.exports).toEqual([
      { name: 'handler', value: { kind: 'reexport', from: './impl', name: 'handler' } },
      { name: 'main', value: { kind: 'reexport', from: './impl', name: 'default' } },
      { name: 'renamed', value: { kind: 'reexport', from: './impl', name: 'other' } },
      { name: 'ns', value: { kind: 'reexport', from: './ns', name: '*' } },
    ]);
    expect(index.starExports).toEqual(['./more']);
    const cjs = summaryOf('cjs.ts')!;
    expect(cjs.exports.map((entry) => [entry.name, entry.value.kind])).toEqual([
      ['getPool', 'function'],
      ['name', 'value'],
      ['list', 'function'],
    ]);
    expect(cjs.handlers.map((handler) => handler.name)).toEqual(['list']);
  });

  it('are cached by file and content hash', () => {
    const cache = new SummaryCache();
    const first = cache.get('a.ts', 'export const handler = async () => 1;');
    expect(cache.get('a.ts', 'export const handler = async () => 1;')).toBe(first);
    const changed = cache.get('a.ts', 'export const handler = async () => 2;');
    expect(changed).not.toBe(first);
    expect(changed!.hash).not.toBe(first!.hash);
    expect(cache.get('broken.ts', 'export const = ;')).toBeUndefined();
  });
});

describe('solve over one module', () => {
  const findingsOf = (text: string) => {
    const { summaryOf } = project({ 'handler.ts': text });
    const summary = summaryOf('handler.ts')!;
    const entries = [...new Set(summary.handlers.map((handler) => handler.name))].map((name) => ({ file: 'handler.ts', export: name }));
    return solve({ entries, summaryOf }).map((finding) => describeFinding(finding, summaryOf));
  };

  it('visits a helper once per calling context, whatever the order of the calls', () => {
    const helper = `import { S3Client } from '@aws-sdk/client-s3';\nconst makeClient = (region) => new S3Client({ region });\n`;
    const stableFirst = findingsOf(`${helper}export const handler = async (event) => { makeClient('eu-west-1'); makeClient(event.region); };`);
    const requestFirst = findingsOf(`${helper}export const handler = async (event) => { makeClient(event.region); makeClient('eu-west-1'); };`);
    expect(stableFirst.map((finding) => finding.dependence).sort()).toEqual(['request', 'stable']);
    expect(requestFirst.map((finding) => finding.dependence).sort()).toEqual(['request', 'stable']);
  });

  it('keeps both handlers of a shared helper, each with its own loop', () => {
    const findings = findingsOf(`
      import { SNSClient } from '@aws-sdk/client-sns';
      function notify() { return new SNSClient({}); }
      export const handler = async () => notify();
      export const lambdaHandler = async (event) => { for (const record of event.Records) notify(); };
    `);
    expect(findings.map(({ handler, perRecord }) => [handler, perRecord])).toEqual([
      ['handler.ts:handler', false],
      ['handler.ts:lambdaHandler', true],
    ]);
  });

  it('maps a superclass constructor to the super() arguments', () => {
    const findings = findingsOf(`
      import { S3Client } from '@aws-sdk/client-s3';
      class Base { constructor(region) { this.client = new S3Client({ region }); } }
      class Tenant extends Base { constructor(tenant) { super('eu-west-1'); this.tenant = tenant; } }
      class Passing extends Base {}
      export const handler = async (event) => [new Tenant(event.tenant), new Passing(event.region)];
    `);
    expect(findings.map(({ path, dependence }) => [path.join(' → '), dependence])).toEqual([
      ['handler.ts:new Tenant', 'stable'],
      ['handler.ts:new Passing', 'request'],
    ]);
  });

  it('gives a callback passed by name the elements of what it iterates', () => {
    const findings = findingsOf(`
      import { SQSClient } from '@aws-sdk/client-sqs';
      function send(record) { return new SQSClient({ region: record.awsRegion }); }
      function ping(region) { return new SQSClient({ region }); }
      export const handler = async (event) => [event.Records.map(send), ['a', 'b'].forEach(ping)];
    `);
    expect(findings.map(({ path, perRecord, dependence }) => [path[0], perRecord, dependence])).toEqual([
      ['handler.ts:send', true, 'request'],
      ['handler.ts:ping', false, 'stable'],
    ]);
  });
});

describe('solve over a project', () => {
  const files = {
    'src/handlers/orders.ts': `
      import { getDb } from '../lib/db';
      import * as clients from '../lib/clients';
      import { store } from '../lib/store';
      export const main = async (event) => {
        await getDb().query('select 1');
        clients.sqsFor(event.region);
        for (const record of event.Records) await store.put(record);
      };
    `,
    'src/lib/db.ts': `
      import { Pool } from 'pg';
      export function getDb() { return new Pool({ connectionString: process.env.DATABASE_URL }); }
    `,
    'src/lib/clients.ts': `
      import { SQSClient } from '@aws-sdk/client-sqs';
      export const sqsFor = (region) => new SQSClient({ region });
    `,
    'src/lib/store.ts': `
      import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
      class Store { put(item) { const client = new DynamoDBClient({}); return client; } }
      export const store = new Store();
    `,
    'src/index.ts': `export { main as handler } from './handlers/orders';`,
  };

  it('follows imports, namespace imports and module-level instances to creations in other files', () => {
    const { summaryOf, resolve } = project(files);
    const input: SolveInput = { entries: [{ file: 'src/handlers/orders.ts', export: 'main' }], summaryOf, resolve };
    expect(solve(input).map((finding) => describeFinding(finding, summaryOf))).toEqual([
      {
        file: 'src/lib/db.ts',
        resource: 'Pool',
        handler: 'src/handlers/orders.ts:main',
        path: ['src/lib/db.ts:getDb'],
        perRecord: false,
        dependence: 'stable',
      },
      {
        file: 'src/lib/clients.ts',
        resource: 'SQSClient',
        handler: 'src/handlers/orders.ts:main',
        path: ['src/lib/clients.ts:sqsFor'],
        perRecord: false,
        dependence: 'request',
      },
      {
        file: 'src/lib/store.ts',
        resource: 'DynamoDBClient',
        handler: 'src/handlers/orders.ts:main',
        path: ['src/lib/store.ts:Store.put'],
        perRecord: true,
        dependence: 'stable',
      },
    ]);
  });

  it('follows a re-exported handler to the module that defines it', () => {
    const { summaryOf, resolve } = project(files);
    const findings = solve({ entries: [{ file: 'src/index.ts', export: 'handler' }], summaryOf, resolve });
    expect(findings.map((finding) => finding.file)).toEqual(['src/lib/db.ts', 'src/lib/clients.ts', 'src/lib/store.ts']);
    expect(findings[0]!.handler).toMatchObject({ file: 'src/index.ts', name: 'handler' });
  });

  it('keeps imports of first-party modules opaque without a resolver, as the per-file rules do', () => {
    const { summaryOf } = project(files);
    expect(solve({ entries: [{ file: 'src/handlers/orders.ts', export: 'main' }], summaryOf })).toEqual([]);
    const program = parseModule(files['src/handlers/orders.ts'], 'orders.ts');
    expect(analyzeModule(program, { settings: { handlerNames: ['main'] } }).sites).toEqual([]);
  });
});
