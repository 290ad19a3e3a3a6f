import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, isFunction, unwrap, walk } from '../ast.js';
import type { ImportResolver } from '../imports.js';
import { isRead } from '../dependence.js';
import type { Scopes } from '../scope.js';
import { isModuleLevel, isReassigned } from '../scope.js';

type Node = TSESTree.Node;

// Values meant to differ from one call to the next: frozen into a singleton, the first one would serve
// every later invocation (`persistentLogAttributes: { invocationId: randomUUID() }`).
const VARYING_GLOBALS = new Set([
  'Date.now',
  'Date',
  'Math.random',
  'performance.now',
  'process.hrtime',
  'process.hrtime.bigint',
  'process.uptime',
  'process.cpuUsage',
  'process.memoryUsage',
  'crypto.randomUUID',
  'crypto.getRandomValues',
  'Symbol',
]);
/** Modules whose every function gives a fresh value (ids, random bytes, time). */
const VARYING_MODULES = new Set(['crypto', 'node:crypto', 'uuid', 'nanoid', 'ulid', 'cuid', '@paralleldrive/cuid2', 'ksuid', 'short-uuid']);
const VARYING_EXPORTS = new Set(['perf_hooks:performance.now', 'node:perf_hooks:performance.now']);

/**
 * The first call in `node` whose value varies per call (`randomUUID()`, `Date.now()`, `new Date()`),
 * outside functions (they run later, when called, as they would have): its text, or undefined.
 */
export function varyingCall(node: Node, scopes: Scopes, imports: ImportResolver): string | undefined {
  let found: string | undefined;
  walk(node, (child) => {
    if (found || isFunction(child)) return false;
    if (child.type !== AST_NODE_TYPES.CallExpression && child.type !== AST_NODE_TYPES.NewExpression) return true;
    const callee = unwrap(child.callee);
    // `new Date()` is now; `new Date(value)` is that value.
    if (child.type === AST_NODE_TYPES.NewExpression && !(describe(callee) === 'Date' && child.arguments.length === 0)) {
      return true;
    }
    if (isVarying(callee, scopes, imports)) found = `${child.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${describe(callee)}()`;
    return !found;
  });
  return found;
}

function isVarying(callee: Node, scopes: Scopes, imports: ImportResolver): boolean {
  const ref = imports.resolve(callee);
  if (ref) {
    return VARYING_MODULES.has(ref.module) || VARYING_EXPORTS.has(`${ref.module}:${ref.path.join('.')}`);
  }
  let root = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  // A global: nothing in the module declares the chain's root.
  if (root.type !== AST_NODE_TYPES.Identifier || scopes.resolve(root)?.defs.length) return false;
  return VARYING_GLOBALS.has(describe(callee));
}

/**
 * Does the expression compute the same value wherever and whenever it runs: it reads only literals,
 * globals and module-level bindings that nothing reassigns (besides `allowed`, the resource itself in a
 * set-up call), awaits nothing, and calls nothing whose value varies per call? Names declared inside it
 * (a listener's parameters) are its own.
 */
export function isStable(node: Node, scopes: Scopes, imports: ImportResolver, allowed?: Variable): boolean {
  let stable = true;
  // `thisBound`: inside a function with its own `this`; `inFunction`: inside any function (it may await).
  const check = (root: Node, thisBound: boolean, inFunction: boolean): void => {
    walk(root, (current) => {
      if (!stable) return false;
      if (isFunction(current)) {
        const bound = thisBound || current.type !== AST_NODE_TYPES.ArrowFunctionExpression;
        for (const param of current.params) check(param, bound, true);
        check(current.body, bound, true);
        return false;
      }
      switch (current.type) {
        case AST_NODE_TYPES.ThisExpression:
          if (!thisBound) stable = false;
          return false;
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.YieldExpression:
          if (!inFunction) stable = false;
          return stable;
        case AST_NODE_TYPES.Identifier:
          if (isRead(current) && !isStableRead(current, node, scopes, allowed)) stable = false;
          return false;
        case AST_NODE_TYPES.TSTypeAnnotation:
        case AST_NODE_TYPES.TSTypeParameterInstantiation:
          return false;
        default:
          return true;
      }
    });
  };
  check(node, false, false);
  return stable && varyingCall(node, scopes, imports) === undefined;
}

function isStableRead(identifier: TSESTree.Identifier, root: Node, scopes: Scopes, allowed: Variable | undefined): boolean {
  const variable = scopes.resolve(identifier);
  if (!variable) return identifier.name !== 'arguments';
  if (variable === allowed) return true;
  const def = variable.defs[0];
  // `arguments` is a function's own implicit variable: it has no definition.
  if (!def) return isModuleLevel(variable);
  if (contains(root, def.name)) return true;
  return isModuleLevel(variable) && !isReassigned(variable);
}
