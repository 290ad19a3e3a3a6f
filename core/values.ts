import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { isClass, isFunction, propertyName, unwrap } from './ast.js';
import type { Scopes } from './scope.js';
import { isModuleLevel, isReassigned } from './scope.js';
import type { CodeUnit, FunctionNode } from './types.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * What an expression denotes, as far as one module can tell without running it. The one answer to
 * "what is the value of this identifier" that handlers, creation sites, call edges and caches share.
 */
export type Value =
  /** A function or class of this module. */
  | { kind: 'unit'; node: CodeUnit }
  /** Something from another module: `{ module: 'pg', path: ['Pool'] }`; `[]` is the module itself. */
  | { kind: 'module'; module: string; path: string[] }
  /** An object literal of this module. */
  | { kind: 'object'; node: TSESTree.ObjectExpression }
  /** `new C()`: an instance, held at module level (created once) or locally (created on each run). */
  | { kind: 'instance'; of: Value | undefined; held: 'module' | 'local' }
  /** CommonJS `exports` / `module.exports`. */
  | { kind: 'exports' }
  /** A global the module does not declare (`process`, `globalThis`, `console`). */
  | { kind: 'global'; name: string };

/** Where a value comes from: a module, and the property path inside it (`[]` is the module itself). */
export interface ModuleRef {
  module: string;
  path: string[];
}

/** One CommonJS export assignment: `exports.x = v`, `module.exports.x = v`, `module.exports = { x }`. */
export interface CommonJsExport {
  name: string;
  value: Node;
  statement: TSESTree.Statement;
}

/**
 * Resolves expressions to values through the scope manager's references: ESM imports (named, default,
 * namespace, aliased), `import x = require()`, CommonJS `require` (also one made by `createRequire`),
 * `await import()`, X-Ray's `capture*()` wrappers, `const` aliases and destructuring, member access on
 * modules, object literals, classes (static members), instances (methods through superclasses) and
 * CommonJS `exports`. A name bound to nothing known resolves to nothing, so a local class called
 * `S3Client` is never the SDK's and an imported object's method is never a local one of the same name.
 */
export class Values {
  private readonly variables = new Map<Variable, Value | null>();
  private readonly globals = new Map<string, Value>();
  private commonJs: Map<string, Node> | undefined;

  constructor(
    private readonly scopes: Scopes,
    private readonly program: TSESTree.Program,
    /** Handler factories and the call that made the handler: a factory parameter is what the call passed. */
    private readonly factories: ReadonlyMap<Node, TSESTree.CallExpression> = new Map(),
  ) {}

  /** The same resolution, with handler factories known: a factory's parameter is what the factory call passed. */
  withFactories(factories: ReadonlyMap<Node, TSESTree.CallExpression>): Values {
    return factories.size === 0 ? this : new Values(this.scopes, this.program, factories);
  }

  /** The value an expression denotes, or undefined when this module cannot tell. */
  of(expression: Node, depth = 0): Value | undefined {
    if (depth > 12) return undefined;
    const node = unwrap(expression);
    if (isFunction(node) || isClass(node)) return { kind: 'unit', node };
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.ofIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        if (name === undefined) return undefined;
        const object = this.of(node.object, depth + 1);
        return object && this.member(object, name, depth + 1);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.ofCall(node, depth);
      case AST_NODE_TYPES.AwaitExpression: {
        const argument = unwrap(node.argument);
        return argument.type === AST_NODE_TYPES.ImportExpression ? moduleOf(argument.source) : undefined;
      }
      case AST_NODE_TYPES.NewExpression:
        return { kind: 'instance', of: this.of(node.callee, depth + 1), held: 'local' };
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'object', node };
      default:
        return undefined;
    }
  }

  /** A property of a value: a module's export path, an object literal's property, a class's static. */
  member(value: Value, name: string, depth = 0): Value | undefined {
    switch (value.kind) {
      case 'module':
        return { kind: 'module', module: value.module, path: extendPath(value.path, [name]) };
      case 'object': {
        const property = objectProperty(value.node, name);
        return property && property.kind === 'init' ? this.of(property.value, depth + 1) : undefined;
      }
      case 'unit': {
        if (!isClass(value.node)) return undefined;
        const member = staticMember(value.node, name);
        return member?.value ? this.of(member.value, depth + 1) : undefined;
      }
      case 'instance': {
        const classNode = value.of?.kind === 'unit' && isClass(value.of.node) ? value.of.node : undefined;
        const method = classNode && this.method(classNode, name, ['method']);
        return method ? { kind: 'unit', node: method } : undefined;
      }
      case 'exports': {
        const exported = this.commonJsExports().get(name);
        return exported ? this.of(exported, depth + 1) : undefined;
      }
      case 'global':
        // `module.exports`
        return value.name === 'module' && name === 'exports' ? { kind: 'exports' } : undefined;
    }
  }

  /** The declarator of a name with one definition (`const main: Handler = ...`). */
  declaratorOf(identifier: TSESTree.Identifier): TSESTree.VariableDeclarator | undefined {
    const variable = this.scopes.resolve(identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return def?.type === 'Variable' ? def.node : undefined;
  }

  /** What a plainly declared name was initialised with (`const handler = middy(main)`: `middy(main)`). */
  initializerOf(identifier: TSESTree.Identifier): Node | undefined {
    const declarator = this.declaratorOf(identifier);
    return declarator?.id.type === AST_NODE_TYPES.Identifier ? (declarator.init ?? undefined) : undefined;
  }

  /** The module value an expression denotes (`ImportResolver`'s question), if it is one. */
  moduleRef(expression: Node): ModuleRef | undefined {
    const value = this.of(expression);
    return value?.kind === 'module' ? { module: value.module, path: value.path } : undefined;
  }

  /** The functions and classes of this module an expression denotes: `fn`, `obj.method`, `C`. */
  units(expression: Node): CodeUnit[] {
    const value = this.of(expression);
    return value?.kind === 'unit' ? [value.node] : [];
  }

  /** The method `name` of a class (through local superclasses): methods, getters or the constructor. */
  method(
    classNode: ClassNode,
    name: string,
    kinds: ReadonlyArray<TSESTree.MethodDefinition['kind']>,
  ): FunctionNode | undefined {
    for (let current: ClassNode | undefined = classNode, depth = 0; current && depth < 8; depth++) {
      for (const member of current.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition) {
          if (kinds.includes(member.kind) && !member.static && propertyName(member) === name && isFunction(member.value)) {
            return member.value;
          }
        } else if (
          // Arrow-function class fields: `handler = async (event) => { ... }`.
          member.type === AST_NODE_TYPES.PropertyDefinition &&
          !member.static &&
          kinds.includes('method') &&
          propertyName(member) === name &&
          member.value &&
          isFunction(member.value)
        ) {
          return member.value;
        }
      }
      current = this.superClass(current);
    }
    return undefined;
  }

  /** The superclass, when it is a class of this module. */
  superClass(classNode: ClassNode): ClassNode | undefined {
    if (!classNode.superClass) return undefined;
    const value = this.of(classNode.superClass);
    return value?.kind === 'unit' && isClass(value.node) ? value.node : undefined;
  }

  /** `require`, unshadowed, or a local made by `createRequire(...)` from `node:module`. */
  isRequire(callee: Node): boolean {
    const node = unwrap(callee);
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.scopes.resolve(node);
    if (!variable || variable.defs.length === 0) return node.name === 'require';
    const def = variable.defs[0]!;
    if (variable.defs.length !== 1 || def.type !== 'Variable' || !def.node.init || isReassigned(variable)) return false;
    const init = unwrap(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression) return false;
    const made = this.of(init.callee);
    return made?.kind === 'module' && (made.module === 'module' || made.module === 'node:module') && made.path.join('.') === 'createRequire';
  }

  /** CommonJS exports by name, in source order (the last assignment wins, as at run time). */
  commonJsExports(): ReadonlyMap<string, Node> {
    if (!this.commonJs) {
      this.commonJs = new Map();
      for (const { name, value } of collectCommonJsExports(this.program)) this.commonJs.set(name, value);
    }
    return this.commonJs;
  }

  private ofIdentifier(node: TSESTree.Identifier, depth: number): Value | undefined {
    const variable = this.scopes.resolve(node);
    if (!variable || variable.defs.length === 0) {
      let global = this.globals.get(node.name);
      if (!global) this.globals.set(node.name, (global = node.name === 'exports' ? { kind: 'exports' } : { kind: 'global', name: node.name }));
      return global;
    }
    const cached = this.variables.get(variable);
    if (cached !== undefined) return cached ?? undefined;
    this.variables.set(variable, null); // guards against `const a = b, b = a`
    const value = this.ofVariable(variable, depth);
    this.variables.set(variable, value ?? null);
    return value;
  }

  private ofVariable(variable: Variable, depth: number): Value | undefined {
    // A variable written after its declaration may hold anything: only single definitions count.
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'ImportBinding':
        return fromImport(def.node);
      case 'FunctionName':
      case 'ClassName':
        return isFunction(def.node) || isClass(def.node) ? { kind: 'unit', node: def.node } : undefined;
      case 'Variable': {
        const declarator = def.node;
        if (!declarator.init || (declarator.parent.kind !== 'const' && isReassigned(variable))) return undefined;
        let source = this.of(declarator.init, depth + 1);
        if (source?.kind === 'instance') source = { ...source, held: isModuleLevel(variable) ? 'module' : 'local' };
        const path = patternPath(declarator.id, def.name);
        if (!source || !path) return undefined;
        return path.reduce<Value | undefined>((value, name) => value && this.member(value, name, depth + 1), source);
      }
      case 'Parameter': {
        // `const makeHandler = ({ detect }) => async (event) => { await detect(...) }`, exported as
        // `makeHandler({ detect })`: the parameter is what the factory call passed.
        const call = this.factories.get(def.node);
        const argument = call && isFunction(def.node) ? factoryArgument(def.node, def.name, call, this) : undefined;
        return argument ? this.of(argument, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  private ofCall(call: TSESTree.CallExpression, depth: number): Value | undefined {
    const callee = unwrap(call.callee);
    if (call.arguments.length === 1 && this.isRequire(callee)) return moduleOf(call.arguments[0]!);
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'bind') {
      return this.of(callee.object, depth + 1); // `fn.bind(this)` runs `fn`
    }
    // `AWSXRay.captureAWS(require('aws-sdk'))`, `captureMySQL(require('mysql'))`: X-Ray's instrumentation
    // returns the module it is given.
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? propertyName(callee)
          : undefined;
    if (name && /^capture[A-Z]/.test(name) && call.arguments.length === 1) {
      const wrapped = this.of(call.arguments[0]!, depth + 1);
      return wrapped?.kind === 'module' ? wrapped : undefined;
    }
    return undefined;
  }
}

/** A property of an object literal, by name; the last one wins, as at run time. */
export function objectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyName(property) === name) found = property;
  }
  return found;
}

function staticMember(classNode: ClassNode, name: string): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | undefined {
  for (const member of classNode.body.body) {
    if (
      (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
      member.static &&
      propertyName(member) === name &&
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.kind === 'method')
    ) {
      return member;
    }
  }
  return undefined;
}

function fromImport(
  node: TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier | TSESTree.ImportSpecifier | TSESTree.TSImportEqualsDeclaration,
): Value | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? moduleOf(reference.expression) : undefined;
  }
  const module = (node.parent as TSESTree.ImportDeclaration).source.value;
  switch (node.type) {
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      // A default import of a CommonJS module is the module itself: `import pg from 'pg'`.
      return { kind: 'module', module, path: [] };
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
      return { kind: 'module', module, path: imported === 'default' ? [] : [imported] };
    }
  }
}

function moduleOf(source: Node): Value | undefined {
  if (source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') {
    return { kind: 'module', module: source.value, path: [] };
  }
  if (source.type === AST_NODE_TYPES.TemplateLiteral && source.expressions.length === 0) {
    return { kind: 'module', module: source.quasis[0]!.value.cooked ?? '', path: [] };
  }
  return undefined;
}

/** Appends property names; `default` in first position is the module itself (CommonJS interop). */
function extendPath(path: readonly string[], names: readonly string[]): string[] {
  const extended = [...path];
  for (const name of names) {
    if (extended.length === 0 && name === 'default') continue;
    extended.push(name);
  }
  return extended;
}

/**
 * The property path from a declarator's value to `name` inside a destructuring pattern:
 * `const { Pool } = x` gives `['Pool']`, `const { a: { b: c } } = x` gives `['a', 'b']` for `c`.
 */
function patternPath(pattern: Node, name: TSESTree.BindingName | TSESTree.Identifier): string[] | undefined {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === name || (name.type === AST_NODE_TYPES.Identifier && pattern.name === name.name) ? [] : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, name);
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const inner = patternPath(property.value, name);
        if (!inner) continue;
        const key = propertyName(property);
        return key === undefined ? undefined : [key, ...inner];
      }
      return undefined;
    default:
      return undefined;
  }
}

/** What a factory call passed for one of the factory's parameters, plain or destructured from an object. */
function factoryArgument(fn: FunctionNode, name: TSESTree.BindingName, call: TSESTree.CallExpression, values: Values): Node | undefined {
  const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
  let param: Node | undefined = fn.params[index];
  const argument: Node | undefined = call.arguments[index];
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
  const object = values.of(argument);
  if (key === undefined || object?.kind !== 'object') return undefined;
  return objectProperty(object.node, key)?.value;
}

/** `exports.x = v`, `module.exports.x = v`, `module.exports = { x }`, chained `a = b = v`, TS `export =`. */
export function collectCommonJsExports(program: TSESTree.Program): CommonJsExport[] {
  const found: CommonJsExport[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.TSExportAssignment) found.push(...objectExports(statement.expression, statement));
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    let current: Node = statement.expression;
    while (current.type === AST_NODE_TYPES.AssignmentExpression && current.operator === '=') {
      const target = unwrap(current.left);
      const value = rightmostValue(current.right);
      if (target.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(target);
        if (isModuleExports(target)) found.push(...objectExports(value, statement));
        else if (name !== undefined && (isModuleExports(target.object) || isExportsIdentifier(target.object))) {
          found.push({ name, value, statement });
        }
      }
      current = current.right;
    }
  }
  return found;
}

function rightmostValue(node: Node): Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.AssignmentExpression) current = current.right;
  return current;
}

function objectExports(value: Node, statement: TSESTree.Statement): CommonJsExport[] {
  const object = unwrap(value);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return object.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const name = propertyName(property);
    return name === undefined ? [] : [{ name, value: property.value, statement }];
  });
}

export function isModuleExports(node: Node): boolean {
  const member = unwrap(node);
  return (
    member.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(member) === 'exports' &&
    member.object.type === AST_NODE_TYPES.Identifier &&
    member.object.name === 'module'
  );
}

export function isExportsIdentifier(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'exports';
}
