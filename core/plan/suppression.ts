import type { TSESTree } from '@typescript-eslint/types';

const DIRECTIVE = /^\s*eslint-(disable|enable|disable-line|disable-next-line)(?:\s+([^]*?))?(?:\s+--[^]*)?\s*$/;

/**
 * Is the rule switched off at `node` by an `eslint-disable` comment (block, line or next line) that
 * names it? The rule may be named under any plugin prefix (`lambda-hygiene/no-per-invocation-pool`,
 * `hygiene/no-per-invocation-pool`). A directive without rule names was written for other rules (a
 * generated file, a legacy module): for ESLint it switches off every rule, but it does not say this
 * resource must stay per invocation, so the codemod still fixes it.
 */
export function isSuppressed(program: TSESTree.Program, node: TSESTree.Node, ruleId: string): boolean {
  const line = node.loc.start.line;
  let disabled = false;
  for (const comment of program.comments ?? []) {
    if (comment.range[0] >= node.range[0] && comment.loc.start.line > line) break;
    const directive = DIRECTIVE.exec(comment.value);
    if (!directive) continue;
    const [, kind, list] = directive;
    const names = list ? list.split(',').map((name) => name.trim()).filter(Boolean) : [];
    const rule = ruleId.slice(ruleId.indexOf('/') + 1);
    const applies = names.some((name) => name === ruleId || name.endsWith(`/${rule}`));
    if (!applies) continue;
    switch (kind) {
      case 'disable':
        if (comment.type === 'Block' && comment.range[1] <= node.range[0]) disabled = true;
        break;
      case 'enable':
        if (comment.type === 'Block' && comment.range[1] <= node.range[0]) disabled = false;
        break;
      case 'disable-line':
        if (comment.loc.start.line === line) return true;
        break;
      case 'disable-next-line':
        if (comment.loc.end.line === line - 1) return true;
        break;
    }
  }
  return disabled;
}
