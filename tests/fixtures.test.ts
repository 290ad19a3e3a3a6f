import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedReports, listScenarios } from './fixtures.js';
import type { ExpectedReport } from './fixtures.js';
import { lintWithRecommended } from './lint.js';

const scenarios = listScenarios();

function reportsOf(file: string, overrides: Parameters<typeof lintWithRecommended>[2]): ExpectedReport[] {
  const text = readFileSync(file, 'utf8');
  const messages = lintWithRecommended(text, path.basename(file), overrides);
  const fatal = messages.find((message) => message.fatal || !message.ruleId);
  if (fatal) throw new Error(`${file}:${fatal.line}: ${fatal.message}`);
  return messages.map((message) => ({
    line: message.line,
    ruleId: message.ruleId!,
    messageId: message.messageId ?? '',
  }));
}

const byPosition = (a: ExpectedReport, b: ExpectedReport) =>
  a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId);

describe('fixtures', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(scenarios)('$name', (scenario) => {
    it('poor gives exactly the marked reports', () => {
      const expected = expectedReports(readFileSync(scenario.poor, 'utf8')).sort(byPosition);
      expect(reportsOf(scenario.poor, scenario.overrides).sort(byPosition)).toEqual(expected);
    });

    it('better gives only its marked request-dependent reports', () => {
      const expected = expectedReports(readFileSync(scenario.better, 'utf8')).sort(byPosition);
      // Sites the fix leaves in place: built from request data, or from a credential the driver cannot refresh.
      expect(expected.every((report) => report.messageId === 'requestDependent' || report.messageId === 'expiringCredential')).toBe(true);
      expect(reportsOf(scenario.better, scenario.overrides).sort(byPosition)).toEqual(expected);
    });

    it('poor and better are the same kind of file', () => {
      expect(path.extname(scenario.better)).toBe(path.extname(scenario.poor));
    });
  });
});
