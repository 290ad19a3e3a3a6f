import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from './cli.js';

// The CLI as `npx` runs it: the bin shim over the built dist/ (tests/support/build.ts builds it first).
const bin = fileURLToPath(new URL('../bin/eslint-plugin-lambda-hygiene.js', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
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

describe('eslint-plugin-lambda-hygiene hoist: exit codes and what it says', () => {
  it('prints its help and exits 0 with --help', () => {
    const run = cli('--help');
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain('Usage: eslint-plugin-lambda-hygiene hoist [options] <paths...>');
    expect(run.stdout).toContain('--ignore-pattern');
  });

  it('exits 2 on an unknown command, a missing path or no path at all', () => {
    expect(cli('hoisst', 'x').status).toBe(EXIT.usage);
    expect(cli('hoist').status).toBe(EXIT.usage);
    const missing = cli('hoist', 'no-such-folder');
    expect(missing.status).toBe(EXIT.usage);
    expect(missing.stderr).toContain('No such file or folder: no-such-folder');
  });

  it('exits 2 on an unknown option, without a stack trace', () => {
    const run = cli('hoist', '--no-such-option', '.');
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

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
