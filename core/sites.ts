import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, unwrap } from './ast.js';
import { matchResource } from './catalog.js';
import type { ImportResolver } from './imports.js';
import type { CallLike } from './module-index.js';
import type { CreationSite, ResourceEntry } from './types.js';

/**
 * The creations of catalogued resources among the module's calls and `new`s: those whose callee
 * resolves, through the module's imports, to a catalogue entry.
 */
export function findCreationSites(
  calls: readonly CallLike[],
  imports: ImportResolver,
  catalogue: readonly ResourceEntry[],
): CreationSite[] {
  const sites: CreationSite[] = [];
  for (const node of calls) {
    const callee = unwrap(node.callee);
    // Names, member chains and `require('knex')(config)` can be resolved; `super()` and the like cannot.
    const isRequireCall = callee.type === AST_NODE_TYPES.CallExpression;
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression && !isRequireCall) {
      continue;
    }
    const ref = imports.resolve(callee);
    if (!ref) continue;
    const form = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const entry = matchResource(catalogue, ref.module, ref.path, form);
    const resource = isRequireCall ? `require('${ref.module}')` : describe(callee);
    if (entry) sites.push({ node, entry, resource, module: ref.module });
  }
  return sites;
}
