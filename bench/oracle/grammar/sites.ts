// A generic site: one resource, created somewhere relative to the handler (placement or lazy pattern),
// configured one way, closed one way. Choices that cannot go together are turned into the nearest one
// that can (a request-dependent configuration at module scope becomes a literal), and the tags say what
// was rendered, not what was drawn.
import type { Config, GenericSite, Placement, Teardown } from './case.js';
import { block, capitalise, emptyFragment, indent } from './fragment.js';
import type { Fragment, SiteContext } from './fragment.js';
import { RESOURCES } from './resources.js';
import type { ResourceSpec } from './resources.js';

const REQUEST_CONFIGS: ReadonlySet<Config> = new Set(['event', 'context', 'module-state', 'config-write', 'object-assign', 'env-write', 'arguments']);
const OBJECT_ONLY_CONFIGS: ReadonlySet<Config> = new Set(['stable-mutated', 'module-object-stable-write', 'config-write', 'object-assign']);
const CACHED_PLACEMENTS: ReadonlySet<Placement> = new Set(['module-scope', 'lazy', 'handler-local-lazy']);

/** Where the creating code runs: which request values are in scope there. */
interface Scope {
  key: string;
  /** The expression of the event, or null when only a parameter can bring request data. */
  event: string | null;
  context: string | null;
}

interface RenderedConfig {
  argument: string;
  /** Statements in the creating function, before the creation. */
  pre: string[];
  top: string[];
  handlerPre: string[];
  /** A parameter the creating function needs, and the value the handler passes for it. */
  parameter?: { name: string; value: string };
  imports: Fragment['imports'];
  config: Config;
  viaParameter: boolean;
}

export function needsFunctionHandler(site: GenericSite): boolean {
  return effectiveConfig(site, RESOURCES[site.resource]) === 'arguments';
}

function effectiveTeardown(site: GenericSite, resource: ResourceSpec): Teardown {
  if (CACHED_PLACEMENTS.has(site.placement) || !resource.teardown) return 'none';
  if (site.teardown === 'mongoose-connection-close' && resource.id !== 'mongoose') return 'direct';
  return site.teardown;
}

function effectiveConfig(site: GenericSite, resource: ResourceSpec): Config {
  let config = site.config;
  if (resource.stringArgument && OBJECT_ONLY_CONFIGS.has(config)) config = REQUEST_CONFIGS.has(config) ? 'module-state' : 'env';
  if (site.placement === 'module-scope' && REQUEST_CONFIGS.has(config)) config = 'literal';
  if (config === 'arguments' && site.placement !== 'direct') config = 'event';
  if (site.placement === 'helper-callback' && (config === 'event' || config === 'context')) config = 'module-state';
  return config;
}

function renderConfig(site: GenericSite, resource: ResourceSpec, scope: Scope, ctx: SiteContext): RenderedConfig {
  const config = effectiveConfig(site, resource);
  const result: RenderedConfig = { argument: '', pre: [], top: [], handlerPre: [], imports: [], config, viaParameter: false };
  const object = (value: string) => (resource.stringArgument ? value : `{ ${resource.field}: ${value} }`);
  const env = resource.stringArgument ? ctx.nonNull(`process.env.${resource.envName}`) : `process.env.${resource.envName}`;
  const settings = ctx.name(`${resource.variable}Settings`);
  const requestValue = (fromScope: string | null, fromHandler: string, name: string): string => {
    if (fromScope !== null) return fromScope;
    result.parameter = { name: ctx.name(name), value: fromHandler };
    result.viaParameter = true;
    return result.parameter.name;
  };
  switch (config) {
    case 'empty':
      result.argument = resource.stringArgument ? env : '{}';
      break;
    case 'literal':
      result.argument = object(resource.literal);
      break;
    case 'env':
      result.argument = object(env);
      break;
    case 'module-constant': {
      const constant = ctx.name(`${resource.variable}_${resource.field}`.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
      result.top.push(`const ${constant} = ${resource.literal};`);
      result.argument = object(constant);
      break;
    }
    case 'stable-mutated': {
      const options = ctx.name(`${resource.variable}Options`);
      result.pre.push(
        `const ${options}${ctx.type('Record<string, unknown>')} = { ${resource.field}: ${resource.literal} };`,
        `if (process.env.ENDPOINT) ${options}.endpoint = process.env.ENDPOINT;`,
      );
      result.argument = options;
      break;
    }
    case 'module-object-stable-write':
      result.top.push(`const ${settings}${ctx.type('Record<string, unknown>')} = { ${resource.field}: ${resource.literal} };`);
      result.handlerPre.push(`${settings}.endpoint = process.env.ENDPOINT;`);
      result.argument = settings;
      break;
    case 'event':
      result.argument = object(requestValue(scope.event === null ? null : resource.fromEvent(scope.event), resource.fromEvent('event'), 'option'));
      break;
    case 'context':
      result.argument = resource.withInvocationId(
        requestValue(scope.context === null ? null : `${scope.context}.awsRequestId`, 'context.awsRequestId', 'requestId'),
      );
      break;
    case 'module-state': {
      const current = ctx.name(`current${capitalise(resource.field)}`);
      result.top.push(`let ${current} = ${resource.literal};`);
      result.handlerPre.push(`${current} = ${resource.fromEvent('event')};`);
      result.argument = object(current);
      break;
    }
    case 'config-write':
      result.top.push(`const ${settings}${ctx.type('Record<string, unknown>')} = { ${resource.field}: ${resource.literal} };`);
      result.handlerPre.push(`${settings}.${resource.field} = ${resource.fromEvent('event')};`);
      result.argument = settings;
      break;
    case 'object-assign':
      result.top.push(`const ${settings}${ctx.type('Record<string, unknown>')} = { ${resource.field}: ${resource.literal} };`);
      result.handlerPre.push(`Object.assign(${settings}, { ${resource.field}: ${resource.fromEvent('event')} });`);
      result.argument = settings;
      break;
    case 'env-write':
      result.handlerPre.push(`process.env.${resource.envName} = ${resource.fromEvent('event')};`);
      // The SDK reads AWS_REGION itself when it builds a client without a region.
      result.argument = resource.envName === 'AWS_REGION' ? '{}' : object(env);
      break;
    case 'random-uuid':
      result.imports.push({ module: 'node:crypto', named: ['randomUUID'] });
      result.argument = resource.withInvocationId('randomUUID()');
      break;
    case 'array-destructuring': {
      const [first, second] = [ctx.name('host'), ctx.name('port')];
      if (resource.field === 'host') {
        result.pre.push(`const [${first}, ${second}] = (process.env.DB_URL ?? 'db.internal:5432').split(':');`);
        result.argument = `{ host: ${first}, port: Number(${second}) }`;
      } else {
        const value = ctx.name(resource.field);
        result.pre.push(`const [${value}] = (${`process.env.${resource.envName}`} ?? ${resource.literal}).split(',');`);
        result.argument = object(value);
      }
      break;
    }
    case 'comma': {
      const value = ctx.name(`${resource.field}Value`);
      result.pre.push(`const ${value} = (0, ${env});`);
      result.argument = object(value);
      break;
    }
    case 'arguments': {
      const evt = ctx.name('evt');
      result.pre.push(`const [${evt}] = ${ctx.typescript ? '(arguments as unknown as [OracleEvent])' : 'arguments'};`);
      result.argument = object(resource.fromEvent(evt));
      break;
    }
  }
  return result;
}

/** The creation, awaited when the resource is created asynchronously. */
function creation(resource: ResourceSpec, argument: string, ctx: SiteContext): string {
  return `${resource.asyncCreate ? 'await ' : ''}${ctx.mark(resource.create(argument))}`;
}

/** A promise of a ready instance, for caches of resources that connect or are created asynchronously. */
function initialisation(resource: ResourceSpec, argument: string, ctx: SiteContext): string {
  if (resource.asyncCreate || !resource.connect) return ctx.mark(resource.create(argument));
  return block('(async () => {', [`const created = ${ctx.mark(resource.create(argument))};`, resource.connect('created'), 'return created;'], '})()');
}

const needsPromise = (resource: ResourceSpec) => resource.asyncCreate || resource.connect !== undefined;

/** Use the instance and close it as the site's teardown says; the result lands in `out`. */
function useAndClose(resource: ResourceSpec, variable: string, out: string, key: string, teardown: Teardown, ctx: SiteContext, fragment: Fragment): string[] {
  const use = resource.use(variable, key);
  switch (teardown) {
    case 'none':
      return [`const ${out} = ${use};`];
    case 'direct':
      return [`const ${out} = ${use};`, resource.teardown!(variable)];
    case 'finally':
      return [`let ${out}${ctx.type('unknown')};`, block('try {', [`${out} = ${use};`], `} finally {\n  ${resource.teardown!(variable)}\n}`)];
    case 'close-all': {
      const closeAll = ctx.name('closeAll');
      const method = resource.teardownMethod!;
      fragment.helpers.push(
        block(`async function ${closeAll}(resources${ctx.type(`Array<{ ${method}(): unknown }>`)}) {`, [
          'for (const resource of resources) await resource.' + method + '();',
        ]),
      );
      return [`const ${out} = ${use};`, `await ${closeAll}([${variable}]);`];
    }
    case 'deps-member': {
      const deps = ctx.name('deps');
      return [`const ${deps} = { db: ${variable} };`, `const ${out} = ${use};`, `await ${deps}.db.${resource.teardownMethod!}();`];
    }
    case 'mongoose-connection-close':
      return [`const ${out} = ${use};`, 'await mongoose.connection.close();'];
  }
}

/** Create, connect, use, close, in one function's body. */
function core(resource: ResourceSpec, config: RenderedConfig, key: string, teardown: Teardown, ctx: SiteContext, fragment: Fragment, out: string): string[] {
  const variable = ctx.name(resource.variable);
  return [
    ...config.pre,
    `const ${variable} = ${creation(resource, config.argument, ctx)};`,
    ...(resource.connect ? [resource.connect(variable)] : []),
    ...useAndClose(resource, variable, out, key, teardown, ctx, fragment),
  ];
}

export function renderGenericSite(site: GenericSite, ctx: SiteContext): Fragment {
  const resource = RESOURCES[site.resource];
  const fragment = emptyFragment();
  fragment.imports.push(...resource.imports);
  const teardown = effectiveTeardown(site, resource);
  const out = ctx.name(`${resource.variable}Result`);
  fragment.result = out;
  const handlerScope: Scope = { key: 'event.key', event: 'event', context: 'context' };
  const functionScope = (key: string): Scope => ({ key, event: null, context: null });
  const scope =
    site.placement === 'direct' || site.placement === 'lazy' || site.placement === 'handler-local-lazy'
      ? handlerScope
      : site.placement === 'for-of-records' || site.placement === 'map-promise-all'
        ? { ...handlerScope, key: 'record.body' }
        : site.placement === 'literal-list'
          ? { ...handlerScope, key: 'bucket' }
          : site.placement === 'module-scope'
            ? handlerScope
            : functionScope(site.placement === 'helper-callback' ? 'record.body' : 'key');
  const config = renderConfig(site, resource, scope, ctx);
  fragment.imports.push(...config.imports);
  fragment.top.push(...config.top);
  fragment.handlerPre.push(...config.handlerPre);
  fragment.tags.push(`resource:${resource.id}`, `placement:${site.placement}`, `config:${config.config}`, `teardown:${teardown}`);
  if (config.viaParameter) fragment.tags.push('config:via-parameter');
  if (site.placement === 'lazy') fragment.tags.push(`lazy:${site.lazy}`);
  const parameter = config.parameter;
  const parameterList = (first: string) => [first, ...(parameter ? [`${parameter.name}${ctx.type('string')}`] : [])].join(', ');
  const argumentList = (first: string) => [first, ...(parameter ? [parameter.value] : [])].join(', ');
  const variable = ctx.name(resource.variable);
  const typeOf = resource.type;

  switch (site.placement) {
    case 'direct':
      fragment.body.push(...core(resource, config, scope.key, teardown, ctx, fragment, out));
      break;
    case 'helper':
    case 'helper-call': {
      const helper = ctx.name(`fetch${capitalise(resource.variable)}`);
      fragment.helpers.push(
        block(`async function ${helper}(${parameterList(`key${ctx.type('string')}`)}) {`, [
          ...core(resource, config, 'key', teardown, ctx, fragment, 'found'),
          'return found;',
        ]),
      );
      const call = site.placement === 'helper' ? `${helper}(${argumentList('event.key')})` : `${helper}.call(null, ${argumentList('event.key')})`;
      fragment.body.push(`const ${out} = await ${call};`);
      break;
    }
    case 'helper-callback': {
      const helper = ctx.name(`process${capitalise(resource.variable)}Record`);
      fragment.helpers.push(
        block(`async function ${helper}(record${ctx.type('{ body: string }')}) {`, [
          ...core(resource, config, 'record.body', teardown, ctx, fragment, 'found'),
          'return found;',
        ]),
      );
      fragment.body.push(`const ${out} = await Promise.all(event.Records.map(${helper}));`);
      break;
    }
    case 'class-constructor':
    case 'superclass-constructor': {
      const store = ctx.className(`${resource.variable}Store`);
      const field = resource.variable;
      const fieldType = resource.asyncCreate ? `Promise<${typeOf}>` : typeOf;
      const constructorLines = [...config.pre, `this.${field} = ${ctx.mark(resource.create(config.argument))};`];
      const constructorHead = `constructor(${parameter ? `${parameter.name}${ctx.type('string')}` : ''}) {`;
      const fieldDeclaration = ctx.typescript ? [`readonly ${field}: ${fieldType};`, ''] : [];
      const method = block(`async get(key${ctx.type('string')}) {`, [
        `const ${variable} = ${resource.asyncCreate ? 'await ' : ''}this.${field};`,
        ...(resource.connect ? [resource.connect(variable)] : []),
        ...useAndClose(resource, variable, 'found', 'key', teardown, ctx, fragment),
        'return found;',
      ]);
      if (site.placement === 'class-constructor') {
        fragment.helpers.push(block(`class ${store} {`, [...fieldDeclaration, block(constructorHead, constructorLines), '', method]));
      } else {
        const base = ctx.className(`${resource.variable}Base`);
        fragment.helpers.push(
          block(`class ${base} {`, [...fieldDeclaration, block(constructorHead, constructorLines)]),
          block(`class ${store} extends ${base} {`, [method]),
        );
      }
      fragment.body.push(`const ${out} = await new ${store}(${parameter ? parameter.value : ''}).get(event.key);`);
      break;
    }
    case 'class-method': {
      const store = ctx.className(`${resource.variable}Store`);
      fragment.helpers.push(
        block(`class ${store} {`, [
          block(`async get(${parameterList(`key${ctx.type('string')}`)}) {`, [
            ...core(resource, config, 'key', teardown, ctx, fragment, 'found'),
            'return found;',
          ]),
        ]),
      );
      fragment.body.push(`const ${out} = await new ${store}().get(${argumentList('event.key')});`);
      break;
    }
    case 'for-of-records':
    case 'literal-list': {
      const loop = site.placement === 'for-of-records' ? 'for (const record of event.Records) {' : "for (const bucket of ['assets', 'archive']) {";
      fragment.body.push(
        `const ${out}${ctx.type('unknown[]')} = [];`,
        block(loop, [...core(resource, config, scope.key, teardown, ctx, fragment, 'found'), `${out}.push(found);`]),
      );
      break;
    }
    case 'map-promise-all':
      fragment.body.push(
        `const ${out} = await Promise.all(`,
        ...indent([
          block('event.Records.map(async (record) => {', [...core(resource, config, 'record.body', teardown, ctx, fragment, 'found'), 'return found;'], '}),'),
        ]),
        ');',
      );
      break;
    case 'module-scope': {
      fragment.top.push(...config.pre);
      if (resource.asyncCreate) {
        const ready = ctx.name(`${resource.variable}Ready`);
        fragment.top.push(`const ${ready} = ${ctx.mark(resource.create(config.argument))};`);
        fragment.body.push(`const ${variable} = await ${ready};`);
      } else {
        fragment.top.push(`const ${variable} = ${ctx.mark(resource.create(config.argument))};`);
        if (resource.connect) {
          const connected = ctx.name(`${resource.variable}Connected`);
          fragment.top.push(`const ${connected} = ${variable}.connect();`);
          fragment.body.push(`await ${connected};`);
        }
      }
      fragment.body.push(`const ${out} = ${resource.use(variable, 'event.key')};`);
      break;
    }
    case 'handler-local-lazy':
      if (needsPromise(resource)) {
        const promise = ctx.name(`${resource.variable}Promise`);
        fragment.body.push(
          ...config.pre,
          `let ${promise}${ctx.type(`Promise<${typeOf}> | undefined`)};`,
          `${promise} ??= ${initialisation(resource, config.argument, ctx)};`,
          `const ${variable} = await ${promise};`,
        );
      } else {
        fragment.body.push(...config.pre, `let ${variable}${ctx.type(`${typeOf} | undefined`)};`, `${variable} ??= ${ctx.mark(resource.create(config.argument))};`);
      }
      fragment.body.push(`const ${out} = ${resource.use(variable, 'event.key')};`);
      break;
    case 'lazy':
      renderLazy(site, resource, config, ctx, fragment, out);
      break;
  }
  return fragment;
}

function renderLazy(site: GenericSite, resource: ResourceSpec, config: RenderedConfig, ctx: SiteContext, fragment: Fragment, out: string): void {
  const promised = needsPromise(resource);
  const variable = ctx.name(resource.variable);
  const cached = promised ? ctx.name(`${resource.variable}Promise`) : variable;
  const cachedType = promised ? `Promise<${resource.type}>` : resource.type;
  const init = promised ? initialisation(resource, config.argument, ctx) : ctx.mark(resource.create(config.argument));
  // A value ready to use from what the cache holds.
  const ready = (expression: string) => (promised ? `const ${variable} = await ${expression};` : expression === variable ? '' : `const ${variable} = ${expression};`);
  const key = config.config === 'event' ? resource.fromEvent('event') : "'default'";
  const body: string[] = [...config.pre];
  const declareCache = () => fragment.top.push(`let ${cached}${ctx.type(`${cachedType} | undefined`)};`);
  switch (site.lazy) {
    case 'nullish-assign':
    case 'or-assign':
    case 'nullish-coalesce':
    case 'if-not': {
      declareCache();
      const assign = {
        'nullish-assign': `${cached} ??= ${init};`,
        'or-assign': `${cached} ||= ${init};`,
        'nullish-coalesce': `${cached} = ${cached} ?? ${init};`,
        'if-not': `if (!${cached}) ${cached} = ${init};`,
      }[site.lazy];
      body.push(assign, ready(cached));
      break;
    }
    case 'memo-function': {
      const instance = ctx.name(`${resource.variable}Instance`);
      const getter = ctx.name(`load${capitalise(resource.variable)}`);
      fragment.top.push(`let ${instance}${ctx.type(`${resource.type} | undefined`)};`);
      const created = promised
        ? [
            `const created = ${resource.asyncCreate ? 'await ' : ''}${ctx.mark(resource.create(config.argument))};`,
            ...(resource.connect ? [resource.connect('created')] : []),
            `${instance} = created;`,
          ]
        : [`${instance} = ${ctx.mark(resource.create(config.argument))};`];
      fragment.helpers.push(
        block(`${promised ? 'async ' : ''}function ${getter}() {`, [`if (${instance}) return ${instance};`, ...config.pre, ...created, `return ${instance};`]),
      );
      fragment.body.push(`const ${variable} = ${promised ? 'await ' : ''}${getter}();`, `const ${out} = ${resource.use(variable, 'event.key')};`);
      return;
    }
    case 'map-with-lookup':
    case 'map-without-lookup': {
      const cache = ctx.name(`${resource.variable}Cache`);
      fragment.top.push(`const ${cache} = new Map${ctx.typeArguments(`string, ${cachedType}`)}();`);
      if (site.lazy === 'map-with-lookup') {
        const entry = ctx.name(`${resource.variable}Entry`);
        body.push(`let ${entry} = ${cache}.get(${key});`, block(`if (!${entry}) {`, [`${entry} = ${init};`, `${cache}.set(${key}, ${entry});`]), ready(entry));
      } else {
        body.push(`${cache}.set(${key}, ${init});`, ready(ctx.nonNull(`${cache}.get(${key})`)));
      }
      break;
    }
    case 'global-this': {
      const global = ctx.loose('globalThis');
      const name = ctx.name(`${resource.variable}Shared`);
      body.push(`${global}.${name} ??= ${init};`, ready(`${global}.${name}`));
      break;
    }
    case 'instance-field-per-invocation': {
      const holder = ctx.className(`${resource.variable}Holder`);
      const field = ctx.typescript ? [`private cached?: ${cachedType};`, ''] : [];
      fragment.helpers.push(
        block(`class ${holder} {`, [...field, block('get() {', [...config.pre, `return (this.cached ??= ${init});`])]),
      );
      fragment.body.push(`const ${ctx.name('holder')} = new ${holder}();`, ready(`${ctx.name('holder')}.get()`));
      fragment.body.push(`const ${out} = ${resource.use(variable, 'event.key')};`);
      return;
    }
  }
  fragment.body.push(...body.filter((line) => line !== ''), `const ${out} = ${resource.use(variable, 'event.key')};`);
}

