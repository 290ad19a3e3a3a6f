import { analyze } from '@typescript-eslint/scope-manager';
import type { Reference, Scope, ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { isClass, unwrap } from './ast.js';

/**
 * Name lookup over a scope manager: ESLint's (`sourceCode.scopeManager`, eslint-scope or
 * typescript-eslint's) when a rule runs, or typescript-eslint's own `analyze` when `core/` runs alone
 * (the codemod).
 */
export class Scopes {
  private scopeManager: ScopeManager | undefined;
  /** Every identifier the scope manager saw used, with its reference: resolved once, looked up in O(1). */
  private referenceMap: Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Reference> | undefined;

  constructor(
    readonly program: TSESTree.Program,
    manager: ScopeManager | undefined,
    private readonly sourceType: 'module' | 'script' = program.sourceType,
  ) {
    this.scopeManager = manager;
  }

  /** Computed on first use: most modules are not Lambda code and never need it. */
  get manager(): ScopeManager {
    // JSX pragmas and lib types do not matter for value lookups.
    this.scopeManager ??= analyze(this.program, { sourceType: this.sourceType, lib: ['esnext'] });
    return this.scopeManager;
  }

  /** The innermost scope that contains `node`. */
  scopeOf(node: TSESTree.Node): Scope | null {
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const scope = this.manager.acquire(current, true);
      if (scope) {
        // A function's name and parameters belong to its own scope; its body is the same scope.
        return scope;
      }
    }
    return this.manager.globalScope;
  }

  /** The variable `name` refers to at `node`, or undefined for globals that nothing declares. */
  lookup(node: TSESTree.Node, name: string): Variable | undefined {
    for (let scope = this.scopeOf(node); scope; scope = scope.upper) {
      const variable = scope.set.get(name);
      if (variable) return variable;
    }
    return undefined;
  }

  /**
   * The variable an identifier refers to: the scope manager's own resolution of the reference, or, for an
   * identifier that is not a reference (a declaration's name), the name looked up from its scope.
   */
  resolve(identifier: TSESTree.Identifier): Variable | undefined {
    const reference = this.referenceOf(identifier);
    if (reference) return reference.resolved ?? undefined;
    return this.lookup(identifier, identifier.name);
  }

  /** The scope manager's reference for an identifier that reads or writes a variable. */
  referenceOf(identifier: TSESTree.Identifier): Reference | undefined {
    if (!this.referenceMap) {
      this.referenceMap = new Map();
      for (const scope of this.manager.scopes) {
        for (const reference of scope.references) this.referenceMap.set(reference.identifier, reference);
      }
    }
    return this.referenceMap.get(identifier);
  }
}

/** Is this the module's top-level scope: an ES module's, a script's global one, or CommonJS's wrapper? */
export function isTopLevelScope(scope: Scope): boolean {
  // ESLint analyses CommonJS with `globalReturn`: the top level is a function scope around the Program.
  return scope.type === 'module' || scope.type === 'global' || (scope.type === 'function' && scope.block.type === 'Program');
}

/** Is the variable declared in the module's top-level scope? */
export function isModuleLevel(variable: Variable): boolean {
  return isTopLevelScope(variable.scope);
}

/** Is the variable written again after its declaration (`let x = a; x = b`)? */
export function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** The class a class extends, when it is declared in this module (`class B extends A`, `A` a class here). */
export function superClassOf(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  scopes: Scopes,
): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const superClass = classNode.superClass && unwrap(classNode.superClass);
  if (superClass?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = scopes.resolve(superClass)?.defs[0];
  return def?.type === 'ClassName' && isClass(def.node) ? def.node : undefined;
}
