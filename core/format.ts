import type { InitDependence, PerInvocationSite, RequestDependence } from './types.js';

/** `` (via `a` → `b`, for every record)``, or an empty string when the site is in the handler itself. */
export function formatVia(site: Pick<PerInvocationSite, 'path' | 'perRecord'> & { origin?: PerInvocationSite['origin'] }): string {
  if (site.origin) return formatOrigin(site.origin, site.perRecord);
  const parts: string[] = [];
  if (site.path.length > 0) parts.push(`via ${site.path.map((name) => `\`${name}\``).join(' → ')}`);
  if (site.perRecord) parts.push('for every record');
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * Project mode: `` (src/handlers/orders.ts, declared in template.yaml:41) via `getDb` (src/lib/db.ts)``;
 * each step names its file where the file changes, the handler's file where it is not the site's.
 */
function formatOrigin(origin: NonNullable<PerInvocationSite['origin']>, perRecord: boolean): string {
  const { handler } = origin;
  const where: string[] = [];
  if (handler.file !== origin.file) where.push(handler.file);
  if (handler.declaredIn) where.push(`declared in ${handler.declaredIn.file}:${handler.declaredIn.line}`);
  let text = where.length > 0 ? ` (${where.join(', ')})` : '';
  let previous = handler.file;
  const steps = origin.path.map((step) => {
    const shown = step.file === previous ? `\`${step.name}\`` : `\`${step.name}\` (${step.file})`;
    previous = step.file;
    return shown;
  });
  if (steps.length > 0) text += ` via ${steps.join(' → ')}`;
  if (perRecord) text += `${steps.length > 0 ? ',' : ''} for every record`;
  return text;
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
