import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../tests/fixtures.js';
import { checkSyntax, describeParseError, parseModule } from './parse.js';

function verdict(check: (text: string, file: string) => unknown, text: string, file: string): string | undefined {
  try {
    check(text, file);
    return undefined;
  } catch (error) {
    return describeParseError(error);
  }
}

describe('checkSyntax', () => {
  it('accepts every fixture, as parseModule does', () => {
    const files = listScenarios().flatMap((scenario) => [scenario.poor, scenario.better]);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      expect(verdict(checkSyntax, readFileSync(file, 'utf8'), file), file).toBeUndefined();
    }
  });

  it.each([
    ['a.ts', 'export const handler = async () => {\n  const client = getClient(;\n};\n'],
    ['a.js', 'const x = 1;\nfunction f() {\n  return x +;\n}\n'],
    ['a.mjs', 'import { S3Client } from "@aws-sdk/client-s3"\nlet client = new S3Client({})}\n'],
    ['a.ts', 'const s = `unterminated\n'],
  ])('rejects a syntax error in %s where parseModule does, with its line', (file, text) => {
    const ours = verdict(checkSyntax, text, file);
    const estree = verdict(parseModule, text, file);
    expect(estree).toBeDefined();
    expect(ours).toBeDefined();
    expect(ours!.split(':')[0]).toBe(estree!.split(':')[0]);
  });

  it('reads JSX in JavaScript and .tsx files, and `<T>x` casts in .ts files', () => {
    expect(verdict(checkSyntax, 'const a = <div>{x}</div>;\n', 'a.js')).toBeUndefined();
    expect(verdict(checkSyntax, 'const a = <div>{x}</div>;\n', 'a.tsx')).toBeUndefined();
    expect(verdict(checkSyntax, 'const a = <string>x;\n', 'a.ts')).toBeUndefined();
    expect(verdict(checkSyntax, 'const a = <string>x;\n', 'a.tsx')).toBeDefined();
  });
});
