import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedReports, FIXTURES_DIR, listScenarios, stripMarkers } from './fixtures.js';
import type { Scenario } from './fixtures.js';
import { ESLINT_STYLISH, matchProblems } from './support/problem-matcher.js';
import { installProject, npmFreeEnv, packageJson, packTarball, pinned, RECOMMENDED_WITH_TS_PARSER, ROOT, run } from './support/package.js';
import { readmeConfigImporting, readmeConfigs, readmeInstallCommand } from './support/readme.js';

// The plugin as a user gets it: packed, installed from the tarball into fresh projects, run by the
// user's own ESLint (9 and 10) and TypeScript, and its codemod run through `npx`. One project per
// supported combination; the ranges stated in peerDependencies are tested at both ends.

// The README's recipe with typescript-eslint's own configs.
const TS_ESLINT_RECOMMENDED = readmeConfigImporting('typescript-eslint');

interface UserProject {
  name: string;
  packages: string[];
  /** The user's eslint.config.js: one of the README's recipes. */
  config: string;
}

const PROJECTS: UserProject[] = [
  {
    // The lower ends of peerDependencies: ESLint ^9.0.0, TypeScript >=4.8.4 (typescript-eslint 8's own floor).
    name: 'ESLint 9.0.0, TypeScript 4.8.4, the parser only',
    packages: ['eslint@9.0.0', 'typescript@4.8.4', pinned('@typescript-eslint/parser')],
    config: RECOMMENDED_WITH_TS_PARSER,
  },
  {
    name: 'ESLint 9 (latest), TypeScript 5.9, the parser only',
    packages: ['eslint@9.39.5', 'typescript@5.9.3', pinned('@typescript-eslint/parser')],
    config: RECOMMENDED_WITH_TS_PARSER,
  },
  {
    // This repository's own versions, with typescript-eslint's configs as the README shows them.
    name: 'ESLint 10, TypeScript 6.0, typescript-eslint configs',
    packages: [pinned('eslint'), pinned('typescript'), pinned('typescript-eslint')],
    config: TS_ESLINT_RECOMMENDED,
  },
];

const work = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-pack-'));
let tarball = '';

const java = path.join(FIXTURES_DIR, 'java-experiment-index-store');
const poorWithMarkers = readFileSync(path.join(java, 'poor.ts'), 'utf8');
const poor = stripMarkers(poorWithMarkers);
const better = stripMarkers(readFileSync(path.join(java, 'better.ts'), 'utf8'));
const esmPoorWithMarkers = readFileSync(path.join(FIXTURES_DIR, 'esm', 'poor.mjs'), 'utf8');

function npx(args: string[], cwd: string) {
  return spawnSync('npx', ['--no-install', ...args], { cwd, encoding: 'utf8', env: npmFreeEnv() });
}

beforeAll(() => {
  tarball = packTarball(work);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

describe.each(PROJECTS)('the packed package in a project with $name', ({ name, packages, config }) => {
  const project = path.join(work, name.replace(/[^a-z0-9]+/gi, '-'));

  beforeAll(() => {
    installProject(project, tarball, packages);
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'eslint.config.js'), config);
    writeFileSync(path.join(project, 'src', 'index-store.ts'), poor);
    writeFileSync(path.join(project, 'src', 'better.ts'), better);
    writeFileSync(path.join(project, 'src', 'events.mjs'), stripMarkers(esmPoorWithMarkers));
    writeFileSync(
      path.join(project, 'check-types.ts'),
      [
        "import lambdaHygiene from 'eslint-plugin-lambda-hygiene';",
        'const names: string[] = Object.keys(lambdaHygiene.rules ?? {});',
        'export const recommended = lambdaHygiene.configs.recommended.rules;',
        'export { names };',
        '',
      ].join('\n'),
    );
  }, 300_000);

  it('installs the versions asked for', () => {
    const installed = (dependency: string) =>
      (JSON.parse(readFileSync(path.join(project, 'node_modules', dependency, 'package.json'), 'utf8')) as { version: string }).version;
    for (const spec of packages) {
      const at = spec.lastIndexOf('@');
      expect(installed(spec.slice(0, at))).toBe(spec.slice(at + 1));
    }
    expect(installed('eslint-plugin-lambda-hygiene')).toBe(packageJson.version);
  });

  it('reports the poor fixtures through the user’s ESLint and configs.recommended', () => {
    const eslint = npx(['eslint', '--format', 'json', 'src/'], project);
    expect(eslint.status, eslint.stderr).toBe(1); // ESLint's exit code when it reports errors
    const results = JSON.parse(eslint.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string | null; line: number; column: number; message: string }>;
    }>;
    const ours = Object.fromEntries(
      results.map((result) => [
        path.basename(result.filePath),
        result.messages
          .filter((message) => message.ruleId?.startsWith('lambda-hygiene/') || message.ruleId === null)
          .map(({ ruleId, line }) => ({ ruleId, line })),
      ]),
    );
    const expected = (text: string) => expectedReports(text).map(({ ruleId, line }) => ({ ruleId, line }));
    expect(ours).toEqual({
      'index-store.ts': expected(poorWithMarkers),
      'better.ts': [],
      'events.mjs': expected(esmPoorWithMarkers),
    });
    const columns = results
      .find((result) => result.filePath.endsWith('index-store.ts'))!
      .messages.filter((message) => message.ruleId?.startsWith('lambda-hygiene/'))
      .map((message) => message.column);
    // The creating expressions: `new DynamoDBClient(...)` and `DynamoDBDocumentClient.from(client)`.
    expect(columns).toEqual([
      poor.split('\n')[19]!.indexOf('new DynamoDBClient') + 1,
      poor.split('\n')[20]!.indexOf('DynamoDBDocumentClient.from') + 1,
    ]);
  }, 60_000);

  it('prints stylish output that setup-node’s ESLint problem matcher turns into annotations (docs/ci.md)', () => {
    // As on a GitHub-hosted runner: CI and GITHUB_ACTIONS set, output piped (not a terminal).
    const env = { ...npmFreeEnv(), CI: 'true', GITHUB_ACTIONS: 'true' };
    const stylish = spawnSync('npx', ['--no-install', 'eslint', 'src/'], { cwd: project, encoding: 'utf8', env });
    const json = spawnSync('npx', ['--no-install', 'eslint', '--format', 'json', 'src/'], { cwd: project, encoding: 'utf8', env });
    expect(stylish.status, stylish.stderr).toBe(1);
    const expected = (JSON.parse(json.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>)
      .flatMap((result) => result.messages.map((message) => ({ ...message, filePath: result.filePath })))
      .filter((message) => message.ruleId?.startsWith('lambda-hygiene/'))
      .map((message) => ({
        file: message.filePath,
        line: message.line,
        column: message.column,
        severity: 'error',
        message: message.message.replace(/\.$/, ''), // stylish drops the final period
        code: message.ruleId,
      }));
    expect(expected).toHaveLength(3);
    const annotations = matchProblems(ESLINT_STYLISH, stylish.stdout)
      .filter((annotation) => annotation.code?.startsWith('lambda-hygiene/'))
      // The matcher's greedy message group keeps stylish's column padding.
      .map((annotation) => ({ ...annotation, message: annotation.message?.trimEnd() }));
    expect(annotations).toEqual(expected);
  }, 60_000);

  it('runs the hoist codemod through npx: --dry --diff prints the fix and writes nothing', () => {
    const hoist = npx(['eslint-plugin-lambda-hygiene', 'hoist', '--dry', '--diff', 'src/index-store.ts'], project);
    expect(hoist.status, hoist.stderr).toBe(0);
    expect(hoist.stdout).toContain(createTwoFilesPatch('a/src/index-store.ts', 'b/src/index-store.ts', poor, better));
    expect(hoist.stdout).toContain('hoist (dry run, nothing written): 1 files would change, 0 unchanged, 0 skipped, 0 failed\nsites hoisted: 2\nsites left: 0\n');
    expect(readFileSync(path.join(project, 'src', 'index-store.ts'), 'utf8')).toBe(poor);
  }, 60_000);

  it('runs the hoist codemod through npx: --dry --json prints the report docs/codemods/hoist.md describes', () => {
    const hoist = npx(['eslint-plugin-lambda-hygiene', 'hoist', '--dry', '--json', 'src/index-store.ts'], project);
    expect(hoist.status, hoist.stderr).toBe(0);
    expect(JSON.parse(hoist.stdout)).toEqual({
      summary: { files: { changed: 1, unchanged: 0, skipped: 0, failed: 0 }, sitesHoisted: 2, sitesLeft: {}, problems: [] },
      files: [
        {
          file: 'src/index-store.ts',
          status: 'changed',
          hoisted: [
            {
              line: 20,
              column: 20,
              resource: 'DynamoDBClient',
              handler: 'handler',
              via: ['new IndexStore'],
              perRecord: true,
              getter: 'getDynamoDBClient',
            },
            expect.objectContaining({ line: 21, column: 22, resource: 'DynamoDBDocumentClient', getter: 'getDynamoDBDocumentClient' }),
          ],
          left: [],
        },
      ],
    });
    expect(readFileSync(path.join(project, 'src', 'index-store.ts'), 'utf8')).toBe(poor);
  }, 60_000);

  it('ships types that a TypeScript user can import', () => {
    expect(() =>
      run(
        'npx',
        ['--no-install', 'tsc', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'check-types.ts'],
        project,
      ),
    ).not.toThrow();
  }, 60_000);

  it('can be required from CommonJS (eslint.config.cjs): Node 20.19+ loads the ES module', () => {
    const required = spawnSync(
      process.execPath,
      ['-e', "const { default: plugin } = require('eslint-plugin-lambda-hygiene'); console.log(Object.keys(plugin.configs.recommended.rules).join(','))"],
      { cwd: project, encoding: 'utf8' },
    );
    expect(required.stderr).toBe('');
    expect(required.stdout.trim()).toBe(
      [
        'lambda-hygiene/no-per-invocation-client',
        'lambda-hygiene/no-per-invocation-pool',
        'lambda-hygiene/no-per-invocation-secret-fetch',
        'lambda-hygiene/no-reused-resource-teardown',
        'lambda-hygiene/no-frozen-auth-token',
      ].join(','),
    );
  }, 60_000);
});

describe('the packed codemod on every fixture', () => {
  // The issue's done-criterion: installed from the tarball into an empty project, `npx
  // eslint-plugin-lambda-hygiene hoist` on a copy of the poor files writes the better files.
  const project = path.join(work, 'codemod-on-fixtures');
  const scenarios = listScenarios();
  const copyOf = (scenario: Scenario) => path.join(project, 'src', `${scenario.name}${path.extname(scenario.poor)}`);

  beforeAll(() => {
    installProject(project, tarball, []);
    mkdirSync(path.join(project, 'src'));
    for (const scenario of scenarios) writeFileSync(copyOf(scenario), stripMarkers(readFileSync(scenario.poor, 'utf8')));
  }, 300_000);

  it('turns every poor file into its better file, and a second run changes nothing', () => {
    const first = npx(['eslint-plugin-lambda-hygiene', 'hoist', 'src'], project);
    expect(first.status, first.stderr).toBe(0);
    for (const scenario of scenarios) {
      expect(readFileSync(copyOf(scenario), 'utf8'), scenario.name).toBe(stripMarkers(readFileSync(scenario.better, 'utf8')));
    }
    const second = npx(['eslint-plugin-lambda-hygiene', 'hoist', '--json', 'src'], project);
    expect(second.status, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { summary: { files: { changed: number; unchanged: number } } };
    expect(report.summary.files).toMatchObject({ changed: 0, unchanged: scenarios.length });
  }, 120_000);
});

describe('the first hour: the README as written, in a fresh `npm init -y` project, beside the latest typescript-eslint 8', () => {
  // What a new user does: `npm init -y` (a CommonJS package with npm 11), the README's install command for
  // TypeScript (the packed tarball in place of the published package, and typescript-eslint's latest 8,
  // the major our `@typescript-eslint/*` ranges follow), then each of the README's configs, verbatim, as
  // `eslint.config.mjs`. Needs the npm registry, as CI has it.
  const project = path.join(work, 'first-hour');
  const commonJsPoorWithMarkers = readFileSync(path.join(FIXTURES_DIR, 'commonjs', 'poor.js'), 'utf8');
  const typescriptEslintPackages = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies)
    .filter((name) => name.startsWith('@typescript-eslint/'));

  /** Every installed copy of a package: its directories anywhere under the project's node_modules. */
  function installedCopies(name: string, nodeModules = path.join(project, 'node_modules')): string[] {
    const packages = readdirSync(nodeModules, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .flatMap((entry) => (entry.name.startsWith('@') ? readdirSync(path.join(nodeModules, entry.name)).map((child) => `${entry.name}/${child}`) : [entry.name]));
    return packages.flatMap((pkg) => {
      const dir = path.join(nodeModules, pkg);
      const nested = path.join(dir, 'node_modules');
      return [...(pkg === name ? [dir] : []), ...(existsSync(nested) ? installedCopies(name, nested) : [])];
    });
  }
  const versionAt = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;

  beforeAll(() => {
    mkdirSync(project, { recursive: true });
    run('npm', ['init', '-y'], project);
    const install = readmeInstallCommand(packageJson.name, 'typescript-eslint').map((arg) =>
      arg === packageJson.name ? tarball : arg === 'typescript-eslint' ? 'typescript-eslint@8' : arg,
    );
    run('npm', [...install, '--no-audit', '--no-fund'], project);
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'src', 'index-store.ts'), poor);
    writeFileSync(path.join(project, 'src', 'alerts.js'), stripMarkers(commonJsPoorWithMarkers));
    writeFileSync(path.join(project, 'src', 'events.mjs'), stripMarkers(esmPoorWithMarkers));
  }, 300_000);

  it('is a CommonJS package, where an eslint.config.js written with `import` would not load', () => {
    const { type } = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { type?: string };
    expect(type ?? 'commonjs').toBe('commonjs');
  });

  it('installs the latest typescript-eslint 8 and one copy of each @typescript-eslint package, its own', () => {
    const published = [JSON.parse(run('npm', ['view', 'typescript-eslint@8', 'version', '--json'], project)) as string[] | string].flat();
    const latest = published.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
    const typescriptEslint = versionAt(path.join(project, 'node_modules', 'typescript-eslint'));
    expect(typescriptEslint).toBe(latest);
    expect(typescriptEslintPackages.length).toBeGreaterThan(0);
    for (const name of typescriptEslintPackages) {
      const copies = installedCopies(name);
      expect(copies.map((copy) => path.relative(project, copy)), name).toEqual([path.join('node_modules', name)]);
      expect(versionAt(copies[0]!), name).toBe(typescriptEslint);
    }
    // npm's own view: every path that requires @typescript-eslint/utils resolves to that one copy.
    const utils = run('npm', ['ls', '@typescript-eslint/utils', '--all', '--parseable'], project)
      .split('\n')
      .filter((line) => line.includes('node_modules'));
    expect(new Set(utils)).toEqual(new Set([path.join(project, 'node_modules', '@typescript-eslint', 'utils')]));
  });

  it.each(readmeConfigs().map((config, index) => ({ index: index + 1, config })))(
    'lints with the README’s config #$index, as eslint.config.mjs: our reports, no parse error',
    ({ config }) => {
      writeFileSync(path.join(project, 'eslint.config.mjs'), config);
      const eslint = npx(['eslint', '--format', 'json', 'src/'], project);
      expect(eslint.status, `${eslint.stderr}\n${config}`).toBe(1);
      const results = JSON.parse(eslint.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; message: string }> }>;
      const ours = Object.fromEntries(
        results.map((result) => [
          path.basename(result.filePath),
          result.messages.filter((message) => message.ruleId === null || message.ruleId.startsWith('lambda-hygiene/')).map(({ ruleId, line }) => ({ ruleId, line })),
        ]),
      );
      const expected = (text: string) => expectedReports(text).map(({ ruleId, line }) => ({ ruleId, line }));
      // A config without the typescript-eslint parser lints JavaScript only: ESLint skips the .ts file.
      const handlesTypeScript = /from '(typescript-eslint|@typescript-eslint\/parser)'/.test(config);
      expect(ours).toEqual({
        ...(handlesTypeScript ? { 'index-store.ts': expected(poorWithMarkers) } : {}),
        'alerts.js': expected(commonJsPoorWithMarkers),
        'events.mjs': expected(esmPoorWithMarkers),
      });
    },
    60_000,
  );
});

describe('the package contents', () => {
  const files = () => {
    // dist/ is built by tests/support/build.ts; do not build it again.
    const packed = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    return (JSON.parse(packed) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
  };

  it('ships only what a user needs: the built code, its entry types, the CLI, the docs and the package files', () => {
    const paths = files();
    expect(paths.filter((file) => !/^(dist|docs|bin)\//.test(file)).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
    expect(paths).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/codemods/cli.js', 'dist/codemods/hoist.cjs', 'bin/eslint-plugin-lambda-hygiene.js']),
    );
    // No source maps, tests, internal declarations, or the unbundled transform (the CLI runs hoist.cjs).
    expect(paths.filter((file) => /\.map$|\.test\.|^dist\/.+\/.*\.d\.ts$|^dist\/codemods\/hoist\//.test(file))).toEqual([]);
    expect(paths.some((file) => /^(fixtures|tests|bench|core|rules|codemods)\//.test(file))).toBe(false);
  }, 60_000);

  it('states the ESLint and TypeScript ranges the projects above test', () => {
    expect(packageJson.peerDependencies).toEqual({ eslint: '^9.0.0 || ^10.0.0', typescript: '>=4.8.4 <6.1.0' });
  });
});
