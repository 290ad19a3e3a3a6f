import type { Finding } from './solve.js';

/**
 * Of a creation's calling contexts, the one that says most: request data, then an init chain, then per
 * record; the first found among equals (the shortest path from the first handler). Per-file sites and
 * project findings report the same one.
 */
export function mostTelling(contexts: readonly Finding[]): Finding {
  return contexts.reduce((best, candidate) => (weight(candidate) > weight(best) ? candidate : best));
}

function weight(finding: Finding): number {
  const dependence = finding.dependence.kind === 'request' ? 4 : finding.dependence.kind === 'init' ? 2 : 0;
  return dependence + (finding.perRecord ? 1 : 0);
}
