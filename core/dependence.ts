import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, enclosingUnit, isFunction, iterationCall, propertyName, unwrap, walk } from './ast.js';
import { unitName } from './module-index.js';
import type { Reach } from './reachability.js';
import { enclosingClass, reachedUnitAround } from './reachability.js';
import type { Scopes } from './scope.js';
import { isModuleLevel } from './scope.js';
import type { CodeUnit, RequestDependence } from './types.js';

type Node = TSESTree.Node;
type Result = RequestDependence | undefined;

/**
 * Decides whether a value depends on the request. Request data: the handler's parameters (`event`,
 * `context`) and anything derived from them, values awaited per invocation (an STS `AssumeRole` result,
 * a secret), parameters of callbacks iterating request data, caught errors. Stable: literals, imports,
 * module-level values, globals (`process.env`), locals computed only from those, and a helper's
 * parameters when the call that reached it passes stable arguments.
 */
export class RequestDependenceAnalyzer {
  private readonly variables = new Map<Variable, Result | 'pending'>();
  private readonly thisAssignments = new Map<Node, Map<string, Node[]>>();
  private readonly thisProperties = new Map<string, Result | 'pending'>();

  constructor(
    private readonly scopes: Scopes,
    private readonly reached: ReadonlyMap<CodeUnit, Reach>,
    /** Is this node a creation site? Awaiting one is creating it, not fetching request data. */
    private readonly isCreation: (node: Node) => boolean,
  ) {}

  /** Does any argument of a creation depend on the request? */
  ofCreation(creation: TSESTree.CallExpression | TSESTree.NewExpression): Result {
    for (const argument of creation.arguments) {
      const found = this.of(argument);
      if (found) return found;
    }
    return undefined;
  }

  /** Walks an expression's reads; the first one that carries request data decides. */
  of(expression: Node): Result {
    let found: Result;
    walk(expression, (node) => {
      if (found) return false;
      switch (node.type) {
        case AST_NODE_TYPES.Identifier:
          if (isRead(node)) found = this.ofIdentifier(node, expression);
          return false;
        case AST_NODE_TYPES.AwaitExpression:
          found = this.ofAwait(node, describe(node.argument));
          return !found;
        case AST_NODE_TYPES.MemberExpression:
          if (unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) {
            found = this.ofThisProperty(node);
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
    return found;
  }

  private ofAwait(node: TSESTree.AwaitExpression, input: string): Result {
    let argument = unwrap(node.argument);
    // `await create().catch(...)`: still the creation.
    while (
      argument.type === AST_NODE_TYPES.CallExpression &&
      argument.callee.type === AST_NODE_TYPES.MemberExpression &&
      ['catch', 'then', 'finally'].includes(propertyName(argument.callee) ?? '')
    ) {
      argument = unwrap(argument.callee.object);
    }
    if (argument.type === AST_NODE_TYPES.ImportExpression || this.isCreation(argument)) return undefined;
    const unit = enclosingUnit(node);
    if (!unit || !this.isPerInvocation(unit)) return undefined; // awaited once, at module scope
    return { input, why: 'awaited', in: this.nameOf(unit) };
  }

  private ofIdentifier(identifier: TSESTree.Identifier, within: Node): Result {
    const variable = this.scopes.resolve(identifier);
    const def = variable?.defs[0];
    if (!variable || !def) return undefined; // a global: `process`, `JSON`, `Date`
    if (contains(within, def.name)) return undefined; // declared inside the expression itself
    const cached = this.variables.get(variable);
    if (cached === 'pending') return undefined;
    if (cached !== undefined || this.variables.has(variable)) return cached;
    this.variables.set(variable, 'pending');
    const result = this.ofVariable(variable, identifier.name);
    this.variables.set(variable, result);
    return result;
  }

  private ofVariable(variable: Variable, name: string): Result {
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'Parameter':
        return this.ofParameter(def.node as Node, def.name, name);
      case 'CatchClause': {
        const unit = enclosingUnit(def.node);
        return unit && this.isPerInvocation(unit) ? { input: name, why: 'caught', in: this.nameOf(unit) } : undefined;
      }
      case 'Variable':
        return this.ofWrites(variable, def.node, name);
      default:
        return undefined; // imports, functions, classes, enums, types
    }
  }

  /** A variable is as request-dependent as any value written to it per invocation. */
  private ofWrites(variable: Variable, declarator: TSESTree.VariableDeclarator, name: string): Result {
    const values: Node[] = [];
    const moduleLevel = isModuleLevel(variable);
    if (declarator.init && !moduleLevel) values.push(declarator.init);
    const loop = declarator.parent.parent;
    if (
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declarator.parent
    ) {
      values.push(loop.right);
    }
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init || !reference.writeExpr) continue;
      const unit = enclosingUnit(reference.identifier);
      if (!moduleLevel || (unit && this.isPerInvocation(unit))) values.push(reference.writeExpr);
    }
    for (const value of values) {
      const found = this.ofValue(value, name);
      if (found) return found;
    }
    return undefined;
  }

  /** An awaited value stored in a variable is reported under the variable's name. */
  private ofValue(value: Node, name: string): Result {
    const found = this.of(value);
    if (found?.why === 'awaited' && unwrap(value).type === AST_NODE_TYPES.AwaitExpression) {
      return { ...found, input: name };
    }
    return found;
  }

  private ofParameter(fn: Node, declaration: Node, name: string): Result {
    if (!isFunction(fn)) return undefined;
    const reach = this.reached.get(fn);
    if (reach && reach.path.length === 0 && reach.handler.fn === fn) {
      return { input: name, why: 'handler-parameter', in: reach.handler.name };
    }
    const position = fn.params.findIndex((param) => contains(param, declaration));
    if (reach?.via && reach.via.call.type !== AST_NODE_TYPES.MemberExpression) {
      // A helper's parameter is what its caller passed.
      const argument = reach.via.call.arguments[position];
      return argument ? this.of(argument) : undefined;
    }
    const outer = enclosingUnit(fn);
    if (!outer || !this.isPerInvocation(outer)) return undefined;
    const iteration = iterationCall(fn);
    if (iteration) {
      // `xs.map((x) => ...)`: the element is as request-dependent as `xs`; the index and others are not.
      return position === 0 ? this.of((iteration.callee as TSESTree.MemberExpression).object) : undefined;
    }
    return { input: name, why: 'callback-parameter', in: this.nameOf(outer) };
  }

  /** `this.x`: what the class assigns to it (constructor, methods, field initialiser). */
  private ofThisProperty(member: TSESTree.MemberExpression): Result {
    const name = propertyName(member);
    const classNode = enclosingClass(member);
    if (name === undefined || !classNode) return undefined;
    // `this.options = { ...this.options, retries: 3 }` reads itself: visit each property once.
    const key = `${classNode.range[0]}:${name}`;
    const cached = this.thisProperties.get(key);
    if (cached === 'pending') return undefined;
    if (cached !== undefined || this.thisProperties.has(key)) return cached;
    this.thisProperties.set(key, 'pending');
    let result: Result;
    for (const value of this.assignmentsToThis(classNode).get(name) ?? []) {
      result = this.of(value);
      if (result) break;
    }
    this.thisProperties.set(key, result);
    return result;
  }

  private assignmentsToThis(classNode: Node): Map<string, Node[]> {
    let assignments = this.thisAssignments.get(classNode);
    if (assignments) return assignments;
    const found = new Map<string, Node[]>();
    assignments = found;
    this.thisAssignments.set(classNode, found);
    const add = (name: string | undefined, value: Node | null) => {
      if (name === undefined || !value) return;
      found.set(name, [...(found.get(name) ?? []), value]);
    };
    walk(classNode, (node) => {
      if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.static) add(propertyName(node), node.value);
      if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        node.left.object.type === AST_NODE_TYPES.ThisExpression
      ) {
        add(propertyName(node.left), node.right);
      }
      return true;
    });
    return assignments;
  }

  /** Does this unit run per invocation: reached itself, or nested in a reached unit? */
  private isPerInvocation(unit: CodeUnit): boolean {
    return reachedUnitAround(unit, this.reached) !== undefined;
  }

  private nameOf(unit: CodeUnit): string {
    const around = reachedUnitAround(unit, this.reached);
    if (!around) return unitName(unit);
    const [current, reach] = around;
    return reach.path.length === 0 ? reach.handler.name : unitName(current);
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
