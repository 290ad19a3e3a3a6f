import type { TSESTree } from '@typescript-eslint/types';
import { describeParseError, parseModule } from '../parse.js';
import type { Scopes } from '../scope.js';
import type { ModuleAnalysis, PerInvocationSite } from '../types.js';
import { planHoist } from './plan-hoist.js';
import type { HoistPlan } from './plan-hoist.js';
import { applyEdits } from './text.js';

/** TypeScript files get type annotations in the code the plan writes. */
export function isTypeScriptFile(file: string): boolean {
  return /\.[cm]?tsx?$/.test(file);
}

export interface AppliedPlan {
  plan: HoistPlan;
  /** The text with the plan's edits applied (the input when they would not parse). */
  output: string;
  /** Why the result was not kept: it does not parse. */
  error: string | undefined;
}

/**
 * The plan applied to the module's text and checked: a result that does not parse is never offered,
 * by the codemod (it leaves the file) nor by a quick fix (it offers none). `only` plans one site, as
 * a quick fix does.
 */
export function applyPlan(
  program: TSESTree.Program,
  text: string,
  analysis: ModuleAnalysis,
  scopes: Scopes,
  file: string,
  only?: PerInvocationSite,
): AppliedPlan {
  return checkPlan(planHoist(program, text, analysis, scopes, { typescript: isTypeScriptFile(file), only }), text, file);
}

/**
 * A plan applied to the module's text, and the result parsed: what `applyPlan` does once it has planned.
 * `parse` throws on a result that does not parse: `parseModule` by default, as the codemod writes files.
 */
export function checkPlan(plan: HoistPlan, text: string, file: string, parse: (text: string, file: string) => unknown = parseModule): AppliedPlan {
  if (plan.edits.length === 0) return { plan, output: text, error: undefined };
  let output: string;
  try {
    // Overlapping edits are a bug of ours: nothing is applied, neither by the codemod nor by ESLint.
    output = applyEdits(text, plan.edits);
  } catch (error) {
    return { plan, output: text, error: `the plan's edits conflict (${(error as Error).message})` };
  }
  try {
    parse(output, file);
  } catch (error) {
    return { plan, output: text, error: `the hoisted result does not parse (${describeParseError(error)})` };
  }
  return { plan, output, error: undefined };
}
