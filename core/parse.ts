import type { TSESTree } from '@typescript-eslint/types';
import { parse } from '@typescript-eslint/typescript-estree';

/**
 * Parses a module as the rules see it (typescript-estree, ranges, lines and comments), with JSX where
 * the extension allows it without clashing with `<T>x` casts.
 */
export function parseSource(text: string, file: string): TSESTree.Program {
  return parse(text, {
    range: true,
    loc: true,
    comment: true,
    jsx: /\.(tsx|jsx|js|mjs|cjs)$/.test(file),
    filePath: file,
  });
}
