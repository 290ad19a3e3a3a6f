// One module through the whole oracle: lint it with `configs.recommended`, run the codemod and the quick
// fixes, run the original and the codemod's output with the same events, and judge what differs.
import type { Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import { hoistSource, parseModule } from '../../codemods/hoist/hoist-source.js';
import type { FileResult } from '../../codemods/hoist/hoist-source.js';
import { lintWithRecommended } from '../../tests/lint.js';
import { compareRuns, detachedTypeComments, judgeRules, resourceLabel } from './compare.js';
import type { Finding } from './compare.js';
import type { InvocationSpec, JobResult } from './protocol.js';
import type { OracleRunner } from './runner.js';

/** A module to judge: what the grammar renders, or a kept reproducer. */
export interface OracleModule {
  source: string;
  filename: string;
  format: 'esm' | 'cjs';
  exportName: string;
  invocations: InvocationSpec[];
  /** Which site each creating line belongs to (for the tags of a rule finding). */
  creationLines?: ReadonlyArray<{ line: number; site: number }>;
}

export interface Verdict {
  findings: Finding[];
  /** The codemod's output (the source itself when it changed nothing). */
  output: string;
  codemod?: FileResult;
  rules: { again: number; once: number; unjudged: number };
  original?: JobResult;
  rewritten?: JobResult;
}

const OUR_RULES = /^lambda-hygiene\//;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The error and its first frames, with paths relative to the repository (reproducers are committed). */
function describeError(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return stack.split('\n').slice(0, 4).join(' | ').replaceAll(REPO_ROOT, '');
}

function applyFix(text: string, fix: Linter.LintSuggestion['fix']): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** Each quick fix must give a file that parses; applied one by one, they must end where the codemod does. */
function checkQuickFixes(module: OracleModule, messages: Linter.LintMessage[], codemodOutput: string, findings: Finding[]): void {
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      try {
        parseModule(applyFix(module.source, suggestion.fix), module.filename);
      } catch (error) {
        findings.push({
          side: 'crash',
          kind: 'quick-fix-does-not-parse',
          line: message.line,
          detail: `the quick fix for line ${message.line} gives a file that does not parse: ${(error as Error).message}`,
        });
        return;
      }
    }
  }
  let text = module.source;
  for (let step = 0; step < 20; step++) {
    let current: Linter.LintMessage[];
    try {
      current = lintWithRecommended(text, module.filename);
    } catch (error) {
      findings.push({ side: 'crash', kind: 'lint-threw', detail: `after ${step} quick fixes: ${describeError(error)}` });
      return;
    }
    const fatal = current.find((message) => message.fatal);
    if (fatal) {
      findings.push({ side: 'crash', kind: 'quick-fix-does-not-parse', detail: `after ${step} quick fixes, line ${fatal.line}: ${fatal.message}` });
      return;
    }
    const suggestion = current.find((message) => OUR_RULES.test(message.ruleId ?? '') && message.suggestions?.length)?.suggestions?.[0];
    if (!suggestion) break;
    text = applyFix(text, suggestion.fix);
  }
  if (text !== codemodOutput) {
    const at = [...text].findIndex((char, index) => char !== codemodOutput[index]);
    const line = text.slice(0, at).split('\n').length;
    findings.push({
      side: 'codemod',
      kind: 'quick-fixes-differ',
      detail: `the quick fixes applied one by one and the codemod differ from line ${line}: quick fixes \`${text.split('\n')[line - 1]?.trim()}\`, codemod \`${codemodOutput.split('\n')[line - 1]?.trim()}\``,
    });
  }
}

/** The lines each module-scope `const <name> = …` of the output spans: where a getter builds its instance. */
function getterLines(output: string, filename: string): Map<string, [number, number]> {
  const lines = new Map<string, [number, number]>();
  for (const statement of parseModule(output, filename).body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === 'Identifier') lines.set(declarator.id.name, [statement.loc.start.line, statement.loc.end.line]);
    }
  }
  return lines;
}

export async function evaluateModule(module: OracleModule, runner: OracleRunner): Promise<Verdict> {
  const findings: Finding[] = [];
  const verdict: Verdict = { findings, output: module.source, rules: { again: 0, once: 0, unjudged: 0 } };

  let messages: Linter.LintMessage[] = [];
  let linted = true;
  try {
    messages = lintWithRecommended(module.source, module.filename);
  } catch (error) {
    // ESLint stops the whole file: no report at all, which the crash already says.
    linted = false;
    findings.push({ side: 'crash', kind: 'lint-threw', detail: describeError(error) });
  }
  const fatal = messages.find((message) => message.fatal);
  if (fatal) {
    findings.push({ side: 'invalid', kind: 'original-does-not-parse', detail: `line ${fatal.line}: ${fatal.message}` });
    return verdict;
  }
  const ours = messages.filter((message) => OUR_RULES.test(message.ruleId ?? ''));
  const reports = new Map<string, string[]>();
  for (const message of ours) {
    const resource = /^`([^`]+)`/.exec(message.message)?.[1] ?? '';
    const key = `${message.line}:${resourceLabel(resource)}`;
    reports.set(key, [...(reports.get(key) ?? []), message.message]);
  }

  let failureEvents = new Map<string, readonly string[]>();
  try {
    const { output, result, plan } = hoistSource(module.source, module.filename);
    verdict.codemod = result;
    verdict.output = output;
    failureEvents = new Map((plan?.hoisted ?? []).map(({ getter, failureEvents: events }) => [getter, events]));
    if (result.status === 'failed') findings.push({ side: 'crash', kind: 'codemod-output-does-not-parse', detail: result.message ?? '' });
    if (result.status === 'skipped') findings.push({ side: 'crash', kind: 'codemod-cannot-parse', detail: result.message ?? '' });
  } catch (error) {
    findings.push({ side: 'crash', kind: 'codemod-threw', detail: describeError(error) });
  }
  if (ours.some((message) => message.suggestions?.length) || verdict.output !== module.source) checkQuickFixes(module, ours, verdict.output, findings);

  const original = await runner.run(module);
  verdict.original = original;
  if (original.timedOut) {
    findings.push({ side: 'invalid', kind: 'original-does-not-finish', detail: 'the generated module did not finish' });
    return verdict;
  }
  if (original.phases[0]?.error) {
    findings.push({ side: 'invalid', kind: 'original-does-not-load', detail: original.phases[0].error });
    return verdict;
  }
  const siteOfLine = (line: number) => module.creationLines?.find((entry) => entry.line === line)?.site;
  if (linted) {
    const judgement = judgeRules(original, module.invocations, reports, siteOfLine);
    verdict.rules = { again: judgement.again, once: judgement.once, unjudged: judgement.unjudged };
    findings.push(...judgement.findings);
  }

  if (verdict.output !== module.source) {
    const detached = detachedTypeComments(module.source, verdict.output);
    if (detached) findings.push({ side: 'codemod', kind: 'type-comment-detached', detail: detached });
    const rewritten = await runner.run({ ...module, source: verdict.output });
    verdict.rewritten = rewritten;
    const lines = getterLines(verdict.output, module.filename);
    const hoisted = (verdict.codemod?.hoisted ?? []).map(({ line, resource, getter }) => ({
      line,
      resource,
      getter,
      failureEvents: failureEvents.get(getter),
      getterLines: lines.get(getter),
    }));
    findings.push(...compareRuns(original, rewritten, hoisted));
  }
  return verdict;
}
