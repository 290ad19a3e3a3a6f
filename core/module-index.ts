import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { enclosingUnit, isClass, isFunction, propertyName, walk } from './ast.js';
import type { CodeUnit, FunctionNode } from './types.js';

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** What one walk of the module collects, for reachability and for finding creation sites. */
export interface ModuleIndex {
  /** Every call and `new`, in source order. */
  calls: CallLike[];
  /** Calls and `new`s grouped by the code unit that runs them (`undefined`: module scope). */
  callsByUnit: Map<CodeUnit | undefined, CallLike[]>;
  /** Property reads that are not calls (`this.client`), grouped by unit: they may run a getter. */
  readsByUnit: Map<CodeUnit | undefined, TSESTree.MemberExpression[]>;
  /** Functions directly nested in each unit: callbacks run as part of the unit that defines them. */
  nestedByUnit: Map<CodeUnit | undefined, FunctionNode[]>;
  /** Class methods and object-literal methods by name, to resolve `obj.method()` on unknown `obj`. */
  methodsByName: Map<string, FunctionNode[]>;
  /** Names of getters declared in the module; reads of other names need no resolution. */
  getterNames: Set<string>;
  /** Every variable declarator, to find which local names can hold a resource's module. */
  declarators: TSESTree.VariableDeclarator[];
}

export function indexModule(program: TSESTree.Program): ModuleIndex {
  const index: ModuleIndex = {
    calls: [],
    callsByUnit: new Map(),
    readsByUnit: new Map(),
    nestedByUnit: new Map(),
    methodsByName: new Map(),
    getterNames: new Set(),
    declarators: [],
  };
  walk(program, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        index.calls.push(node);
        append(index.callsByUnit, enclosingUnit(node), node);
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (!isCallee(node)) append(index.readsByUnit, enclosingUnit(node), node);
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.init) index.declarators.push(node);
        break;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        append(index.nestedByUnit, enclosingUnit(node), node);
        break;
      case AST_NODE_TYPES.MethodDefinition: {
        const name = propertyName(node);
        if (name === undefined) break;
        if (node.kind === 'method' && isFunction(node.value)) append(index.methodsByName, name, node.value);
        if (node.kind === 'get') index.getterNames.add(name);
        break;
      }
      case AST_NODE_TYPES.Property: {
        const name = propertyName(node);
        if (name !== undefined && isFunction(node.value) && node.parent.type === AST_NODE_TYPES.ObjectExpression) {
          append(index.methodsByName, name, node.value);
        }
        break;
      }
      // Types never run: skip them (they are a large part of .d.ts-heavy TypeScript).
      case AST_NODE_TYPES.TSTypeAnnotation:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
      case AST_NODE_TYPES.TSTypeParameterInstantiation:
      case AST_NODE_TYPES.TSTypeParameterDeclaration:
        return false;
    }
    return true;
  });
  return index;
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
