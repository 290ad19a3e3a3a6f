import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { isClass, isFunction, unwrap } from '../ast.js';
import { unitName } from '../module-index.js';
import type { CodeUnit, FunctionNode } from '../types.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The module's functions as the summary numbers them. A function with a name to be called by (a
 * declaration, a variable's or property's value, a method, an export, a handler) is a unit of its own;
 * an anonymous callback (`records.map((r) => ...)`, `.then(...)`, an IIFE) is part of the unit that
 * defines it, which runs it. A class is one unit with its constructor and instance field initialisers
 * (what `new` runs); its methods are units of their own.
 */
export class UnitTable {
  readonly units: CodeUnit[] = [];
  private readonly ids = new Map<Node, number>();
  private readonly around = new Map<Node, number | null>();

  constructor(
    functions: readonly (FunctionNode | ClassNode)[],
    /** Functions that are units whatever their position: handlers, middlewares. */
    entries: ReadonlySet<Node>,
  ) {
    for (const node of functions) {
      if (isClass(node) || isNamedFunction(node) || entries.has(node)) this.add(node);
    }
  }

  /** The unit's number, for a unit or a class's constructor; undefined for a callback. */
  idOf(node: Node): number | undefined {
    const id = this.ids.get(node);
    if (id !== undefined) return id;
    if (isFunction(node) && isConstructor(node)) return this.ids.get(node.parent!.parent!.parent!);
    return undefined;
  }

  unit(id: number): CodeUnit {
    return this.units[id]!;
  }

  /** The unit whose run runs `node`: undefined at module scope (and in static initialisers, decorators). */
  unitOf(node: Node): number | undefined {
    let child: Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      const cached = this.around.get(current);
      if (cached !== undefined) return this.remember(node, cached ?? undefined);
      if (isFunction(current)) {
        const id = this.idOf(current);
        if (id !== undefined) return this.remember(node, id);
        continue; // a callback runs as part of the unit around it
      }
      if (
        (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
        child === current.value
      ) {
        if (current.static) return this.remember(node, this.unitOf(current.parent.parent));
        return this.remember(node, this.ids.get(current.parent.parent));
      }
      if (current.type === AST_NODE_TYPES.StaticBlock) return this.remember(node, this.unitOf(current.parent.parent));
      if (current.type === AST_NODE_TYPES.Decorator) return this.remember(node, this.unitOf(current.parent));
    }
    return undefined;
  }

  /** The unit whose variables a unit closes over: the unit around a function, or around its class for a method. */
  parentOf(id: number): number | undefined {
    const unit = this.unit(id);
    const owner = isMethodLike(unit) ? unit.parent.parent.parent : unit;
    return this.unitOf(owner);
  }

  /** The class a method, getter or arrow-function field belongs to. */
  classOf(id: number): ClassNode | undefined {
    const unit = this.unit(id);
    return isMethodLike(unit) ? (unit.parent.parent.parent as ClassNode) : undefined;
  }

  name(id: number): string {
    return unitName(this.unit(id));
  }

  private add(node: CodeUnit): void {
    if (this.ids.has(node)) return;
    this.ids.set(node, this.units.length);
    this.units.push(node);
  }

  /** Everything inside `node.parent` runs in the same unit as `node`, except the parts of a class member. */
  private remember(node: Node, id: number | undefined): number | undefined {
    const parent = node.parent;
    if (parent && parent.type !== AST_NODE_TYPES.PropertyDefinition && parent.type !== AST_NODE_TYPES.AccessorProperty) {
      this.around.set(parent, id ?? null);
    }
    return id;
  }
}

/** A function that can be called by a name: not a callback written in place. */
function isNamedFunction(fn: FunctionNode | ClassNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return true;
  let child: Node = fn;
  let parent = fn.parent;
  // `const f = (async () => ...) as Handler`
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child;
    case AST_NODE_TYPES.Property:
      return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.MethodDefinition:
      return parent.kind !== 'constructor';
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === child;
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return true;
    default:
      return false;
  }
}

function isConstructor(fn: FunctionNode): boolean {
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor';
}

/** A method, getter, setter or arrow-function field of a class. */
export function isMethodLike(unit: CodeUnit): unit is FunctionNode & { parent: TSESTree.MethodDefinition | TSESTree.PropertyDefinition } {
  const parent = unit.parent;
  return (
    isFunction(unit) &&
    (parent?.type === AST_NODE_TYPES.MethodDefinition ||
      (parent?.type === AST_NODE_TYPES.PropertyDefinition && unwrap(parent.value!) === unit))
  );
}
