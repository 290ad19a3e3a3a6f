// A case, as the text of a Lambda module: imports (ESM or CommonJS), module-scope statements and
// helpers of every site, the handler in the case's export form (behind its wrapper), and the facts the
// oracle needs to judge it (the handler's export name, which line belongs to which site, the tags).
import type { InvocationSpec } from '../protocol.js';
import type { Case, SiteChoice } from './case.js';
import { EVENT_INTERFACE, invocationsFor } from './events.js';
import { block, MARK_CLOSE, MARK_OPEN, SiteContext } from './fragment.js';
import type { Fragment, SiteNeeds } from './fragment.js';
import type { ImportNeed } from './resources.js';
import { needsFunctionHandler, renderGenericSite } from './sites.js';
import { renderTemplateSite, TEMPLATE_NEEDS } from './templates.js';

export interface RenderedCase {
  source: string;
  filename: string;
  format: 'esm' | 'cjs';
  exportName: string;
  invocations: InvocationSpec[];
  /** Every shape the module exercises (case-level and each site's). */
  tags: string[];
  /** Each rendered site's tags, by site index. */
  siteTags: string[][];
  /** The lines that hold a site's creating expression. */
  creationLines: Array<{ line: number; site: number }>;
}

/** Tags whose value is the grammar's first (simplest) option: a shrunk case keeps only those it needs. */
export const DEFAULT_TAGS: ReadonlySet<string> = new Set([
  'language:js',
  'module:esm',
  'extension:.mjs',
  'export:export-const',
  'wrapper:none',
  'env:db-up',
  'resource:s3',
  'placement:direct',
  'config:empty',
  'teardown:none',
]);

function needsOf(site: SiteChoice): SiteNeeds {
  if (site.kind === 'template') return TEMPLATE_NEEDS[site.template];
  return needsFunctionHandler(site) ? { functionHandler: true } : {};
}

export function renderCase(choice: Case): RenderedCase {
  const present = choice.sites.filter(
    (site, index): site is SiteChoice =>
      site !== null &&
      !(site.kind === 'template' && needsOf(site).once && choice.sites.slice(0, index).some((earlier) => earlier?.kind === 'template' && earlier.template === site.template)),
  );
  const exclusive = present.find((site) => needsOf(site).exclusive);
  const sites = exclusive ? [exclusive] : present;
  const needs = sites.map(needsOf);
  const typescript = needs.some((need) => need.javascript) ? false : needs.some((need) => need.typescript) || choice.language === 'ts';
  const commonjs = !choice.exportForm.startsWith('export-');
  const callback = needs.some((need) => need.callback);
  const dbDownFirst = choice.dbDownFirst || needs.some((need) => need.dbDownFirst);
  const functionHandler = needs.some((need) => need.functionHandler);
  const wrapper = callback ? 'none' : choice.wrapper;
  const extension = typescript
    ? commonjs
      ? choice.otherExtension ? '.ts' : '.cts'
      : choice.otherExtension ? '.mts' : '.ts'
    : commonjs
      ? choice.otherExtension ? '.js' : '.cjs'
      : choice.otherExtension ? '.js' : '.mjs';

  const fragments: Fragment[] = sites.map((site, index) => {
    const ctx = new SiteContext(typescript, commonjs, index);
    return site.kind === 'generic' ? renderGenericSite(site, ctx) : renderTemplateSite(site, ctx);
  });

  const types = (annotation: string) => (typescript ? `: ${annotation}` : '');
  const imports: ImportNeed[] = [];
  if (typescript) imports.push({ module: 'aws-lambda', named: callback ? ['Callback', 'Context'] : ['Context'], typeOnly: true });
  if (wrapper === 'middy' || wrapper === 'middy-handler') imports.push({ module: '@middy/core', default: 'middy' });
  for (const fragment of fragments) imports.push(...fragment.imports);

  const parameters = callback
    ? `event${types('OracleEvent')}, context${types('Context')}, callback${types('Callback')}`
    : `event${types('OracleEvent')}, context${types('Context')}`;
  const results = fragments.flatMap((fragment) => (fragment.result ? [fragment.result] : []));
  const body = callback
    ? fragments.flatMap((fragment) => fragment.callbackBody ?? [])
    : [
        ...fragments.flatMap((fragment) => fragment.handlerPre),
        ...fragments.flatMap((fragment) => fragment.body),
        results.length ? `return { ${results.join(', ')} };` : 'return { ok: true };',
      ];

  const handler = renderHandler(choice.exportForm, wrapper, { parameters, body, callback, functionHandler, typescript });
  const sections: string[][] = [
    fragments.flatMap((fragment) => fragment.header ?? []),
    renderImports(imports.filter((need) => !need.late), commonjs),
    typescript ? [EVENT_INTERFACE] : [],
    fragments.flatMap((fragment) => fragment.top),
    // A module some site imports up front is not imported again late.
    renderImports(imports.filter((need) => need.late && !imports.some((other) => !other.late && other.module === need.module)), commonjs),
    fragments.flatMap((fragment) => fragment.lateTop),
    fragments.flatMap((fragment) => fragment.helpers),
    handler.helpers,
    withComment(handler.code, fragments.flatMap((fragment) => fragment.handlerComment ?? [])),
    fragments.flatMap((fragment) => fragment.trailer ?? []),
  ];
  const marked = sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n');

  const { text, creationLines } = stripMarks(`${marked}\n`);
  const siteTags = fragments.map((fragment) => fragment.tags);
  const tags = new Set<string>([
    `language:${typescript ? 'ts' : 'js'}`,
    `module:${commonjs ? 'cjs' : 'esm'}`,
    `extension:${extension}`,
    `export:${choice.exportForm}`,
    `wrapper:${wrapper}`,
    `env:${dbDownFirst ? 'db-down-first' : 'db-up'}`,
    ...(callback ? ['style:callback'] : []),
    ...(functionHandler ? ['style:function-handler'] : []),
    ...siteTags.flat(),
  ]);
  return {
    source: text,
    filename: `handler${extension}`,
    format: commonjs ? 'cjs' : 'esm',
    exportName: choice.exportForm === 'export-default' ? 'default' : choice.exportForm === 'module-exports-named' ? 'hello' : 'handler',
    invocations: invocationsFor(dbDownFirst),
    tags: [...tags].sort(),
    siteTags,
    creationLines,
  };
}

function withComment(code: string[], comments: string[]): string[] {
  return comments.length ? [`${comments.join('\n')}\n${code[0]}`, ...code.slice(1)] : code;
}

function stripMarks(marked: string): { text: string; creationLines: RenderedCase['creationLines'] } {
  const creationLines: RenderedCase['creationLines'] = [];
  const pattern = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');
  const lines = marked.split('\n').map((line, index) => {
    for (const match of line.matchAll(pattern)) creationLines.push({ line: index + 1, site: Number(match[1]) });
    return line.replace(pattern, '');
  });
  return { text: lines.join('\n'), creationLines };
}

/** Imports merged per module, in order of first need. */
function renderImports(needs: readonly ImportNeed[], commonjs: boolean): string[] {
  const merged = new Map<string, { named: Set<string>; default?: string; namespace?: string; typeOnly: boolean }>();
  for (const need of needs) {
    const entry = merged.get(need.module) ?? { named: new Set<string>(), typeOnly: true };
    for (const name of need.named ?? []) entry.named.add(name);
    entry.default ??= need.default;
    entry.namespace ??= need.namespace;
    entry.typeOnly &&= need.typeOnly === true;
    merged.set(need.module, entry);
  }
  const lines: string[] = [];
  for (const [module, entry] of merged) {
    const named = [...entry.named];
    // One local name for the module object: a namespace import serves `mysql.createPool` as well.
    const whole = entry.namespace ?? entry.default;
    if (commonjs) {
      if (entry.typeOnly) lines.push(`import type { ${named.join(', ')} } from '${module}';`);
      else {
        if (whole) lines.push(`const ${whole} = require('${module}');`);
        if (named.length) lines.push(`const { ${named.join(', ')} } = require('${module}');`);
      }
      continue;
    }
    if (entry.typeOnly) lines.push(`import type { ${named.join(', ')} } from '${module}';`);
    else if (entry.namespace) {
      lines.push(`import * as ${entry.namespace} from '${module}';`);
      if (named.length) lines.push(`import { ${named.join(', ')} } from '${module}';`);
    } else if (entry.default && named.length) lines.push(`import ${entry.default}, { ${named.join(', ')} } from '${module}';`);
    else if (entry.default) lines.push(`import ${entry.default} from '${module}';`);
    else lines.push(`import { ${named.join(', ')} } from '${module}';`);
  }
  return lines;
}

interface HandlerParts {
  parameters: string;
  body: string[];
  callback: boolean;
  functionHandler: boolean;
  typescript: boolean;
}

function renderHandler(
  exportForm: Case['exportForm'],
  wrapper: Case['wrapper'],
  parts: HandlerParts,
): { helpers: string[]; code: string[] } {
  const asyncKeyword = parts.callback ? '' : 'async ';
  const arrow = (head = '') => block(`${head}${asyncKeyword}(${parts.parameters}) => {`, parts.body);
  const anonymous = (head = '') => block(`${head}${asyncKeyword}function (${parts.parameters}) {`, parts.body);
  const expression = (head = '') => (parts.functionHandler ? anonymous(head) : arrow(head));
  const named = (name: string, head = '') => block(`${head}${asyncKeyword}function ${name}(${parts.parameters}) {`, parts.body);

  if (wrapper === 'none') {
    switch (exportForm) {
      case 'export-const':
        return { helpers: [], code: [`${expression('export const handler = ')};`] };
      case 'export-async-function':
        return { helpers: [], code: [named('handler', 'export ')] };
      case 'export-default':
        return { helpers: [], code: [anonymous('export default ')] };
      case 'exports-handler':
        return { helpers: [], code: [`${expression('exports.handler = ')};`] };
      case 'module-exports-object':
        return { helpers: [], code: [`${expression('const handler = ')};`, '', 'module.exports = { handler };'] };
      case 'module-exports-named':
        return { helpers: [], code: [`${expression('module.exports.hello = ')};`] };
    }
  }

  const main = exportForm === 'export-async-function' || parts.functionHandler ? named('main') : `${arrow('const main = ')};`;
  const helpers: string[] = [];
  let wrapped: string;
  if (wrapper === 'middy') wrapped = 'middy(main)';
  else if (wrapper === 'middy-handler') wrapped = 'middy().handler(main)';
  else {
    const type = (annotation: string) => (parts.typescript ? `: ${annotation}` : '');
    helpers.push(
      block(`const withErrors = (fn${type('(event: OracleEvent, context: Context) => Promise<unknown>')}) => async (event${type('OracleEvent')}, context${type('Context')}) => {`, [
        block('try {', ['return await fn(event, context);'], "} catch (error) {\n  console.error('handler failed', error);\n  throw error;\n}"),
      ], '};'),
    );
    wrapped = 'withErrors(main)';
  }
  const exported = {
    'export-const': `export const handler = ${wrapped};`,
    'export-async-function': `export const handler = ${wrapped};`,
    'export-default': `export default ${wrapped};`,
    'exports-handler': `exports.handler = ${wrapped};`,
    'module-exports-object': `module.exports = { handler: ${wrapped} };`,
    'module-exports-named': `module.exports.hello = ${wrapped};`,
  }[exportForm];
  return { helpers, code: [main, '', exported] };
}
