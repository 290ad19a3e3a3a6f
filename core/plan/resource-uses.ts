import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, isFunction, propertyName, unwrap, walk } from '../ast.js';
import type { Scopes } from '../scope.js';
import type { ResourceEntry } from '../types.js';

type Node = TSESTree.Node;

/** Methods that register a handler on the resource: per invocation, they would pile up on a singleton. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** A statement that only closes or connects the resource, which the plan removes. */
export type RemovableStatement = TSESTree.ExpressionStatement | TSESTree.IfStatement;

export interface ResourceUses {
  /** `await pool.end();` and the like: removed when the resource becomes a singleton. */
  teardown: RemovableStatement[];
  /** `await client.connect();`: moved into the singleton's initialisation. */
  connect: TSESTree.ExpressionStatement | undefined;
  /** Why the resource cannot become a singleton safely, if it cannot. */
  problem: { kind: 'teardown' | 'per-invocation-setup'; detail: string } | undefined;
}

/**
 * How the invocation uses a resource it created, through the variable bound to it (or a value derived
 * from it, like mysql2's `createPool(...).promise()`): which teardown and connect calls the plan
 * must remove or move, and whether some use makes a singleton unsafe (a teardown used as a value,
 * a teardown in a helper, a listener registered per invocation, a connect with a callback).
 */
export function resourceUses(
  variable: Variable,
  entry: ResourceEntry,
  scopes: Scopes,
  holder: Node,
): ResourceUses {
  const uses: ResourceUses = { teardown: [], connect: undefined, problem: undefined };
  const problem = (kind: 'teardown' | 'per-invocation-setup', detail: string) => {
    uses.problem ??= { kind, detail };
  };
  const teardown = new Set(entry.teardown ?? []);
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    if (contains(holder, identifier) || reference.init) continue;
    if (reference.isWrite()) {
      if (!isBindingWrite(identifier, holder)) problem('per-invocation-setup', `\`${variable.name}\` is reassigned`);
      continue;
    }
    const call = methodCall(identifier);
    if (call) {
      const { method, node } = call;
      if (teardown.has(method)) {
        const statement = removableStatement(node);
        if (statement) uses.teardown.push(statement);
        else problem('teardown', `\`${variable.name}.${method}()\` is used as a value`);
      } else if (method === entry.connect) {
        const statement = awaitedStatement(node);
        if (!statement || node.arguments.length > 0) {
          problem('per-invocation-setup', `\`${variable.name}.${method}()\` is not a plain \`await\` statement`);
        } else if (isUnconditional(statement, holder) && !uses.connect) {
          uses.connect = statement;
        }
        // A connect behind a condition (`if (!client.isOpen)`) is the user's own guard: it stays.
      } else if (LISTENER_METHODS.has(method)) {
        problem('per-invocation-setup', `\`${variable.name}.${method}()\` registers a listener on every invocation`);
      }
      continue;
    }
    const closer = closingHelper(identifier, teardown, scopes);
    if (closer) problem('teardown', `\`${closer}\` closes it`);
  }
  return uses;
}

/** `v.method(...)` or `v?.method(...)`, with `v` the identifier. */
function methodCall(identifier: Node): { method: string; node: TSESTree.CallExpression } | undefined {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return undefined;
  const call = member.parent;
  const method = propertyName(member);
  if (method === undefined || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  return { method, node: call };
}

/** `client = await MongoClient.connect(uri)`: the write that binds the resource itself. */
function isBindingWrite(identifier: Node, holder: Node): boolean {
  const assignment = identifier.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.right === holder;
}

/** The statement the call is, possibly awaited, voided or optional: `await pool.end();`. */
function expressionStatementOf(call: Node): TSESTree.ExpressionStatement | undefined {
  let current: Node = call;
  while (
    current.parent &&
    ((current.parent.type === AST_NODE_TYPES.AwaitExpression && current.parent.argument === current) ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void') ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
}

/**
 * The statement to remove for a teardown call: the call's statement in a block, or a braceless
 * `if (cond) pool.end();` whose test has no side effects.
 */
export function removableStatement(call: Node): RemovableStatement | undefined {
  const statement = expressionStatementOf(call);
  const parent = statement?.parent;
  if (!statement || !parent) return undefined;
  if (
    parent.type === AST_NODE_TYPES.BlockStatement ||
    parent.type === AST_NODE_TYPES.Program ||
    parent.type === AST_NODE_TYPES.SwitchCase
  ) {
    return statement;
  }
  if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === statement && !parent.alternate && isPure(parent.test)) {
    return parent.parent?.type === AST_NODE_TYPES.BlockStatement ? parent : undefined;
  }
  return undefined;
}

/** `await client.connect();` as a statement of a block. */
function awaitedStatement(call: Node): TSESTree.ExpressionStatement | undefined {
  const statement = expressionStatementOf(call);
  const expression = statement && unwrap(statement.expression);
  return expression?.type === AST_NODE_TYPES.AwaitExpression && statement?.parent?.type === AST_NODE_TYPES.BlockStatement
    ? statement
    : undefined;
}

/** Does the statement run whenever the creation does: only blocks and `try` between them? */
function isUnconditional(statement: Node, holder: Node): boolean {
  for (let current = statement.parent; current; current = current.parent) {
    if (contains(current, holder)) return true;
    const isBlock = current.type === AST_NODE_TYPES.BlockStatement;
    const isTryBlock = current.type === AST_NODE_TYPES.TryStatement;
    if (!isBlock && !isTryBlock) return false;
  }
  return false;
}

function isPure(expression: Node): boolean {
  let pure = true;
  walk(expression, (node) => {
    if (
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.AssignmentExpression ||
      node.type === AST_NODE_TYPES.UpdateExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression ||
      node.type === AST_NODE_TYPES.YieldExpression
    ) {
      pure = false;
    }
    return pure;
  });
  return pure;
}

/** `drain(pool)` where the local function `drain` calls a teardown method on that parameter. */
function closingHelper(identifier: Node, teardown: ReadonlySet<string>, scopes: Scopes): string | undefined {
  const call = identifier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(identifier as TSESTree.Expression)) {
    return undefined;
  }
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = scopes.resolve(callee)?.defs[0];
  const fn = def?.type === 'FunctionName' ? def.node : def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
  if (!isFunction(fn)) return undefined;
  const parameter = fn.params[call.arguments.indexOf(identifier as TSESTree.Expression)];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = scopes.resolve(parameter);
  const closes = variable?.references.some((reference) => {
    const used = methodCall(reference.identifier as Node);
    return used !== undefined && teardown.has(used.method);
  });
  return closes ? `${callee.name}(${(identifier as TSESTree.Identifier).name})` : undefined;
}
