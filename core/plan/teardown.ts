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
 * `try { A } finally { teardown }` → `A`, one level less indented (`{ A }` if A's names would clash).
 */
function emptyFinallyRemoval(text: string, statement: TSESTree.TryStatement, scopes: Scopes): TextEdit[] {
  const finalizer = statement.finalizer!;
  if (statement.handler) return [{ start: statement.handler.range[1], end: finalizer.range[1], text: '' }];
  const block = statement.block;
  const body = block.body;
  if (body.length === 0) return [statementRemoval(text, statement)];
  if (declarationsWouldClash(statement, scopes)) {
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
  edits.push({ start: lineStart(text, statement.range[0]), end: lineEnd(text, block.range[0]) + 1, text: '' });
  const lastLineEnd = lineEnd(text, body.at(-1)!.range[1]);
  edits.push({ start: lastLineEnd, end: lineEnd(text, statement.range[1]), text: '' });
  // Dedent every line of the block's body, except lines inside template literals (their text).
  const templates: Array<[number, number]> = [];
  walk(block, (node) => {
    if (node.type === AST_NODE_TYPES.TemplateLiteral) templates.push(node.range);
    return true;
  });
  const inTemplate = (position: number) => templates.some(([start, end]) => start < position && position < end);
  for (let position = lineStart(text, body[0]!.range[0]); position < lastLineEnd; ) {
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

/** Would the try block's own `const`/`let`/`class`/`function` names collide once it is unwrapped? */
function declarationsWouldClash(statement: TSESTree.TryStatement, scopes: Scopes): boolean {
  const inner = scopes.manager.acquire(statement.block);
  const outer = scopes.scopeOf(statement);
  if (!inner || !outer) return false;
  for (const name of inner.set.keys()) {
    if (outer.set.has(name)) return true;
  }
  return false;
}
