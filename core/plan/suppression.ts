import type { TSESTree } from '@typescript-eslint/types';

const DIRECTIVE = /^\s*eslint-(disable|enable|disable-line|disable-next-line)(?:\s+([^]*?))?(?:\s+--[^]*)?\s*$/;

/**
 * Is the rule switched off at `node` by an `eslint-disable` comment (block, line or next line), as
 * ESLint would read it? A directive without rule names switches off every rule.
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
    const applies = names.length === 0 || names.includes(ruleId);
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
