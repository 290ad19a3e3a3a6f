import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProjectScenarios } from '../../tests/fixtures.js';
import { analyzeProject } from './index.js';

const scenario = listProjectScenarios().find((candidate) => candidate.name === 'sam-helper-module')!;
const copy = mkdtempSync(path.join(tmpdir(), 'analyze-project-'));
cpSync(scenario.root, copy, { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const db = path.join(copy, 'src/lib/db.ts');
const orders = path.join(copy, 'src/handlers/orders.ts');

describe('analyzeProject', () => {
  it('gives the findings of a helper with the handler, its IaC declaration and the path across files', () => {
    const analysis = analyzeProject(copy, { recheckAfterMs: 0 });
    expect(analysis.modules).toEqual([orders, db]);
    expect(analysis.findingsIn(orders)).toEqual([]);
    const [finding, ...more] = analysis.findingsIn(db);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      file: db,
      creation: { resource: 'Pool', start: { line: 5 } },
      handler: { file: orders, export: 'main', declaredIn: { file: path.join(copy, 'template.yaml'), line: 24 } },
      path: [{ name: 'getDb', file: db }],
      perRecord: false,
      dependence: { kind: 'stable' },
      fixable: true,
    });
  });

  it('is kept while nothing it read changed, and rebuilt when a handler changes', () => {
    const first = analyzeProject(copy, { recheckAfterMs: 0 });
    expect(analyzeProject(copy, { recheckAfterMs: 0 })).toBe(first);
    // The handler stops calling the helper: the helper's report goes, though the helper did not change.
    writeFileSync(orders, readFileSync(orders, 'utf8').replace('const db = getDb();', 'const db = { query: async (..._args: unknown[]) => undefined };'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(orders, later, later);
    const rebuilt = analyzeProject(copy, { recheckAfterMs: 0 });
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.findingsIn(db)).toEqual([]);
  });
});
