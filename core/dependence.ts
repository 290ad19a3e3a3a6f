import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, enclosingClass, isFunction, isRead, iterationCall, propertyName, unwrap, walk } from './ast.js';
import { fetchKind } from './fetches.js';
import type { Scopes } from './scope.js';
import { isModuleLevel } from './scope.js';
import { STABLE, join, joinAll, renamed, withChainStep } from './summary/dependence-ops.js';
import type { Dependence, InputWriteKind, LocalWrite } from './summary/types.js';
import type { UnitTable } from './summary/units.js';
import type { Values } from './values.js';

export { isRead } from './ast.js';

type Node = TSESTree.Node;

/** Calls that change the object they are called on (or, `assign`, their first argument): a write to it. */
export const MUTATORS: ReadonlySet<string> = new Set(['set', 'add', 'push', 'unshift', 'splice', 'append', 'setItem', 'update', 'assign']);

export interface DependenceScope {
  scopes: Scopes;
  values: Values;
  units: UnitTable;
  file: string;
  /** A unit's name for messages: a handler's exported name, else the function's name. */
  nameOf(unit: number | undefined): string;
  /** Is this node a creation site? Awaiting one is creating it, not fetching a value. */
  isCreation(node: Node): boolean;
  /** Is this state key written by some function of the module (else reading it is stable)? */
  isWritten(key: string): boolean;
}

/** One write to a variable's value or contents, found through its references. */
export interface VariableWrite {
  /** The whole write, for its range: `config.region = x`, `Object.assign(config, x)`. */
  node: Node;
  /** What is written into the variable. */
  values: Node[];
  target: string;
  kind: InputWriteKind;
}

/**
 * What a value depends on, in the terms one module can state (see `Dependence`). Request data: the
 * handler's parameters and anything derived from them, parameters of callbacks it cannot follow, caught
 * errors, per-request stores, and module or instance state written from any of those. Init: a value
 * awaited per invocation with request-independent inputs (a secret, a parameter, another fetch), with
 * the statements that build on it (the init chain). A function's parameters stay parameters, to be
 * filled in at each call; module state stays a key, filled in from every write the solver visits.
 */
export class DependenceAnalyzer {
  private readonly variables = new Map<Variable, Dependence | 'pending'>();

  constructor(private readonly scope: DependenceScope) {}

  /** What the arguments of a creation depend on, together. */
  ofArguments(call: TSESTree.CallExpression | TSESTree.NewExpression): Dependence {
    return joinAll(call.arguments.map((argument) => this.of(argument)));
  }

  /** Walks an expression's reads, in source order; request data ends the walk. */
  of(expression: Node): Dependence {
    let result = STABLE;
    walk(expression, (node) => {
      if (result.request) return false;
      switch (node.type) {
        case AST_NODE_TYPES.Identifier:
          if (isRead(node)) result = join(result, this.ofIdentifier(node, expression));
          return false;
        case AST_NODE_TYPES.AwaitExpression:
          result = join(result, this.ofAwait(node));
          return false;
        case AST_NODE_TYPES.MemberExpression: {
          const object = unwrap(node.object);
          if (object.type === AST_NODE_TYPES.ThisExpression) {
            result = join(result, this.ofThisProperty(node));
            return node.computed;
          }
          const env = this.envKey(node);
          if (env) {
            result = join(result, { state: [env] });
            return false;
          }
          return true;
        }
        case AST_NODE_TYPES.CallExpression:
          if (isGetStore(node)) {
            result = join(result, {
              request: { input: `${describe(node.callee)}()`, why: 'request-store', in: this.scope.nameOf(this.scope.units.unitOf(node)) },
            });
            return false;
          }
          return true;
        case AST_NODE_TYPES.TSTypeAnnotation:
        case AST_NODE_TYPES.TSTypeReference:
        case AST_NODE_TYPES.TSTypeParameterInstantiation:
          return false;
        default:
          return true;
      }
    });
    return result;
  }

  /**
   * `await x`: request data if `x` is built from it; anything else awaited in a function is an init value,
   * fetched per invocation (expiring credentials included: the solver keeps them out of reach).
   */
  private ofAwait(node: TSESTree.AwaitExpression): Dependence {
    const argument = peelPromiseChain(node.argument);
    const inner = this.of(node.argument);
    if (argument.type === AST_NODE_TYPES.ImportExpression || this.scope.isCreation(argument)) return inner;
    if (inner.request) return inner;
    const unit = this.scope.units.unitOf(node);
    if (unit === undefined) return inner; // awaited once, at module scope
    // `await response.json()` after `await fetch(secretUrl)`: still the secret, fetched by the first await.
    const marker = this.awaited(argument, describe(node.argument), unit, node.range);
    return inner.init ? join(inner, marker) : join(marker, inner);
  }

  /** What awaiting `argument` (a call, a promise) adds: an init value (expiring credentials are one too, settled by the solver). */
  private awaited(argument: Node, input: string, unit: number, range: [number, number]): Dependence {
    const kind = fetchKind(argument, this.scope.values);
    return { init: { input, source: kind, in: this.scope.nameOf(unit), file: this.scope.file, fetch: range, chain: [] } };
  }

  private ofIdentifier(identifier: TSESTree.Identifier, within: Node): Dependence {
    const variable = this.scope.scopes.resolve(identifier);
    const def = variable?.defs[0];
    if (!variable || !def) return STABLE; // a global: `process`, `JSON`, `Date`
    if (contains(within, def.name)) return STABLE; // declared inside the expression itself
    switch (def.type) {
      case 'Parameter':
        return this.ofParameter(def.node as Node, def.name, identifier.name);
      case 'CatchClause': {
        const unit = this.scope.units.unitOf(def.node);
        return unit === undefined ? STABLE : { request: { input: identifier.name, why: 'caught', in: this.scope.nameOf(unit) } };
      }
      case 'Variable':
        return this.ofVariable(variable, def.node, identifier.name);
      default:
        return STABLE; // imports, functions, classes, enums, types
    }
  }

  private ofVariable(variable: Variable, declarator: TSESTree.VariableDeclarator, name: string): Dependence {
    const cached = this.variables.get(variable);
    if (cached === 'pending') return STABLE;
    if (cached) return cached;
    this.variables.set(variable, 'pending');
    const result = isModuleLevel(variable) ? this.ofModuleVariable(variable, declarator) : this.ofLocal(variable, declarator, name);
    this.variables.set(variable, result);
    return result;
  }

  /**
   * A module-level variable: what module scope gave it runs once; what functions write into it is module
   * state, known once the solver has seen which of them run per invocation. A getter in its object runs
   * on every read.
   */
  private ofModuleVariable(variable: Variable, declarator: TSESTree.VariableDeclarator): Dependence {
    const key = `var:${variable.name}`;
    let result: Dependence = this.scope.isWritten(key) ? { state: [key] } : STABLE;
    const init = declarator.init && unwrap(declarator.init);
    if (init?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of init.properties) {
        if (property.type === AST_NODE_TYPES.Property && property.kind === 'get' && isFunction(property.value)) {
          result = join(result, this.of(property.value.body));
        }
      }
    }
    return result;
  }

  /** A local is as dependent as its initialiser, its loop's iterable and everything written into it. */
  private ofLocal(variable: Variable, declarator: TSESTree.VariableDeclarator, name: string): Dependence {
    let result = STABLE;
    const add = (value: Node, step: Node) => {
      let found = this.of(value);
      if (unwrap(value).type === AST_NODE_TYPES.AwaitExpression) found = renamed(found, name);
      if (found.init) found = withChainStep(found, statementOf(step).range);
      result = join(result, found);
    };
    if (declarator.init) add(declarator.init, declarator);
    const loop = declarator.parent.parent;
    if (
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declarator.parent
    ) {
      result = join(result, this.of(loop.right));
    }
    for (const write of this.writesTo(variable)) {
      for (const value of write.values) add(value, write.node);
      if (result.request) break;
    }
    return result;
  }

  /**
   * A parameter: a function's (filled in at each call), a handler's (the request), or a callback's, written
   * in place: the element of what `xs.map(...)` iterates, what `.then(...)` resolves to, an IIFE's argument,
   * and otherwise whatever the code that calls it passes (request data, as far as we can tell).
   */
  private ofParameter(fn: Node, declaration: Node, name: string): Dependence {
    if (!isFunction(fn)) return STABLE;
    const index = fn.params.findIndex((param) => contains(param, declaration));
    const unit = this.scope.units.idOf(fn);
    if (unit !== undefined) return { params: [{ fn: unit, index, input: name }] };
    const iteration = iterationCall(fn);
    if (iteration) return index === 0 ? this.of((unwrap(iteration.callee) as TSESTree.MemberExpression).object) : STABLE;
    const call = fn.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(call.callee);
      if (callee === fn) return call.arguments[index] ? this.of(call.arguments[index]) : STABLE;
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'then' && call.arguments[0] === fn) {
        if (index !== 0) return STABLE;
        const promise = this.of(callee.object);
        const around = this.scope.units.unitOf(call);
        if (promise.request || around === undefined) return promise;
        return join(renamed(this.awaited(peelPromiseChain(callee.object), name, around, callee.object.range), name), promise);
      }
    }
    const around = this.scope.units.unitOf(fn);
    return { request: { input: name, why: 'callback-parameter', in: this.scope.nameOf(around) } };
  }

  /** `this.x`: instance state, as every write to it in the class makes it. */
  private ofThisProperty(member: TSESTree.MemberExpression): Dependence {
    const key = thisKey(member, this.scope.units);
    return key && this.scope.isWritten(key) ? { state: [key] } : STABLE;
  }

  /** `process.env.X` (`env:X`), `process.env[k]` or `process.env` itself (`env:*`). */
  envKey(member: TSESTree.MemberExpression): string | undefined {
    if (this.isProcessEnv(member)) return 'env:*';
    if (!this.isProcessEnv(unwrap(member.object))) return undefined;
    const name = propertyName(member);
    return name === undefined ? 'env:*' : `env:${name}`;
  }

  private isProcessEnv(node: Node): boolean {
    if (node.type !== AST_NODE_TYPES.MemberExpression || propertyName(node) !== 'env') return false;
    const process = unwrap(node.object);
    return process.type === AST_NODE_TYPES.Identifier && process.name === 'process' && !this.scope.scopes.resolve(process)?.defs.length;
  }

  /** Every write into a variable after its declaration: assignments, property writes, `Object.assign`, mutators. */
  writesTo(variable: Variable): VariableWrite[] {
    const writes: VariableWrite[] = [];
    for (const reference of variable.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      if (reference.isWrite()) {
        if (!reference.init && reference.writeExpr) {
          writes.push({ node: reference.writeExpr.parent ?? reference.writeExpr, values: [reference.writeExpr], target: identifier.name, kind: 'assign' });
        }
        continue;
      }
      const write = writeThrough(identifier, this.scope.values);
      if (write) writes.push(write);
    }
    return writes;
  }

  /**
   * The writes to a creation's local inputs between their creation and the construction: the locals its
   * arguments read, and the locals those were built from.
   */
  localWrites(creation: TSESTree.CallExpression | TSESTree.NewExpression): LocalWrite[] {
    const found: LocalWrite[] = [];
    const seen = new Set<Variable>();
    const pending: Node[] = [...creation.arguments];
    while (pending.length > 0 && seen.size < 32) {
      walk(pending.pop()!, (node) => {
        if (node.type !== AST_NODE_TYPES.Identifier || !isRead(node)) return true;
        const variable = this.scope.scopes.resolve(node);
        const def = variable?.defs[0];
        if (!variable || def?.type !== 'Variable' || isModuleLevel(variable) || seen.has(variable)) return false;
        seen.add(variable);
        if (def.node.init) pending.push(def.node.init);
        for (const write of this.writesTo(variable)) {
          if (write.node.range[0] >= creation.range[0]) continue;
          found.push({ target: write.target, kind: write.kind, dependence: joinAll(write.values.map((value) => this.of(value))), range: write.node.range });
          pending.push(...write.values);
        }
        return false;
      });
    }
    return found.sort((a, b) => a.range[0] - b.range[0]);
  }
}

/**
 * A write into what `identifier` holds, through it: `x.a.b = v`, `Object.assign(x, v)`, `x.set(k, v)`.
 */
export function writeThrough(identifier: Node, values: Values): VariableWrite | undefined {
  let member: Node = identifier;
  while (member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) member = member.parent;
  const parent = member.parent;
  if (member !== identifier && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) {
    return { node: parent, values: [parent.right], target: describe(member), kind: 'property' };
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === member && isObjectAssign(parent.callee, values)) {
    return { node: parent, values: parent.arguments.slice(1), target: describe(member), kind: 'object-assign' };
  }
  if (member !== identifier && member.type === AST_NODE_TYPES.MemberExpression) {
    const call = member.parent;
    const method = propertyName(member);
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && method && MUTATORS.has(method)) {
      return { node: call, values: [...call.arguments], target: describe(member.object), kind: 'call' };
    }
  }
  return undefined;
}

function isObjectAssign(callee: Node, values: Values): boolean {
  const node = unwrap(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression || propertyName(node) !== 'assign') return false;
  const object = values.of(node.object);
  return object?.kind === 'global' && object.name === 'Object';
}

/** `this.x` read or written in a class: `this:<class unit>.x`. */
export function thisKey(member: TSESTree.MemberExpression, units: UnitTable): string | undefined {
  const name = propertyName(member);
  const classNode = enclosingClass(member);
  const classId = classNode && units.idOf(classNode);
  return name === undefined || classId === undefined ? undefined : `this:${classId}.${name}`;
}

/** `await create().catch(...)`: still the creation; `x.then(f)` awaits `x`. */
function peelPromiseChain(node: Node): Node {
  let argument = unwrap(node);
  while (
    argument.type === AST_NODE_TYPES.CallExpression &&
    argument.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['catch', 'then', 'finally'].includes(propertyName(argument.callee) ?? '')
  ) {
    argument = unwrap(argument.callee.object);
  }
  return argument;
}

/** `als.getStore()`: `AsyncLocalStorage`'s per-request store. */
function isGetStore(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'getStore' && call.arguments.length === 0;
}

/** The statement a node is part of, for the init chain. */
export function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !/Statement$|Declaration$/.test(current.type)) current = current.parent;
  return current;
}
