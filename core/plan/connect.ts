import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains } from '../ast.js';
import type { PlanContext } from './context.js';
import type { LeaveReason } from './plan-hoist.js';
import type { ResourceUses } from './resource-uses.js';
import { statementOf } from './resource-uses.js';
import { statementRemoval } from './text.js';
import type { TextEdit } from './text.js';

type Node = TSESTree.Node;

/** The edits that await the getter, once its name is chosen. */
export type GetterCall = (getter: string) => TextEdit[];

/**
 * Where a resource that connects after its creation awaits its getter: where the connect was, so that a
 * failure to connect happens where it did, inside the user's `try` (`catch { return { statusCode: 503 } }`
 * still answers 503), and after the statements that ran before it. The declaration moves there when
 * every later use is in the connect's block; otherwise the variable is declared where it was and
 * assigned there. `undefined`: the plain call at the site will do (a creation the plan cannot move
 * apart from its connect, in the same block).
 */
export function connectPlacement(
  ctx: PlanContext,
  holder: Node,
  binding: Variable,
  uses: ResourceUses,
  valueType: string,
): GetterCall | { reason: LeaveReason; detail: string } | undefined {
  const connect = uses.connect!;
  const creation = statementOf(holder);
  const text = (node: Node) => ctx.text.slice(node.range[0], node.range[1]);
  const semicolon = (statement: Node) => (text(statement).endsWith(';') ? ';' : '');
  const shape = creation && creationShape(creation, holder);
  if (!creation || !shape) {
    if (creation && connect.parent === creation.parent) return undefined;
    return { reason: 'control-flow', detail: `\`${binding.name}\` is connected apart from where it is created` };
  }
  const removed: Node[] = [creation, connect, ...uses.teardown, ...uses.setup];
  const later = binding.references.filter((reference) => !removed.some((node) => contains(node, reference.identifier)));
  const early = later.find((reference) => reference.identifier.range[0] < connect.range[0]);
  if (early) {
    return { reason: 'control-flow', detail: `\`${binding.name}\` is used before \`${binding.name}.connect()\`` };
  }
  const block = connect.parent;
  const awaited = (getter: string) => `await ${getter}()`;
  if (shape.kind === 'assignment' || later.every((reference) => contains(block, reference.identifier))) {
    const target = shape.kind === 'assignment' ? text(shape.target) : `${shape.declaration.kind} ${text(shape.declarator.id)}`;
    return (getter) => [
      statementRemoval(ctx.text, creation),
      { start: connect.range[0], end: connect.range[1], text: `${target} = ${awaited(getter)}${semicolon(connect)}` },
    ];
  }
  // Used after the connect's block too: declared where it was, assigned where the connect was.
  const { declaration, declarator } = shape;
  const id = declarator.id as TSESTree.Identifier;
  const annotation = id.typeAnnotation || !ctx.typescript ? '' : `: ${valueType}`;
  const kind = declaration.kind === 'var' ? 'var' : 'let';
  return (getter) => [
    { start: creation.range[0], end: creation.range[1], text: `${kind} ${text(id)}${annotation}${semicolon(creation)}` },
    { start: connect.range[0], end: connect.range[1], text: `${id.name} = ${awaited(getter)}${semicolon(connect)}` },
  ];
}

type Shape =
  | { kind: 'declaration'; declaration: TSESTree.VariableDeclaration; declarator: TSESTree.VariableDeclarator }
  | { kind: 'assignment'; target: TSESTree.Identifier };

/** `const client = <holder>;` alone in its declaration, or `client = <holder>;`. */
function creationShape(statement: Node, holder: Node): Shape | undefined {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const [declarator, ...more] = statement.declarations;
    if (!declarator || more.length > 0 || declarator.init !== holder || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (statement.kind !== 'const' && statement.kind !== 'let' && statement.kind !== 'var') return undefined;
    return { kind: 'declaration', declaration: statement, declarator };
  }
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const assignment = statement.expression;
    if (
      assignment.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.operator === '=' &&
      assignment.right === holder &&
      assignment.left.type === AST_NODE_TYPES.Identifier
    ) {
      return { kind: 'assignment', target: assignment.left };
    }
  }
  return undefined;
}
