import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModule } from '../analyze.js';
import { parseModule, sourceTypeOf } from '../parse.js';
import { Scopes } from '../scope.js';
import { applyPlan, editsParse } from './apply.js';
import { planHoist } from './plan-hoist.js';
import type { TextEdit } from './text.js';

const FIXTURES = fileURLToPath(new URL('../../codemods/hoist/__fixtures__/', import.meta.url));

describe('editsParse', () => {
  it("agrees with applyPlan's parse on every codemod fixture's whole plan", () => {
    const inputs = readdirSync(FIXTURES).filter((name) => name.includes('.input.'));
    expect(inputs.length).toBeGreaterThan(100);
    let planned = 0;
    for (const name of inputs) {
      const file = path.join(FIXTURES, name);
      const text = readFileSync(file, 'utf8');
      const program = parseModule(text, file);
      const scopes = new Scopes(program, undefined, sourceTypeOf(program, file));
      const analysis = analyzeModule(program, { scopes });
      const plan = planHoist(program, text, analysis, scopes, { typescript: /\.[cm]?tsx?$/.test(file) });
      if (plan.edits.length === 0) continue;
      planned++;
      expect(editsParse(program, text, plan.edits, file), name).toBe(applyPlan(program, text, analysis, scopes, file).error === undefined);
    }
    expect(planned).toBeGreaterThan(50);
  });

  const text = 'import a from "a";\n\nconst x = 1;\n\nfunction f() {\n  return x;\n}\n\nconst y = 2;\n\nexport const handler = async () => {\n  return f() + y;\n};\n';
  const program = parseModule(text, 'a.ts');
  const at = (snippet: string) => text.indexOf(snippet);

  it('accepts edits in statements far apart, each parsed with its neighbours', () => {
    const edits: TextEdit[] = [
      { start: at('const x'), end: at('const x'), text: 'let cache: number | undefined;\n' },
      { start: at('f() + y'), end: at('f() + y') + 'f()'.length, text: '(cache ??= f())' },
    ];
    expect(editsParse(program, text, edits, 'a.ts')).toBe(true);
  });

  it('rejects a syntax error in an edited statement, wherever it is', () => {
    expect(editsParse(program, text, [{ start: at('f() + y'), end: at('f() + y') + 3, text: 'f(' }], 'a.ts')).toBe(false);
    expect(editsParse(program, text, [{ start: at('const y'), end: at('const y'), text: 'const z = ;\n' }], 'a.ts')).toBe(false);
  });

  it('rejects an edit that leaves a statement open into its neighbour', () => {
    expect(editsParse(program, text, [{ start: at('const y'), end: at('const y') + 'const y = 2;'.length, text: 'const y = {' }], 'a.ts')).toBe(false);
  });

  it('rejects overlapping edits', () => {
    const edits: TextEdit[] = [
      { start: at('const x'), end: at('const x') + 5, text: 'let' },
      { start: at('const x') + 2, end: at('const x') + 8, text: 'var' },
    ];
    expect(editsParse(program, text, edits, 'a.ts')).toBe(false);
  });
});
