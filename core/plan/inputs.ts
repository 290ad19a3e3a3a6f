import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, isFunction, propertyName, unwrap, walk } from '../ast.js';
import { isRead } from '../dependence.js';
import type { ImportResolver } from '../imports.js';
import { unitName } from '../module-index.js';
import { isModuleLevel } from '../scope.js';
import type { CodeUnit, PerInvocationSite } from '../types.js';
import type { PlanContext } from './context.js';
import type { LeaveReason } from './plan-hoist.js';
import { statementOf } from './resource-uses.js';
import { isStable } from './stability.js';

type Node = TSESTree.Node;
type Reason = { reason: LeaveReason; detail: string };

/** Methods that change the object they are called on. */
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'set', 'delete', 'clear', 'add', 'fill', 'sort', 'reverse', 'copyWithin']);
/** `Object.assign(target, ...)` and the like change their first argument. */
const OBJECT_MUTATORS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf']);

/**
 * How the invocation builds a local input after declaring it (`config.endpoint = '...'`, `region =
 * process.env.X`): `undefined` when nothing writes to it, the statements that move into the
 * initialiser with it when they all sit between its declaration and the construction and compute
 * only stable values, and a reason to leave the site otherwise.
 */
export function preludeOf(
  ctx: PlanContext,
  imports: ImportResolver,
  variable: Variable,
  site: PerInvocationSite,
): TSESTree.Statement[] | Reason | undefined {
  const changes = variable.references.filter(
    (reference) => !reference.init && !contains(site.node, reference.identifier) && (reference.isWrite() || isMutation(reference.identifier)),
  );
  const first = changes[0];
  if (!first) return undefined;
  const fail: Reason = {
    reason: 'input-written',
    detail: `\`${variable.name}\` is changed before the construction (\`${abbreviate(ctx.text, statementOf(first.identifier) ?? first.identifier)}\`)`,
  };
  const def = variable.defs[0];
  const declaration = def?.type === 'Variable' ? def.node.parent : undefined;
  const construction = statementOf(site.node);
  if (!declaration || declaration.declarations.length !== 1 || !construction || construction.parent !== declaration.parent) return fail;
  const statements: TSESTree.Statement[] = [declaration];
  for (const reference of variable.references) {
    if (reference.init || contains(site.node, reference.identifier)) continue;
    const statement = statementOf(reference.identifier);
    // Everything it does with the input happens between its declaration and the construction.
    if (!statement || statement.parent !== declaration.parent) return fail;
    if (statement.range[0] < declaration.range[1] || statement.range[0] >= construction.range[0]) return fail;
    if (!statements.includes(statement as TSESTree.Statement)) statements.push(statement as TSESTree.Statement);
  }
  for (const statement of statements) {
    if (!isStable(statement, ctx.scopes, imports, variable) || transfersControl(statement)) return fail;
  }
  return statements;
}

/**
 * A module-level input the invocation changes (`settings.region = event.region` in the handler), or
 * the environment written in a function (`process.env.AWS_REGION = ...`, `AWS.config.update(...)`)
 * with values computed there: the first invocation's inputs would serve every later one.
 */
export function moduleInputWrite(ctx: PlanContext, imports: ImportResolver, site: PerInvocationSite): Reason | undefined {
  let found: Reason | undefined;
  walk(site.node, (child) => {
    if (found) return false;
    if (child.type !== AST_NODE_TYPES.Identifier || !isRead(child)) return true;
    const variable = ctx.scopes.resolve(child);
    if (!variable || !isModuleLevel(variable) || variable.defs[0]?.type !== 'Variable') return false;
    // Only writes the module can see count here: a module-level value handed to a call is most often read.
    const write = variable.references.find(
      (reference) =>
        !reference.init && enclosingFunction(reference.identifier) && (reference.isWrite() || isMutation(reference.identifier, false)),
    );
    if (write) {
      found = { reason: 'input-written', detail: `\`${variable.name}\` is changed in \`${functionName(enclosingFunction(write.identifier)!)}\`` };
    }
    return false;
  });
  if (found) return found;
  const environment = environmentWrites(ctx, imports);
  const write = environment.processEnv ?? (site.module.startsWith('aws-sdk') ? environment.awsConfig : undefined);
  return write ? { reason: 'input-written', detail: `\`${write}\` is written with values computed in a function` } : undefined;
}

interface EnvironmentWrites {
  processEnv: string | undefined;
  awsConfig: string | undefined;
}

const environmentCache = new WeakMap<TSESTree.Program, EnvironmentWrites>();

/** The first write of `process.env` and of the AWS SDK v2's global `AWS.config` in a function, with unstable values. */
function environmentWrites(ctx: PlanContext, imports: ImportResolver): EnvironmentWrites {
  let writes = environmentCache.get(ctx.program);
  if (writes) return writes;
  const found: EnvironmentWrites = { processEnv: undefined, awsConfig: undefined };
  const stable = (nodes: readonly Node[]) => nodes.every((node) => isStable(node, ctx.scopes, imports));
  const inspect = (node: Node): boolean => {
    let target: Node | undefined;
    let values: Node[] = [];
    if (node.type === AST_NODE_TYPES.AssignmentExpression) [target, values] = [node.left, [node.right]];
    else if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete') target = node.argument;
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = describe(node.callee);
      if (OBJECT_MUTATORS.has(callee) && node.arguments[0]) [target, values] = [node.arguments[0], node.arguments.slice(1)];
      else if (isAwsConfig(node.callee, imports)) [target, values] = [node.callee, node.arguments];
    }
    // What is written before how: most writes are to neither, and `isStable` is the costly question.
    if (!target) return true;
    if (isProcessEnv(target, ctx)) {
      if (!found.processEnv && !stable(values)) found.processEnv = describe(target);
    } else if (isAwsConfig(target, imports)) {
      if (!found.awsConfig && !stable(values)) found.awsConfig = describe(target);
    }
    return true;
  };
  // Only writes inside functions count: down to the outermost functions, then all of each, in source order
  // (asking every node for its enclosing function walked up to the root once per node).
  walk(ctx.program, (node) => {
    if (!isFunction(node)) return true;
    walk(node, (inner) => inner === node || inspect(inner));
    return false;
  });
  writes = found;
  environmentCache.set(ctx.program, writes);
  return writes;
}

/** `process.env`, `process.env.X`, `process.env[key]`, with `process` the global. */
function isProcessEnv(node: Node, ctx: PlanContext): boolean {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(current.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && propertyName(current) === 'env') {
      return !ctx.scopes.resolve(object)?.defs.length;
    }
    current = object;
  }
  return false;
}

/** `AWS.config`, `AWS.config.region`, `AWS.config.update`, with `AWS` the `aws-sdk` module. */
function isAwsConfig(node: Node, imports: ImportResolver): boolean {
  const ref = imports.resolve(node);
  return ref?.module === 'aws-sdk' && ref.path[0] === 'config';
}

/**
 * Does this read of a variable change the object it holds: `config.x = 1`, `delete config.x`,
 * `config.list.push(x)`, `Object.assign(config, ...)`, or (with `handedOn`) hand it to a call that might?
 */
function isMutation(identifier: Node, handedOn = true): boolean {
  let current: Node = identifier;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) current = current.parent;
  const parent = current.parent;
  if (current !== identifier) {
    const member = current as TSESTree.MemberExpression;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current) return true;
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === current) return MUTATORS.has(propertyName(member) ?? '');
    return false;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Expression)) {
    // Any function may change what it is given, except a few that only read it.
    const callee = describe(parent.callee);
    if (OBJECT_MUTATORS.has(callee)) return parent.arguments[0] === identifier;
    return handedOn && !/^console\.|^JSON\.stringify$/.test(callee);
  }
  return false;
}

/** `return`, `break`, `continue`, `throw` outside nested functions: the statement cannot move into another function. */
function transfersControl(statement: Node): boolean {
  let found = false;
  walk(statement, (node) => {
    if (found || (node !== statement && isFunction(node))) return false;
    if (
      node.type === AST_NODE_TYPES.ReturnStatement ||
      node.type === AST_NODE_TYPES.BreakStatement ||
      node.type === AST_NODE_TYPES.ContinueStatement ||
      node.type === AST_NODE_TYPES.ThrowStatement
    ) {
      found = true;
    }
    return !found;
  });
  return found;
}

function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

function functionName(fn: TSESTree.FunctionLike): string {
  return unitName(fn as CodeUnit);
}

function abbreviate(text: string, node: Node): string {
  const source = text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return source.length <= 50 ? source : `${source.slice(0, 47)}…`;
}
