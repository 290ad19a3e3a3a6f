import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { describe, isFunction, propertyName, returnedExpressions, unwrap } from './ast.js';
import type { CallLike } from './module-index.js';
import type { Scopes } from './scope.js';
import { isModuleLevel } from './scope.js';
import type { CreationSite } from './types.js';

type Node = TSESTree.Node;

/** How long a closed resource lives, for the message. */
export type SharedLifetime = 'created at module scope' | 'created lazily and cached' | 'cached in a module-scope collection';

/** A call that closes a catalogued resource that outlives the invocation (`pool.end()` of a module-scope pool). */
export interface TeardownSite {
  node: TSESTree.CallExpression;
  /** `pool.end()`, as the message shows it. */
  call: string;
  creation: CreationSite;
  lifetime: SharedLifetime;
  /** The statement that only closes (`await pool.end();`): what the suggestion removes; absent when the call does more. */
  statement?: TSESTree.ExpressionStatement;
}

/**
 * Every call of a teardown method (the catalogue's `teardown` of the resource) on a value that outlives
 * the function it is called in: a module-level variable holding a creation (declared with it, or assigned
 * it lazily), a local holding what a getter returns from such a variable, or an entry of a module-level
 * collection filled with creations. Whether the call runs per invocation is the solver's question.
 */
export function findSharedTeardowns(calls: readonly CallLike[], scopes: Scopes, creations: readonly CreationSite[]): TeardownSite[] {
  const byNode = new Map<Node, CreationSite>(creations.map((creation) => [creation.node, creation]));
  const origins = new Origins(scopes, byNode);
  const sites: TeardownSite[] = [];
  // Only a call named like some created resource's teardown can close one: the others need no resolving.
  const closing = new Set(creations.flatMap((creation) => creation.entry.teardown ?? []));
  if (closing.size === 0) return sites;
  for (const node of calls) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = propertyName(callee);
    if (!method || !closing.has(method)) continue;
    const origin = origins.of(callee.object, 0);
    if (!origin || !origin.creation.entry.teardown?.includes(method)) continue;
    const statement = removableStatement(node);
    sites.push({ node, call: `${describe(callee.object)}.${method}()`, creation: origin.creation, lifetime: origin.lifetime, ...(statement ? { statement } : {}) });
  }
  return sites;
}

/** `await pool.end();` or `pool.end();` with no callback: removing it removes nothing else. */
function removableStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  if (call.arguments.some((argument) => isFunction(argument))) return undefined;
  let node: Node = call;
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement ? node.parent : undefined;
}

interface Origin {
  creation: CreationSite;
  lifetime: SharedLifetime;
}

class Origins {
  constructor(
    private readonly scopes: Scopes,
    private readonly creations: ReadonlyMap<Node, CreationSite>,
  ) {}

  of(expression: Node, depth: number): Origin | undefined {
    if (depth > 6) return undefined;
    const node = peel(expression);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.scopes.resolve(node);
      return variable ? this.ofVariable(variable, depth) : undefined;
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression) return this.of(node.left, depth + 1);
    if (node.type === AST_NODE_TYPES.CallExpression) return this.ofCall(node, depth);
    return undefined;
  }

  private ofVariable(variable: Variable, depth: number): Origin | undefined {
    const def = variable.defs[0];
    if (!def || def.type !== 'Variable') return undefined;
    const declarator = def.node;
    if (isModuleLevel(variable)) {
      const init = declarator.init && peel(declarator.init);
      const atStart = init && this.creations.get(init);
      if (atStart) return { creation: atStart, lifetime: 'created at module scope' };
      for (const reference of variable.references) {
        const written = reference.writeExpr && this.creationIn(reference.writeExpr);
        if (written) return { creation: written, lifetime: 'created lazily and cached' };
      }
      return undefined;
    }
    // A local: shared only if it holds what a getter returns from module state, or an entry of a cache.
    const init = declarator.init && peel(declarator.init);
    if (!init || this.creations.has(init)) return undefined;
    return this.of(init, depth + 1);
  }

  /** `getPrisma()` returning a cached variable; `pools.get(tenant)` of a module-level Map filled with creations. */
  private ofCall(call: TSESTree.CallExpression, depth: number): Origin | undefined {
    const callee = peel(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'get') {
      const collection = peel(callee.object);
      const variable = collection.type === AST_NODE_TYPES.Identifier ? this.scopes.resolve(collection) : undefined;
      if (variable && isModuleLevel(variable)) {
        for (const reference of variable.references) {
          const parent = reference.identifier.parent;
          if (parent?.type !== AST_NODE_TYPES.MemberExpression || propertyName(parent) !== 'set') continue;
          const setCall = parent.parent;
          const stored = setCall?.type === AST_NODE_TYPES.CallExpression ? setCall.arguments[1] : undefined;
          const creation = stored && this.creations.get(peel(stored));
          if (creation) return { creation, lifetime: 'cached in a module-scope collection' };
        }
      }
      return undefined;
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scopes.resolve(callee);
    const def = variable?.defs[0];
    const fn =
      def?.type === 'FunctionName'
        ? def.node
        : def?.type === 'Variable' && def.node.init && isFunction(unwrap(def.node.init))
          ? unwrap(def.node.init)
          : undefined;
    if (!fn || !isFunction(fn)) return undefined;
    for (const returned of returnedExpressions(fn)) {
      const origin = this.of(returned, depth + 1);
      if (origin) return origin;
    }
    return undefined;
  }

  /** The creation an assignment stores, through `??=`, `||`, `await` and a promise chain. */
  private creationIn(expression: Node): CreationSite | undefined {
    const node = peel(expression);
    const direct = this.creations.get(node);
    if (direct) return direct;
    if (node.type === AST_NODE_TYPES.LogicalExpression) return this.creationIn(node.right) ?? this.creationIn(node.left);
    return undefined;
  }
}

/** Strips what does not change which value it is: parentheses, casts, `!`, `await`. */
function peel(expression: Node): Node {
  let node = unwrap(expression);
  while (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrap(node.argument);
  return node;
}

