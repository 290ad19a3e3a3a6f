import type { TSESTree } from '@typescript-eslint/types';
import { parse } from '@typescript-eslint/typescript-estree';

/**
 * Parses a module as the rules do (typescript-estree, with ranges, locations and comments), so that the
 * plan's ranges are the rules' ranges: JSX in `.tsx` and in JavaScript files, where it cannot clash
 * with `<T>x` casts.
 */
export function parseModule(text: string, file: string): TSESTree.Program {
  return parse(text, {
    range: true,
    loc: true,
    comment: true,
    jsx: /\.(tsx|jsx|js|mjs|cjs)$/.test(file),
    filePath: file,
  });
}

/** `.mjs`/`.mts` are modules, `.cjs`/`.cts` scripts; otherwise, whatever the syntax says. */
export function sourceTypeOf(program: TSESTree.Program, file: string): 'module' | 'script' {
  if (/\.m[jt]s$/.test(file)) return 'module';
  if (/\.c[jt]s$/.test(file)) return 'script';
  const isModuleSyntax = program.body.some((statement) =>
    ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration'].includes(statement.type),
  );
  return isModuleSyntax ? 'module' : 'script';
}

/** A parse error as a user reads it: `line 2, column 13: Expression expected.` */
export function describeParseError(error: unknown): string {
  const parseError = error as { lineNumber?: number; column?: number; message?: string };
  const where = parseError.lineNumber !== undefined ? `line ${parseError.lineNumber}, column ${(parseError.column ?? 0) + 1}: ` : '';
  return `${where}${parseError.message ?? String(error)}`;
}
