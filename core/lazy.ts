import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { contains, describe, isFunction, propertyName, unwrap, walk } from './ast.js';
import type { Scopes } from './scope.js';
import type { CodeUnit } from './types.js';

type Node = TSESTree.Node;

/**
 * Is the creation at `site` cached somewhere that outlives the invocation, so that it runs once?
 * Recognised, with the cache outside `invocation` (the code unit that runs per invocation):
 * `x ??= create()`, `x ||= create()`, `x || (x = create())`, `x ?? (x = create())`, `x = create()`
 * guarded by a test of `x` (`if (!x)`, `if (x) return x;`, a conditional), an `if` whose test reads
 * something its body assigns (`if (!ready) { client = ...; ready = true; }`), and `cache.set(key, create())`.
 * The creation may be wrapped (`await`, `.catch()`, an async IIFE, a local variable assigned later).
 */
export function isLazilyCreated(site: Node, invocation: CodeUnit, scopes: Scopes): boolean {
  const outside = (target: Node) => isOutside(target, invocation, scopes);
  let child: Node = site;
  for (let current = site.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.AssignmentExpression:
        if (current.right !== child) break;
        if ((current.operator === '??=' || current.operator === '||=') && outside(current.left)) return true;
        if (current.operator === '=' && outside(current.left) && isGuarded(current, describe(current.left))) return true;
        break;
      case AST_NODE_TYPES.IfStatement:
        if (child !== current.test && guardsItsBody(current, outside)) return true;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (isCacheSet(current, child, outside)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
        if (isFunction(current.parent) && followsEarlyReturn(current, child, outside)) return true;
        break;
    }
    if (isFunction(current)) {
      // Only an immediately invoked function keeps us in the same expression: `(async () => {...})()`.
      const call = current.parent;
      const invoked = call?.type === AST_NODE_TYPES.CallExpression && unwrap(call.callee) === current;
      if (!invoked || current === invocation) return false;
    }
    if (current === invocation) return false;
  }
  return false;
}

/** Is the assignment target a cache that outlives the invocation: `this.x`, or a variable declared outside? */
function isOutside(target: Node, invocation: CodeUnit, scopes: Scopes): boolean {
  let root = unwrap(target);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = scopes.resolve(root);
  const declaration = variable?.defs[0]?.name;
  return declaration !== undefined && !contains(invocation, declaration);
}

/**
 * Is the assignment `x = ...` guarded by a test of `x`: an enclosing `if` or conditional whose test
 * reads `x`, or an earlier `if (x) return x;` in the same function?
 */
function isGuarded(assignment: TSESTree.AssignmentExpression, target: string): boolean {
  let child: Node = assignment;
  for (let current: Node | undefined = assignment.parent; current; child = current, current = current.parent) {
    if (
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== current.test &&
      mentions(current.test, target)
    ) {
      return true;
    }
    if (
      current.type === AST_NODE_TYPES.LogicalExpression &&
      child === current.right &&
      (current.operator === '||' || current.operator === '??') &&
      mentions(current.left, target)
    ) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.BlockStatement && isFunction(current.parent)) {
      return current.body.some(
        (statement) => statement.range[1] <= assignment.range[0] && isEarlyReturnGuard(statement, target),
      );
    }
    if (isFunction(current)) return false;
  }
  return false;
}

/**
 * A memo function's slow path: an earlier `if (ready) return ...;` (or `if (pool) return pool;`) tests
 * something the function itself sets and that outlives the invocation, so what follows runs once:
 * `if (isConnected) return; await mongoose.connect(uri); isConnected = true;`.
 */
function followsEarlyReturn(body: TSESTree.BlockStatement, statement: Node, outside: (target: Node) => boolean): boolean {
  const assigned = cachesAssignedIn(body, outside, { viaSet: false });
  if (assigned.size === 0) return false;
  const index = body.body.indexOf(statement as TSESTree.Statement);
  return body.body
    .slice(0, Math.max(0, index))
    .some((earlier) => [...assigned].some((target) => isEarlyReturnGuard(earlier, target)));
}

/** `if (x) return x;`, `if (x !== undefined) { return x; }` */
function isEarlyReturnGuard(statement: Node, target: string): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || !mentions(statement.test, target)) return false;
  const body = statement.consequent;
  const first = body.type === AST_NODE_TYPES.BlockStatement ? body.body[0] : body;
  return first?.type === AST_NODE_TYPES.ReturnStatement;
}

/** `if (!ready) { client = new X(); ready = true; }`: the test reads something the body assigns. */
function guardsItsBody(statement: TSESTree.IfStatement, outside: (target: Node) => boolean): boolean {
  for (const target of cachesAssignedIn(statement.consequent, outside, { viaSet: true })) {
    if (mentions(statement.test, target)) return true;
  }
  return false;
}

/**
 * The caches (outside the invocation) that code assigns, by their rendering: `client = ...`,
 * `this.client = ...`, and with `viaSet` also `cache.set(...)`. Nested functions are not this code.
 */
function cachesAssignedIn(root: Node, outside: (target: Node) => boolean, { viaSet }: { viaSet: boolean }): Set<string> {
  const assigned = new Set<string>();
  walk(root, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && outside(node.left)) assigned.add(describe(node.left));
    if (
      viaSet &&
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(node.callee) === 'set' &&
      outside(node.callee.object)
    ) {
      assigned.add(describe(node.callee.object));
    }
    return true;
  });
  return assigned;
}

/** `cache.set(key, new X())` on a Map that outlives the invocation. */
function isCacheSet(call: TSESTree.CallExpression, child: Node, outside: (target: Node) => boolean): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(callee) === 'set' &&
    call.arguments[1] === child &&
    outside(callee.object)
  );
}

/** Does `expression` read `target` (an identifier or member chain, by its rendering)? */
function mentions(expression: Node, target: string): boolean {
  let found = false;
  walk(expression, (node) => {
    if (found) return false;
    if (
      (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) &&
      describe(node) === target
    ) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}
