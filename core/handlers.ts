import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, propertyName, unwrap } from './ast.js';
import { LAMBDA_HANDLER_TYPES } from './lambda-handler-types.js';
import type { FunctionNode, Handler, HandlerRecognition, LambdaHygieneSettings } from './types.js';
import type { Values } from './values.js';
import { collectCommonJsExports } from './values.js';

export const DEFAULT_HANDLER_NAMES = ['handler', 'lambdaHandler'];
/** Wrappers whose first function argument is the handler, even when they take several functions. */
export const DEFAULT_WRAPPERS = ['middy', 'streamifyResponse'];
/** Methods of a middy chain: `middy(fn).use(a).before(b)` is still `fn`. */
const MIDDY_CHAIN = new Set(['use', 'before', 'after', 'onError', 'applyMiddleware']);
/** Middleware hooks: functions that run per invocation with the request, around the handler. */
const MIDDLEWARE_HOOKS = ['before', 'after', 'onError'];

/** One export of the module: its public name and the value or declaration behind it. */
export interface ModuleExport {
  name: string;
  value: TSESTree.Node;
  /** The declared type of the exported binding, if any (`export const x: Handler = ...`). */
  typeAnnotation: TSESTree.TypeNode | undefined;
  how: HandlerRecognition;
  node: TSESTree.Node;
}

/**
 * Where invocations enter the module: exported handlers, whatever the export syntax, unwrapped from
 * middleware and bound class methods down to the function that runs per request.
 */
export function findHandlers(finder: HandlerFinder, moduleExports: readonly ModuleExport[]): Handler[] {
  const handlers: Handler[] = [];
  const seen = new Set<FunctionNode>();
  for (const moduleExport of moduleExports) {
    for (const { fn, how, factory, middlewares, instance } of finder.handlerFunctions(moduleExport)) {
      if (seen.has(fn)) continue;
      seen.add(fn);
      handlers.push({
        name: moduleExport.name,
        fn,
        how,
        exportNode: moduleExport.node,
        ...(factory ? { factory } : {}),
        ...(middlewares?.length ? { middlewares } : {}),
        ...(instance ? { instance } : {}),
      });
    }
  }
  return handlers;
}

export function handlerFinder(program: TSESTree.Program, values: Values, settings: LambdaHygieneSettings | undefined): HandlerFinder {
  // Without a type from `aws-lambda`, only a handler's name or signature can make an export a handler:
  // most modules are then done without a scope analysis.
  const importsLambdaTypes = program.body.some(
    (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'aws-lambda',
  );
  return new HandlerFinder(values, settings, importsLambdaTypes);
}

/** A re-export: `export { handler } from './impl'`, `export * as ns from './y'` (`name: '*'`). */
export interface ReExport {
  name: string;
  from: string;
  /** The name in `from`: `default`, `*` or a named export. */
  imported: string;
}

/** Re-exports and `export * from` of the module: code in other modules, followed in project mode. */
export function collectReExports(program: TSESTree.Program): { reExports: ReExport[]; starExports: string[] } {
  const reExports: ReExport[] = [];
  const starExports: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
      for (const specifier of statement.specifiers) {
        reExports.push({
          name: moduleExportName(specifier.exported),
          from: statement.source.value,
          imported: moduleExportName(specifier.local),
        });
      }
    } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      if (statement.exported) reExports.push({ name: moduleExportName(statement.exported), from: statement.source.value, imported: '*' });
      else starExports.push(statement.source.value);
    }
  }
  return { reExports, starExports };
}

/** The module's own exports (ESM and CommonJS), each with the value behind it. */
export function collectExports(program: TSESTree.Program): ModuleExport[] {
  const exports: ModuleExport[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.source) break; // re-exports run another module's code: see collectReExports
        if (statement.declaration) exports.push(...declarationExports(statement.declaration, statement));
        for (const specifier of statement.specifiers) {
          exports.push({
            name: moduleExportName(specifier.exported),
            value: specifier.local,
            typeAnnotation: undefined,
            how: 'export',
            node: specifier,
          });
        }
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        exports.push({
          name: 'default',
          value: statement.declaration,
          typeAnnotation: undefined,
          how: 'export',
          node: statement,
        });
        break;
    }
  }
  // `exports.x = v`, `module.exports.x = v`, `module.exports = { x }`, TypeScript's `export = { x }`.
  for (const { name, value, statement } of collectCommonJsExports(program)) {
    exports.push({ name, value, typeAnnotation: undefined, how: 'commonjs', node: statement });
  }
  return exports;
}

function declarationExports(declaration: TSESTree.Node, node: TSESTree.Node): ModuleExport[] {
  // `export class Store {}`: another module's `new Store()` runs it (project mode).
  if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
    return [{ name: declaration.id.name, value: declaration, typeAnnotation: undefined, how: 'export', node }];
  }
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  return declaration.declarations.flatMap((declarator) =>
    declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init
      ? [
          {
            name: declarator.id.name,
            value: declarator.init,
            typeAnnotation: declarator.id.typeAnnotation?.typeAnnotation,
            how: 'export' as const,
            node,
          },
        ]
      : [],
  );
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** A function that runs when Lambda calls an export, and how it was found. */
export interface FoundFunction {
  fn: FunctionNode;
  how: HandlerRecognition;
  factory?: Handler['factory'];
  middlewares?: FunctionNode[];
  instance?: 'module';
}

/** Handler names and wrapper names as sets, once per settings object (the rules pass the same one for every file). */
const namesBySettings = new WeakMap<object, { handlerNames: ReadonlySet<string>; wrappers: ReadonlySet<string> }>();
const DEFAULT_NAMES = { handlerNames: new Set(DEFAULT_HANDLER_NAMES), wrappers: new Set(DEFAULT_WRAPPERS) };

function namesOf(settings: LambdaHygieneSettings | undefined): { handlerNames: ReadonlySet<string>; wrappers: ReadonlySet<string> } {
  if (!settings) return DEFAULT_NAMES;
  let names = namesBySettings.get(settings);
  if (!names) {
    names = {
      handlerNames: new Set(settings.handlerNames ?? DEFAULT_HANDLER_NAMES),
      wrappers: new Set([...DEFAULT_WRAPPERS, ...(settings.wrappers ?? [])]),
    };
    namesBySettings.set(settings, names);
  }
  return names;
}

export class HandlerFinder {
  private readonly handlerNames: ReadonlySet<string>;
  private readonly wrappers: ReadonlySet<string>;

  constructor(
    readonly values: Values,
    settings: LambdaHygieneSettings | undefined,
    private readonly importsLambdaTypes: boolean,
  ) {
    ({ handlerNames: this.handlerNames, wrappers: this.wrappers } = namesOf(settings));
  }

  handlerFunctions(moduleExport: ModuleExport): FoundFunction[] {
    const named = this.handlerNames.has(moduleExport.name);
    const value = unwrap(moduleExport.value);
    // `module.exports.hello = async (event) => ...`, `export default middy(main)` with `main(event, context)`:
    // Lambda's own signature, under any name, also through a wrapper.
    const bySignature = (): FoundFunction[] => {
      if (named) return [];
      if (isFunction(value)) return hasLambdaParameterNames(value, moduleExport.name) ? [{ fn: value, how: moduleExport.how }] : [];
      if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.CallExpression) return [];
      return this.functionsOf(value, moduleExport.how).filter((found) => hasLambdaParameterNames(found.fn, moduleExport.name));
    };
    if (!named && !this.importsLambdaTypes) return bySignature();
    const typed =
      this.importsLambdaTypes &&
      (this.isLambdaType(moduleExport.typeAnnotation) || this.hasLambdaTypedBinding(moduleExport.value));
    if (!named && !typed && !this.mayBeTypedFunction(moduleExport.value)) return bySignature();
    const found = this.functionsOf(moduleExport.value, moduleExport.how);
    if (named || typed) return found.map((f) => (typed && !named && f.how === 'export' ? { ...f, how: 'typed' } : f));
    // Not named like a handler: a function whose parameters carry Lambda types, or Lambda's parameter names.
    const withTypes = found.filter((f) => this.hasLambdaParameters(f.fn)).map((f) => ({ ...f, how: 'typed' as const }));
    return withTypes.length > 0 ? withTypes : bySignature();
  }

  /** Cheap pre-check before resolving: could this export be a function at all? */
  private mayBeTypedFunction(value: TSESTree.Node): boolean {
    const node = unwrap(value);
    return isFunction(node) || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.CallExpression;
  }

  /** Resolves an exported value to the function(s) that run when Lambda calls it. */
  functionsOf(value: TSESTree.Node, how: HandlerRecognition, depth = 0): FoundFunction[] {
    if (depth > 8) return [];
    const node = unwrap(value);
    if (isFunction(node)) return [{ fn: node, how }];
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.functionsOf(node.argument, how, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return this.functionsOfIdentifier(node, how, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.functionsOfCall(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.methodOfInstance(node);
      default:
        return [];
    }
  }

  private functionsOfIdentifier(node: TSESTree.Identifier, how: HandlerRecognition, depth: number): FoundFunction[] {
    const value = this.values.of(node);
    if (value?.kind === 'unit' && isFunction(value.node)) return [{ fn: value.node, how }];
    // `const handler = middy(main)`: what the initialiser runs.
    const init = this.values.initializerOf(node);
    return init ? this.functionsOf(init, how, depth + 1) : [];
  }

  private functionsOfCall(call: TSESTree.CallExpression, depth: number): FoundFunction[] {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      // `instance.handler.bind(instance)`: the class method.
      if (method === 'bind') return this.functionsOf(callee.object, 'class-method', depth + 1);
      // `middy(fn).use(...)`: the chain's origin, with the chain's middlewares; `middy().handler(fn)`: the argument.
      if (method && MIDDY_CHAIN.has(method)) return this.withMiddlewares(this.functionsOf(callee.object, 'wrapper', depth + 1), call);
      if (method === 'handler' && call.arguments[0]) {
        return this.withMiddlewares(this.functionsOf(call.arguments[0], 'wrapper', depth + 1), callee.object);
      }
    }
    const wrapped = call.arguments.flatMap((argument) =>
      argument.type === AST_NODE_TYPES.SpreadElement ? [] : this.functionsOf(argument, 'wrapper', depth + 1),
    );
    const calleeName = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : calleeName;
    // A known wrapper takes the handler first; any other call with exactly one function argument wraps it.
    if (wrapped.length > 0 && name && this.wrappers.has(name)) return [wrapped[0]!];
    if (wrapped.length === 1) return wrapped;
    if (wrapped.length === 0) return this.returnedFunctions(callee, call);
    return [];
  }

  /** The middlewares of a middy chain (`.use({ before })`, `.before(fn)`), down to its origin. */
  private withMiddlewares(found: FoundFunction[], chain: TSESTree.Node): FoundFunction[] {
    const middlewares: FunctionNode[] = [];
    for (let node = unwrap(chain), depth = 0; node.type === AST_NODE_TYPES.CallExpression && depth < 32; depth++) {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
      const method = propertyName(callee);
      for (const argument of node.arguments) {
        if (method === 'use') middlewares.push(...this.middlewareHooks(argument));
        else if (method && MIDDLEWARE_HOOKS.includes(method)) middlewares.push(...this.unitFunctions(argument));
      }
      node = unwrap(callee.object);
    }
    if (middlewares.length === 0) return found;
    return found.map((f) => ({ ...f, middlewares: [...(f.middlewares ?? []), ...middlewares] }));
  }

  /** `{ before, after, onError }` of a middleware object (or an array of them), or what a local factory returns. */
  private middlewareHooks(argument: TSESTree.Node): FunctionNode[] {
    const node = unwrap(argument);
    if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.flatMap((element) => (element ? this.middlewareHooks(element) : []));
    let object = this.values.of(node);
    if (!object && node.type === AST_NODE_TYPES.CallExpression) {
      const factory = this.values.of(node.callee);
      const returned = factory?.kind === 'unit' && isFunction(factory.node) ? returnedValue(factory.node) : undefined;
      object = returned && this.values.of(returned);
    }
    if (object?.kind !== 'object') return [];
    return MIDDLEWARE_HOOKS.flatMap((hook) => {
      const value = this.values.member(object, hook);
      return value?.kind === 'unit' && isFunction(value.node) ? [value.node] : [];
    });
  }

  private unitFunctions(argument: TSESTree.Node): FunctionNode[] {
    const value = this.values.of(argument);
    return value?.kind === 'unit' && isFunction(value.node) ? [value.node] : [];
  }

  /** `makeHandler(deps)` with a local `makeHandler` returning a function: that function. */
  private returnedFunctions(callee: TSESTree.Node, call: TSESTree.CallExpression): FoundFunction[] {
    const value = this.values.of(callee);
    const factory = value?.kind === 'unit' && isFunction(value.node) ? value.node : undefined;
    if (!factory) return [];
    const made = (fn: FunctionNode): FoundFunction => ({ fn, how: 'factory', factory: { fn: factory, call } });
    if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
      const body = unwrap(factory.body);
      return isFunction(body) ? [made(body)] : [];
    }
    const returned: FoundFunction[] = [];
    for (const statement of factory.body.body) {
      if (statement.type !== AST_NODE_TYPES.ReturnStatement || !statement.argument) continue;
      const result = unwrap(statement.argument);
      if (isFunction(result)) returned.push(made(result));
      else if (result.type === AST_NODE_TYPES.Identifier) {
        returned.push(...this.functionsOfIdentifier(result, 'factory', 1).map((found) => made(found.fn)));
      }
    }
    return returned;
  }

  /** `instance.handler` where `instance = new LocalClass()`, or `new LocalClass().handler`. */
  private methodOfInstance(member: TSESTree.MemberExpression): FoundFunction[] {
    const name = propertyName(member);
    const instance = name === undefined ? undefined : this.values.of(member.object);
    if (instance?.kind !== 'instance') return [];
    const method = this.values.member(instance, name!);
    if (method?.kind !== 'unit' || !isFunction(method.node)) return [];
    return [{ fn: method.node, how: 'class-method', ...(instance.held === 'module' ? { instance: 'module' as const } : {}) }];
  }

  /** `x: SQSHandler`, `x: lambda.APIGatewayProxyHandlerV2WithJWTAuthorizer<...>`: a handler type from `aws-lambda`. */
  private isLambdaType(type: TSESTree.TypeNode | undefined): boolean {
    return this.lambdaTypeName(type, (name) => LAMBDA_HANDLER_TYPES.has(name));
  }

  /** The parameter types of a handler: an event type (`SQSEvent`), or `Context`. */
  private isLambdaParameterType(type: TSESTree.TypeNode | undefined, suffix: 'Event' | 'Context'): boolean {
    return this.lambdaTypeName(type, (name) => name.endsWith(suffix));
  }

  private lambdaTypeName(type: TSESTree.TypeNode | undefined, matches: (name: string) => boolean): boolean {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const typeName = type.typeName;
    // By the name `aws-lambda` exports, so that `import type { Handler as H }` counts too.
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      const ref = this.values.moduleRef(typeName);
      return ref?.module === 'aws-lambda' && matches(ref.path.at(-1) ?? '');
    }
    if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
      if (!matches(typeName.right.name)) return false;
      return this.values.moduleRef(typeName.left)?.module === 'aws-lambda';
    }
    return false;
  }

  /** `export { main as processor }` with `const main: Handler = ...`, or `(...) satisfies Handler`. */
  private hasLambdaTypedBinding(value: TSESTree.Node): boolean {
    let node: TSESTree.Node = value;
    for (let depth = 0; depth < 4; depth++) {
      if (node.type === AST_NODE_TYPES.TSSatisfiesExpression || node.type === AST_NODE_TYPES.TSAsExpression) {
        if (this.isLambdaType(node.typeAnnotation)) return true;
        node = node.expression;
        continue;
      }
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const declarator = this.values.declaratorOf(node);
      if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      if (this.isLambdaType(declarator.id.typeAnnotation?.typeAnnotation)) return true;
      if (!declarator.init) return false;
      node = declarator.init;
    }
    return false;
  }

  /** `(event: S3Event, context: Context)` with types from `aws-lambda`. */
  private hasLambdaParameters(fn: FunctionNode): boolean {
    const [event, context] = fn.params;
    const typeOf = (param: TSESTree.Parameter | undefined) =>
      param && 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
    return this.isLambdaParameterType(typeOf(event), 'Event') || this.isLambdaParameterType(typeOf(context), 'Context');
  }
}

/**
 * `(event, context)` or `(event, context, callback)`: the parameters Lambda passes, by their usual names
 * (`evt` and `ctx` count too); an async `(event)` alone under an export's own name (the Serverless
 * Framework's `module.exports.hello = async (event) => ...`), not as an anonymous default export.
 */
function hasLambdaParameterNames(fn: FunctionNode, exportName: string): boolean {
  const [event, context, callback] = fn.params;
  if (event?.type !== AST_NODE_TYPES.Identifier || fn.params.length > 3) return false;
  if (!context) return event.name === 'event' && exportName !== 'default' && fn.async;
  return /^(event|evt)$/.test(event.name) && context.type === AST_NODE_TYPES.Identifier && /^(context|ctx)$/.test(context.name) && (!callback || callback.type === AST_NODE_TYPES.Identifier);
}

/** The value a function returns, when it has one return (or an expression body). */
function returnedValue(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returns = fn.body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement);
  return returns.length === 1 ? (returns[0]!.argument ?? undefined) : undefined;
}
