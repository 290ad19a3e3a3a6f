import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, propertyName, unwrap, walk } from '../ast.js';
import type { CodeUnit } from '../types.js';
import { indentAt, lineEnd, lineStart, statementRemoval } from './text.js';
import type { TextEdit } from './text.js';

type Node = TSESTree.Node;

/**
 * Edits that drop the teardown of a resource that is about to outlive the invocation:
 * `await pool.end();`, `client.destroy();`, `void redis.quit();`, also in `finally`. A `finally` left
 * empty goes, and a `try` left with neither `catch` nor `finally` is unwrapped into its block.
 * A teardown used as a value (`return pool.end()`) cannot simply go: that is a problem to report.
 */
export function teardownEdits(
  text: string,
  resource: Variable,
  methods: readonly string[],
  within?: CodeUnit,
): { edits: TextEdit[] } | { problem: string } {
  const statements: TSESTree.ExpressionStatement[] = [];
  for (const reference of resource.references) {
    const identifier = reference.identifier as Node;
    if (within && !contains(within, identifier)) continue;
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    const method = propertyName(member);
    const call = member.parent;
    if (!method || !methods.includes(method) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) {
      continue;
    }
    const statement = statementOf(call);
    if (!statement) return { problem: `\`${resource.name}.${method}()\` is used as a value` };
    statements.push(statement);
  }
  const edits: TextEdit[] = [];
  for (const statement of statements) {
    const finalizer = statement.parent;
    const tryStatement = finalizer?.parent;
    if (
      finalizer?.type === AST_NODE_TYPES.BlockStatement &&
      tryStatement?.type === AST_NODE_TYPES.TryStatement &&
      tryStatement.finalizer === finalizer &&
      finalizer.body.every((other) => statements.includes(other as TSESTree.ExpressionStatement))
    ) {
      edits.push(...emptyFinallyRemoval(text, tryStatement));
    } else {
      edits.push(statementRemoval(text, statement));
    }
  }
  return { edits };
}

/** The statement whose whole expression is the call, possibly awaited or voided. */
function statementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  let current: Node = call;
  while (
    current.parent &&
    ((current.parent.type === AST_NODE_TYPES.AwaitExpression && current.parent.argument === current) ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void') ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement && unwrap(current.parent.expression) === unwrap(current)
    ? current.parent
    : undefined;
}

/**
 * `try { A } catch (e) { B } finally { teardown }` → `try { A } catch (e) { B }`;
 * `try { A } finally { teardown }` → `A`, one level less indented.
 */
function emptyFinallyRemoval(text: string, statement: TSESTree.TryStatement): TextEdit[] {
  const finalizer = statement.finalizer!;
  if (statement.handler) {
    return [{ start: statement.handler.range[1], end: finalizer.range[1], text: '' }];
  }
  const block = statement.block;
  const body = block.body;
  if (body.length === 0) return [statementRemovalOf(text, statement)];
  const outer = indentAt(text, statement.range[0]);
  const inner = indentAt(text, body[0]!.range[0]);
  const unit = inner.length - outer.length;
  const edits: TextEdit[] = [];
  // `try {` line, and from the end of the block's last line through `} finally { ... }`.
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
    if (remove > 0 && text[position + indent.length] !== '\n' && !inTemplate(position)) {
      edits.push({ start: position, end: position + remove, text: '' });
    }
    const next = text.indexOf('\n', position);
    if (next === -1) break;
    position = next + 1;
  }
  return edits;
}

function statementRemovalOf(text: string, statement: Node): TextEdit {
  return statementRemoval(text, statement);
}
