import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, isFunction, unwrap, walk } from '../ast.js';
import { FAILURE_EVENTS, whenConnectionFails } from '../catalog.js';
import type { PerInvocationSite, ResourceEntry } from '../types.js';
import type { PlanContext } from './context.js';
import { camelCase, freeName } from './names.js';
import type { Form } from './singletons.js';
import { indentAt, lineEnd, lineStart, reindent } from './text.js';
import type { TextEdit } from './text.js';

type Node = TSESTree.Node;

/** What the declaration of a site's singleton depends on. */
export interface SiteShape {
  site: PerInvocationSite;
  form: Form;
  /** The singleton's TypeScript type (empty in JavaScript). */
  type: string;
  /** `const client = new X()`: the declarator, when the site is its whole initialiser. */
  declarator: TSESTree.VariableDeclarator | undefined;
  /** Statements the initialiser runs around the creation (see `Steps`). */
  steps: Steps;
}

/**
 * What the initialiser runs besides the creation, as source text: statements that build its inputs
 * before it (`prelude`), and set-up calls on the created value after it (`setup`, where `SELF` stands
 * for the created value).
 */
export interface Steps {
  prelude: string[];
  setup: string[];
  /** The prelude awaits (an init chain that fetches a secret): the initialiser is async. */
  awaits?: boolean;
  /**
   * The callback of `connection.connect(callback)`, with `SELF` for the created value: the connect is
   * awaited through a promise that settles with its result, and the callback still runs with it.
   */
  connectCallback?: string;
  /** The type the callback gives its first parameter (`: Error`), for the wrapper's parameter in TypeScript. */
  connectErrorType?: string;
}

/** Stands in a set-up statement's text for the created value, until its name is chosen. */
export const SELF = '\u0000self';

/** The TypeScript type of the singleton. */
export function singletonType(ctx: PlanContext, site: PerInvocationSite, form: Form): string | undefined {
  const node = site.node;
  const callee = unwrap(node.callee);
  if (!isNameChain(callee)) return undefined;
  // Written as a plain name chain: `new (AWS?.S3)()` is of type `AWS.S3`.
  const calleeName = describe(callee);
  const typeArguments = node.typeArguments ? ctx.text.slice(node.typeArguments.range[0], node.typeArguments.range[1]) : '';
  const isClassName = (name: string) => /^[A-Z]/.test(name.split('.').pop() ?? '');
  let type: string;
  if (node.type === AST_NODE_TYPES.NewExpression || (isClassName(calleeName) && isTypeImport(ctx, callee))) {
    // `new Pool()`, and a class called without `new` (`Stripe(key)`): an instance of the class.
    type = isTypeImport(ctx, callee) ? `${calleeName}${typeArguments}` : `InstanceType<typeof ${calleeName}>`;
  } else if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    isClassName(describe(callee.object)) &&
    isTypeImport(ctx, callee.object)
  ) {
    // `DynamoDBDocumentClient.from(...)`, `MongoClient.connect(...)`: an instance of the class.
    type = describe(callee.object);
    if (site.entry.async) type = `Promise<${type}>`;
  } else {
    // `knex<Order>(...)`: an instantiation expression keeps the type arguments.
    type = `ReturnType<typeof ${calleeName}${typeArguments}>`;
  }
  if (type === undefined) return undefined;
  return form === 'connect' ? `Promise<${type}>` : type;
}

/** Is the chain's root an ESM import (a class is then also a type)? */
/**
 * Does the name chain also name a type? An imported class does (`Pool`); a member of a namespace import
 * does (`AWS.S3` with `import * as AWS`); a member of anything else may be a static property
 * (`Redis.Cluster` on ioredis' class), which is no type: those get `InstanceType<typeof ...>`.
 */
function isTypeImport(ctx: PlanContext, node: Node): boolean {
  let root = unwrap(node);
  const isMember = root.type === AST_NODE_TYPES.MemberExpression;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = ctx.scopes.resolve(root)?.defs[0];
  if (def?.type !== 'ImportBinding') return false;
  return (
    !isMember ||
    def.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
    def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration
  );
}

/** `new X` → `x`; a call → its variable, else its class (`X.from`), else its name without `create`. */
export function singletonBaseName(sitePlan: SiteShape): string {
  const callee = unwrap(sitePlan.site.node.callee);
  const last = (node: Node) => describe(node).split('.').pop() ?? 'resource';
  if (sitePlan.site.node.type === AST_NODE_TYPES.NewExpression) return camelCase(last(callee));
  // `const sql = postgres(url)`: the variable names it; through an `await` it names the result instead.
  if (sitePlan.declarator?.init === sitePlan.site.node) return (sitePlan.declarator.id as TSESTree.Identifier).name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && /^[A-Z]/.test(last(callee.object))) {
    return camelCase(last(callee.object));
  }
  const name = last(callee).replace(/^create(?=[A-Z])/, '');
  return camelCase(name) || 'resource';
}

/**
 * `const created: ReturnType<typeof createClient> = createClient(...)`: a generic factory infers its
 * type arguments from this annotation, as it does from the variable in the other forms.
 */
function createdAnnotation(ctx: PlanContext, sitePlan: SiteShape): string {
  const valueType = /^(?:Promise<(ReturnType<.*>)>|(ReturnType<.*>))$/.exec(sitePlan.type);
  const annotation = sitePlan.form === 'connect' ? valueType?.[1] : sitePlan.form === 'sync' ? valueType?.[2] : undefined;
  return ctx.typescript && annotation ? `: ${annotation}` : '';
}

/** The singleton's declaration, in the file's own indentation and line endings. */
export function declarationText(ctx: PlanContext, sitePlan: SiteShape, name: string, getter: string, creation: string): string {
  const ts = ctx.typescript;
  const { eol, unit } = ctx.style;
  // Continuation lines move from the site's indentation to the getter's (the margin is added last).
  const from = indentAt(ctx.text, sitePlan.site.node.range[0]);
  const annotation = ts ? `: ${sitePlan.type}` : '';
  const onError = whenConnectionFails(sitePlan.site.entry);
  const forget = [
    `.catch((error${ts ? ': unknown' : ''}) => {`,
    `${unit}${unit}${name} = undefined;`,
    `${unit}${unit}throw error;`,
    `${unit}})`,
  ].join(eol);
  const { prelude, setup } = sitePlan.steps;
  // Names declared inside the initialiser must not shadow anything it runs or the module declares.
  const runs = [creation, ...prelude, ...setup, sitePlan.steps.connectCallback ?? ''].join('\n');
  const local = (base: string) =>
    freeName(base, (candidate) => ctx.taken.has(candidate) || new RegExp(`\\b${candidate}\\b`).test(runs));
  const created = local('created');
  const indented = (text: string) => `${unit}${unit}${reindent(text.replaceAll(SELF, created), from, unit + unit)}`;
  const isAsync = sitePlan.form !== 'sync' || sitePlan.steps.awaits === true;
  const listeners = failureListeners(ctx, onError, failureEvents(sitePlan.site.entry, setup), name, created, isAsync, local);
  const lines = [
    ...(listeners.length > 0 ? ON_ERROR_COMMENT[onError!] : []),
    `let ${name}${ts ? `: ${sitePlan.type} | undefined` : ''};`,
    `const ${getter} = ()${annotation} =>`,
  ];
  // What runs once the instance exists: set-up calls, the connect, and what a failing connection needs.
  const after = [
    ...setup.map(indented),
    ...(sitePlan.form === 'connect' ? connectLines(ctx, sitePlan, created, local, from).map((line) => `${unit}${unit}${line}`) : []),
    ...listeners.map((line) => `${unit}${unit}${line}`),
  ];
  if (prelude.length === 0 && after.length === 0) {
    lines.push(`${unit}(${name} ??= ${reindent(creation, from, unit)}${isAsync ? forget : ''});`);
  } else {
    // An initialiser called once: `(x ??= (async () => { <prelude>; const created = …; <after>; return created; })())`.
    const value = `${sitePlan.form === 'promise' ? 'await ' : ''}${reindent(creation, from, unit + unit)}`;
    const body =
      after.length > 0
        ? [`${unit}${unit}const ${created}${createdAnnotation(ctx, sitePlan)} = ${value};`, ...after, `${unit}${unit}return ${created};`]
        : [`${unit}${unit}return ${value};`];
    lines.push(
      `${unit}(${name} ??= (${isAsync ? 'async ' : ''}() => {`,
      ...prelude.map(indented),
      ...body,
      `${unit}})()${isAsync ? forget : ''});`,
    );
  }
  // Code embedded at some depth (a test's template literal) keeps its margin on every line.
  const { margin } = ctx.style;
  const declaration = lines.join(eol) + eol;
  return margin ? declaration.replace(/^(?=.)/gm, margin) : declaration;
}

/**
 * `await created.connect();`, or for the callback form, the connect wrapped in a promise that settles
 * with its result, the user's callback still called with it (as the library would have).
 */
function connectLines(ctx: PlanContext, sitePlan: SiteShape, created: string, local: (base: string) => string, from: string): string[] {
  const connect = sitePlan.site.entry.connect!;
  const callback = sitePlan.steps.connectCallback;
  if (callback === undefined) return [`await ${created}.${connect}();`];
  const { unit, eol } = ctx.style;
  const [resolve, reject, error] = [local('resolve'), local('reject'), local('connectError')];
  // Continuation lines keep their depth below the callback's first line, which opens at two units.
  const lines = reindent(callback.replaceAll(SELF, created), from, unit + unit).split(eol);
  const called =
    lines.length === 1
      ? [`${unit}${unit}(${lines[0]})(${error});`]
      : [`${unit}${unit}(${lines[0]}`, ...lines.slice(1, -1), `${lines.at(-1)})(${error});`];
  return [
    `await new Promise${ctx.typescript ? '<void>' : ''}((${resolve}, ${reject}) => {`,
    `${unit}${created}.${connect}((${error}${ctx.typescript ? (sitePlan.steps.connectErrorType ?? '') : ''}) => {`,
    `${unit}${unit}if (${error}) ${reject}(${error});`,
    `${unit}${unit}else ${resolve}();`,
    ...called,
    `${unit}});`,
    `});`,
  ];
}

/**
 * Statements that attach what `whenConnectionFails` asks for to `created`, once it is ready. Listeners
 * are statements, not `create().on(…)`: a mocked class whose `on` returns undefined would leave the
 * singleton undefined. A forgotten connection compares what the singleton holds with what it held when
 * this connection was made (the instance, or in an async initialiser the promise of it): a late event of
 * a connection already replaced must not forget its successor. A pool whose `error` the user's own set-up
 * listens to needs nothing more.
 */
function failureListeners(
  ctx: PlanContext,
  onError: 'log' | 'forget' | undefined,
  events: readonly string[],
  name: string,
  created: string,
  isAsync: boolean,
  local: (base: string) => string,
): string[] {
  const ts = ctx.typescript;
  const { unit } = ctx.style;
  const q = quoteOf(ctx);
  const on = (listener: string) => events.map((event) => `.on(${q}${event}${q}, ${listener})`).join('');
  if (events.length === 0) return [];
  if (onError === 'log') return [`${created}${on(`(error${ts ? ': unknown' : ''}) => console.error(error)`)};`];
  const drop = local('forget');
  const connected = isAsync ? local('connected') : created;
  return [
    ...(isAsync ? [`const ${connected} = ${name};`] : []),
    `const ${drop} = (error${ts ? '?: unknown' : ''}) => {`,
    `${unit}if (error) console.error(error);`,
    `${unit}if (${name} === ${connected}) ${name} = undefined;`,
    `};`,
    `${created}${on(drop)};`,
  ];
}

/**
 * The events the singleton's own listeners handle (`FAILURE_EVENTS`), given the set-up statements that
 * move into its initialiser: a pool whose `error` the user's own listener already hears needs none.
 */
export function failureEvents(entry: ResourceEntry, setup: readonly string[]): readonly string[] {
  const onError = whenConnectionFails(entry);
  if (!onError) return [];
  const listensToErrors = setup.some((statement) => new RegExp(`^${SELF}\\.(on|once|addListener|prependListener)\\((['"\`])error\\2`).test(statement));
  return onError === 'log' && listensToErrors ? [] : FAILURE_EVENTS[onError];
}

/** Said once, above the singleton, for a resource that needs listeners. */
const ON_ERROR_COMMENT = {
  log: ['// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.'],
  forget: [
    '// A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the',
    '// next invocation opens a new one. Its errors are logged: an `error` event nobody listens to ends the process.',
  ],
} as const;

/** The quote of the module's first import or require: generated strings match the file. */
function quoteOf(ctx: PlanContext): string {
  for (const statement of ctx.program.body) {
    const source =
      statement.type === AST_NODE_TYPES.ImportDeclaration
        ? statement.source.raw
        : /\brequire\((['"])/.exec(ctx.text.slice(statement.range[0], statement.range[1]))?.[1];
    if (source) return source[0] === '"' ? '"' : "'";
  }
  return "'";
}

/**
 * After the imports at the top of the module (the last one before any statement that runs code when
 * the module loads, which might already call a getter) and the singletons that follow it, with a blank
 * line before each declaration: so that fixes applied one at a time land in the order the codemod
 * writes. With no import there, before the first statement and the comments that belong to it (a
 * JSDoc `@type` stays on its statement), after pragmas such as `// @ts-check`.
 */
export function declarationInsertion(ctx: PlanContext, declarations: string[]): TextEdit {
  const body = ctx.program.body;
  let anchor: Node | undefined;
  for (const statement of body) {
    if (isImportStatement(statement)) anchor = statement;
    else if (runsCodeAtLoad(statement)) break;
  }
  const existing = new Set<Node>(ctx.existing.map((singleton) => singleton.statement));
  for (let index = anchor ? body.indexOf(anchor as TSESTree.ProgramStatement) + 1 : 0; index + 1 < body.length; index += 2) {
    if (!existing.has(body[index + 1]!)) break;
    anchor = body[index + 1];
  }
  const { eol } = ctx.style;
  const joined = declarations.join(eol);
  if (anchor) {
    const end = Math.min(lineEnd(ctx.text, anchor.range[1]) + 1, ctx.text.length);
    // One blank line before the declarations, and one after unless the file has one there already.
    const blankAfter = end === ctx.text.length || /^\r?\n/.test(ctx.text.slice(end)) ? '' : eol;
    const newline = ctx.text.slice(0, end).endsWith('\n') ? '' : eol;
    return { start: end, end, text: `${newline}${eol}${joined}${blankAfter}` };
  }
  const first = body.find((statement) => !isDirective(statement)) ?? body[0];
  const start = first ? lineStart(ctx.text, leadingCommentsStart(ctx, first)) : 0;
  return { start, end: start, text: `${joined}${eol}` };
}

/** Where the comments that belong to a statement begin: those right above it, without a blank line between. */
function leadingCommentsStart(ctx: PlanContext, statement: Node): number {
  let start = statement.range[0];
  const comments = (ctx.program.comments ?? []).filter((comment) => comment.range[1] <= start);
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index]!;
    const between = ctx.text.slice(comment.range[1], start);
    if (between.trim() !== '' || (between.match(/\n/g)?.length ?? 0) > 1) break;
    // `// @ts-check`, `/* eslint-env */` and the like speak for the file, not for the statement.
    if (/^\s*(@ts-(no)?check|eslint|global\s|jshint|@flow|@jsx|@license|@preserve|!)/.test(comment.value)) break;
    start = comment.range[0];
  }
  return start;
}

/**
 * Does the statement run code when the module loads, code that might call a function that calls a
 * getter: a call, `new`, a tagged template, `await`, outside function bodies? Declarations of
 * functions and classes, and values made only of literals and names, do not.
 */
function runsCodeAtLoad(statement: Node): boolean {
  let runs = false;
  walk(statement, (node) => {
    // Function bodies and instance fields run later, when called or constructed.
    if (runs || isFunction(node) || (node.type === AST_NODE_TYPES.PropertyDefinition && !node.static)) return false;
    if (
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression ||
      node.type === AST_NODE_TYPES.StaticBlock ||
      node.type === AST_NODE_TYPES.Decorator
    ) {
      runs = true;
    }
    return !runs;
  });
  return runs;
}

function isNameChain(node: Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return true;
  return bare.type === AST_NODE_TYPES.MemberExpression && !bare.computed && isNameChain(bare.object);
}

function isImportStatement(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    return true;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.every((declarator) => {
    const init = declarator.init && unwrap(declarator.init);
    // `AWSXRay.captureAWS(require('aws-sdk'))` imports a module too, instrumented.
    const wrapped = init?.type === AST_NODE_TYPES.CallExpression && init.arguments.length === 1 ? init.arguments[0] : undefined;
    return isRequire(init) || (wrapped !== undefined && isRequire(wrapped));
  });
}

/** `require('x')`, `require('x').y`. */
function isRequire(node: Node | null | undefined): boolean {
  let current = node && unwrap(node);
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return (
    current?.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require'
  );
}

function isDirective(statement: Node): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
}
