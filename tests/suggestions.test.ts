import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { hoistSource } from '../codemods/hoist/hoist-source.js';
import { listScenarios, stripMarkers } from './fixtures.js';
import { lintWithRecommended } from './lint.js';
import type { LintOverrides } from './lint.js';

/** Applies one suggestion's fix, as an editor does with a quick fix. */
function applyFix(text: string, fix: Linter.LintSuggestion['fix']): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/**
 * Lints, applies the first offered quick fix, and lints the result again, until no report offers one:
 * what a user clicking through the editor's quick fixes gets.
 */
function applySuggestionsOneByOne(text: string, filename: string, overrides: LintOverrides): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let step = 0; step < 50; step++) {
    const messages = lintWithRecommended(current, filename, overrides);
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`after ${applied} quick fixes, ${filename}:${fatal.line}: ${fatal.message}\n${current}`);
    const suggestion = messages.find((message) => message.suggestions?.length)?.suggestions?.[0];
    if (!suggestion) return { text: current, applied };
    current = applyFix(current, suggestion.fix);
    applied++;
  }
  throw new Error('quick fixes did not converge');
}

describe('quick fixes, applied one by one, give the codemod’s output', () => {
  describe.each(listScenarios())('$name', (scenario) => {
    it('ends where the codemod does', () => {
      const poor = stripMarkers(readFileSync(scenario.poor, 'utf8'));
      const filename = path.basename(scenario.poor);
      const { text, applied } = applySuggestionsOneByOne(poor, filename, scenario.overrides);
      const codemod = hoistSource(poor, scenario.poor);
      expect(text).toBe(codemod.output);
      expect(applied).toBe(codemod.result.hoisted.length + (codemod.result.closed?.length ?? 0));
    });
  });

  const pairsDir = fileURLToPath(new URL('../codemods/hoist/__fixtures__/', import.meta.url));
  // A blanket `/* eslint-disable */` silences the rules (no report, no quick fix) but not the codemod.
  const blanketDisabled = (text: string) => /^\/\* eslint-disable \*\//m.test(text);
  const inputs = readdirSync(pairsDir).filter((file) => file.includes('.input.'));
  it.each(inputs)('codemod pair %s ends where the codemod does', (input) => {
    const text = readFileSync(path.join(pairsDir, input), 'utf8');
    const codemod = hoistSource(text, input);
    if (blanketDisabled(text)) {
      expect(lintWithRecommended(text, input, {})).toEqual([]);
      expect(codemod.result.hoisted.length).toBeGreaterThan(0);
      return;
    }
    const { text: fixed, applied } = applySuggestionsOneByOne(text, input, {});
    expect(fixed).toBe(codemod.output);
    expect(applied).toBe(codemod.result.hoisted.length);
  });

  it('offers no quick fix for a request-dependent site', () => {
    const scenario = listScenarios().find((candidate) => candidate.name === 'request-scoped-credentials')!;
    const better = readFileSync(scenario.better, 'utf8');
    const reports = lintWithRecommended(better, path.basename(scenario.better), scenario.overrides);
    expect(reports.map((report) => report.messageId)).toEqual(['requestDependent']);
    expect(reports[0]!.suggestions ?? []).toEqual([]);
  });
});
