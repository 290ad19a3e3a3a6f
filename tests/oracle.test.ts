// The runtime oracle (bench/oracle/, docs/oracle.md): first the instrument itself (the fakes fail as
// the libraries do, the judgements see what they must), then a seeded run of generated handlers, where
// the rules, the codemod and the runtime must agree, then the reproducers kept in tests/oracle-cases/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../bench/oracle/compare.js';
import { evaluateModule } from '../bench/oracle/evaluate.js';
import type { OracleModule } from '../bench/oracle/evaluate.js';
import { invocationsFor } from '../bench/oracle/grammar/events.js';
import { runOracle } from '../bench/oracle/oracle.js';
import type { OracleReport, Reproducer } from '../bench/oracle/oracle.js';
import { OracleRunner } from '../bench/oracle/runner.js';

/** A few hundred cases: under a minute on two cores; `npm run bench:oracle` runs more. */
const RUNS = 250;
const SEED = 20_260_109;

function esm(source: string, dbDownFirst = false): OracleModule {
  return { source, filename: 'handler.mjs', format: 'esm', exportName: 'handler', invocations: invocationsFor(dbDownFirst) };
}

let runner: OracleRunner;
beforeAll(() => {
  runner = OracleRunner.create();
});
afterAll(() => runner.close());

describe('the instrument', () => {
  it('fakes fail as the libraries do: duplicate middleware, a pool after end(), a closed pg client', async () => {
    const result = await runner.run(
      esm(`import { S3Client } from '@aws-sdk/client-s3';
import { Client, Pool } from 'pg';

const s3 = new S3Client({});
const pool = new Pool();
const client = new Client();

export const handler = async (event, context) => {
  s3.middlewareStack.add((next) => next, { name: 'trace' });
  await pool.query('SELECT 1 AS ok');
  await pool.end();
};
export const useClient = async () => {
  await client.connect();
  await client.end();
  await client.query('SELECT 1 AS ok');
};
`),
    );
    expect(result.phases.map((phase) => phase.error)).toEqual([
      null,
      null,
      "Error: Duplicate middleware name 'trace'",
      "Error: Duplicate middleware name 'trace'",
    ]);
    const pooled = await runner.run({
      ...esm(`import { Pool } from 'pg';
const pool = new Pool();
export const handler = async () => {
  const { rows } = await pool.query('SELECT 1 AS ok');
  await pool.end();
  return rows;
};
`),
    });
    expect(pooled.phases.map((phase) => phase.error)).toEqual([null, null, 'Error: Cannot use a pool after calling end on the pool', 'Error: Cannot use a pool after calling end on the pool']);
    const closed = await runner.run({ ...esm(`import { Client } from 'pg';
const client = new Client();
export const handler = async () => {
  await client.connect();
  await client.end();
  await client.query('SELECT 1 AS ok');
};
`) });
    expect(closed.phases[1]!.error).toBe('Error: Client was closed and is not queryable');
  });

  it('records each construction at its line, per invocation, and a logger prints the keys it was given', async () => {
    const result = await runner.run(
      esm(`import { Logger } from '@aws-lambda-powertools/logger';

export const handler = async (event, context) => {
  const logger = new Logger({ serviceName: 'orders' });
  if (event.userId) logger.appendKeys({ userId: event.userId });
  logger.info('handled');
};
`),
    );
    expect(result.phases.map((phase) => phase.constructions.map(({ line, phase: at }) => `${line}@${at}`))).toEqual([[], ['4@1'], ['4@2'], ['4@3']]);
    expect(result.phases[3]!.calls.filter((call) => call.call.startsWith('Logger.INFO')).map((call) => call.call)).toEqual([
      'Logger.INFO({"level":"INFO","message":"handled","service":"orders"})',
    ]);
  });

  it('sees interleaved transactions on one shared pg connection in the committed rows', async () => {
    const perRecord = `import { Client } from 'pg';
export const handler = async (event) => {
  const outcomes = await Promise.allSettled(event.Records.map(async (record) => {
    const client = new Client();
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO items (body) VALUES ($1)', [record.body]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }));
  return outcomes.map((outcome) => outcome.status);
};
`;
    const shared = perRecord.replace('const outcomes', 'const client = new Client();\n  await client.connect();\n  const outcomes').replace(/\n {4}const client = new Client\(\);\n {4}await client.connect\(\);/, '');
    const [original, rewritten] = [await runner.run(esm(perRecord)), await runner.run(esm(shared))];
    expect(original.phases[3]!.db).toEqual({ items: ['a', 'b', 'a', 'b', 'a', 'c'] });
    expect(compareRuns(original, rewritten, []).map((finding) => finding.kind)).toEqual(expect.arrayContaining(['result', 'database']));
  });

  it('judges the rules: a per-invocation site is reported, a lazy one is not, and both agree with the runtime', async () => {
    const verdict = await evaluateModule(
      esm(`import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

let shared;

export const handler = async (event, context) => {
  shared ??= new S3Client({});
  const local = new S3Client({ region: event.region });
  return [await shared.send(new GetObjectCommand({ Bucket: 'b', Key: event.key })), await local.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }))];
};
`),
      runner,
    );
    expect(verdict.findings).toEqual([]);
    expect(verdict.rules).toEqual({ again: 1, once: 1, unjudged: 0 });
  });

  it('catches an output that carries one request’s state into the next, and accepts one that does not', async () => {
    const original = await runner.run(
      esm(`import { Logger } from '@aws-lambda-powertools/logger';
export const handler = async (event) => {
  const logger = new Logger({ serviceName: 'orders' });
  if (event.userId) logger.appendKeys({ userId: event.userId });
  logger.info('handled');
};
`),
    );
    const leaking = await runner.run(
      esm(`import { Logger } from '@aws-lambda-powertools/logger';
let logger;
export const handler = async (event) => {
  logger ??= new Logger({ serviceName: 'orders' });
  if (event.userId) logger.appendKeys({ userId: event.userId });
  logger.info('handled');
};
`),
    );
    const stateless = (shared: boolean) =>
      runner.run(
        esm(`import { Logger } from '@aws-lambda-powertools/logger';
${shared ? 'let logger;' : ''}
export const handler = async (event) => {
  ${shared ? 'logger ??= ' : 'const logger = '}new Logger({ serviceName: 'orders' });
  logger.info('handled', { userId: event.userId });
};
`),
      );
    const hoisted = [{ line: 3, resource: 'Logger', getter: 'getLogger' }];
    expect(compareRuns(original, leaking, hoisted).map((finding) => `${finding.kind} ${finding.phase}`)).toEqual(['calls 3']);
    expect(compareRuns(await stateless(false), await stateless(true), [{ line: 4, resource: 'Logger', getter: 'getLogger' }])).toEqual([]);
    // The same run twice: nothing differs.
    expect(compareRuns(original, original, [])).toEqual([]);
  });
});

function describeReport(report: OracleReport): string {
  const worst = [...report.reproducers].sort((a, b) => a.module.source.length - b.module.source.length).slice(0, 12);
  return [
    `seed ${report.seed}: ${report.disagreements} disagreements, ${report.crashes} crashes, ${report.codemodMismatches} codemod mismatches, ${report.invalid} invalid`,
    `findings: ${JSON.stringify(report.kinds)}`,
    'shrink them with: npm run bench:oracle -- --runs ' + report.runs + ' --seed ' + report.seed,
    ...worst.map(
      (reproducer) =>
        `\n--- ${reproducer.signature} (${reproducer.count} cases)\n${reproducer.findings.find((finding) => finding.kind === reproducer.kind)?.detail}\n${reproducer.module.filename}:\n${reproducer.module.source}`,
    ),
  ].join('\n');
}

describe('the listeners a fault-proof singleton adds', () => {
  const original = `import { Client } from 'pg';
export const handler = async () => {
  const client = new Client();
  await client.connect();
  const { rows } = await client.query('SELECT 1 AS ok');
  await client.end();
  return rows;
};
`;
  /** The codemod's shape of output (docs/resources.md), with `inHandler` added to the handler. */
  const output = (inHandler: string) => `import { Client } from 'pg';
let cachedClient;
const getClient = () =>
  (cachedClient ??= (async () => {
    const created = new Client();
    await created.connect();
    const connected = cachedClient;
    const forget = () => {
      if (cachedClient === connected) cachedClient = undefined;
    };
    created.on('error', forget).on('end', forget);
    return created;
  })());
export const handler = async () => {
  const client = await getClient();
  const { rows } = await client.query('SELECT 1 AS ok');
  ${inHandler}
  return rows;
};
`;
  const hoisted = [{ line: 3, resource: 'Client', getter: 'getClient', failureEvents: ['error', 'end'], getterLines: [3, 13] as const }];

  it('are left out of the uses of the instances its getter builds, and only those', async () => {
    const before = await runner.run(esm(original));
    const after = await runner.run(esm(output('')));
    expect(compareRuns(before, after, hoisted)).toEqual([]);
    // The same listeners on an instance built elsewhere, or counted for events the singleton does not add, count.
    expect(compareRuns(before, after, [{ ...hoisted[0]!, getterLines: [14, 14] }]).map((finding) => finding.kind)).toEqual(['calls']);
    expect(compareRuns(before, after, [{ ...hoisted[0]!, failureEvents: ['error'] }]).map((finding) => finding.kind)).toEqual(['calls']);
    // A listener the handler adds to the shared connection on every invocation piles up, and shows.
    const piling = await runner.run(esm(output("client.on('error', (error) => console.error(error));")));
    expect(compareRuns(before, piling, hoisted).map((finding) => `${finding.kind} ${finding.phase}`)).toEqual(['calls 2']);
  });

  it('hear the `end` a pg Client emits once `end()` closed it: a teardown left in place makes the getter connect again', async () => {
    const before = await runner.run(esm(original));
    const closing = await runner.run(esm(output('await client.end();')));
    expect(closing.phases.slice(1).map((phase) => phase.error)).toEqual([null, null, null]);
    expect(compareRuns(before, closing, hoisted).map((finding) => finding.kind)).toEqual(['constructed-again']);
  });
});

describe('a seeded run of generated handlers', () => {
  it(`${RUNS} handlers: every module the grammar renders loads, and the rules, the codemod and the runtime agree`, async () => {
    const report = await runOracle({ runs: RUNS, seed: SEED, shrinkBudgetMs: 0 });
    expect(report.runs).toBe(RUNS);
    expect(report.invalid, describeReport(report)).toBe(0);
    expect({ disagreements: report.disagreements, crashes: report.crashes, codemodMismatches: report.codemodMismatches }, describeReport(report)).toEqual({
      disagreements: 0,
      crashes: 0,
      codemodMismatches: 0,
    });
  }, 240_000);
});

const keptDir = fileURLToPath(new URL('./oracle-cases/', import.meta.url));
const kept = readdirSync(keptDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [path.basename(file, '.json'), JSON.parse(readFileSync(path.join(keptDir, file), 'utf8')) as Reproducer] as const);

describe('kept reproducers (tests/oracle-cases/)', () => {
  it('are well-formed', () => {
    for (const [name, reproducer] of kept) expect(reproducer.module?.source, name).toEqual(expect.any(String));
  });

  it.each(kept)('%s', async (_name, reproducer) => {
    const verdict = await evaluateModule(reproducer.module, runner);
    expect(verdict.findings.map((finding) => `${finding.side}:${finding.kind}: ${finding.detail}`)).toEqual([]);
  }, 30_000);
});
