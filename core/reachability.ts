import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { enclosingUnit, isClass, isFunction, iterationCall, isRepeatedWithin, propertyName, unwrap } from './ast.js';
import { findMethod, superClassOf } from './handlers.js';
import type { CallLike, ModuleIndex } from './module-index.js';
import { unitName } from './module-index.js';
import type { Scopes } from './scope.js';
import type { CodeUnit, FunctionNode, Handler } from './types.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** How a code unit is reached from a handler. */
export interface Reach {
  handler: Handler;
  /** Units between the handler and this one, outermost first (empty for the handler itself). */
  path: string[];
  /** A call on the way here runs in a loop or per-record callback. */
  repeated: boolean;
  /** The call or `new` that reached this unit, and the unit it is in: to follow parameters back. */
  via: { call: CallLike | TSESTree.MemberExpression; from: CodeUnit } | undefined;
}

/**
 * Which code units of the module run on an invocation, and through which path: the handlers, and
 * transitively every local function, method, constructor or getter they call (breadth first, so each
 * unit keeps its shortest path; a unit is visited once, which also ends cycles).
 */
export function reachFromHandlers(handlers: readonly Handler[], index: ModuleIndex, scopes: Scopes): Map<CodeUnit, Reach> {
  const reached = new Map<CodeUnit, Reach>();
  const factories = new Map(handlers.flatMap((handler) => (handler.factory ? [[handler.factory.fn, handler.factory.call] as const] : [])));
  const resolver = new CalleeResolver(index, scopes, factories);
  for (const handler of handlers) {
    reached.set(handler.fn, { handler, path: [], repeated: false, via: undefined });
  }
  for (const handler of handlers) {
    const queue: CodeUnit[] = [handler.fn];
    while (queue.length > 0) {
      const unit = queue.shift()!;
      const reach = reached.get(unit)!;
      if (reach.handler !== handler) continue;
      const enter = (target: CodeUnit, call: CallLike | TSESTree.MemberExpression, repeated: boolean, hop = true) => {
        if (reached.has(target)) return;
        const path = hop ? [...reach.path, unitName(target)] : reach.path;
        reached.set(target, { handler, path, repeated: reach.repeated || repeated, via: { call, from: unit } });
        queue.push(target);
      };
      if (isClass(unit)) {
        // `new C()` runs the constructor and the superclass's, with the same path.
        const constructor = findMethod(unit, 'constructor', scopes, ['constructor']);
        const via = reach.via?.call ?? unit;
        if (constructor) enter(constructor, via as CallLike, false, false);
        const superClass = superClassOf(unit, scopes);
        if (superClass) enter(superClass, via as CallLike, false, false);
      }
      for (const body of unitAndNested(unit, index)) {
        for (const call of index.callsByUnit.get(body) ?? []) {
          const repeated = isRepeatedWithin(call, unit);
          for (const target of resolver.callees(call)) enter(target, call, repeated);
          // Local functions passed as callbacks run too: `records.map(processRecord)`.
          const perElement = call.type === AST_NODE_TYPES.CallExpression && iterationCallee(call);
          for (const argument of call.arguments) {
            const bare = unwrap(argument);
            if (bare.type !== AST_NODE_TYPES.Identifier && bare.type !== AST_NODE_TYPES.MemberExpression) continue;
            for (const target of resolver.functions(bare)) enter(target, call, repeated || perElement);
          }
        }
        if (index.getterNames.size === 0) continue;
        for (const read of index.readsByUnit.get(body) ?? []) {
          const name = propertyName(read);
          if (name === undefined || !index.getterNames.has(name)) continue;
          for (const target of resolver.members(read, ['get'])) enter(target, read, isRepeatedWithin(read, unit));
        }
      }
    }
  }
  return reached;
}

/**
 * The unit itself, or the nearest unit around it, that runs per invocation, with how it is reached:
 * a callback defined in a reached function runs as part of it.
 */
export function reachedUnitAround(
  unit: CodeUnit | undefined,
  reached: ReadonlyMap<CodeUnit, Reach>,
): [CodeUnit, Reach] | undefined {
  for (let current = unit; current; current = enclosingUnit(current)) {
    const reach = reached.get(current);
    if (reach) return [current, reach];
  }
  return undefined;
}

/** A unit and the functions nested in it, transitively: callbacks defined in a handler run with it. */
function unitAndNested(unit: CodeUnit, index: ModuleIndex): CodeUnit[] {
  const all: CodeUnit[] = [unit];
  for (let i = 0; i < all.length; i++) {
    for (const nested of index.nestedByUnit.get(all[i]) ?? []) {
      // Methods and arrow-function fields run only when called; calls to them are resolved like others.
      const parent = nested.parent?.type;
      if (parent !== AST_NODE_TYPES.MethodDefinition && parent !== AST_NODE_TYPES.PropertyDefinition) all.push(nested);
    }
  }
  return all;
}

/** `xs.map(f)`, `xs.forEach(f)`: its callback runs once per element. */
function iterationCallee(call: TSESTree.CallExpression): boolean {
  const callback = call.arguments[0];
  return callback !== undefined && iterationCall(callback) !== undefined;
}

/** Resolves what a call or `new` runs, when it is code of this module. */
class CalleeResolver {
  constructor(
    private readonly index: ModuleIndex,
    private readonly scopes: Scopes,
    /** Handler factories and the call that made the handler: their parameters are its arguments. */
    private readonly factories: ReadonlyMap<CodeUnit, TSESTree.CallExpression>,
  ) {}

  callees(call: CallLike): CodeUnit[] {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) return this.members(callee, ['method']);
    // An immediately invoked function is nested in the caller already: it runs as part of it.
    if (isFunction(callee)) return [];
    return this.functions(callee);
  }

  /** A function or class that an expression denotes: `fn`, `const fn = () => {}`, `class C {}`. */
  functions(expression: TSESTree.Node, depth = 0): CodeUnit[] {
    const node = unwrap(expression);
    if (isFunction(node) || isClass(node)) return [node];
    if (node.type === AST_NODE_TYPES.MemberExpression) return this.members(node, ['method']);
    if (node.type !== AST_NODE_TYPES.Identifier || depth > 4) return [];
    const variable = this.scopes.resolve(node);
    if (!variable || variable.defs.length !== 1) return [];
    const def = variable.defs[0]!;
    if ((def.type === 'FunctionName' && isFunction(def.node)) || (def.type === 'ClassName' && isClass(def.node))) {
      return [def.node];
    }
    if (def.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
      return this.functions(def.node.init, depth + 1);
    }
    // `const makeHandler = ({ detect }) => async (event) => { await detect(...) }`, exported as
    // `makeHandler({ detect })`: the parameter is what the factory call passed.
    const call = def.type === 'Parameter' ? this.factories.get(def.node as CodeUnit) : undefined;
    const argument = call && factoryArgument(def.node as FunctionNode, def.name as TSESTree.Identifier, call, this.scopes);
    return argument ? this.functions(argument, depth + 1) : [];
  }

  /** `this.m()`, `super.m()`, `C.m()`, `obj.m()` with `obj = new C()` or an object literal. */
  members(member: TSESTree.MemberExpression, kinds: Array<'method' | 'get'>): FunctionNode[] {
    const name = propertyName(member);
    if (name === undefined) return [];
    const object = unwrap(member.object);
    const classOf = (classNode: ClassNode | undefined) => {
      const method = classNode && findMethod(classNode, name, this.scopes, kinds);
      return method ? [method] : [];
    };
    if (object.type === AST_NODE_TYPES.ThisExpression) return classOf(enclosingClass(member));
    if (object.type === AST_NODE_TYPES.Super) {
      const current = enclosingClass(member);
      return classOf(current && superClassOf(current, this.scopes));
    }
    if (object.type === AST_NODE_TYPES.Identifier) {
      const def = this.scopes.resolve(object)?.defs[0];
      if (def?.type === 'ClassName' && isClass(def.node)) return this.staticMember(def.node, name);
      const init = def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
      if (init?.type === AST_NODE_TYPES.NewExpression) {
        const classNode = this.functions(init.callee).find(isClass);
        if (classNode) return classOf(classNode);
      }
      if (init?.type === AST_NODE_TYPES.ObjectExpression) return objectMethod(init, name);
      if (init && isClass(init)) return this.staticMember(init, name);
    }
    if (object.type === AST_NODE_TYPES.NewExpression) {
      return classOf(this.functions(object.callee).find(isClass));
    }
    // An object we cannot trace (a parameter, `this.store`): a method name defined once in the module
    // is that method.
    if (!kinds.includes('method')) return [];
    const candidates = this.index.methodsByName.get(name) ?? [];
    return candidates.length === 1 ? candidates : [];
  }

  private staticMember(classNode: ClassNode, name: string): FunctionNode[] {
    for (const member of classNode.body.body) {
      if (
        (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
        member.static &&
        propertyName(member) === name &&
        member.value &&
        isFunction(member.value)
      ) {
        return [member.value];
      }
    }
    return [];
  }
}

/** What a factory call passed for one of the factory's parameters, plain or destructured from an object. */
function factoryArgument(
  fn: FunctionNode,
  name: TSESTree.Identifier,
  call: TSESTree.CallExpression,
  scopes: Scopes,
): TSESTree.Node | undefined {
  const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
  let param: TSESTree.Node | undefined = fn.params[index];
  let argument: TSESTree.Node | undefined = call.arguments[index];
  if (param?.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
  if (!param || !argument) return undefined;
  if (param.type === AST_NODE_TYPES.Identifier) return argument;
  if (param.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const property = param.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === AST_NODE_TYPES.Property &&
      (candidate.value.type === AST_NODE_TYPES.AssignmentPattern ? candidate.value.left : candidate.value) === name,
  );
  const key = property && propertyName(property);
  argument = unwrap(argument);
  if (argument.type === AST_NODE_TYPES.Identifier) {
    const def = scopes.resolve(argument)?.defs[0];
    if (def?.type === 'Variable' && def.node.init) argument = unwrap(def.node.init);
  }
  if (key === undefined || argument.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const passed = argument.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && propertyName(candidate) === key,
  );
  return passed?.value;
}

function objectMethod(object: TSESTree.ObjectExpression, name: string): FunctionNode[] {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyName(property) === name && isFunction(property.value)) {
      return [property.value];
    }
  }
  return [];
}

/** The class whose `this` a node sees: arrow functions see through, other functions stop at methods. */
export function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
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
