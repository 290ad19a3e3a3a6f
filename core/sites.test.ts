import { parseForESLint } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, catalogueWith } from './catalog.js';
import { parseModule } from './parse.js';
import { mayHaveCreationSites } from './sites.js';

// ESLint's parsers keep the tokens the check reads.
const program = (text: string) => parseForESLint(text, { range: true, loc: true, tokens: true, comment: true }).ast;

describe('mayHaveCreationSites', () => {
  it('is false for a module none of whose strings names a catalogue module', () => {
    expect(mayHaveCreationSites(program("import fs from 'node:fs';\nexport const handler = async () => fs.readFileSync('x');\n"), CATALOGUE)).toBe(false);
    expect(mayHaveCreationSites(program("const s = 'pgx';\nconst t = `@aws-sdk`;\n"), CATALOGUE)).toBe(false);
  });

  it.each([
    "import { Pool } from 'pg';",
    'const { Pool } = require("pg");',
    'const { S3Client } = await import(`@aws-sdk/client-s3`);',
    "import AWS = require('aws-sdk');",
    "const name = 'mysql2/promise';",
    "const s = '\\x70g';",
  ])('is true for %s', (text) => {
    expect(mayHaveCreationSites(program(text), CATALOGUE)).toBe(true);
  });

  it("reads the rule's additional resources", () => {
    const text = "import { Client } from '@acme/db';\n";
    expect(mayHaveCreationSites(program(text), CATALOGUE)).toBe(false);
    expect(mayHaveCreationSites(program(text), catalogueWith([{ module: '@acme/*', export: 'Client' }], 'pool'))).toBe(true);
  });

  it('is true without tokens (a bare parse): the analysis decides', () => {
    expect(mayHaveCreationSites(parseModule("const s = 'x';\n", 'a.ts'), CATALOGUE)).toBe(true);
  });
});
