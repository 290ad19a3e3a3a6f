import type { InitDependence, PerInvocationSite, RequestDependence } from './types.js';

/** `` (via `a` → `b`, for every record)``, or an empty string when the site is in the handler itself. */
export function formatVia(site: Pick<PerInvocationSite, 'path' | 'perRecord'>): string {
  const parts: string[] = [];
  if (site.path.length > 0) parts.push(`via ${site.path.map((name) => `\`${name}\``).join(' → ')}`);
  if (site.perRecord) parts.push('for every record');
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

const WHY: Record<RequestDependence['why'], string> = {
  'handler-parameter': 'is a parameter of',
  awaited: 'is awaited in',
  'callback-parameter': 'is a callback parameter in',
  caught: 'is an error caught in',
  'module-state': 'is written from request data in',
  'request-store': 'is the per-request store read in',
};

/** `` `event` is a parameter of `handler` `` */
export function formatReason(dependence: RequestDependence): string {
  return `\`${dependence.input}\` ${WHY[dependence.why]} \`${dependence.in}\``;
}

const SOURCE: Record<InitDependence['source'], string> = {
  secret: 'a secret',
  parameter: 'a parameter',
  value: 'a value',
};

/** `a secret` */
export function formatInitSource(dependence: Pick<InitDependence, 'source'>): string {
  return SOURCE[dependence.source];
}

/** `` `secret` is awaited in `handler` `` */
export function formatInitReason(dependence: Pick<InitDependence, 'input' | 'in'>): string {
  return `\`${dependence.input}\` is awaited in \`${dependence.in}\``;
}
