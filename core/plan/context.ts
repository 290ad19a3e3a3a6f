import type { TSESTree } from '@typescript-eslint/types';
import type { Scopes } from '../scope.js';
import { isTopLevelScope } from '../scope.js';
import { findExistingSingletons } from './singletons.js';
import type { ExistingSingleton } from './singletons.js';
import { indentAt, textStyle } from './text.js';

/** What every step of a plan reads about the module. */
export interface PlanContext {
  program: TSESTree.Program;
  text: string;
  scopes: Scopes;
  /** Write TypeScript annotations. */
  typescript: boolean;
  /** Line ending, indentation step, and the margin of code embedded at some depth. */
  style: { eol: string; unit: string; margin: string };
  /** Singletons an earlier run or quick fix wrote: reused, and new ones go after them. */
  existing: ExistingSingleton[];
  /** Names the module already uses at its top level, or reads as globals. */
  taken: ReadonlySet<string>;
  /**
   * Names declared anywhere in the module, in any function or block: a singleton or getter named like
   * one of them would be shadowed there (`no-shadow`), or shadow it.
   */
  declared: ReadonlySet<string>;
}

type ModuleFacts = Pick<PlanContext, 'style' | 'existing' | 'taken' | 'declared'>;

// A quick fix plans each site on its own: what the module is does not change between its sites.
const moduleFactsCache = new WeakMap<TSESTree.Program, ModuleFacts>();

export function planContext(program: TSESTree.Program, text: string, scopes: Scopes, typescript: boolean): PlanContext {
  let facts = moduleFactsCache.get(program);
  if (!facts) {
    const taken = new Set<string>();
    const global = scopes.manager.globalScope!;
    for (const scope of [global, ...global.childScopes.filter(isTopLevelScope)]) {
      for (const name of scope.set.keys()) taken.add(name);
      for (const reference of scope.through) taken.add(reference.identifier.name);
    }
    const declared = new Set<string>();
    for (const scope of scopes.manager.scopes) {
      for (const name of scope.set.keys()) declared.add(name);
    }
    const first = program.body[0];
    const margin = first ? indentAt(text, first.range[0]) : '';
    facts = { existing: findExistingSingletons(program, text), style: { ...textStyle(text), margin }, taken, declared };
    moduleFactsCache.set(program, facts);
  }
  return { program, text, scopes, typescript, ...facts };
}
