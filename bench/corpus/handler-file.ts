// One generated Lambda handler module: an event source, a handler in one of the shapes real code exports
// (ESM and CommonJS exports, typed handlers, middy, a Powertools class, callbacks), resources created
// where real code creates them (module scope, lazy singletons, the handler, helpers, classes, per-record
// loops, from request data), and unrelated functions around them.
import { EVENT_KINDS, type EventKind } from './events.js';
import { generateFiller, type Filler } from './filler.js';
import type { Random } from './random.js';
import { pickResources, type ResourceRecipe } from './resources.js';
import { ann, capitalize, Imports, indent, Names, type Style } from './source.js';

/** Where a resource is created: the first four leave nothing per invocation, the others do. */
export type Placement =
  | 'module'
  | 'lazy'
  | 'module-factory'
  | 'class-at-module'
  | 'unreached-helper'
  | 'handler'
  | 'helper'
  | 'class'
  | 'factory'
  | 'per-record'
  | 'conditional'
  | 'request';

/**
 * How often each placement is drawn. Public samples create most clients at module scope (of 380 handler
 * files from aws-samples and serverless/examples, 9% had a per-invocation site); code that needs this
 * plugin has more, and those are the files where the rules do the most work (paths, plans, suggestions).
 * These weights give about two in five handler files a report, as in the fixtures.
 */
const PLACEMENTS: Record<Placement, number> = {
  module: 50,
  lazy: 10,
  'module-factory': 3,
  'class-at-module': 3,
  'unreached-helper': 2,
  handler: 10,
  helper: 6,
  class: 4,
  factory: 3,
  'per-record': 4,
  conditional: 3,
  request: 4,
};

export const PER_INVOCATION_PLACEMENTS: ReadonlySet<Placement> = new Set(['handler', 'helper', 'class', 'factory', 'per-record', 'conditional', 'request']);

type HandlerShape =
  | 'export-const'
  | 'export-function'
  | 'export-alias'
  | 'typed'
  | 'lambda-handler'
  | 'middy'
  | 'powertools-class'
  | 'exports-handler'
  | 'module-exports-handler'
  | 'module-exports-object'
  | 'callback';

const ESM_SHAPES: Partial<Record<HandlerShape, number>> = {
  'export-const': 40,
  'export-function': 14,
  'export-alias': 4,
  typed: 10,
  'lambda-handler': 8,
  middy: 8,
  'powertools-class': 4,
};
const CJS_SHAPES: Partial<Record<HandlerShape, number>> = {
  'exports-handler': 45,
  'module-exports-handler': 15,
  'module-exports-object': 15,
  callback: 10,
  middy: 8,
};

export interface GeneratedFile {
  /** A path relative to the corpus root. */
  path: string;
  text: string;
  sourceType: 'module' | 'commonjs';
}

export interface HandlerFileInfo extends GeneratedFile {
  event: string;
  shape: HandlerShape;
  /** Whether the handler takes `context` besides `event`. */
  context: boolean;
  placements: Placement[];
}

/** Everything one resource instance contributes to the file, by where it goes. */
interface Parts {
  module: string[];
  setup: string[];
  loop: string[];
  main: string[];
  teardown: string[];
  loopTeardown: string[];
}

interface FileContext {
  random: Random;
  style: Style;
  imports: Imports;
  names: Names;
  kind: EventKind;
}

function useContext(context: FileContext) {
  return { imports: context.imports, names: context.names, random: context.random, style: context.style };
}

/** `let x` / lazy getter in the two forms real code uses (`??=` and `if (!x)`). */
function lazyGetter(recipe: ResourceRecipe, construction: string, context: FileContext): { lines: string[]; call: string } {
  const { style, names, random } = context;
  const local = names.unique(recipe.variable);
  const getter = names.unique(`get${capitalize(recipe.variable)}`);
  const type = recipe.async ? `Promise<${recipe.type}>` : recipe.type;
  const declaration = `let ${local}${ann(style, `: ${type} | undefined`)};`;
  const call = recipe.async ? `await ${getter}()` : `${getter}()`;
  if (random.chance(0.5)) {
    return { lines: [declaration, `const ${getter} = ()${ann(style, `: ${type}`)} => (${local} ??= ${construction});`], call };
  }
  return {
    lines: [declaration, '', `function ${getter}()${ann(style, `: ${type}`)} {`, `  if (!${local}) {`, `    ${local} = ${construction};`, '  }', `  return ${local};`, '}'],
    call,
  };
}

function place(recipe: ResourceRecipe, placement: Placement, context: FileContext, parts: Parts): void {
  const { random, style, imports, names, kind } = context;
  const config = random.pick(recipe.configs);
  const construct = (configText = config) => recipe.construct(imports, configText);
  const awaited = (expression: string) => (recipe.async ? `await ${expression}` : expression);
  const use = (local: string, id: string) => recipe.use(local, id, useContext(context));
  const connect = (local: string) => (recipe.connect ? [recipe.connect(local)] : []);
  // Handlers that close what they opened; the module-scope ones never do.
  const teardown = (local: string) => (recipe.teardown && random.chance(0.7) ? [recipe.teardown(local)] : []);
  const inLoop = kind.records !== undefined && random.chance(0.5);

  switch (placement) {
    case 'module': {
      const local = names.unique(recipe.variable);
      if (recipe.async) {
        const promise = names.unique(`${recipe.variable}Promise`);
        parts.module.push(`const ${promise} = ${construct()};`);
        parts.setup.push(`const ${local} = await ${promise};`);
      } else {
        parts.module.push(`const ${local} = ${construct()};`);
      }
      if (recipe.connect && !recipe.async) parts.module.push(`${recipe.connect(local).replace('await ', '')}`);
      (inLoop ? parts.loop : parts.main).push(...use(local, inLoop ? 'itemId' : 'id'));
      return;
    }
    case 'lazy': {
      const getter = lazyGetter(recipe, construct(), context);
      parts.module.push(...getter.lines);
      const local = names.unique(recipe.variable);
      parts.setup.push(`const ${local} = ${getter.call};`);
      (inLoop ? parts.loop : parts.main).push(...use(local, inLoop ? 'itemId' : 'id'));
      return;
    }
    case 'module-factory':
    case 'factory': {
      const factory = names.unique(`create${capitalize(recipe.variable)}`);
      const inner = names.unique(recipe.variable);
      parts.module.push(
        `${recipe.async || recipe.connect ? 'async ' : ''}function ${factory}() {`,
        `  const ${inner} = ${awaited(construct())};`,
        ...indent(connect(inner)),
        `  return ${inner};`,
        '}',
      );
      const local = names.unique(recipe.variable);
      if (placement === 'module-factory') {
        if (recipe.async || recipe.connect) {
          const promise = names.unique(`${recipe.variable}Ready`);
          parts.module.push(`const ${promise} = ${factory}();`);
          parts.setup.push(`const ${local} = await ${promise};`);
        } else {
          parts.module.push(`const ${local} = ${factory}();`);
        }
      } else {
        parts.setup.push(`const ${local} = ${recipe.async || recipe.connect ? 'await ' : ''}${factory}();`);
        parts.teardown.push(...teardown(local));
      }
      (inLoop ? parts.loop : parts.main).push(...use(local, inLoop ? 'itemId' : 'id'));
      return;
    }
    case 'class':
    case 'class-at-module': {
      const className = names.unique(`${capitalize(recipe.variable)}${random.pick(['Store', 'Repository', 'Service', 'Gateway'])}`);
      const method = random.pick(['load', 'save', 'record', 'sync', 'handle']);
      const memberUse = use(`this.${recipe.variable}`, 'key');
      const body = [
        `class ${className} {`,
        ...(style.ts ? [`  private readonly ${recipe.variable}: ${recipe.type};`, ''] : []),
        '  constructor() {',
        `    this.${recipe.variable} = ${construct()};`,
        '  }',
        '',
        `  async ${method}(key${ann(style, ': string')}) {`,
        ...(recipe.async ? [`    const ready = await this.${recipe.variable};`, ...indent(recipe.use('ready', 'key', useContext(context)), 2)] : indent(memberUse, 2)),
        "    return { key, at: Date.now() };",
        '  }',
        '}',
      ];
      if (style.ts && recipe.async) body[1] = `  private readonly ${recipe.variable}: Promise<${recipe.type}>;`;
      parts.module.push(...body);
      const instance = names.unique(`${recipe.variable}${className.replace(capitalize(recipe.variable), '')}`);
      if (placement === 'class-at-module') parts.module.push(`const ${instance} = new ${className}();`);
      else if (inLoop && random.chance(0.5)) parts.loop.push(`const ${instance} = new ${className}();`);
      else parts.setup.push(`const ${instance} = new ${className}();`);
      (inLoop ? parts.loop : parts.main).push(`await ${instance}.${method}(String(${inLoop ? 'itemId' : 'id'}));`);
      return;
    }
    case 'helper':
    case 'unreached-helper': {
      const helper = names.unique(`${random.pick(['fetch', 'store', 'publish', 'load', 'sync', 'lookup'])}${capitalize(random.pick(['record', 'entry', 'order', 'user', 'result', 'state']))}`);
      const local = names.unique(recipe.variable);
      parts.module.push(
        `${placement === 'unreached-helper' && style.esm ? 'export ' : ''}async function ${helper}(key${ann(style, ': string')}) {`,
        `  const ${local} = ${awaited(construct())};`,
        ...indent(connect(local)),
        ...indent(recipe.use(local, 'key', useContext(context))),
        ...indent(teardown(local)),
        '  return key;',
        '}',
      );
      if (placement === 'helper') (inLoop ? parts.loop : parts.main).push(`await ${helper}(String(${inLoop ? 'itemId' : 'id'}));`);
      return;
    }
    case 'handler':
    case 'conditional':
    case 'request': {
      const local = names.unique(recipe.variable);
      const inRecords = placement === 'request' && kind.records !== undefined;
      const source = inRecords ? 'item' : 'input';
      const creation = [`const ${local} = ${awaited(construct(placement === 'request' ? recipe.requestConfig(source) : config))};`, ...connect(local)];
      if (placement === 'conditional') {
        parts.main.push(`if (input.${random.pick(['notify', 'archive', 'export', 'dryRun'])}) {`, ...indent([...creation, ...use(local, 'id'), ...teardown(local)]), '}');
      } else if (inRecords) {
        parts.loop.push(...creation, ...use(local, 'itemId'));
        parts.loopTeardown.push(...teardown(local));
      } else {
        parts.setup.push(...creation);
        parts.main.push(...use(local, 'id'));
        parts.teardown.push(...teardown(local));
      }
      return;
    }
    case 'per-record': {
      const local = names.unique(recipe.variable);
      const creation = [`const ${local} = ${awaited(construct())};`, ...connect(local)];
      if (kind.records) {
        parts.loop.push(...creation, ...use(local, 'itemId'));
        parts.loopTeardown.push(...teardown(local));
      } else {
        parts.main.push(
          'for (const entry of input.items ?? []) {',
          ...indent([...creation, ...use(local, 'entry.id'), ...teardown(local)]),
          '}',
        );
      }
      return;
    }
  }
}

/** The handler's statements: prelude, setup, the record loop, uses, unrelated calls, the answer. */
function handlerBody(context: FileContext, parts: Parts, fillers: Filler[]): string[] {
  const { kind, random, style } = context;
  const body: string[] = [];
  if (random.chance(0.4)) body.push(random.pick(["console.log('event', JSON.stringify(event));", "console.info('received event');", 'console.log(JSON.stringify(event, null, 2));']));
  body.push(...kind.prelude(style), ...parts.setup);
  const calls = fillers.filter((filler) => filler.call).slice(0, random.int(0, 4));
  const outcome = calls.length ? 'outcome' : 'input';
  if (kind.records) {
    const loopLines = [`const item = ${kind.records.item(style)};`, `const itemId = ${kind.records.id};`, ...parts.loop];
    const guarded =
      kind.name === 'sqs'
        ? ['try {', ...indent(loopLines), '} catch (error) {', "  console.error('record failed', record.messageId, error);", '  batchItemFailures.push({ itemIdentifier: record.messageId });', '}']
        : loopLines;
    const withTeardown = parts.loopTeardown.length ? [...guarded, ...parts.loopTeardown] : guarded;
    if (random.chance(0.3)) {
      body.push('await Promise.all(', '  event.Records.map(async (record) => {', ...indent(withTeardown, 2), '  }),', ');');
    } else {
      body.push('for (const record of event.Records) {', ...indent(withTeardown), '}');
    }
  }
  const main = [...parts.main];
  if (calls.length) {
    main.push(`const outcome = {`, ...calls.map((filler, index) => `  ${['summary', 'checked', 'extra', 'details'][index]}: ${filler.call!('input')},`), '};');
  }
  main.push(...kind.result(outcome));
  if (parts.teardown.length) {
    body.push('try {', ...indent(main), '} finally {', ...indent(parts.teardown), '}');
  } else {
    body.push(...main);
  }
  return body;
}

function awsLambdaTypes(...types: string[]): string[] {
  return types.map((type) => /^([A-Z]\w+)/.exec(type)?.[1]).filter((name): name is string => !!name && name !== 'Record' && name !== 'Promise');
}

export function generateHandlerFile(random: Random, index: number, options: { fillers?: number; typescript?: boolean } = {}): HandlerFileInfo {
  const drawn = random.weighted({ ts: 50, esm: 20, cjs: 30 });
  const language = options.typescript ? 'ts' : drawn;
  const style: Style =
    language === 'ts'
      ? { ts: true, esm: true, ext: random.chance(0.9) ? '.ts' : '.mts' }
      : language === 'esm'
        ? { ts: false, esm: true, ext: random.chance(0.6) ? '.mjs' : '.js' }
        : { ts: false, esm: false, ext: random.chance(0.8) ? '.js' : '.cjs' };
  const imports = new Imports(style);
  const names = new Names();
  for (const reserved of ['event', 'context', 'input', 'id', 'item', 'itemId', 'record', 'outcome', 'handler', 'batchItemFailures', 'entry', 'key', 'callback', 'baseHandler', 'main', 'run', 'Lambda', 'handlerClass', 'ready']) {
    names.unique(reserved);
  }
  const kind = random.pick(EVENT_KINDS);
  const context: FileContext = { random, style, imports, names, kind };

  const resourceCount = Number(random.weighted({ 0: 12, 1: 40, 2: 28, 3: 14, 4: 6 }));
  const recipes = pickResources(random, resourceCount);
  const parts: Parts = { module: [], setup: [], loop: [], main: [], teardown: [], loopTeardown: [] };
  const placements: Placement[] = [];
  for (const recipe of recipes) {
    const placement = random.weighted(PLACEMENTS);
    placements.push(placement);
    place(recipe, placement, context, parts);
  }

  // Most handler files are short; some carry many unrelated functions (a long file).
  const size = options.fillers === undefined ? random.weighted({ none: 35, few: 35, some: 22, many: 8 }) : 'exact';
  const count = size === 'exact' ? options.fillers! : size === 'none' ? 0 : size === 'few' ? random.int(1, 3) : size === 'some' ? random.int(4, 12) : random.int(20, 70);
  const fillers = Array.from({ length: count }, () => generateFiller(random, style, names));

  const shapes = style.esm ? ESM_SHAPES : CJS_SHAPES;
  let shape = random.weighted(shapes as Record<HandlerShape, number>);
  if (!style.ts && (shape === 'typed' || shape === 'powertools-class')) shape = 'export-const';

  const body = handlerBody(context, parts, fillers);
  const eventParam = `event${ann(style, `: ${kind.eventType}`)}`;
  const withContext = random.chance(0.35);
  if (withContext) imports.type('aws-lambda', 'Context');
  const params = withContext ? `${eventParam}, context${ann(style, ': Context')}` : eventParam;
  const returns = ann(style, `: Promise<${kind.resultType}>`);
  imports.type('aws-lambda', ...awsLambdaTypes(kind.eventType, kind.resultType));
  if (kind.name === 'sqs') imports.type('aws-lambda', 'SQSBatchResponse');

  const handlerName = shape === 'lambda-handler' ? 'lambdaHandler' : 'handler';
  let handlerLines: string[];
  const exportsAtEnd: string[] = [];
  switch (shape) {
    case 'export-const':
    case 'lambda-handler':
      handlerLines = [`export const ${handlerName} = async (${params})${returns} => {`, ...indent(body), '};'];
      break;
    case 'export-function':
      handlerLines = [`export async function handler(${params})${returns} {`, ...indent(body), '}'];
      break;
    case 'export-alias':
      handlerLines = [`async function main(${params})${returns} {`, ...indent(body), '}'];
      exportsAtEnd.push('export { main as handler };');
      break;
    case 'typed': {
      imports.type('aws-lambda', ...awsLambdaTypes(kind.handlerType));
      const name = `${random.pick(['process', 'handle', 'on'])}${capitalize(kind.name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()))}`;
      handlerLines = [`export const ${name}: ${kind.handlerType} = async (event${withContext ? ', context' : ''}) => {`, ...indent(body), '};'];
      break;
    }
    case 'middy': {
      const middy = imports.default('@middy/core', 'middy');
      const middlewares: string[] = [];
      if (kind.name.startsWith('api')) {
        middlewares.push(`.use(${imports.default('@middy/http-json-body-parser', 'jsonBodyParser')}())`);
        middlewares.push(`.use(${imports.default('@middy/http-error-handler', 'httpErrorHandler')}())`);
      }
      handlerLines = [`const baseHandler = async (${params})${returns} => {`, ...indent(body), '};'];
      exportsAtEnd.push(`${style.esm ? 'export const handler =' : 'module.exports.handler ='} ${middy}(baseHandler)${middlewares.join('')};`);
      break;
    }
    case 'powertools-class': {
      imports.named('@aws-lambda-powertools/tracer', 'Tracer');
      imports.type('@aws-lambda-powertools/commons/types', 'LambdaInterface');
      const tracer = names.unique('tracer');
      parts.module.push(`const ${tracer} = new Tracer({ serviceName: '${kind.files[0]}' });`);
      handlerLines = [
        'class Lambda implements LambdaInterface {',
        `  @${tracer}.captureLambdaHandler()`,
        `  public async handler(${params})${returns} {`,
        ...indent(body, 2),
        '  }',
        '}',
        '',
        'const handlerClass = new Lambda();',
        'export const handler = handlerClass.handler.bind(handlerClass);',
      ];
      break;
    }
    case 'exports-handler':
      handlerLines = [`exports.handler = async (${params}) => {`, ...indent(body), '};'];
      break;
    case 'module-exports-handler':
      handlerLines = [`module.exports.handler = async function (${params}) {`, ...indent(body), '};'];
      break;
    case 'module-exports-object': {
      handlerLines = [`async function handler(${params}) {`, ...indent(body), '}'];
      const exported = fillers.filter(() => random.chance(0.2)).map((filler) => filler.name);
      exportsAtEnd.push(`module.exports = { ${['handler', ...exported].join(', ')} };`);
      break;
    }
    case 'callback':
      handlerLines = [
        `async function run(${params}) {`,
        ...indent(body),
        '}',
        '',
        'exports.handler = (event, context, callback) => {',
        '  run(event, context)',
        '    .then((result) => callback(null, result))',
        '    .catch((error) => callback(error));',
        '};',
      ];
      break;
  }

  // Unrelated functions go before the handler, after it, or both, as in real files.
  const split = random.int(0, fillers.length);
  const before = fillers.slice(0, split).flatMap((filler) => [...filler.lines, '']);
  const after = fillers.slice(split).flatMap((filler) => ['', ...filler.lines]);

  const header: string[] = [];
  if (random.chance(0.25)) header.push('/*! Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.', ' *  SPDX-License-Identifier: MIT-0', ' */', '');
  if (!style.esm && random.chance(0.5)) header.push("'use strict';", '');
  const constants = random.chance(0.4) ? [`const TABLE_NAME = process.env.TABLE_NAME${ann(style, ' ?? ""')};`, `const STAGE = process.env.STAGE ?? 'dev';`, ''] : [];

  const lines = [
    ...header,
    ...imports.render(),
    '',
    ...constants,
    ...(parts.module.length ? [...parts.module, ''] : []),
    ...before,
    ...handlerLines,
    ...after,
    ...(exportsAtEnd.length ? ['', ...exportsAtEnd] : []),
    '',
  ];
  const base = random.pick(kind.files);
  return {
    path: `lambda/${String(index).padStart(4, '0')}-${base}${style.ext}`,
    text: lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, ''),
    sourceType: style.esm ? 'module' : 'commonjs',
    event: kind.name,
    shape,
    context: withContext,
    placements,
  };
}
