import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { propertyName, unwrap } from '../ast.js';

type Node = TSESTree.Node;

/** How a singleton is initialised. */
export type Form =
  | 'sync' // (x ??= create())
  | 'promise' // (x ??= create().catch(forget)): the creation returns a promise
  | 'connect'; // (x ??= (async () => { const created = create(); await created.connect(); return created; })().catch(forget))

/** A lazily initialised singleton already in the module, in the shape the plan writes. */
export interface ExistingSingleton {
  name: string;
  getter: string;
  key: string;
  /** The getter's declaration: new declarations go after the last of these. */
  statement: TSESTree.VariableDeclaration;
}

/** What identifies a resource: how it is initialised and its creation text, whitespace folded. */
export function singletonKey(form: Form, creation: string): string {
  return `${form}\u0000${creation.replace(/\s+/g, ' ')}`;
}

/**
 * The module's `let x; const getX = () => (x ??= ...)` pairs, as the codemod (or an earlier quick
 * fix) wrote them: so that a later fix reuses a singleton instead of writing a second one, and chains
 * onto it.
 */
export function findExistingSingletons(program: TSESTree.Program, text: string): ExistingSingleton[] {
  const found: ExistingSingleton[] = [];
  const body = program.body;
  for (let i = 1; i < body.length; i++) {
    const variable = singletonVariable(body[i - 1]!);
    const getter = body[i]!;
    if (!variable || getter.type !== AST_NODE_TYPES.VariableDeclaration || getter.declarations.length !== 1) continue;
    const declarator = getter.declarations[0]!;
    const fn = declarator.init && unwrap(declarator.init);
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression) continue;
    const assignment = unwrap(fn.body);
    if (
      assignment.type !== AST_NODE_TYPES.AssignmentExpression ||
      assignment.operator !== '??=' ||
      assignment.left.type !== AST_NODE_TYPES.Identifier ||
      assignment.left.name !== variable
    ) {
      continue;
    }
    const initialisation = creationOf(assignment.right);
    if (!initialisation) continue;
    const creation = text.slice(initialisation.creation.range[0], initialisation.creation.range[1]);
    found.push({ name: variable, getter: declarator.id.name, key: singletonKey(initialisation.form, creation), statement: getter });
  }
  return found;
}

function singletonVariable(statement: Node): string | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'let') return undefined;
  const [declarator, ...more] = statement.declarations;
  if (!declarator || more.length > 0 || declarator.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.id.name;
}

/** The creation inside a singleton's initialiser, and the form around it. */
function creationOf(value: Node): { form: Form; creation: Node } | undefined {
  const node = unwrap(value);
  if (!isMethodCall(node, 'catch')) {
    // `(() => { const created = <creation>; ...listeners; return created; })()`
    const initialiser = initialiserFunction(node);
    return initialiser && !initialiser.async ? firstDeclared(initialiser, 'sync') : { form: 'sync', creation: node };
  }
  const inner = unwrap(((node as TSESTree.CallExpression).callee as TSESTree.MemberExpression).object);
  const initialiser = initialiserFunction(inner);
  if (!initialiser) return { form: 'promise', creation: inner };
  // The async IIFE: `const created = <creation>; await created.connect(); ...` or `const created = await <creation>; ...`
  return firstDeclared(initialiser, 'connect');
}

/** `(() => { ... })()`, `(async () => { ... })()`: the function called. */
function initialiserFunction(node: Node): TSESTree.ArrowFunctionExpression | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.ArrowFunctionExpression && callee.body.type === AST_NODE_TYPES.BlockStatement ? callee : undefined;
}

/** The initialiser of the function's first `const`; awaited, the creation itself returns the promise. */
function firstDeclared(fn: TSESTree.ArrowFunctionExpression, form: Form): { form: Form; creation: Node } | undefined {
  const first = (fn.body as TSESTree.BlockStatement).body[0];
  if (first?.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  const creation = first.declarations[0]?.init;
  if (!creation) return undefined;
  return creation.type === AST_NODE_TYPES.AwaitExpression ? { form: 'promise', creation: creation.argument } : { form, creation };
}

/** `x.method(...)`. */
function isMethodCall(node: Node, method: string): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(node.callee) === method
  );
}
