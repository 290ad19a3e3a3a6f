import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { isClass, isFunction, propertyName, walk } from './ast.js';
import type { CodeUnit, FunctionNode } from './types.js';

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** What one walk of the module collects, for the summary and for finding creation sites. */
export interface ModuleIndex {
  /** Every call and `new`, in source order. */
  calls: CallLike[];
  /** Every function and class, in source order. */
  functions: Array<CodeUnit>;
  /** Every assignment, in source order: writes to module state and caches. */
  assignments: TSESTree.AssignmentExpression[];
  /** Class methods and object-literal methods by name, to resolve `obj.method()` on an untraceable `obj`. */
  methodsByName: Map<string, FunctionNode[]>;
  /**
   * Every name a member of this module's objects, classes or CommonJS exports may have: a call
   * `x.name()` on another name cannot run this module's code (unless `x` is imported, in project mode).
   */
  memberNames: Set<string>;
  /** Names of getters declared in the module (classes and object literals); reads of other names need no resolution. */
  getterNames: Set<string>;
  /** Every variable declarator with an initialiser, to find which local names can hold a resource's module. */
  declarators: TSESTree.VariableDeclarator[];
}

const TYPE_ONLY: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSTypeAnnotation,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSTypeParameterInstantiation,
  AST_NODE_TYPES.TSTypeParameterDeclaration,
]);

export function indexModule(program: TSESTree.Program): ModuleIndex {
  const index: ModuleIndex = {
    calls: [],
    functions: [],
    assignments: [],
    methodsByName: new Map(),
    memberNames: new Set(),
    getterNames: new Set(),
    declarators: [],
  };
  walk(program, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        index.calls.push(node);
        break;
      case AST_NODE_TYPES.NewExpression:
        index.calls.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        index.assignments.push(node);
        if (node.left.type === AST_NODE_TYPES.MemberExpression) {
          const name = propertyName(node.left);
          if (name !== undefined) index.memberNames.add(name); // `exports.getClient = ...`, `obj.run = ...`
        }
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.init) index.declarators.push(node);
        break;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        index.functions.push(node);
        break;
      case AST_NODE_TYPES.PropertyDefinition: {
        const name = propertyName(node);
        if (name !== undefined) index.memberNames.add(name);
        break;
      }
      case AST_NODE_TYPES.MethodDefinition: {
        const name = propertyName(node);
        if (name === undefined) break;
        index.memberNames.add(name);
        if (node.kind === 'method' && isFunction(node.value)) append(index.methodsByName, name, node.value);
        if (node.kind === 'get') index.getterNames.add(name);
        break;
      }
      case AST_NODE_TYPES.Property: {
        const name = propertyName(node);
        if (name !== undefined && node.parent.type === AST_NODE_TYPES.ObjectExpression) index.memberNames.add(name);
        if (name === undefined || !isFunction(node.value) || node.parent.type !== AST_NODE_TYPES.ObjectExpression) break;
        if (node.kind === 'get') index.getterNames.add(name);
        else if (node.kind === 'init') append(index.methodsByName, name, node.value);
        break;
      }
    }
    // Types never run: skip them (they are a large part of .d.ts-heavy TypeScript).
    return !TYPE_ONLY.has(node.type);
  });
  return index;
}

/**
 * Reads of a getter's name that are not calls (`this.client`, `services.s3`): they may run the getter.
 * Walked for only when the module declares getters (most do not).
 */
export function getterReads(program: TSESTree.Program, index: ModuleIndex): TSESTree.MemberExpression[] {
  const reads: TSESTree.MemberExpression[] = [];
  if (index.getterNames.size === 0) return reads;
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && !isCallee(node)) {
      const name = propertyName(node);
      if (name !== undefined && index.getterNames.has(name)) reads.push(node);
    }
    return !TYPE_ONLY.has(node.type);
  });
  return reads;
}

function isCallee(member: TSESTree.MemberExpression): boolean {
  let current: TSESTree.Node = member;
  while (current.parent?.type === AST_NODE_TYPES.ChainExpression) current = current.parent;
  const parent = current.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee === current
  );
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A readable name for a unit, for the message's path: `loadUser`, `IndexStore.put`, `new IndexStore`. */
export function unitName(unit: CodeUnit): string {
  if (isClass(unit)) return `new ${className(unit)}`;
  if (unit.type === AST_NODE_TYPES.FunctionDeclaration && unit.id) return unit.id.name;
  const parent = unit.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
      break;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition: {
      const classNode = parent.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
      if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
        return `new ${className(classNode)}`;
      }
      return `${className(classNode)}.${propertyName(parent) ?? 'method'}`;
    }
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      const owner =
        object.parent?.type === AST_NODE_TYPES.VariableDeclarator && object.parent.id.type === AST_NODE_TYPES.Identifier
          ? `${object.parent.id.name}.`
          : '';
      return `${owner}${propertyName(parent) ?? 'method'}`;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      if (parent.left.type === AST_NODE_TYPES.MemberExpression) return propertyName(parent.left) ?? 'function';
      break;
  }
  if (unit.type === AST_NODE_TYPES.FunctionExpression && unit.id) return unit.id.name;
  return 'anonymous function';
}

function className(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string {
  if (classNode.id) return classNode.id.name;
  const parent = classNode.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  return 'class';
}
