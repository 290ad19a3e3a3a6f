import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { walk } from '../ast.js';
import type { Scopes } from '../scope.js';
import type { RemovableStatement } from './resource-uses.js';
import { indentAt, lineEnd, lineStart, statementRemoval } from './text.js';
import type { TextEdit } from './text.js';

/**
 * Edits that drop the teardown of a resource about to outlive the invocation. A `finally` left empty
 * goes; a `try` left with neither `catch` nor `finally` is unwrapped into the enclosing block, or kept
 * as a bare block where its declarations would clash with the enclosing block's.
 */
export function teardownEdits(text: string, statements: readonly RemovableStatement[], scopes: Scopes): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const statement of statements) {
    const finalizer = statement.parent;
    const tryStatement = finalizer?.parent;
    if (
      finalizer?.type === AST_NODE_TYPES.BlockStatement &&
      tryStatement?.type === AST_NODE_TYPES.TryStatement &&
      tryStatement.finalizer === finalizer &&
      finalizer.body.every((other) => statements.includes(other as RemovableStatement))
    ) {
      edits.push(...emptyFinallyRemoval(text, tryStatement, scopes));
    } else {
      edits.push(statementRemoval(text, statement));
    }
  }
  return edits;
}

/**
 * `try { A } catch (e) { B } finally { teardown }` → `try { A } catch (e) { B }`;
 * `try { A } finally { teardown }` → `A`, one level less indented; or `{ A }` where unwrapping could
 * change what a name means (A declares a name the enclosing code also uses), where the `try` is not a
 * statement of a block, or where its layout is not one statement per line (nothing may be lost).
 */
function emptyFinallyRemoval(text: string, statement: TSESTree.TryStatement, scopes: Scopes): TextEdit[] {
  const finalizer = statement.finalizer!;
  if (statement.handler) return [{ start: statement.handler.range[1], end: finalizer.range[1], text: '' }];
  const block = statement.block;
  const body = block.body;
  if (body.length === 0) return [statementRemoval(text, statement)];
  if (!canUnwrap(text, statement, scopes)) {
    return [
      { start: statement.range[0], end: block.range[0], text: '' },
      { start: block.range[1], end: finalizer.range[1], text: '' },
    ];
  }
  const outer = indentAt(text, statement.range[0]);
  const inner = indentAt(text, body[0]!.range[0]);
  const unit = inner.length - outer.length;
  const edits: TextEdit[] = [];
  // The `try {` line, and everything from the end of the block's last line through `} finally { … }`.
  const firstLine = lineEnd(text, block.range[0]) + 1;
  edits.push({ start: lineStart(text, statement.range[0]), end: firstLine, text: '' });
  const lastLineEnd = lineEnd(text, body.at(-1)!.range[1]);
  edits.push({ start: lastLineEnd, end: lineEnd(text, statement.range[1]), text: '' });
  // Dedent every line of the block's body, except lines inside template literals (their text).
  const templates: Array<[number, number]> = [];
  walk(block, (node) => {
    if (node.type === AST_NODE_TYPES.TemplateLiteral) templates.push(node.range);
    return true;
  });
  const inTemplate = (position: number) => templates.some(([start, end]) => start < position && position < end);
  for (let position = firstLine; position < lastLineEnd; ) {
    const indent = /^[ \t]*/.exec(text.slice(position))![0];
    const remove = Math.min(unit, indent.length);
    const blank = /^[\r\n]/.test(text.slice(position + indent.length));
    if (remove > 0 && !blank && !inTemplate(position)) edits.push({ start: position, end: position + remove, text: '' });
    const next = text.indexOf('\n', position);
    if (next === -1) break;
    position = next + 1;
  }
  return edits;
}

/**
 * May the block's statements take the place of the whole `try`: it is a statement of a block, `try {`
 * and `} finally { … }` stand on lines of their own, and no name the block declares is also used
 * around it (unwrapped, `const table` would shadow the module's `table` in the whole function).
 */
function canUnwrap(text: string, statement: TSESTree.TryStatement, scopes: Scopes): boolean {
  const parent = statement.parent;
  if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.Program) return false;
  const block = statement.block;
  const onlySpace = (from: number, to: number) => text.slice(from, to).trim() === '';
  const lastEnd = block.body.at(-1)!.range[1];
  if (
    !onlySpace(lineStart(text, statement.range[0]), statement.range[0]) ||
    !onlySpace(block.range[0] + 1, lineEnd(text, block.range[0])) ||
    !onlySpace(lineEnd(text, lastEnd), block.range[1] - 1) ||
    !onlySpace(lastEnd, lineEnd(text, lastEnd)) ||
    !onlySpace(statement.range[1], lineEnd(text, statement.range[1]))
  ) {
    return false;
  }
  return !declarationsWouldClash(statement, scopes);
}

/** Would one of the try block's own `const`/`let`/`class`/`function` names mean something else once it is unwrapped? */
function declarationsWouldClash(statement: TSESTree.TryStatement, scopes: Scopes): boolean {
  const inner = scopes.manager.acquire(statement.block);
  const outer = scopes.scopeOf(statement);
  if (!inner || !outer) return false;
  const names = new Set(inner.set.keys());
  if (names.size === 0) return false;
  for (const name of names) {
    if (outer.set.has(name)) return true;
  }
  // Any other use of the name in the enclosing scope's code would see the unwrapped declaration.
  let used = false;
  walk(outer.block, (node) => {
    if (used || node === statement) return false;
    if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name) && isReference(node)) used = true;
    return !used;
  });
  return used;
}

/** Not a property name or key: `a.table`, `{ table: 1 }` do not use the name `table`. */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.object === identifier || parent.computed;
  if (parent?.type === AST_NODE_TYPES.Property) return parent.value === identifier || parent.computed;
  return true;
}
