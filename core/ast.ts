import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { CodeUnit, FunctionNode } from './types.js';

type Node = TSESTree.Node;

/**
 * Visits every node below `root`, depth first, setting `parent` where the parser left it unset (ESLint
 * sets it; typescript-estree's `parse` does not). Visitor keys come from typescript-eslint, so TS nodes
 * and JSX are walked too. A visitor that returns `false` skips the node's children.
 */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (!child || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === 'string') {
            if (!item.parent) (item as unknown as { parent: Node }).parent = node;
            stack.push(item);
          }
        }
      } else if (typeof (child as Node).type === 'string') {
        if (!(child as Node).parent) (child as unknown as { parent: Node }).parent = node;
        stack.push(child as Node);
      }
    }
  }
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

export function isClass(
  node: Node | null | undefined,
): node is TSESTree.ClassDeclaration | TSESTree.ClassExpression {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

/** Strips what does not change the value: `as`, `satisfies`, `!`, `<T>x`, `?.` chains. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The name of a non-computed (or string-literal computed) member property: `a.b`, `a['b']`. */
export function propertyName(
  member: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | undefined {
  const key = member.type === AST_NODE_TYPES.MemberExpression ? member.property : member.key;
  if (!member.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  if (!member.computed && key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return undefined;
}

/**
 * The code unit whose execution runs `node`: the nearest enclosing function, or the class when `node`
 * is in an instance field initialiser (`new` runs those). `undefined` at module scope, in static
 * initialisers and in decorators (they run once, when the class is defined).
 */
export function enclosingUnit(node: Node): CodeUnit | undefined {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) return current;
    if (
      (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
      child === current.value
    ) {
      if (current.static) return enclosingUnit(current.parent.parent);
      return current.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return enclosingUnit(current.parent.parent);
    if (current.type === AST_NODE_TYPES.Decorator) return enclosingUnit(current.parent);
  }
  return undefined;
}

/** Is `inner` inside `outer` (or the same node)? Ranges suffice: both come from one parse. */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Statements whose body runs repeatedly. */
export const LOOPS: ReadonlySet<string> = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** Array methods whose callback runs once per element. */
const ITERATION_METHODS = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
]);

/** When `fn` is the callback of `xs.map(fn)` and the like, the call; else undefined. */
export function iterationCall(fn: Node): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) {
    return undefined;
  }
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(callee);
  return name && ITERATION_METHODS.has(name) ? call : undefined;
}

/**
 * Does `node` run repeatedly within one run of `root`: inside a loop's body or test, or inside a callback
 * that runs per element (`records.map(...)`, `forEach`)?
 */
export function isRepeatedWithin(node: Node, root: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current && current !== root; child = current, current = current.parent) {
    if (LOOPS.has(current.type)) {
      const loop = current as TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement;
      // The iterable of `for…of` and the init of `for` run once.
      if (child !== (loop as TSESTree.ForOfStatement).right && child !== (loop as TSESTree.ForStatement).init) {
        return true;
      }
    }
    if (isFunction(current) && iterationCall(current)) return true;
  }
  return false;
}

/** A short rendering of an identifier or member chain, for messages: `AWS.DynamoDB.DocumentClient`. */
export function describe(node: Node): string {
  const bare = unwrap(node);
  switch (bare.type) {
    case AST_NODE_TYPES.Identifier:
      return bare.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Super:
      return 'super';
    case AST_NODE_TYPES.MemberExpression:
      return `${describe(bare.object)}.${propertyName(bare) ?? '[…]'}`;
    case AST_NODE_TYPES.CallExpression:
      return `${describe(bare.callee)}(…)`;
    case AST_NODE_TYPES.AwaitExpression:
      return `await ${describe(bare.argument)}`;
    case AST_NODE_TYPES.NewExpression:
      return `new ${describe(bare.callee)}(…)`;
    default:
      return '…';
  }
}

/** Is this identifier read as a value (not a property name, key or label)? */
export function isRead(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === identifier || parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.value === identifier || parent.computed;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
      return parent.value === identifier || parent.computed;
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return false;
    default:
      return true;
  }
}

/** The class whose `this` a node sees: arrow functions see through, other functions stop at methods. */
export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isClass(current)) return current;
    if (
      (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** What a function returns: its expression body, or the argument of each `return` outside nested functions. */
export function returnedExpressions(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  walk(fn.body, (node) => {
    if (node !== fn.body && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push(node.argument);
    return true;
  });
  return found;
}
