import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { propertyName, unwrap } from './ast.js';
import type { Scopes } from './scope.js';
import { isReassigned } from './scope.js';

/** Where a value comes from: a module, and the property path inside it (`[]` is the module itself). */
export interface ModuleRef {
  module: string;
  path: string[];
}

/**
 * Resolves expressions to the module values they denote, following ESM imports (named, default,
 * namespace, aliased), `import x = require()`, CommonJS `require` (whole, destructured, member) and
 * `await import()`, through `const` aliases and destructuring. A name that is not bound to an import
 * resolves to nothing, so a local class called `S3Client` is never mistaken for the SDK's.
 */
export class ImportResolver {
  private readonly variables = new Map<Variable, ModuleRef | null>();

  constructor(private readonly scopes: Scopes) {}

  resolve(expression: TSESTree.Node): ModuleRef | undefined {
    return this.resolveNode(expression, 0);
  }

  private resolveNode(expression: TSESTree.Node, depth: number): ModuleRef | undefined {
    if (depth > 12) return undefined;
    const node = unwrap(expression);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.scopes.resolve(node);
        return variable ? this.resolveVariable(variable, depth) : undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        if (name === undefined) return undefined;
        const object = this.resolveNode(node.object, depth + 1);
        return object && extend(object, [name]);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.requireCall(node) ?? this.instrumented(node, depth);
      case AST_NODE_TYPES.AwaitExpression: {
        const argument = unwrap(node.argument);
        if (argument.type === AST_NODE_TYPES.ImportExpression) return moduleOf(argument.source);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** `require('m')`, with `require` not shadowed by a local binding. */
  private requireCall(call: TSESTree.CallExpression): ModuleRef | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return undefined;
    if (call.arguments.length !== 1 || this.scopes.resolve(callee)?.defs.length) return undefined;
    return moduleOf(call.arguments[0]!);
  }

  /**
   * `AWSXRay.captureAWS(require('aws-sdk'))`, `captureMySQL(require('mysql'))`: X-Ray's instrumentation
   * returns the module it is given, so the result is that module.
   */
  private instrumented(call: TSESTree.CallExpression, depth: number): ModuleRef | undefined {
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    if (!name || !/^capture[A-Z]/.test(name) || call.arguments.length !== 1) return undefined;
    return this.resolveNode(call.arguments[0]!, depth + 1);
  }

  private resolveVariable(variable: Variable, depth: number): ModuleRef | undefined {
    const cached = this.variables.get(variable);
    if (cached !== undefined) return cached ?? undefined;
    this.variables.set(variable, null); // guards against `const a = b, b = a`
    const ref = this.fromDefinition(variable, depth);
    this.variables.set(variable, ref ?? null);
    return ref;
  }

  private fromDefinition(variable: Variable, depth: number): ModuleRef | undefined {
    // A variable written to after its declaration may hold anything: only single definitions count.
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'ImportBinding':
        return this.fromImport(def.node);
      case 'Variable': {
        const declarator = def.node;
        if (!declarator.init || declarator.parent.kind !== 'const' && isReassigned(variable)) return undefined;
        const source = this.resolveNode(declarator.init, depth + 1);
        if (!source) return undefined;
        const path = patternPath(declarator.id, def.name);
        return path && extend(source, path);
      }
      default:
        return undefined;
    }
  }

  private fromImport(
    node:
      | TSESTree.ImportDefaultSpecifier
      | TSESTree.ImportNamespaceSpecifier
      | TSESTree.ImportSpecifier
      | TSESTree.TSImportEqualsDeclaration,
  ): ModuleRef | undefined {
    if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = node.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
      return moduleOf(reference.expression);
    }
    const module = (node.parent as TSESTree.ImportDeclaration).source.value;
    switch (node.type) {
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        // A default import of a CommonJS module is the module itself: `import pg from 'pg'`.
        return { module, path: [] };
      case AST_NODE_TYPES.ImportSpecifier: {
        const imported =
          node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
        return { module, path: imported === 'default' ? [] : [imported] };
      }
    }
  }
}

function moduleOf(source: TSESTree.Node): ModuleRef | undefined {
  if (source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') {
    return { module: source.value, path: [] };
  }
  if (source.type === AST_NODE_TYPES.TemplateLiteral && source.expressions.length === 0) {
    return { module: source.quasis[0]!.value.cooked ?? '', path: [] };
  }
  return undefined;
}

/** Appends property names; `default` in first position is the module itself (CommonJS interop). */
function extend(ref: ModuleRef, names: readonly string[]): ModuleRef {
  const path = [...ref.path];
  for (const name of names) {
    if (path.length === 0 && name === 'default') continue;
    path.push(name);
  }
  return { module: ref.module, path };
}

/**
 * The property path from a declarator's value to `name` inside a destructuring pattern:
 * `const { Pool } = x` gives `['Pool']`, `const { a: { b: c } } = x` gives `['a', 'b']` for `c`.
 */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === name || pattern.name === name.name ? [] : undefined;
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
