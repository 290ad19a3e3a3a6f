import type { TSESTree } from '@typescript-eslint/types';
import type { Scopes } from './scope.js';
import { Values } from './values.js';
import type { ModuleRef } from './values.js';

export type { ModuleRef } from './values.js';

/**
 * The module value an expression denotes (`new Pool()` → `pg` `Pool`), answered by the one resolution
 * layer, `Values`: kept as its own small class for the planner, which asks only this question.
 */
export class ImportResolver {
  private readonly values: Values;

  constructor(scopes: Scopes, values?: Values) {
    this.values = values ?? new Values(scopes, scopes.program);
  }

  resolve(expression: TSESTree.Node): ModuleRef | undefined {
    return this.values.moduleRef(expression);
  }
}
