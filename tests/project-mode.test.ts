import { readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import globals from 'globals';
import { afterAll, describe, expect, it } from 'vitest';
import lambdaHygiene from '../index.js';
import { clearProjectAnalysisCache, clearProjectCache } from '../core/project/index.js';
import { hoistSource } from '../codemods/hoist/hoist-source.js';
import { expectedReports, listProjectScenarios } from './fixtures.js';
import type { ExpectedReport } from './fixtures.js';

// RuleTester lints one file at a time: project mode needs whole folders, so these tests go through
// ESLint's API with `cwd` at the fixture project's root, as `npx eslint .` run there would.

const scenarios = listProjectScenarios();

interface FileReport extends ExpectedReport {
  file: string;
}

function configs(mode: 'project' | 'recommended', settings: Record<string, unknown> = {}): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', globals: { ...globals.node } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.{js,cjs}'], ignores: ['**/*.cjs'], languageOptions: { sourceType: 'module' } },
    lambdaHygiene.configs[mode],
    { settings: { 'lambda-hygiene': settings } },
  ];
}

async function lint(root: string, mode: 'project' | 'recommended', settings: Record<string, unknown> = {}) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configs(mode, settings) });
  const results = await eslint.lintFiles(['**/*.{js,mjs,cjs,ts,mts,cts}']);
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal || !message.ruleId).map((message) => `${result.filePath}:${message.line}: ${message.message}`));
  if (fatal.length > 0) throw new Error(fatal.join('\n'));
  return results;
}

function reportsOf(root: string, results: ESLint.LintResult[]): FileReport[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({ file: path.relative(root, result.filePath), line: message.line, ruleId: message.ruleId!, messageId: message.messageId ?? '' })),
    )
    .sort(byPosition);
}

function markedIn(root: string, results: ESLint.LintResult[]): FileReport[] {
  return results
    .flatMap((result) => expectedReports(readFileSync(result.filePath, 'utf8')).map((report) => ({ ...report, file: path.relative(root, result.filePath) })))
    .sort(byPosition);
}

const byPosition = (a: FileReport, b: FileReport) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId);

afterAll(() => {
  clearProjectAnalysisCache();
  clearProjectCache();
});

describe('project mode through ESLint', () => {
  describe.each(scenarios)('$name', (scenario) => {
    it('configs.project reports exactly the marked sites, helpers included', async () => {
      const results = await lint(scenario.root, 'project');
      expect(reportsOf(scenario.root, results)).toEqual(markedIn(scenario.root, results));
    });

    it('configs.recommended (per file) reports a subset of them', async () => {
      const perFile = reportsOf(scenario.root, await lint(scenario.root, 'recommended'));
      const project = reportsOf(scenario.root, await lint(scenario.root, 'project'));
      for (const report of perFile) expect(project).toContainEqual(report);
    });
  });

  it('has multi-file scenarios where only project mode sees the site', async () => {
    let projectOnly = 0;
    for (const scenario of scenarios) {
      const perFile = reportsOf(scenario.root, await lint(scenario.root, 'recommended'));
      const project = reportsOf(scenario.root, await lint(scenario.root, 'project'));
      if (project.length > perFile.length) projectOnly++;
    }
    expect(projectOnly).toBeGreaterThanOrEqual(12);
  });

  it('names the handler, its file, where it is declared and the path across files', async () => {
    const root = scenarios.find((scenario) => scenario.name === 'sam-helper-module')!.root;
    const results = await lint(root, 'project');
    const messages = results.flatMap((result) => result.messages.map((message) => message.message));
    expect(messages).toEqual([
      '`Pool` is created on every invocation of `main` (src/handlers/orders.ts, declared in template.yaml:24) via `getDb` (src/lib/db.ts). Create it once per execution environment, in a lazily initialised module-scope singleton.',
    ]);
  });

  const suggestionsIn = async (scenario: string, file: string) => {
    const root = scenarios.find((candidate) => candidate.name === scenario)!.root;
    const result = (await lint(root, 'project')).find((candidate) => candidate.filePath.endsWith(file))!;
    expect(result.messages).toHaveLength(1);
    return (result.messages[0]!.suggestions ?? []).map((suggestion) => suggestion.desc);
  };

  it('offers the quick fix where it stays in one file', async () => {
    expect(await suggestionsIn('sam-helper-module', 'db.ts')).toEqual(['Create `Pool` once per execution environment, in a lazily initialised module-scope singleton']);
  });

  it('offers none where the helper closes it for a handler in another file (how that handler answers is decided there)', async () => {
    expect(await suggestionsIn('terraform', 'orders.js')).toEqual([]);
  });

  it('offers none where another file on the path closes the resource', async () => {
    expect(await suggestionsIn('handler-closes-helper-pool', 'pool.ts')).toEqual([]);
  });

  it('takes the root and the IaC files from settings: reading no IaC finds only the handlers in code', async () => {
    const root = scenarios.find((scenario) => scenario.name === 'sam-helper-module')!.root;
    const messagesOf = async (settings: Record<string, unknown>) =>
      (await lint(path.dirname(root), 'recommended', settings)).flatMap((result) => result.messages.map((message) => message.message.split('. Create')[0]));
    // `main` is typed with `SQSEvent`: the code shows it too, but only the template says where it is declared.
    expect(await messagesOf({ project: { root: 'poor', iac: ['nothing.yaml'] } })).toEqual([
      '`Pool` is created on every invocation of `main` (src/handlers/orders.ts) via `getDb` (src/lib/db.ts)',
    ]);
    expect(await messagesOf({ project: { root: 'poor' } })).toEqual([
      '`Pool` is created on every invocation of `main` (src/handlers/orders.ts, declared in template.yaml:24) via `getDb` (src/lib/db.ts)',
    ]);
    expect(await messagesOf({})).toEqual([]);
  });

  it('the hoist codemod fixes, in project mode, what the rules report in project mode', () => {
    const root = scenarios.find((scenario) => scenario.name === 'sam-helper-module')!.root;
    const file = path.join(root, 'src/lib/db.ts');
    const text = readFileSync(file, 'utf8');
    expect(hoistSource(text, file).result.status).toBe('unchanged');
    const { output, result } = hoistSource(text, file, { settings: { project: { root } } });
    expect(result.status).toBe('changed');
    expect(result.hoisted.map((site) => [site.resource, site.handler, site.getter])).toEqual([['Pool', 'main', 'getPool']]);
    expect(output).toContain('return getPool();');
  });

  it('rejects a bad project setting with a message that names it', async () => {
    const root = scenarios[0]!.root;
    await expect(lint(root, 'recommended', { project: 'yes' })).rejects.toThrow(/settings\['lambda-hygiene'\]\.project must be `true`, `false` or an object/);
    await expect(lint(root, 'recommended', { project: { root: 3 } })).rejects.toThrow(/project\.root must be a directory path/);
  });
});
