import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { propertyName, unwrap } from '../ast.js';
import { SELF } from './declaration.js';
import type { Steps } from './declaration.js';

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

/**
 * What identifies a resource: how it is initialised, its creation text and the statements its
 * initialiser runs around it (`SELF` for the created value), whitespace folded.
 */
export function singletonKey(form: Form, creation: string, steps: Steps = { prelude: [], setup: [] }): string {
  return [form, ...steps.prelude, creation, ...steps.setup, steps.connectCallback ?? ''].map((part) => part.replace(/\s+/g, ' ')).join('\u0000');
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
    const initialisation = creationOf(assignment.right, text);
    if (!initialisation) continue;
    const creation = text.slice(initialisation.creation.range[0], initialisation.creation.range[1]);
    found.push({
      name: variable,
      getter: declarator.id.name,
      key: singletonKey(initialisation.form, creation, initialisation.steps),
      statement: getter,
    });
  }
  return found;
}

function singletonVariable(statement: Node): string | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'let') return undefined;
  const [declarator, ...more] = statement.declarations;
  if (!declarator || more.length > 0 || declarator.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.id.name;
}

interface Initialisation {
  form: Form;
  creation: Node;
  steps: Steps;
}

/** The creation inside a singleton's initialiser, the form around it, and the statements it runs with it. */
function creationOf(value: Node, text: string): Initialisation | undefined {
  const node = unwrap(value);
  const none: Steps = { prelude: [], setup: [] };
  if (isCatchCall(node)) {
    const inner = unwrap((node.callee as TSESTree.MemberExpression).object);
    if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      return { form: 'promise', creation: inner, steps: none };
    }
    return steppedCreation(inner.callee, text);
  }
  const call = node as Node;
  if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.ArrowFunctionExpression && call.arguments.length === 0) {
    return steppedCreation(call.callee, text);
  }
  return { form: 'sync', creation: node, steps: none };
}

/**
 * The body of an initialiser written as a function called once: `<prelude>; const created = <creation>;
 * <setup>; [await created.connect();] return created;`, or `<prelude>; return <creation>;`.
 */
function steppedCreation(fn: TSESTree.ArrowFunctionExpression, text: string): Initialisation | undefined {
  const block = fn.body;
  if (block.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const statements = block.body;
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return undefined;
  const source = (node: Node) => text.slice(node.range[0], node.range[1]);
  const returned = unwrap(last.argument);
  const createdAt = statements.findIndex(
    (statement) =>
      returned.type === AST_NODE_TYPES.Identifier &&
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations[0]?.id.type === AST_NODE_TYPES.Identifier &&
      statement.declarations[0].id.name === returned.name,
  );
  if (createdAt < 0) {
    const value = returned.type === AST_NODE_TYPES.AwaitExpression ? unwrap(returned.argument) : returned;
    const form = returned.type === AST_NODE_TYPES.AwaitExpression ? 'promise' : 'sync';
    return { form, creation: value, steps: { prelude: statements.slice(0, -1).map(source), setup: [] } };
  }
  const created = (returned as TSESTree.Identifier).name;
  const init = (statements[createdAt] as TSESTree.VariableDeclaration).declarations[0]!.init;
  if (!init) return undefined;
  const after = withoutFailureListeners(statements.slice(createdAt + 1, -1), created, text);
  const awaited = unwrap(init).type === AST_NODE_TYPES.AwaitExpression;
  // Create, then connect: an async function whose last step before the return awaits the connect.
  const connects = fn.async && !awaited && after.length > 0 && isAwaitedCallOn(after.at(-1)!, created);
  const form: Form = awaited ? 'promise' : connects ? 'connect' : 'sync';
  const setup = connects ? after.slice(0, -1) : after;
  return {
    form,
    creation: awaited ? unwrap((unwrap(init) as TSESTree.AwaitExpression).argument) : init,
    steps: {
      prelude: statements.slice(0, createdAt).map(source),
      setup: setup.map((statement) => source(statement).replace(new RegExp(`\\b${created}\\b`, 'g'), SELF)),
    },
  };
}

/**
 * The statements without those `failureListeners` (declaration.ts) writes at their end: they come with
 * the catalogue entry, not with the user's set-up, so they are not part of what identifies the resource.
 */
function withoutFailureListeners(after: TSESTree.Statement[], created: string, text: string): TSESTree.Statement[] {
  const source = (statement: Node | undefined) => (statement ? text.slice(statement.range[0], statement.range[1]) : '');
  let end = after.length;
  const logs = new RegExp(`^${created}\\.on\\((['"])error\\1, \\(error(?:: unknown)?\\) => console\\.error\\(error\\)\\);$`);
  const forgets = new RegExp(`^${created}\\.on\\((['"])error\\1, (\\w+)\\)\\.on\\(\\1end\\1, \\2\\);$`);
  if (logs.test(source(after[end - 1]))) return after.slice(0, end - 1);
  const forget = forgets.exec(source(after[end - 1]))?.[2];
  if (!forget || !source(after[end - 2]).startsWith(`const ${forget} = (error`)) return after;
  end -= 2;
  // In an async initialiser, what the singleton held when this connection was made.
  if (/^const \w+ = \w+;$/.test(source(after[end - 1]))) end -= 1;
  return after.slice(0, end);
}

/** `await created.connect();` */
function isAwaitedCallOn(statement: Node, name: string): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const awaited = unwrap(statement.expression);
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = unwrap(awaited.argument);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrap(call.callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(call.callee.object) as TSESTree.Identifier).name === name
  );
}

function isCatchCall(node: Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(node.callee) === 'catch'
  );
}
