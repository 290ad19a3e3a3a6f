import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeModule } from '../../core/index.js';
import type { ModuleAnalysis } from '../../core/index.js';

/** The module's analysis, as every rule asks for it (shared with the other rules through core's cache). */
export function analysisOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, program: TSESTree.Program): ModuleAnalysis {
  return analyzeModule(program, {
    scopeManager: context.sourceCode.scopeManager ?? undefined,
    settings: context.settings['lambda-hygiene'] as never,
  });
}
