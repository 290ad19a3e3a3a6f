import type { TSESTree } from '@typescript-eslint/types';
import { parse } from '@typescript-eslint/typescript-estree';
import ts from 'typescript';

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

/**
 * Throws, as `parseModule` does, when the text has a syntax error for TypeScript's parser, which is what
 * typescript-estree runs first. It stops there: the conversion to ESTree is most of `parseModule`'s time
 * (about seven times the parse itself) and adds only a few grammar checks on modifiers and declarations
 * that TypeScript leaves to its checker. For a check that is run often (a quick fix's result, on every lint).
 */
export function checkSyntax(text: string, file: string): void {
  const source = ts.createSourceFile(
    file,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(file),
  );
  // typescript-estree reads the same list (`parseDiagnostics` is not in TypeScript's public types).
  const [diagnostic] = (source as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics;
  if (!diagnostic) return;
  const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start);
  throw Object.assign(new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')), {
    lineNumber: line + 1,
    column: character,
  });
}

/** The script kind typescript-estree gives the file (`parseModule`'s `jsx` is only read for other extensions, where it is off). */
function scriptKindOf(file: string): ts.ScriptKind {
  const extension = /\.[^./\\]*$/.exec(file)?.[0].toLowerCase();
  switch (extension) {
    case '.js':
    case '.cjs':
    case '.mjs':
      return ts.ScriptKind.JS;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.json':
      return ts.ScriptKind.JSON;
    default:
      return ts.ScriptKind.TS;
  }
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
