import type { TSESTree } from '@typescript-eslint/types';
import { checkSyntax, describeParseError, parseModule } from '../parse.js';
import type { Scopes } from '../scope.js';
import type { ModuleAnalysis, PerInvocationSite } from '../types.js';
import { planHoist } from './plan-hoist.js';
import type { HoistPlan } from './plan-hoist.js';
import { applyEdits, normaliseEdits } from './text.js';
import type { TextEdit } from './text.js';

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
  const plan = planHoist(program, text, analysis, scopes, { typescript: isTypeScriptFile(file), only });
  if (plan.edits.length === 0) return { plan, output: text, error: undefined };
  let output: string;
  try {
    // Overlapping edits are a bug of ours: nothing is applied, neither by the codemod nor by ESLint.
    output = applyEdits(text, plan.edits);
  } catch (error) {
    return { plan, output: text, error: `the plan's edits conflict (${(error as Error).message})` };
  }
  try {
    parseModule(output, file);
  } catch (error) {
    return { plan, output: text, error: `the hoisted result does not parse (${describeParseError(error)})` };
  }
  return { plan, output, error: undefined };
}

/**
 * Does the result of these edits parse, and do they not overlap? The quick fixes' cheaper form of
 * `applyPlan`'s check, asked on every lint: only the top-level statements the edits touch are parsed,
 * each group with the statement before and after it (where a change could run on into its neighbour),
 * the groups one after the other, apart, with TypeScript's parser alone (`checkSyntax`). The statements
 * the edits leave alone are the module's own, which parsed.
 */
export function editsParse(program: TSESTree.Program, text: string, edits: readonly TextEdit[], file: string): boolean {
  const sorted = normaliseEdits(edits);
  if (sorted.some((edit, index) => index > 0 && edit.start < sorted[index - 1]!.end)) return false;
  const body = program.body;
  const regions: Array<{ first: number; last: number; start: number; end: number; edits: TextEdit[] }> = [];
  for (const edit of sorted) {
    let first = body.findIndex((statement) => statement.range[1] >= edit.start);
    if (first === -1) first = body.length - 1;
    let last = first;
    while (last + 1 < body.length && body[last + 1]!.range[0] <= edit.end) last++;
    [first, last] = [Math.max(0, first - 1), Math.min(body.length - 1, last + 1)];
    const start = Math.min(body[first]?.range[0] ?? 0, edit.start);
    const end = Math.max(body[last]?.range[1] ?? text.length, edit.end);
    const previous = regions.at(-1);
    if (previous && (first <= previous.last || start < previous.end)) {
      previous.last = Math.max(previous.last, last);
      previous.end = Math.max(previous.end, end);
      previous.edits.push(edit);
    } else {
      regions.push({ first, last, start, end, edits: [edit] });
    }
  }
  const snippet = regions
    .map(({ start, end, edits: inside }) =>
      applyEdits(text.slice(start, end), inside.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }))),
    )
    .join('\n;\n');
  try {
    checkSyntax(snippet, file);
    return true;
  } catch {
    return false;
  }
}
