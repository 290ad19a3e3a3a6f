import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, enclosingClass, isClass, isFunction, iterationCall, propertyName, unwrap, walk } from '../ast.js';
import { isConsumer } from '../catalog.js';
import type { ImportResolver } from '../imports.js';
import { superClassOf } from '../scope.js';
import type { Scopes } from '../scope.js';
import type { ResourceEntry } from '../types.js';
import type { LeaveReason } from './plan-hoist.js';
import { isStable } from './stability.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A statement that only closes or connects the resource, which the plan removes. */
export type RemovableStatement = TSESTree.ExpressionStatement | TSESTree.IfStatement;

export interface UseProblem {
  kind: LeaveReason;
  detail: string;
}

export interface ResourceUses {
  /** `await pool.end();` and the like: removed when the resource becomes a singleton. */
  teardown: RemovableStatement[];
  /** `await client.connect();`: moved into the singleton's initialisation. */
  connect: TSESTree.ExpressionStatement | undefined;
  /**
   * `connection.connect((err) => { ... });`, the callback form: the connect moves, wrapped in a promise
   * the initialiser awaits, and the callback still runs with the connect's result.
   */
  connectCallback?: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  /** `pool.on('error', log);` after the creation, in its block: moved into the initialiser. */
  setup: TSESTree.ExpressionStatement[];
  /** `await using client = ...`: disposes of it at the end of the block; becomes `const`. */
  disposal: TSESTree.VariableDeclaration | undefined;
  /** Why the resource cannot become a singleton safely, if it cannot. */
  problem: UseProblem | undefined;
}

/** Closing through the disposal protocol works on every resource. */
const DISPOSE = new Set(['Symbol.dispose', 'Symbol.asyncDispose']);
/** How far the walk follows the resource into helpers, containers and callers. */
const MAX_DEPTH = 4;

/** Where a use was found: in the site's own function (depth 0), or through the call that handed it on. */
interface Hop {
  depth: number;
  /** The call in the site's function that handed the resource on: `closeAll([pool])`. */
  via: string | undefined;
}

export interface UseContext {
  scopes: Scopes;
  text: string;
  imports: ImportResolver;
  /** Is the node another catalogued creation (`DynamoDBDocumentClient.from(client)` takes `client`)? */
  isCreation: (node: Node) => boolean;
  /** Is the function a handler: what it returns goes to the Lambda runtime, which closes nothing. */
  isHandler: (fn: Node) => boolean;
}

/**
 * Everything the invocation does with a resource it created, followed through the variable it is bound
 * to, aliases, containers (`{ db: pool }`, `[pool]`), local helpers it is handed to, and the callers a
 * function returns it to: which teardown, connect and set-up calls the plan removes or moves, and
 * whether some use makes a singleton unsafe. A teardown or set-up call the plan cannot remove or move,
 * per-request state set on the instance, and any hand-over to code the analysis cannot see (a function
 * of another module, a method of another object) each keep the site where it is.
 */
export function resourceUses(
  ctx: UseContext,
  entry: ResourceEntry,
  holder: Node,
  binding: Variable | undefined,
): ResourceUses {
  return new UseWalker(ctx, entry, holder, binding).run();
}

class UseWalker {
  private readonly uses: ResourceUses = { teardown: [], connect: undefined, setup: [], disposal: undefined, problem: undefined };
  private readonly teardown: Set<string>;
  private readonly setup: Set<string>;
  private readonly requestState: Set<string>;
  private readonly visited = new Set<string>();
  /** The statement that creates the resource: set-up calls in its block, after it, can move. */
  private readonly creationStatement: Node | undefined;

  constructor(
    private readonly ctx: UseContext,
    private readonly entry: ResourceEntry,
    private readonly holder: Node,
    private readonly binding: Variable | undefined,
  ) {
    this.teardown = new Set(entry.teardown ?? []);
    this.setup = new Set(entry.setup ?? []);
    this.requestState = new Set(entry.requestState ?? []);
    this.creationStatement = statementOf(holder);
  }

  run(): ResourceUses {
    const root: Hop = { depth: 0, via: undefined };
    if (this.binding) {
      const def = this.binding.defs[0];
      const declaration = def?.type === 'Variable' ? def.node.parent : undefined;
      if (declaration && (declaration.kind === 'await using' || declaration.kind === 'using') && contains(declaration, this.holder)) {
        if (declaration.declarations.length === 1) this.uses.disposal = declaration;
        else this.fail('teardown', `\`${declaration.kind}\` disposes of it with other values at the end of the block`);
      }
      this.followVariable(this.binding, [], root, this.holder);
    } else {
      this.onValue(this.holder, [], root);
    }
    return this.uses;
  }

  private fail(kind: LeaveReason, detail: string): void {
    this.uses.problem ??= { kind, detail };
  }

  private text(node: Node): string {
    return this.ctx.text.slice(node.range[0], node.range[1]);
  }

  /** Every read of a variable that holds the resource (path `[]`) or a container of it. */
  private followVariable(variable: Variable, path: readonly string[], hop: Hop, creation?: Node): void {
    const key = `v:${variable.defs[0]?.name.range[0] ?? variable.name}:${path.join('.')}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    for (const reference of variable.references) {
      const identifier = reference.identifier as Node;
      if (reference.init || (creation && contains(creation, identifier))) continue;
      if (reference.isWrite()) {
        // `client = await MongoClient.connect(uri)` binds the resource itself; any other write replaces it.
        const assignment = identifier.parent;
        const bindsResource = assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.right === this.holder;
        if (!bindsResource && path.length === 0 && variable === this.binding) {
          this.fail('per-invocation-setup', `\`${variable.name}\` is reassigned`);
        }
        continue;
      }
      this.onValue(identifier, path, hop);
    }
  }

  /** An expression whose value is the resource (`path` empty) or holds it at `path`. */
  private onValue(start: Node, path: readonly string[], hop: Hop): void {
    if (this.uses.problem) return;
    if (hop.depth > MAX_DEPTH) {
      this.fail('unknown-use', `${hop.via ? `\`${hop.via}\`` : 'it'} hands it on further than the analysis follows`);
      return;
    }
    let node = start;
    // What does not change the value: `x!`, `x as T`, `await x` (of a value, not a promise), `(x)`.
    while (
      node.parent &&
      (node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        node.parent.type === AST_NODE_TYPES.TSAsExpression ||
        node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        node.parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        (node.parent.type === AST_NODE_TYPES.AwaitExpression && node !== this.holder) ||
        (node.parent.type === AST_NODE_TYPES.ConditionalExpression && node.parent.test !== node) ||
        node.parent.type === AST_NODE_TYPES.LogicalExpression ||
        (node.parent.type === AST_NODE_TYPES.SequenceExpression && node.parent.expressions.at(-1) === node))
    ) {
      node = node.parent;
    }
    const parent = node.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object === node) this.onMember(parent, path, hop);
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
        if (index >= 0) this.onArgument(parent, index, path, hop);
        return;
      }
      case AST_NODE_TYPES.Property:
        if (parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
          const key = propertyName(parent);
          if (key === undefined) this.fail('unknown-use', 'it is stored under a computed key');
          else if (path.length < 3) this.onValue(parent.parent, [key, ...path], hop);
          else this.fail('unknown-use', 'it is nested deeper than the analysis follows');
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        if (path.length < 3) this.onValue(parent, ['[]', ...path], hop);
        return;
      case AST_NODE_TYPES.SpreadElement:
        this.fail('unknown-use', 'it is spread into another value');
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === node) this.onPattern(parent.id, path, hop, parent);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === node) this.onAssigned(parent, path, hop);
        return;
      case AST_NODE_TYPES.ReturnStatement:
        this.onReturned(parent, path, hop);
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === node) this.onReturned(parent, path, hop);
        return;
      case AST_NODE_TYPES.ForOfStatement:
        if (parent.right === node && path[0] === '[]') this.onPattern(loopPattern(parent), path.slice(1), hop, parent);
        return;
      default:
        return;
    }
  }

  /** `pool.end()`, `client.middlewareStack.add(...)`, `deps.db.end()`, `pools.map((p) => p.end())`. */
  private onMember(member: TSESTree.MemberExpression, path: readonly string[], hop: Hop): void {
    const name = memberName(member);
    if (path.length > 0) {
      if (name === path[0] || (path[0] === '[]' && member.computed && name === undefined)) {
        this.onValue(member, path.slice(1), hop);
        return;
      }
      if (path[0] === '[]' && name !== undefined) this.onArrayMethod(member, name, path.slice(1), hop);
      return;
    }
    // The chain of names from the resource: `middlewareStack.add`, `connection.close`.
    const names = [name ?? '[…]'];
    let outer: Node = member;
    while (outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer) {
      outer = outer.parent;
      names.push(memberName(outer) ?? '[…]');
    }
    while (outer.parent?.type === AST_NODE_TYPES.ChainExpression || outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression) {
      outer = outer.parent;
    }
    const call = outer.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outer) {
      this.onMethodCall(names.join('.'), call, hop);
      return;
    }
    if (isWriteTarget(outer)) this.onStateWrite(outer, names.join('.'), hop);
  }

  /** `pools.map((p) => p.end())`, `pools.forEach(close)`: the callback's first parameter is an element. */
  private onArrayMethod(member: TSESTree.MemberExpression, name: string, rest: readonly string[], hop: Hop): void {
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return;
    const callback = call.arguments[0];
    if (!callback || !iterationCall(callback)) {
      if (['push', 'unshift', 'concat', 'slice', 'at', 'pop', 'shift'].includes(name)) {
        this.fail('unknown-use', `\`${describe(member)}()\` hands it on`);
      }
      return;
    }
    const fn = this.localFunction(callback);
    if (!fn) {
      this.fail('unknown-use', `\`${describe(member)}(${this.text(callback)})\` hands it to code the analysis cannot see`);
      return;
    }
    const param = fn.params[0];
    if (param) this.onPattern(param, rest, { depth: hop.depth + 1, via: hop.via ?? this.describeCall(call) }, fn);
  }

  private onMethodCall(method: string, call: TSESTree.CallExpression, hop: Hop): void {
    const where = hop.via ? `\`${hop.via}\`` : undefined;
    if (this.teardown.has(method) || DISPOSE.has(method)) {
      const statement = hop.depth === 0 ? removableStatement(call) : undefined;
      if (statement) this.uses.teardown.push(statement);
      else this.fail('teardown', where ? `${where} closes it` : `\`${this.text(call.callee)}()\` is used as a value`);
      return;
    }
    if (method === this.entry.connect) {
      const callback = hop.depth === 0 ? connectCallbackOf(call) : undefined;
      const statement = hop.depth === 0 ? (callback ? plainStatement(call) : awaitedStatement(call)) : undefined;
      if (!statement || (call.arguments.length > 0 && !callback)) {
        this.fail('per-invocation-setup', where ? `${where} connects it` : `\`${this.text(call.callee)}()\` is not a plain \`await\` statement`);
      } else if (isUnconditional(statement, this.holder)) {
        if (!this.uses.connect && callback) this.uses.connectCallback = callback;
        this.uses.connect ??= statement;
      } else if (!isGuarded(statement, call, (node) => this.text(node))) {
        // Behind another condition, in a loop, in another function (a method of the class that creates
        // it): it would connect the shared instance again on a later invocation.
        this.fail('control-flow', `\`${this.text(call.callee)}()\` runs apart from where it is created, with no guard such as \`if (!client.isOpen)\``);
      }
      // A connect behind a condition on the resource (`if (!client.isOpen)`) is the user's own guard: it stays.
      return;
    }
    if (this.setup.has(method)) {
      const movable = hop.depth === 0 ? this.movableSetup(call) : `${where} sets it up again on every invocation`;
      if (typeof movable === 'string') this.fail('per-invocation-setup', movable);
      else this.uses.setup.push(movable);
      return;
    }
    if (this.requestState.has(method) && !call.arguments.every((argument) => this.isStable(argument))) {
      this.fail('per-request-state', `\`${this.text(call.callee)}(…)\`${where ? ` in ${where}` : ''} keeps per-request values on it`);
    }
  }

  private movableSetup(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | string {
    return movableSetup(this.ctx, call, this.creationStatement, this.binding);
  }

  /** `logger.persistentLogAttributes = {...}`, `client.config.region = event.region`. */
  private onStateWrite(target: Node, name: string, hop: Hop): void {
    const parent = target.parent;
    const value = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' ? parent.right : undefined;
    if (value && this.isStable(value)) return;
    this.fail('per-request-state', `\`${name}\` is written${hop.via ? ` in \`${hop.via}\`` : ''} on every invocation`);
  }

  /** The resource, or a container of it, passed to a call. */
  private onArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, path: readonly string[], hop: Hop): void {
    if (this.ctx.isCreation(call)) return;
    const callee = unwrap(call.callee);
    const fn = call.type === AST_NODE_TYPES.CallExpression ? this.localFunction(callee) : this.localConstructor(callee);
    const next: Hop = { depth: hop.depth + 1, via: hop.via ?? this.describeCall(call) };
    if (call.type === AST_NODE_TYPES.NewExpression && fn === null) return; // a local class without a constructor
    if (fn) {
      const param = fn.params[index];
      if (param) this.onPattern(param, path, next, fn);
      return;
    }
    const ref = this.ctx.imports.resolve(callee);
    if (ref && isConsumer(ref.module, ref.path)) return;
    if (isHarmlessGlobal(callee, this.ctx.scopes)) return;
    // `new Promise((resolve) => resolve(client))`: the promise's value, which whoever awaits it gets.
    const promise = index === 0 ? promiseResolvedBy(callee, this.ctx.scopes) : undefined;
    if (promise) {
      this.onValue(promise, path, hop);
      return;
    }
    // `withPool(fn)` calling `fn(pool)`: the callbacks its callers pass, when all of them are local functions.
    const callbacks = call.type === AST_NODE_TYPES.CallExpression ? this.callbacksPassedAs(callee) : undefined;
    if (callbacks) {
      for (const callback of callbacks) {
        const param = callback.params[index];
        if (param) this.onPattern(param, path, next, callback);
      }
      return;
    }
    this.fail('unknown-use', `\`${this.describeCall(call)}\` hands it to code the analysis cannot see`);
  }

  /** A binding pattern that receives the value: a variable, a parameter, destructuring. */
  private onPattern(pattern: Node, path: readonly string[], hop: Hop, owner: Node): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.ctx.scopes.manager.getDeclaredVariables(owner).find((candidate) => candidate.name === pattern.name);
        const resolved = variable ?? this.ctx.scopes.resolve(pattern);
        if (resolved) this.followVariable(resolved, path, hop);
        return;
      }
      case AST_NODE_TYPES.AssignmentPattern:
        this.onPattern(pattern.left, path, hop, owner);
        return;
      case AST_NODE_TYPES.ObjectPattern: {
        for (const property of pattern.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) {
            if (path.length > 0) this.onPattern(property.argument, path, hop, owner);
            continue;
          }
          const key = propertyName(property);
          if (path.length > 0 && key === path[0]) this.onPattern(property.value, path.slice(1), hop, owner);
          // `const { end } = pool`: a method taken off the resource, out of sight.
          if (path.length === 0 && key !== undefined && (this.teardown.has(key) || this.setup.has(key))) {
            this.fail('unknown-use', `\`${key}\` is taken off it`);
          }
        }
        return;
      }
      case AST_NODE_TYPES.ArrayPattern:
        if (path[0] === '[]') {
          for (const element of pattern.elements) if (element) this.onPattern(element, path.slice(1), hop, owner);
        }
        return;
      case AST_NODE_TYPES.RestElement:
        this.fail('unknown-use', 'it is collected into a rest parameter');
        return;
      case AST_NODE_TYPES.TSParameterProperty: {
        // `constructor(private readonly db: Pool)`: the parameter, and `this.db` in the class.
        const parameter = pattern.parameter.type === AST_NODE_TYPES.AssignmentPattern ? pattern.parameter.left : pattern.parameter;
        this.onPattern(parameter, path, hop, owner);
        const classNode = enclosingClass(pattern);
        if (classNode && parameter.type === AST_NODE_TYPES.Identifier) this.followClassProperty(classNode, parameter.name, path, hop);
        return;
      }
      default:
        return;
    }
  }

  /** `alias = pool`, `this.pool = pool`, `cache.pool = pool`. */
  private onAssigned(assignment: TSESTree.AssignmentExpression, path: readonly string[], hop: Hop): void {
    const target = unwrap(assignment.left);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.ctx.scopes.resolve(target);
      if (variable && variable !== this.binding) this.followVariable(variable, path, hop);
      return;
    }
    if (target.type === AST_NODE_TYPES.MemberExpression && unwrap(target.object).type === AST_NODE_TYPES.ThisExpression) {
      this.followThisProperty(target, path, hop);
      return;
    }
    this.fail('unknown-use', `it is stored in \`${this.text(target)}\``);
  }

  /** `this.client = new S3Client()`: every `this.client` of the class. */
  private followThisProperty(target: TSESTree.MemberExpression, path: readonly string[], hop: Hop): void {
    const name = propertyName(target);
    const classNode = enclosingClass(target);
    if (name === undefined || !classNode) {
      this.fail('unknown-use', `it is stored in \`${this.text(target)}\``);
      return;
    }
    this.followClassProperty(classNode, name, path, hop, target);
  }

  /** Every `this.<name>` read in the class, the classes it extends and the module's classes that extend it. */
  private followClassProperty(classNode: ClassNode, name: string, path: readonly string[], hop: Hop, target?: Node): void {
    for (const member of this.classFamily(classNode)) {
      const key = `this:${member.range[0]}:${name}:${path.join('.')}`;
      if (this.visited.has(key)) continue;
      this.visited.add(key);
      walk(member, (node) => {
        if (
          node !== target &&
          node.type === AST_NODE_TYPES.MemberExpression &&
          unwrap(node.object).type === AST_NODE_TYPES.ThisExpression &&
          propertyName(node) === name &&
          !isWriteTarget(node)
        ) {
          this.onValue(node, path, hop);
        }
        return true;
      });
    }
  }

  /**
   * The class, its superclasses and its subclasses declared in this module: an instance property set in
   * a superclass constructor is read (and closed) in the subclass's methods, and the other way round.
   */
  private classFamily(classNode: ClassNode): ClassNode[] {
    let root: Node = classNode;
    while (root.parent) root = root.parent;
    const classes: ClassNode[] = [];
    walk(root, (node) => {
      if (isClass(node)) classes.push(node);
      return true;
    });
    const family = new Set<ClassNode>([classNode]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const candidate of classes) {
        const superClass = superClassOf(candidate, this.ctx.scopes);
        if (!family.has(candidate) && superClass && family.has(superClass)) grew = Boolean(family.add(candidate));
      }
    }
    for (let current = superClassOf(classNode, this.ctx.scopes); current && !family.has(current); current = superClassOf(current, this.ctx.scopes)) {
      family.add(current);
    }
    return [...family];
  }

  /** Returned from a function: to each of its callers, when all of them are calls in this module. */
  private onReturned(at: Node, path: readonly string[], hop: Hop): void {
    const fn = enclosingFunction(at);
    if (!fn || this.ctx.isHandler(fn)) return;
    // Recursion (`walk` → `visit` → `walk`) brings nothing new the second time.
    const key = `return:${fn.range[0]}:${path.join('.')}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    const variable = this.functionVariable(fn);
    if (!variable) {
      this.onReturnedByAnonymous(fn, path, hop);
      return;
    }
    const name = variable.name;
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable.references) {
      if (reference.init || reference.isWrite()) continue;
      const call = reference.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) calls.push(call);
      else if (!isExported(reference.identifier)) {
        this.fail('unknown-use', `\`${name}\` returns it to code the analysis cannot see`);
        return;
      }
    }
    const next: Hop = { depth: hop.depth + 1, via: hop.via ?? `${name}()` };
    for (const call of calls) this.onValue(call, path, next);
  }

  /**
   * Returned by a function without a name: an element of `records.map(() => ...)`, the value of an
   * IIFE, or handed to whatever calls a callback (`withRetry(async () => ...)`), which is out of sight.
   * A function exported or assigned to a property is a handler or an API of the module: its callers
   * are the runtime's or another module's.
   */
  private onReturnedByAnonymous(fn: TSESTree.FunctionLike, path: readonly string[], hop: Hop): void {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) {
      this.onValue(parent, path, hop);
      return;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      if (iterationCall(fn) && path.length < 3) this.onValue(parent, ['[]', ...path], hop);
      else this.fail('unknown-use', `it is returned to \`${this.describeCall(parent)}\``);
    }
  }

  /** The variable that names a function: `function f() {}`, `const f = () => {}`. */
  private functionVariable(fn: Node): Variable | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return this.ctx.scopes.resolve(fn.id);
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      return this.ctx.scopes.resolve(parent.id);
    }
    return undefined;
  }

  /** A function defined in this module that `node` denotes: inline, or a `function`/`const` by name. */
  private localFunction(node: Node): TSESTree.FunctionLike | undefined {
    const bare = unwrap(node);
    if (isFunction(bare)) return bare;
    if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.ctx.scopes.resolve(bare);
    if (!variable || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) {
      return undefined;
    }
    const def = variable.defs[0]!;
    if (def.type === 'FunctionName') return def.node as TSESTree.FunctionDeclaration;
    const init = def.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
    return isFunction(init) ? init : undefined;
  }

  /**
   * `fn` a parameter of a local function: the functions its callers pass in its place, when each is a
   * local function (`withPool((pool) => pool.query(...))`); undefined when any caller passes something
   * else or the function escapes.
   */
  private callbacksPassedAs(node: Node): TSESTree.FunctionLike[] | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.ctx.scopes.resolve(node)?.defs[0];
    if (def?.type !== 'Parameter' || !isFunction(def.node)) return undefined;
    const owner = def.node;
    const position = owner.params.indexOf(def.name as TSESTree.Parameter);
    const variable = this.functionVariable(owner);
    if (position < 0 || !variable) return undefined;
    const callbacks: TSESTree.FunctionLike[] = [];
    for (const reference of variable.references) {
      if (reference.init || reference.isWrite()) continue;
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
      const argument = call.arguments[position];
      const callback = argument && this.localFunction(argument);
      if (!callback) return undefined;
      callbacks.push(callback);
    }
    return callbacks;
  }

  /**
   * The constructor of a class declared in this module that `node` names: `null` for a class without
   * one (it keeps nothing it is given), `undefined` for anything else.
   */
  private localConstructor(node: Node): TSESTree.FunctionLike | null | undefined {
    const bare = unwrap(node);
    if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.ctx.scopes.resolve(bare)?.defs[0];
    const classNode =
      def?.type === 'ClassName' ? def.node : def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
    if (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    // A subclass hands its arguments to a constructor out of sight.
    if (classNode.superClass) return undefined;
    const constructor = classNode.body.body.find(
      (member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
    );
    return constructor ? constructor.value : null;
  }

  private describeCall(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
    const text = this.text(call);
    if (text.length <= 60 && !text.includes('\n')) return text;
    return `${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${describe(call.callee)}(…)`;
  }

  private isStable(node: Node, allowed?: Variable): boolean {
    return isStable(node, this.ctx.scopes, this.ctx.imports, allowed);
  }
}

/**
 * A set-up call the initialiser can run instead: a statement of its own, in the block that creates
 * the resource and after the creation, with stable arguments (the resource itself aside). A string
 * says why not.
 */
function movableSetup(
  ctx: UseContext,
  call: TSESTree.CallExpression,
  creation: Node | undefined,
  resource: Variable | undefined,
): TSESTree.ExpressionStatement | string {
  const statement = expressionStatementOf(call);
  const callee = `\`${ctx.text.slice(call.callee.range[0], call.callee.range[1])}(…)\``;
  if (!statement || unwrapAwait(statement.expression) !== call) return `${callee} is used as a value`;
  if (!creation || statement.parent !== creation.parent || statement.range[0] < creation.range[1]) {
    return `${callee} runs apart from the creation, on every invocation`;
  }
  if (!call.arguments.every((argument) => isStable(argument, ctx.scopes, ctx.imports, resource))) {
    return `${callee} is given values computed in the invocation`;
  }
  return statement;
}

/**
 * `await mongoose.connect(uri)`: the module object is the resource. The function closes it through the
 * module (`mongoose.disconnect()`, `mongoose.connection.close()`, an imported `disconnect()`) and sets
 * it up through it (`mongoose.plugin(...)`). The module object is shared by the whole module: a teardown
 * in any other function (a method of the class whose constructor connects) closes the singleton too,
 * unless that function makes its own connection of the same module (that site's plan removes it).
 */
export function moduleObjectUses(ctx: UseContext, entry: ResourceEntry, module: string, holder: Node, fn: Node): ResourceUses {
  const uses: ResourceUses = { teardown: [], connect: undefined, setup: [], disposal: undefined, problem: undefined };
  const teardown = new Set(entry.teardown ?? []);
  const setup = new Set(entry.setup ?? []);
  const creation = statementOf(holder);
  const moduleCall = (node: Node): string | undefined => {
    if (node.type !== AST_NODE_TYPES.CallExpression || contains(holder, node)) return undefined;
    const ref = ctx.imports.resolve(node.callee);
    return ref?.module === module && ref.path.length > 0 ? ref.path.join('.') : undefined;
  };
  let root: Node = fn;
  while (root.parent) root = root.parent;
  const connecting: Node[] = [];
  const closing: TSESTree.CallExpression[] = [];
  walk(root, (node) => {
    if (node === fn) return false;
    if (ctx.isCreation(node) && moduleCall(node) !== undefined) connecting.push(enclosingFunction(node) ?? node);
    else if (teardown.has(moduleCall(node) ?? '') && enclosingFunction(node)) closing.push(node as TSESTree.CallExpression);
    return true;
  });
  const elsewhere = closing.find((call) => !connecting.some((other) => contains(other, call)));
  if (elsewhere) {
    const where = enclosingFunction(elsewhere)!;
    uses.problem = { kind: 'teardown', detail: `\`${describe(elsewhere.callee)}()\` in ${functionLabel(where)} closes it` };
    return uses;
  }
  walk(fn, (node) => {
    const method = moduleCall(node);
    if (method === undefined) return true;
    const call = node as TSESTree.CallExpression;
    const callee = `\`${describe(call.callee)}()\``;
    if (teardown.has(method)) {
      const statement = removableStatement(call);
      if (statement) uses.teardown.push(statement);
      else uses.problem ??= { kind: 'teardown', detail: `${callee} is used as a value` };
    } else if (setup.has(method)) {
      const movable = movableSetup(ctx, call, creation, undefined);
      if (typeof movable === 'string') uses.problem ??= { kind: 'per-invocation-setup', detail: movable };
      else uses.setup.push(movable);
    }
    return true;
  });
  return uses;
}

/** `\`get\``, `\`DbStore.get\``: how a message names a function; `a callback` when it has no name. */
function functionLabel(fn: Node): string {
  const parent = fn.parent;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
      ? fn.id.name
      : parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property
        ? propertyName(parent)
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
          ? parent.id.name
          : undefined;
  return name === undefined ? 'a callback' : `\`${name}\``;
}

/** `a.b` → `b`; `a[Symbol.asyncDispose]` → `Symbol.asyncDispose`; other computed keys → undefined. */
function memberName(member: TSESTree.MemberExpression): string | undefined {
  const name = propertyName(member);
  if (name !== undefined) return name;
  const key = member.property;
  if (member.computed && key.type === AST_NODE_TYPES.MemberExpression && describe(key).startsWith('Symbol.')) return describe(key);
  return undefined;
}

function loopPattern(loop: TSESTree.ForOfStatement): Node {
  const left = loop.left;
  return left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0]!.id : left;
}

function isWriteTarget(node: Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node) ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete' && parent.argument === node)
  );
}

/** Globals that only read what they are given: `console.log(pool)`, `JSON.stringify(config)`, `String(client)`. */
const HARMLESS_GLOBALS = new Set(['JSON.stringify', 'String', 'Boolean', 'Array.isArray', 'Object.keys']);

function isHarmlessGlobal(callee: Node, scopes: Scopes): boolean {
  let root = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier || scopes.resolve(root)?.defs.length) return false;
  return root.name === 'console' || HARMLESS_GLOBALS.has(describe(callee));
}

/** `resolve` in `new Promise((resolve) => ...)`: the `new Promise(...)` it settles. */
function promiseResolvedBy(callee: Node, scopes: Scopes): Node | undefined {
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = scopes.resolve(callee)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunction(def.node) || def.node.params[0] !== def.name) return undefined;
  const executor = def.node;
  const promise = executor.parent;
  return promise?.type === AST_NODE_TYPES.NewExpression &&
    promise.arguments[0] === executor &&
    describe(promise.callee) === 'Promise' &&
    !scopes.resolve(promise.callee as TSESTree.Identifier)?.defs.length
    ? promise
    : undefined;
}

/**
 * `export { f }`, `export default f`, `module.exports = { f }`, `exports.f = f`: a reference that only
 * exports the function, to callers in other modules.
 */
function isExported(identifier: Node): boolean {
  for (let current = identifier.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ExportSpecifier ||
      current.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      current.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      current.type === AST_NODE_TYPES.TSExportAssignment
    ) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.AssignmentExpression) return /^(module\.)?exports\b/.test(describe(current.left));
    if (current.type === AST_NODE_TYPES.ExpressionStatement || isFunction(current)) return false;
  }
  return false;
}

function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

function unwrapAwait(node: Node): Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression || (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void')) {
    current = unwrap(current.argument);
  }
  return current;
}

/** The statement of a block that the creation is part of: `const pool = new Pool()`, `client = connect()`. */
export function statementOf(holder: Node): Node | undefined {
  let current: Node = holder;
  while (current.parent && !isStatementListItem(current)) {
    if (isFunction(current.parent)) return undefined;
    current = current.parent;
  }
  return isStatementListItem(current) ? current : undefined;
}

function isStatementListItem(node: Node): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.Program ||
    (parent?.type === AST_NODE_TYPES.SwitchCase && parent.consequent.includes(node as TSESTree.Statement))
  );
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

/**
 * The callback of `connection.connect(callback)`: a function written there, its only argument, which
 * does not read `this` or `arguments` (it is called again, in the initialiser, as a plain function).
 */
function connectCallbackOf(call: TSESTree.CallExpression): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const [callback, ...rest] = call.arguments;
  if (!callback || rest.length > 0) return undefined;
  if (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  if (callback.async || callback.generator) return undefined;
  let own = true;
  walk(callback.body, (node) => {
    if (!own) return false;
    if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (callback.type === AST_NODE_TYPES.FunctionExpression && (node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments'))) own = false;
    return own;
  });
  return own ? callback : undefined;
}

/** `client.connect(callback);` as a statement of a block, not awaited. */
function plainStatement(call: Node): TSESTree.ExpressionStatement | undefined {
  const statement = expressionStatementOf(call);
  return statement && unwrap(statement.expression) === call && statement.parent?.type === AST_NODE_TYPES.BlockStatement ? statement : undefined;
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

/**
 * Is the connect behind the user's own guard: an `if`, between it and its function, whose test reads
 * the object it is called on (`if (!client.isOpen)`, `if (!this.client.isReady)`)?
 */
function isGuarded(statement: Node, call: TSESTree.CallExpression, text: (node: Node) => string): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = text(unwrap(callee.object));
  for (let current = statement.parent; current && !isFunction(current); current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || contains(current.test, statement)) continue;
    let reads = false;
    walk(current.test, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && text(unwrap(node.object)) === object) reads = true;
      return !reads;
    });
    if (reads) return true;
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
