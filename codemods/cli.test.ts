import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { listProjectScenarios } from '../tests/fixtures.js';
import { EXIT } from './cli.js';

// The CLI as `npx` runs it: the bin shim over the built dist/ (tests/support/build.ts builds it first).
const bin = fileURLToPath(new URL('../bin/eslint-plugin-lambda-hygiene.js', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  return cliIn(work, ...args);
}

function cliIn(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
}

const handler = [
  "import { S3Client } from '@aws-sdk/client-s3';",
  '',
  'export const handler = async () => {',
  '  const s3 = new S3Client({});',
  '  return s3.config.region;',
  '};',
  '',
].join('\n');

describe('eslint-plugin-lambda-hygiene: help', { timeout: 30_000 }, () => {
  it('alone prints the general help, listing the commands, and exits 0', () => {
    const run = cli();
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain('Usage: eslint-plugin-lambda-hygiene <command> [options]');
    expect(run.stdout).toMatch(/^ {2}hoist \[options\] <paths\.\.\.>$/m);
    expect(run.stdout).toMatch(/^ {2}handlers \[dir\] \[--json\]$/m);
    expect(cli('--help').stdout).toBe(run.stdout);
  });

  it.each([
    ['hoist', 'Usage: eslint-plugin-lambda-hygiene hoist [options] <paths...>', 'hoist --diff src/'],
    ['handlers', 'Usage: eslint-plugin-lambda-hygiene handlers [dir] [options]', 'handlers services/orders --json'],
  ])('%s --help prints its usage, options and examples, and exits 0', (command, usage, example) => {
    const run = cli(command, '--help');
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain(usage);
    expect(run.stdout).toContain('--settings');
    expect(run.stdout).toContain(`npx eslint-plugin-lambda-hygiene ${example}`);
    expect(cli('help', command).stdout).toBe(run.stdout);
  });
});

describe('eslint-plugin-lambda-hygiene: usage errors are one line on stderr and exit 2', { timeout: 30_000 }, () => {
  it.each([
    [['hoisst', 'x'], 'Unknown command "hoisst" (commands: hoist, handlers)'],
    [['hoist'], 'Give at least one file or folder to transform'],
    [['hoist', 'no-such-folder'], 'No such file or folder: no-such-folder'],
    [['hoist', '--no-such-option', '.'], 'Unknown option: --no-such-option'],
    [['hoist', '--cpus'], 'Missing value: --cpus requires a value'],
    [['hoist', '--settings', '{"handlerNames":"main"}', '.'], '--settings.handlerNames must be an array of exported names (strings), got the string "main"'],
    [['hoist', '--settings', '{handlerNames}', '.'], '--settings is not valid JSON'],
    [['handlers', '--nope'], "Unknown option '--nope'"],
    [['handlers', 'no-such-folder'], 'No such folder: no-such-folder'],
    [['handlers', '.', '--settings', '{"handlerName":["main"]}'], '--settings has an unknown key `handlerName`'],
  ])('%j', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

describe('eslint-plugin-lambda-hygiene hoist: what it says', { timeout: 30_000 }, () => {

  it('skips a file it cannot parse, leaves it untouched and says where, and exits 0', () => {
    const broken = 'export const handler = async () => {\n  const x = ;\n};\n';
    writeFileSync(path.join(work, 'broken.ts'), broken);
    writeFileSync(path.join(work, 'handler.ts'), handler);
    const run = cli('hoist', 'broken.ts', 'handler.ts');
    expect(run.status).toBe(EXIT.ok);
    expect(readFileSync(path.join(work, 'broken.ts'), 'utf8')).toBe(broken);
    expect(run.stdout).toContain('hoist: 1 files changed, 0 unchanged, 1 skipped, 0 failed');
    expect(run.stdout).toMatch(/broken\.ts: cannot parse: line 2, column \d+/);
    expect(readFileSync(path.join(work, 'handler.ts'), 'utf8')).toContain('const s3 = getS3Client();');
  });

  it('with --dry --diff prints a unified diff and writes nothing', () => {
    writeFileSync(path.join(work, 'dry.ts'), handler);
    const run = cli('hoist', '--diff', 'dry.ts');
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain('+++ b/dry.ts');
    expect(run.stdout).toContain('-  const s3 = new S3Client({});');
    expect(run.stdout).toContain('+  const s3 = getS3Client();');
    expect(readFileSync(path.join(work, 'dry.ts'), 'utf8')).toBe(handler);
  });
});

describe('eslint-plugin-lambda-hygiene handlers', { timeout: 30_000 }, () => {
  it.each(listProjectScenarios())('--json on fixtures/projects/$name prints expected-handlers.json', ({ root, expectedHandlers }) => {
    // `--settings {}`: the defaults, without loading this repository's own ESLint config (it ignores fixtures/).
    const run = cli('handlers', root, '--json', '--settings', '{}');
    expect(run.status).toBe(EXIT.ok);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(expectedHandlers, 'utf8')));
  });

  it('lists handlers for a person, and says in one line when there is no ESLint config to read settings from', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-handlers-'));
    try {
      writeFileSync(path.join(dir, 'serverless.yml'), 'functions:\n  hello:\n    handler: handler.hello\n  gone:\n    handler: gone.main\n');
      writeFileSync(path.join(dir, 'handler.js'), 'module.exports.hello = async (event) => ({ statusCode: 200 });\n');
      const run = cliIn(dir, 'handlers');
      expect(run.status).toBe(EXIT.ok);
      expect(run.stdout).toContain('1 handler in ');
      expect(run.stdout).toMatch(/^handler\.js\n {2}hello +serverless\.yml:3 Serverless hello \(handler\.hello\); code: commonjs, async \(event\)$/m);
      expect(run.stdout).toMatch(/^ {2}serverless\.yml:5 Serverless gone \(gone\.main\): file not found: gone\{/m);
      expect(run.stderr).toMatch(/^lambda-hygiene: no ESLint config file \(eslint\.config\.\*\) found above the files; using the default settings/);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an ESLint config that fails to load', { timeout: 30_000 }, () => {
  it('is said in one line, and the command goes on with the defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-bad-config-'));
    try {
      writeFileSync(path.join(dir, 'eslint.config.mjs'), "import plugin from 'no-such-eslint-plugin';\nexport default [plugin];\n");
      writeFileSync(path.join(dir, 'handler.mjs'), 'export const handler = async (event) => ({});\n');
      const run = cliIn(dir, 'handlers', '--json');
      expect(run.status).toBe(EXIT.ok);
      expect(run.stderr).toMatch(/^lambda-hygiene: no ESLint config could be read \(.*no-such-eslint-plugin.*\); using the default settings/);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ handlers: [{ file: 'handler.mjs', export: 'handler' }], unresolved: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the codemod uses the settings the rules use', { timeout: 60_000 }, () => {
  // A project whose ESLint config makes `main` a handler and adds a resource of its own.
  const project = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-settings-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const pluginUrl = new URL('../dist/index.js', import.meta.url).href;
  writeFileSync(
    path.join(project, 'eslint.config.mjs'),
    [
      `import plugin from '${pluginUrl}';`,
      'export default [',
      '  plugin.configs.recommended,',
      "  { settings: { 'lambda-hygiene': { handlerNames: ['main'] } } },",
      "  { rules: { 'lambda-hygiene/no-per-invocation-client': ['error', { additionalResources: [{ module: 'acme-sdk', export: 'Client' }] }] } },",
      '];',
      '',
    ].join('\n'),
  );
  const source = [
    "import { S3Client } from '@aws-sdk/client-s3';",
    "import { Client } from 'acme-sdk';",
    '',
    'export const main = async () => {',
    '  const s3 = new S3Client({});',
    '  const acme = new Client();',
    '  return [s3.config.region, acme];',
    '};',
    '',
  ].join('\n');
  writeFileSync(path.join(project, 'main.mjs'), source);

  function hoisted(...args: string[]): number {
    const run = cliIn(project, 'hoist', '--dry', '--json', ...args, 'main.mjs');
    expect(run.status).toBe(EXIT.ok);
    return (JSON.parse(run.stdout) as { summary: { sitesHoisted: number } }).summary.sitesHoisted;
  }

  it('with handlerNames: [main] and an additional resource, the rule reports two sites and the codemod hoists both', async () => {
    const [result] = await new ESLint({ cwd: project }).lintFiles(['main.mjs']);
    expect(result?.messages.map((message) => `${message.ruleId}:${message.line}`)).toEqual([
      'lambda-hygiene/no-per-invocation-client:5',
      'lambda-hygiene/no-per-invocation-client:6',
    ]);
    expect(hoisted()).toBe(2);
  });

  it('--settings replaces the ESLint config: with the default handler names nothing is a handler', () => {
    expect(hoisted('--settings', '{"handlerNames":["handler"]}')).toBe(0);
    expect(readFileSync(path.join(project, 'main.mjs'), 'utf8')).toBe(source);
  });
});
