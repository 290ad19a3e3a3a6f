import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, unwrap } from '../ast.js';
import type { PerInvocationSite } from '../types.js';
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
}

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
  const { onError } = sitePlan.site.entry;
  const lines = [...(onError ? ON_ERROR_COMMENT[onError] : []), `let ${name}${ts ? `: ${sitePlan.type} | undefined` : ''};`, `const ${getter} = ()${annotation} =>`];
  const forget = [
    `.catch((error${ts ? ': unknown' : ''}) => {`,
    `${unit}${unit}${name} = undefined;`,
    `${unit}${unit}throw error;`,
    `${unit}})`,
  ].join(eol);
  // Names declared next to the creation must not shadow what it reads.
  const local = (base: string) => freeName(base, (candidate) => new RegExp(`\\b${candidate}\\b`).test(creation));
  const created = local('created');
  const q = quoteOf(ctx);
  const logError = `(error${ts ? ': unknown' : ''}) => console.error(error)`;
  /**
   * Statements that attach what the catalogue's `onError` asks for to `created`, once it is ready;
   * `cached` names what the singleton holds by then (the instance, or the promise of it).
   */
  const listeners = (cached: string): string[] => {
    if (onError === 'log') return [`${created}.on(${q}error${q}, ${logError});`];
    if (onError !== 'forget') return [];
    const drop = local('forget');
    // The check: a late event of a connection already forgotten must not forget its successor.
    return [
      `const ${drop} = (error${ts ? '?: unknown' : ''}) => {`,
      `${unit}if (error) console.error(error);`,
      `${unit}if (${name} === ${cached}) ${name} = undefined;`,
      `};`,
      `${created}.on(${q}error${q}, ${drop}).on(${q}end${q}, ${drop});`,
    ];
  };
  /** The body of an initialising function: `const created = ...`, setup, listeners, `return created`. */
  const body = (statements: string[]) => [...statements, `return ${created};`].map((line) => `${unit}${unit}${line}`);
  const creationIn = (depth: string) => reindent(creation, from, depth);
  switch (sitePlan.form) {
    case 'sync':
      if (onError) {
        // Statements, not `create().on(...)`: a mocked class whose `on` returns undefined would leave the
        // singleton undefined; the annotation lets a generic factory infer its type arguments.
        const statements = [`const ${created}${createdAnnotation(ctx, sitePlan)} = ${creationIn(unit + unit)};`, ...listeners(created)];
        lines.push(`${unit}(${name} ??= (() => {`, ...body(statements), `${unit}})());`);
      } else {
        lines.push(`${unit}(${name} ??= ${creationIn(unit)});`);
      }
      break;
    case 'promise':
      if (onError) {
        const connected = local('connected');
        const statements = [
          `const ${created} = await ${creationIn(unit + unit)};`,
          ...(onError === 'forget' ? [`const ${connected} = ${name};`] : []),
          ...listeners(connected),
        ];
        lines.push(`${unit}(${name} ??= (async () => {`, ...body(statements), `${unit}})()${forget});`);
      } else {
        lines.push(`${unit}(${name} ??= ${creationIn(unit)}${forget});`);
      }
      break;
    case 'connect': {
      const connected = local('connected');
      const statements = [
        `const ${created}${createdAnnotation(ctx, sitePlan)} = ${creationIn(unit + unit)};`,
        `await ${created}.${sitePlan.site.entry.connect!}();`,
        ...(onError === 'forget' ? [`const ${connected} = ${name};`] : []),
        ...listeners(connected),
      ];
      lines.push(`${unit}(${name} ??= (async () => {`, ...body(statements), `${unit}})()${forget});`);
      break;
    }
  }
  // Code embedded at some depth (a test's template literal) keeps its margin on every line.
  const { margin } = ctx.style;
  const declaration = lines.join(eol) + eol;
  return margin ? declaration.replace(/^(?=.)/gm, margin) : declaration;
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
 * After the last top-level import or `require` and the singletons that follow it, with a blank line
 * before each declaration: so that fixes applied one at a time land in the order the codemod writes.
 */
export function declarationInsertion(ctx: PlanContext, declarations: string[]): TextEdit {
  const body = ctx.program.body;
  let anchor: Node | undefined;
  for (const statement of body) {
    if (isImportStatement(statement)) anchor = statement;
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
  const start = first ? lineStart(ctx.text, first.range[0]) : 0;
  return { start, end: start, text: `${joined}${eol}` };
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
