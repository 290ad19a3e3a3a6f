import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, unwrap } from './ast.js';
import { isCatalogueModule, matchResource } from './catalog.js';
import type { ModuleIndex } from './module-index.js';
import type { CreationSite, ResourceEntry } from './types.js';
import type { Values } from './values.js';

/**
 * The creations of catalogued resources among the module's calls and `new`s: those whose callee
 * resolves, through the module's imports, to a catalogue entry. A construction that is thrown
 * (`throw new NoSuchKey(...)`) is an error, never a resource.
 */
export function findCreationSites(
  program: TSESTree.Program,
  index: ModuleIndex,
  values: Values,
  catalogue: readonly ResourceEntry[],
): CreationSite[] {
  const sites: CreationSite[] = [];
  const candidates = namesThatMayHoldResources(program, index, catalogue);
  for (const node of index.calls) {
    const callee = unwrap(node.callee);
    // Resolving is the costly part: only callees rooted in a name that may come from a catalogue module.
    const root = rootName(callee);
    if (root === undefined || !candidates.has(root)) continue;
    // Names, member chains and `require('knex')(config)` can be resolved; `super()` and the like cannot.
    const isRequireCall = callee.type === AST_NODE_TYPES.CallExpression;
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression && !isRequireCall) {
      continue;
    }
    const ref = values.moduleRef(callee);
    if (!ref || isThrown(node)) continue;
    const form = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const entry = matchResource(catalogue, ref.module, ref.path, form);
    const resource = isRequireCall ? `require('${ref.module}')` : form === 'call' ? factoryName(callee) : describe(callee);
    if (entry) sites.push({ node, entry, resource, module: ref.module });
  }
  return sites;
}

/**
 * Can the module have a creation site at all: does a string of it name a catalogue module? Every
 * resource comes from an import, a `require` or an `import()` whose specifier is a string literal (or a
 * template literal without expressions, see `Values`), so a module without one has nothing to report.
 * Reads the parser's tokens (ESLint's parsers keep them), far cheaper than the scopes and values the
 * analysis builds; without tokens, or for a string with an escape in it, the answer is yes.
 */
export function mayHaveCreationSites(program: TSESTree.Program, catalogue: readonly ResourceEntry[]): boolean {
  if (!program.tokens) return true;
  // Both rules ask of the same Program, mostly with the same catalogue.
  let verdicts = creationVerdicts.get(program);
  let verdict = verdicts?.get(catalogue);
  if (verdict !== undefined) return verdict;
  verdict = program.tokens.some(
    (token) =>
      (token.type === AST_TOKEN_TYPES.String || token.type === AST_TOKEN_TYPES.Template) &&
      (token.value.includes('\\') || isCatalogueModule(catalogue, token.value.slice(1, -1))),
  );
  if (!verdicts) creationVerdicts.set(program, (verdicts = new Map()));
  verdicts.set(catalogue, verdict);
  return verdict;
}

const creationVerdicts = new WeakMap<TSESTree.Program, Map<readonly ResourceEntry[], boolean>>();

function isThrown(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent && unwrap(current.parent) !== current.parent) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.ThrowStatement;
}

/** The identifier a callee chain starts from: `AWS` in `AWS.DynamoDB.DocumentClient`, `require` in `require('x')()`. */
function rootName(node: TSESTree.Node): string | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current.name;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else if (current.type === AST_NODE_TYPES.ImportExpression) return 'import';
    else return undefined;
  }
}

/**
 * Local names that may hold a catalogue module or something from it, by name only (the resolver
 * decides for real): import bindings of catalogue modules, `require`/`import()` results, and names
 * declared from those (`const { DynamoDB } = AWS`), to a fixpoint.
 */
function namesThatMayHoldResources(
  program: TSESTree.Program,
  index: ModuleIndex,
  catalogue: readonly ResourceEntry[],
): Set<string> {
  const names = new Set<string>(['require', 'import']);
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && isCatalogueModule(catalogue, statement.source.value)) {
      for (const specifier of statement.specifiers) names.add(specifier.local.name);
    }
    if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) names.add(statement.id.name);
  }
  let pending = index.declarators;
  for (let changed = true; changed; ) {
    changed = false;
    const rest: TSESTree.VariableDeclarator[] = [];
    for (const declarator of pending) {
      const root = rootName(declarator.init!);
      // `captureMySQL(require('mysql'))`: a call wrapping a module counts by its argument.
      const init = unwrap(declarator.init!);
      const wrapped = init.type === AST_NODE_TYPES.CallExpression && init.arguments[0] ? rootName(init.arguments[0]) : undefined;
      const holdsModule = (name: string | undefined) =>
        name === 'require' || name === 'import' || (name !== undefined && names.has(name));
      if (holdsModule(root) || holdsModule(wrapped)) {
        for (const name of patternNames(declarator.id)) names.add(name);
        changed = true;
      } else {
        rest.push(declarator);
      }
    }
    pending = rest;
  }
  return names;
}

function patternNames(pattern: TSESTree.Node): string[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern.name];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        patternNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternNames(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternNames(pattern.argument);
    default:
      return [];
  }
}

/**
 * What a message calls a resource created by a call: what the user wrote, except that a static factory
 * names its class (`DynamoDBDocumentClient.from(client)` creates a `DynamoDBDocumentClient`).
 */
function factoryName(callee: TSESTree.Node): string {
  const bare = unwrap(callee);
  if (bare.type === AST_NODE_TYPES.MemberExpression) {
    const owner = describe(bare.object);
    if (/^[A-Z]/.test(owner.split('.').pop() ?? '')) return owner;
  }
  return describe(callee);
}
