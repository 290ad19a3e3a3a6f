import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './fixtures.js';

// The plugin as a user gets it: packed, installed from the tarball into a fresh project, run by the
// user's own ESLint. Versions are the ones this repository pins, so npm's cache serves them.
const root = path.resolve(FIXTURES_DIR, '..');
const devVersions = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
}).devDependencies;
const work = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-pack-'));
const project = path.join(work, 'project');

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the packed package', () => {
  beforeAll(() => {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root)) as Array<{
      filename: string;
    }>;
    const tarball = path.join(work, packed[0]!.filename);
    cpSync(path.join(FIXTURES_DIR, 'java-experiment-index-store'), path.join(project, 'src'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
    writeFileSync(
      path.join(project, 'eslint.config.js'),
      [
        "import tsParser from '@typescript-eslint/parser';",
        "import lambdaHygiene from 'eslint-plugin-lambda-hygiene';",
        'export default [',
        "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
        '  lambdaHygiene.configs.recommended,',
        '];',
      ].join('\n'),
    );
    writeFileSync(
      path.join(project, 'check-types.ts'),
      [
        "import lambdaHygiene from 'eslint-plugin-lambda-hygiene';",
        'const names: string[] = Object.keys(lambdaHygiene.rules ?? {});',
        'export const recommended = lambdaHygiene.configs.recommended.rules;',
        'export { names };',
      ].join('\n'),
    );
    run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        tarball,
        `eslint@${devVersions.eslint}`,
        `@typescript-eslint/parser@${devVersions['@typescript-eslint/parser']}`,
        `typescript@${devVersions.typescript}`,
      ],
      project,
    );
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports the poor fixture through the user’s ESLint and configs.recommended', () => {
    const eslint = spawnSync('npx', ['eslint', '--format', 'json', 'src/poor.ts', 'src/better.ts'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(eslint.status).toBe(1); // ESLint's exit code when it reports errors
    const results = JSON.parse(eslint.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    const byFile = Object.fromEntries(results.map((result) => [path.basename(result.filePath), result.messages]));
    expect(byFile['poor.ts']!.map((message) => message.ruleId)).toEqual([
      'lambda-hygiene/no-per-invocation-client',
      'lambda-hygiene/no-per-invocation-client',
    ]);
    expect(byFile['better.ts']).toEqual([]);
  });

  it('ships types that a TypeScript user can import', () => {
    expect(() =>
      run(
        'npx',
        ['tsc', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'check-types.ts'],
        project,
      ),
    ).not.toThrow();
  });

  it('ships only dist/, docs and the package files', () => {
    // dist/ was built by the pack above; do not build it again.
    const files = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], root);
    const paths = (JSON.parse(files) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
    expect(paths.filter((file) => !/^(dist|docs)\//.test(file)).sort()).toEqual(
      expect.arrayContaining(['README.md', 'package.json']),
    );
    expect(paths.some((file) => file.startsWith('fixtures/') || file.startsWith('tests/') || file.endsWith('.test.js'))).toBe(false);
  });
});
