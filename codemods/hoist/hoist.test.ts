import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listScenarios, stripMarkers } from '../../tests/fixtures.js';
import { lintWithRecommended } from '../../tests/lint.js';
import { hoistSource } from './hoist-source.js';

const PAIRS_DIR = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

/** `<case>.input.<ext>` / `<case>.output.<ext>` pairs: adding a pair adds a test. */
const pairs = readdirSync(PAIRS_DIR)
  .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
  .sort()
  .map((input) => ({ name: input.replace(/\.input\..*$/, ''), input, output: input.replace('.input.', '.output.') }));

const hoist = (text: string, file: string) => hoistSource(text, file);

describe('hoist: input/output pairs', () => {
  it('has at least 40 pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(pairs)('$name', ({ input, output }) => {
    const source = readFileSync(path.join(PAIRS_DIR, input), 'utf8');
    const expected = readFileSync(path.join(PAIRS_DIR, output), 'utf8');

    it('gives the expected output', () => {
      expect(hoist(source, input).output).toBe(expected);
    });

    it('changes nothing on a second run', () => {
      expect(hoist(expected, output).output).toBe(expected);
    });
  });
});

describe('hoist: fixture scenarios', () => {
  describe.each(listScenarios())('$name', (scenario) => {
    const poor = stripMarkers(readFileSync(scenario.poor, 'utf8'));
    const better = stripMarkers(readFileSync(scenario.better, 'utf8'));

    it('turns poor into better', () => {
      expect(hoist(poor, scenario.poor).output).toBe(better);
    });

    it('leaves better unchanged', () => {
      expect(hoist(better, scenario.better).output).toBe(better);
    });

    it('leaves only request-dependent sites for the rules to report', () => {
      const output = hoist(poor, scenario.poor).output;
      const reports = lintWithRecommended(output, path.basename(scenario.poor), scenario.overrides);
      expect(reports.filter((report) => report.messageId !== 'requestDependent')).toEqual([]);
    });
  });
});

describe('hoist: files it cannot handle', () => {
  it('leaves a file that does not parse untouched and says where', () => {
    const broken = 'export const handler = async () => {\n  const x = ;\n};\n';
    const { output, result } = hoist(broken, 'broken.ts');
    expect(output).toBe(broken);
    expect(result.status).toBe('skipped');
    expect(result.message).toMatch(/line 2, column \d+/);
  });

  it('leaves a module without a handler untouched', () => {
    const library = "import { S3Client } from '@aws-sdk/client-s3';\nexport function make() {\n  return new S3Client({});\n}\n";
    expect(hoist(library, 'library.ts')).toMatchObject({ output: library, result: { status: 'unchanged' } });
  });
});
