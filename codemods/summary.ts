import path from 'node:path';
import { formatVia } from '../core/index.js';
import type { FileResult } from './hoist/hoist-source.js';

export interface Summary {
  files: Record<FileResult['status'], number>;
  sitesHoisted: number;
  /** Sites left in place, by reason, each with where it is. */
  sitesLeft: Record<string, string[]>;
  /** Files skipped or failed, with why. */
  problems: string[];
}

export function summarise(results: readonly FileResult[]): Summary {
  const summary: Summary = {
    files: { changed: 0, unchanged: 0, skipped: 0, failed: 0 },
    sitesHoisted: 0,
    sitesLeft: {},
    problems: [],
  };
  for (const result of results) {
    summary.files[result.status] += 1;
    summary.sitesHoisted += result.hoisted.length;
    const where = path.relative(process.cwd(), result.file) || result.file;
    for (const left of result.left) {
      (summary.sitesLeft[left.reason] ??= []).push(
        `${where}:${left.line}:${left.column} \`${left.resource}\` in \`${left.handler}\`${formatVia({ path: left.via, perRecord: left.perRecord })}: ${left.detail}`,
      );
    }
    if (result.message) summary.problems.push(`${where}: ${result.message}`);
  }
  return summary;
}

export function formatSummary(summary: Summary, dry: boolean): string {
  const { changed, unchanged, skipped, failed } = summary.files;
  const lines = [
    '',
    `hoist${dry ? ' (dry run, nothing written)' : ''}: ${changed} files ${dry ? 'would change' : 'changed'}, ${unchanged} unchanged, ${skipped} skipped, ${failed} failed`,
    `sites hoisted: ${summary.sitesHoisted}`,
  ];
  const reasons = Object.entries(summary.sitesLeft);
  const leftCount = reasons.reduce((count, [, sites]) => count + sites.length, 0);
  lines.push(`sites left: ${leftCount}${leftCount > 0 ? ' (still reported by the rules)' : ''}`);
  for (const [reason, sites] of reasons) {
    lines.push(`  ${reason} (${sites.length}):`);
    for (const site of sites) lines.push(`    ${site}`);
  }
  if (summary.problems.length > 0) {
    lines.push('files not transformed:');
    for (const problem of summary.problems) lines.push(`  ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}
