import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import globals from 'globals';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceTypeOf } from '../bench/lint-setup.js';
import plugin from '../index.js';
import { expectedReports, listScenarios } from './fixtures.js';
import { ROOT } from './support/package.js';

// SARIF for GitHub code scanning, as docs/ci.md's recipe makes it: ESLint's own formatter loading
// (`--format @microsoft/eslint-formatter-sarif`) over every bundled poor fixture, with the plugin's
// configs.recommended. Code scanning needs each rule in tool.driver.rules with a helpUri, and each
// result with a rule id and a physical location.

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; shortDescription?: { text: string } }> } };
    artifacts: Array<{ location: { uri: string } }>;
    results: Array<{
      level: string;
      ruleId: string;
      ruleIndex: number;
      message: { text: string };
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; index: number };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }>;
    }>;
  }>;
}

const scenarios = listScenarios();
const poorFiles = scenarios.map((scenario) => scenario.poor);

/** A config per fixture: its parser and source type, the scenario's settings, then configs.recommended. */
function fixtureConfigs(): Linter.Config[] {
  return [
    ...scenarios.map((scenario): Linter.Config => {
      const text = readFileSync(scenario.poor, 'utf8');
      const typescript = /\.[cm]?tsx?$/.test(scenario.poor);
      return {
        files: [path.relative(ROOT, scenario.poor)],
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: sourceTypeOf(scenario.poor, text),
          globals: globals.node,
          ...(typescript ? { parser: tsParser } : {}),
        },
        settings: scenario.overrides.settings ?? {},
        rules: scenario.overrides.rules ?? {},
      };
    }),
    plugin.configs.recommended,
  ];
}

let results: ESLint.LintResult[] = [];
let sarif: SarifLog;

describe('SARIF from @microsoft/eslint-formatter-sarif', () => {
  beforeAll(async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: fixtureConfigs() });
    results = await eslint.lintFiles(poorFiles);
    const formatter = await eslint.loadFormatter('@microsoft/eslint-formatter-sarif');
    sarif = JSON.parse(await formatter.format(results)) as SarifLog;
  }, 120_000);

  it('is SARIF 2.1.0 from ESLint, one run', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver.name).toBe('ESLint');
  });

  it('describes every rule that reports, each with its docs page as helpUri', () => {
    const rules = sarif.runs[0]!.tool.driver.rules;
    const reporting = [...new Set(results.flatMap((result) => result.messages.flatMap((message) => message.ruleId ?? [])))].sort();
    expect(reporting.length).toBeGreaterThanOrEqual(4);
    expect(rules.map((rule) => rule.id).sort()).toEqual(reporting);
    for (const rule of rules) {
      const meta = plugin.rules![rule.id.replace('lambda-hygiene/', '')]!.meta!;
      expect(rule.helpUri).toBe(meta.docs!.url);
      expect(rule.helpUri).toBe(`https://github.com/lambda-hygiene/eslint-plugin-lambda-hygiene/blob/main/docs/rules/${rule.id.replace('lambda-hygiene/', '')}.md`);
      expect(rule.shortDescription?.text).toBe(meta.docs!.description);
    }
  });

  it('has one error result per marked report, at the fixture and line the marker names', () => {
    const run = sarif.runs[0]!;
    const actual = run.results.map((result) => {
      const location = result.locations[0]!.physicalLocation;
      return { uri: location.artifactLocation.uri, line: location.region.startLine, ruleId: result.ruleId, level: result.level };
    });
    const expected = poorFiles.flatMap((file) =>
      expectedReports(readFileSync(file, 'utf8')).map((report) => ({
        uri: pathToFileURL(file).href,
        line: report.line,
        ruleId: report.ruleId,
        level: 'error',
      })),
    );
    expect(expected.length).toBeGreaterThan(20);
    const order = (a: { uri: string; line: number; ruleId: string }, b: { uri: string; line: number; ruleId: string }) =>
      a.uri.localeCompare(b.uri) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);
    expect(actual.sort(order)).toEqual(expected.sort(order));
    // Every result points at its rule in tool.driver.rules and at its file in artifacts.
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      const location = result.locations[0]!.physicalLocation.artifactLocation;
      expect(run.artifacts[location.index]!.location.uri).toBe(location.uri);
    }
  });

  it('gives each result the region and message ESLint reported', () => {
    const fromEslint = results.flatMap((result) =>
      result.messages.map((message) => ({
        uri: pathToFileURL(result.filePath).href,
        ruleId: message.ruleId,
        text: message.message,
        region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
      })),
    );
    const fromSarif = sarif.runs[0]!.results.map((result) => ({
      uri: result.locations[0]!.physicalLocation.artifactLocation.uri,
      ruleId: result.ruleId,
      text: result.message.text,
      region: result.locations[0]!.physicalLocation.region,
    }));
    expect(fromSarif).toEqual(fromEslint);
  });

  it('locates the Java experiment’s clients on their creating expressions', () => {
    const poor = scenarios.find((scenario) => scenario.name === 'java-experiment-index-store')!.poor;
    const lines = readFileSync(poor, 'utf8').split('\n');
    const regionOf = (snippet: string) => {
      const index = lines.findIndex((line) => line.includes(snippet));
      const startColumn = lines[index]!.indexOf(snippet) + 1;
      return { startLine: index + 1, startColumn, endLine: index + 1, endColumn: startColumn + snippet.length };
    };
    const regions = sarif.runs[0]!.results
      .filter((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === pathToFileURL(poor).href)
      .map((result) => ({ ruleId: result.ruleId, region: result.locations[0]!.physicalLocation.region }));
    expect(regions).toEqual([
      { ruleId: 'lambda-hygiene/no-per-invocation-client', region: regionOf('new DynamoDBClient({ region: process.env.AWS_REGION })') },
      { ruleId: 'lambda-hygiene/no-per-invocation-client', region: regionOf('DynamoDBDocumentClient.from(client)') },
    ]);
  });
});
