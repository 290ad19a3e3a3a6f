// Project mode's cost: a generated monorepo of 500, 2,500 and 5,000 handlers (SAM template declaring them
// all, npm workspaces, a shared workspace package, per-service helper modules and service classes) linted
// with `configs.project` and with `configs.recommended` (per file), in the same run. Each lint runs in a
// fresh child process (so that one lint's caches and heap do not help or burden the next, and its peak
// memory is its own), timed inside the child around `ESLint#lintFiles`; the modes alternate order per
// round. The plugin is built first (dist/, as users run it). Prints seconds, peak RSS and reports per mode and size, the ratio project/per-file (target
// ≤ 1.5×) and the growth of project mode from 2,500 to 5,000 handlers (target ≤ 2.3×). With
// `--concurrency N` it also lints the largest size in project mode with ESLint's worker threads and
// checks that the reports are the same. The generated projects go to a temporary folder, deleted after.
//
//   npm run bench:project -- [--sizes 500,2500,5000] [--rounds 1] [--concurrency 2] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { argument, flag, median, stringArgument } from './measure.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const HANDLERS_PER_SERVICE = 50;
const HANDLERS_PER_HELPER = 5;

type Mode = 'project' | 'per-file';

interface ChildResult {
  seconds: number;
  peakMb: number;
  files: number;
  reports: number;
  /** `file:line:rule` of every report, sorted: to compare runs. */
  digest: string;
}

if (flag('child')) {
  await runChild();
} else {
  await runParent();
}

async function runParent(): Promise<void> {
  const sizes = (stringArgument('sizes') ?? '500,2500,5000').split(',').map(Number).filter((size) => size > 0);
  const rounds = argument('rounds', 1);
  const concurrency = argument('concurrency', 0);
  console.log('building dist/ (the plugin as users run it)...');
  const build = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${build.stdout}${build.stderr}`);
  const base = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-project-bench-'));
  const rows: Array<{ size: number; files: number; perFile: ChildResult; project: ChildResult }> = [];
  try {
    for (const size of sizes) {
      const dir = path.join(base, `monorepo-${size}`);
      const files = generateMonorepo(dir, size);
      const runs: Record<Mode, ChildResult[]> = { project: [], 'per-file': [] };
      for (let round = 0; round < rounds; round++) {
        const order: Mode[] = round % 2 === 0 ? ['per-file', 'project'] : ['project', 'per-file'];
        for (const mode of order) runs[mode].push(child(dir, mode, 0));
      }
      const pick = (list: ChildResult[]): ChildResult => ({ ...list[0]!, seconds: median(list.map((run) => run.seconds)), peakMb: Math.max(...list.map((run) => run.peakMb)) });
      const row = { size, files, perFile: pick(runs['per-file']), project: pick(runs.project) };
      rows.push(row);
      console.log(
        `${size} handlers (${files} files): per-file ${row.perFile.seconds.toFixed(1)} s, ${row.perFile.peakMb} MB, ${row.perFile.reports} reports; ` +
          `project ${row.project.seconds.toFixed(1)} s, ${row.project.peakMb} MB, ${row.project.reports} reports; ratio ${(row.project.seconds / row.perFile.seconds).toFixed(2)}×`,
      );
      if (concurrency > 0 && size === sizes[sizes.length - 1]) {
        const threaded = child(dir, 'project', concurrency);
        const same = threaded.digest === row.project.digest;
        console.log(
          `--concurrency ${concurrency}, project mode: ${threaded.seconds.toFixed(1)} s, ${threaded.peakMb} MB, ${threaded.reports} reports, ` +
            `${same ? 'the same reports as one thread' : 'DIFFERENT reports from one thread'}`,
        );
      }
    }
  } finally {
    if (!flag('keep')) rmSync(base, { recursive: true, force: true });
    else console.log(`kept ${base}`);
  }
  console.log('\n| handlers | files | per-file s | project s | project/per-file | per-file MB | project MB | per-file reports | project reports |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.size} | ${row.files} | ${row.perFile.seconds.toFixed(1)} | ${row.project.seconds.toFixed(1)} | ${(row.project.seconds / row.perFile.seconds).toFixed(2)}× | ${row.perFile.peakMb} | ${row.project.peakMb} | ${row.perFile.reports} | ${row.project.reports} |`,
    );
  }
  const largest = rows[rows.length - 1];
  if (largest) console.log(`\nproject/per-file at ${largest.size} handlers: ${(largest.project.seconds / largest.perFile.seconds).toFixed(2)}× (target ≤ 1.5×)`);
  const at = (size: number) => rows.find((row) => row.size === size);
  const [mid, big] = [at(2500), at(5000)];
  if (mid && big) console.log(`project mode growth 2,500 → 5,000 handlers: ${(big.project.seconds / mid.project.seconds).toFixed(2)}× (target ≤ 2.3×)`);
}

/** Lints `dir` in a child process and returns what it measured. */
function child(dir: string, mode: Mode, concurrency: number): ChildResult {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--dir', dir, '--mode', mode, '--concurrency', String(concurrency)],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`the ${mode} lint of ${dir} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function runChild(): Promise<void> {
  const dir = stringArgument('dir')!;
  const mode = stringArgument('mode') as Mode;
  const concurrency = argument('concurrency', 0);
  // The config file reads the mode: worker threads (`--concurrency`) load it themselves.
  process.env.LAMBDA_HYGIENE_BENCH_MODE = mode;
  const { ESLint } = await import('eslint');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(dir, 'eslint.config.mjs'), ...(concurrency > 0 ? { concurrency } : {}) });
  const started = performance.now();
  const results = await eslint.lintFiles(['**/*.ts']);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // Worker threads count in the process's RSS; maxRSS is the kernel's peak for the whole process.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal || !message.ruleId).map((message) => `${result.filePath}:${message.line} ${message.message}`));
  if (fatal.length > 0) throw new Error(fatal.slice(0, 5).join('\n'));
  const reports = results.flatMap((result) => result.messages.map((message) => `${path.relative(dir, result.filePath)}:${message.line}:${message.ruleId}`)).sort();
  const out: ChildResult = { seconds, peakMb: Math.round(peak / 1024 / 1024), files: results.length, reports: reports.length, digest: reports.join('\n') };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  if (flag('verbose')) console.error(`${out.seconds.toFixed(1)} s, ${out.peakMb} MB, ${out.reports} reports`);
}

/**
 * A monorepo of `size` handlers: services of 50 handlers (npm workspaces), a helper module per 5
 * handlers (a service class whose field builds a client, a function that builds one), a shared
 * workspace package (a pool built per call, a lazy singleton, a barrel), and one SAM template that
 * declares every handler (half of them under the name `main`, which only the template makes a handler).
 * Returns the number of source files.
 */
function generateMonorepo(dir: string, size: number): number {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  let files = 0;
  write('package.json', JSON.stringify({ name: 'monorepo', private: true, type: 'module', workspaces: ['packages/*', 'services/*'] }, null, 2));
  write(
    'eslint.config.mjs',
    [
      "import { createRequire } from 'node:module';",
      `const require = createRequire(${JSON.stringify(path.join(REPO, 'package.json'))});`,
      "const tsParser = require('@typescript-eslint/parser');",
      // The built plugin (what users run): ESLint's worker threads (\`--concurrency\`) load plain JavaScript.
      `const { default: lambdaHygiene } = await import(${JSON.stringify(path.join(REPO, 'dist', 'index.js'))});`,
      "const mode = process.env.LAMBDA_HYGIENE_BENCH_MODE === 'project' ? 'project' : 'recommended';",
      'export default [',
      "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
      '  lambdaHygiene.configs[mode],',
      '];',
      '',
    ].join('\n'),
  );
  write('packages/shared/package.json', JSON.stringify({ name: '@acme/shared', private: true, type: 'module', main: 'src/index.ts' }, null, 2));
  write('packages/shared/src/index.ts', "export * from './db.js';\nexport * from './storage.js';\nexport * from './format.js';\n");
  write(
    'packages/shared/src/db.ts',
    "import { Pool } from 'pg';\n\n// A pool per call: per invocation of every handler that calls it.\nexport function getPool(): Pool {\n  return new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });\n}\n",
  );
  write(
    'packages/shared/src/storage.ts',
    "import { S3Client } from '@aws-sdk/client-s3';\n\nlet s3: S3Client | undefined;\n\n// Lazy: once per execution environment.\nexport const getS3 = (): S3Client => (s3 ??= new S3Client({}));\n",
  );
  write('packages/shared/src/format.ts', formatModule());
  files += 4;
  const services = Math.ceil(size / HANDLERS_PER_SERVICE);
  const template: string[] = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs20.x',
    'Resources:',
  ];
  for (let service = 0; service < services; service++) {
    const root = `services/svc-${service}`;
    write(`${root}/package.json`, JSON.stringify({ name: `@acme/svc-${service}`, private: true, type: 'module', dependencies: { '@acme/shared': '*' } }, null, 2));
    const count = Math.min(HANDLERS_PER_SERVICE, size - service * HANDLERS_PER_SERVICE);
    for (let helper = 0; helper * HANDLERS_PER_HELPER < count; helper++) {
      write(`${root}/src/lib/store-${helper}.ts`, helperModule(service, helper));
      files++;
    }
    for (let index = 0; index < count; index++) {
      const name = index % 2 === 0 ? 'main' : 'handler';
      write(`${root}/src/handlers/h-${index}.ts`, handlerModule(name, Math.floor(index / HANDLERS_PER_HELPER), index));
      files++;
      template.push(
        `  Svc${service}Fn${index}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        `      CodeUri: ${root}/src/`,
        `      Handler: handlers/h-${index}.${name}`,
      );
    }
  }
  write('template.yaml', `${template.join('\n')}\n`);
  return files;
}

function handlerModule(name: string, helper: number, index: number): string {
  return `import type { SQSEvent } from 'aws-lambda';
import { getPool, getS3, formatOrder } from '@acme/shared';
import { OrderStore, notify } from '../lib/store-${helper}.js';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

interface Order {
  id: string;
  total: number;
  lines: Array<{ sku: string; quantity: number }>;
}

function parse(body: string): Order {
  const order = JSON.parse(body) as Order;
  if (!order.id) throw new Error('order ${index} without an id');
  return order;
}

export const ${name} = async (event: SQSEvent): Promise<number> => {
  const pool = getPool();${index % 4 === 1 ? "\n  const sqs = new SQSClient({});\n  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'started' }));" : ''}
  let written = 0;
  for (const record of event.Records) {
    const order = parse(record.body);
    await new OrderStore(process.env.TABLE_NAME ?? 'orders').put(order.id, formatOrder(order));
    await pool.query('INSERT INTO audit (id) VALUES ($1)', [order.id]);
    written += order.lines.length;
  }
  await getS3().send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: 'last-${index}', Body: String(written) }));
  await notify(String(written));
  return written;
};
`;
}

function helperModule(service: number, helper: number): string {
  return `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

// A service class whose field builds a client: per \`new OrderStore()\` (service ${service}, helper ${helper}).
export class OrderStore {
  private readonly client = new DynamoDBClient({});

  constructor(private readonly table: string) {}

  async put(id: string, body: string): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.table, Item: { id: { S: id }, body: { S: body } } }));
  }
}

export async function notify(message: string): Promise<void> {
  const sns = new SNSClient({});
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: message }));
}
`;
}

function formatModule(): string {
  return `export interface Formattable {
  id: string;
  total: number;
}

export function formatOrder(order: Formattable): string {
  return JSON.stringify({ id: order.id, total: order.total.toFixed(2) });
}
`;
}
