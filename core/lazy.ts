import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { contains, describe, isFunction, isRead, propertyName, unwrap, walk } from './ast.js';
import type { Scopes } from './scope.js';
import { isModuleLevel } from './scope.js';
import type { CacheScope } from './summary/types.js';

type Node = TSESTree.Node;

/** What makes a call or creation run once per cache lifetime instead of on every run of its function. */
export interface LazyFacts {
  /** The caches guarding it; it is lazy when one of them outlives the invocation. */
  caches: CacheScope[];
  /** For a cache that is a local of the same function: its declaration (loops around it still repeat it). */
  declaration?: Node;
  /** Caches tested by an `if` or an early return around it (`if (!pool) await init()`), by their text. */
  guardTests: string[];
}

/**
 * Finds the lazy-initialisation patterns around a site, and where each cache lives (the solver decides
 * whether that outlives the invocation): `x ??= create()`, `x ||= create()`, `x = x ?? create()`,
 * `x || (x = create())`, `x = create()` guarded by a test of `x` (`if (!x)`, a conditional, an earlier
 * `if (x) return x;`), an `if` whose test reads something its body assigns or sets (also inside a callback:
 * `if (!db) connect(uri, (err, c) => { db = c })`; a Map: `if (!cache.has(k)) cache.set(k, create())`).
 * The site may be wrapped (`await`, `.catch()`, an async IIFE). A `cache.set(k, create())` run on every
 * invocation is no cache, and an early return on request data (`if (event.id === lastId) return;`) is a
 * dedupe, not a cache: neither hides anything.
 */
export class Laziness {
  /** What each block assigns (with and without `set` calls): a block is walked once however many sites it holds. */
  private readonly assigned = { withSet: new Map<Node, Node[]>(), plain: new Map<Node, Node[]>() };

  constructor(
    private readonly scopes: Scopes,
    /** The function whose run owns a declaration (`module` outside any); undefined for a callback's local. */
    private readonly frameOf: (declaration: Node) => number | 'module' | undefined,
  ) {}

  of(site: Node): LazyFacts {
    const facts: LazyFacts = { caches: [], guardTests: [] };
    const cache = (target: Node) => this.addCache(facts, target);
    let child: Node = site;
    for (let current = site.parent; current; child = current, current = current.parent) {
      switch (current.type) {
        case AST_NODE_TYPES.AssignmentExpression:
          if (current.right !== child) break;
          if (current.operator === '??=' || current.operator === '||=') cache(current.left);
          else if (current.operator === '=' && this.isGuarded(current, describe(current.left))) cache(current.left);
          break;
        case AST_NODE_TYPES.LogicalExpression: {
          // `s3 = s3 ?? new S3Client()`, `s3 = s3 || new S3Client()`
          const assignment = current.parent;
          if (
            child === current.right &&
            (current.operator === '??' || current.operator === '||') &&
            assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
            assignment.operator === '=' &&
            assignment.right === current &&
            mentions(current.left, describe(assignment.left))
          ) {
            cache(assignment.left);
          }
          break;
        }
        case AST_NODE_TYPES.IfStatement:
          if (child !== current.test) {
            for (const target of this.assignedIn(current.consequent, true)) {
              if (this.testsCache(current.test, describe(target))) cache(target);
            }
            facts.guardTests.push(...testedNames(current.test));
          }
          break;
        case AST_NODE_TYPES.BlockStatement:
          if (isFunction(current.parent)) this.afterEarlyReturn(current, child, facts);
          break;
      }
      if (isFunction(current)) {
        // Only an immediately invoked function keeps us in the same expression: `(async () => {...})()`.
        const call = current.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee) !== current) break;
      }
    }
    return facts;
  }

  /** Where a cache lives: `this.x` on the instance, a module or global name for the environment, a local in its function's run. */
  scopeOf(target: Node): CacheScope | undefined {
    let root = unwrap(target);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type === AST_NODE_TYPES.ThisExpression) return isStaticThis(root) ? 'module' : 'this';
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scopes.resolve(root);
    // `globalThis.prisma`, `global.pgPool`: globals live as long as the environment.
    if (!variable || variable.defs.length === 0 || isModuleLevel(variable)) return 'module';
    const frame = this.frameOf(variable.defs[0]!.name);
    return frame === undefined || frame === 'module' ? frame : { frame };
  }

  private addCache(facts: LazyFacts, target: Node): void {
    const scope = this.scopeOf(target);
    if (!scope) return;
    facts.caches.push(scope);
    if (typeof scope === 'object' && !facts.declaration) {
      let root = unwrap(target);
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
      facts.declaration = root.type === AST_NODE_TYPES.Identifier ? this.scopes.resolve(root)?.defs[0]?.name : undefined;
    }
  }

  /**
   * Is the assignment `x = ...` guarded by a test of `x`: an enclosing `if` or conditional whose test
   * reads `x`, `x || (x = ...)`, or an earlier `if (x) return x;` in the same function?
   */
  private isGuarded(assignment: TSESTree.AssignmentExpression, target: string): boolean {
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
        const fn = current.parent;
        return current.body.some(
          (statement) => statement.range[1] <= assignment.range[0] && this.isEarlyReturnGuard(statement, target, fn),
        );
      }
      if (isFunction(current)) return false;
    }
    return false;
  }

  /**
   * A memo function's slow path: an earlier `if (ready) return ...;` (or `if (pool) return pool;`) tests
   * something the function itself sets, so what follows runs once per cache lifetime:
   * `if (isConnected) return; await mongoose.connect(uri); isConnected = true;`. The early return also
   * guards calls to functions that set what it tests (`if (pool) return pool; await init();`).
   */
  private afterEarlyReturn(body: TSESTree.BlockStatement, statement: Node, facts: LazyFacts): void {
    const index = body.body.indexOf(statement as TSESTree.Statement);
    if (index <= 0) return;
    const fn = body.parent as TSESTree.FunctionLike;
    // Guards on nothing of this run but what outlives it (not `if (!id) return` on a local).
    const guards: TSESTree.IfStatement[] = [];
    for (let i = 0; i < index; i++) {
      const earlier = body.body[i]!;
      if (earlier.type === AST_NODE_TYPES.IfStatement && isEarlyReturn(earlier) && this.readsNoLocals(earlier.test, fn)) guards.push(earlier);
    }
    if (guards.length === 0) return;
    for (const target of this.assignedIn(body, false)) {
      const text = describe(target);
      if (guards.some((guard) => mentions(guard.test, text))) this.addCache(facts, target);
    }
    for (const guard of guards) facts.guardTests.push(...testedNames(guard.test));
  }


  /**
   * Does an `if` test look at the cache: `!clients.has(k)`, or a local read from it
   * (`let entry = cache.get(k); if (!entry) { entry = new X(); cache.set(k, entry); }`)?
   */
  private testsCache(test: Node, target: string): boolean {
    if (mentions(test, target)) return true;
    let found = false;
    walk(test, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.Identifier || !isRead(node)) return true;
      const def = this.scopes.resolve(node)?.defs[0];
      if (def?.type === 'Variable' && def.node.init && mentions(def.node.init, target)) found = true;
      return false;
    });
    return found;
  }

  /** `if (x) return x;`, `if (x !== undefined) { return x; }`, tested on nothing of this run but the cache. */
  private isEarlyReturnGuard(statement: Node, target: string, fn: Node): boolean {
    return (
      statement.type === AST_NODE_TYPES.IfStatement &&
      isEarlyReturn(statement) &&
      mentions(statement.test, target) &&
      this.readsNoLocals(statement.test, fn)
    );
  }

  /** Does the test read only what outlives a run of `fn` (no parameter or local of it: not `event.id === lastId`)? */
  private readsNoLocals(test: Node, fn: Node): boolean {
    let local = false;
    walk(test, (node) => {
      if (local) return false;
      if (node.type === AST_NODE_TYPES.Identifier && isRead(node)) {
        const declaration = this.scopes.resolve(node)?.defs[0]?.name;
        if (declaration && contains(fn, declaration)) local = true;
      }
      return true;
    });
    return !local;
  }

  /**
   * The targets code assigns: `client = ...`, `this.client = ...`, and with `withSet` also `cache.set(...)`;
   * inside callbacks too (`connect(uri, (err, c) => { cached = c })`), not inside other units' bodies.
   */
  private assignedIn(root: Node, withSet: boolean): Node[] {
    const cache = withSet ? this.assigned.withSet : this.assigned.plain;
    const cached = cache.get(root);
    if (cached) return cached;
    const assigned: Node[] = [];
    walk(root, (node) => {
      if (node !== root && isFunction(node) && !isCallback(node)) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression) assigned.push(node.left);
      if (
        withSet &&
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(node.callee) === 'set'
      ) {
        assigned.push(node.callee.object);
      }
      return true;
    });
    cache.set(root, assigned);
    return assigned;
  }


}

function isEarlyReturn(statement: TSESTree.IfStatement): boolean {
  const body = statement.consequent;
  const first = body.type === AST_NODE_TYPES.BlockStatement ? body.body[0] : body;
  return first?.type === AST_NODE_TYPES.ReturnStatement;
}

/** A function written in place as an argument: it runs as part of the code around it. */
function isCallback(fn: Node): boolean {
  const parent = fn.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(fn as TSESTree.Expression)
  );
}

/** `this` in a static method, static block or static field: the class itself, created once. */
function isStaticThis(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.StaticBlock) return true;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const parent = current.parent;
      return parent?.type === AST_NODE_TYPES.MethodDefinition && parent.static;
    }
  }
  return false;
}

/** The names and member chains a test reads (`pool`, `Db.instance`): candidates for what it guards. */
function testedNames(test: Node): string[] {
  const names: string[] = [];
  walk(test, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
      names.push(describe(node));
      return node.type === AST_NODE_TYPES.MemberExpression;
    }
    return !isFunction(node);
  });
  return names;
}

/** Does `expression` read `target` (an identifier or member chain, by its rendering)? */
export function mentions(expression: Node, target: string): boolean {
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
