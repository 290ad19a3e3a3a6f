import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { isClass, isFunction, propertyName, unwrap } from './ast.js';
import type { ImportResolver } from './imports.js';
import type { Scopes } from './scope.js';
import type { FunctionNode, Handler, HandlerRecognition, LambdaHygieneSettings } from './types.js';

export const DEFAULT_HANDLER_NAMES = ['handler', 'lambdaHandler'];
/** Wrappers whose first function argument is the handler, even when they take several functions. */
export const DEFAULT_WRAPPERS = ['middy', 'streamifyResponse'];
/** Methods of a middy chain: `middy(fn).use(a).before(b)` is still `fn`. */
const MIDDY_CHAIN = new Set(['use', 'before', 'after', 'onError', 'applyMiddleware']);

/** One export of the module: its public name and the value or declaration behind it. */
interface ModuleExport {
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
export function findHandlers(
  program: TSESTree.Program,
  scopes: Scopes,
  imports: ImportResolver,
  settings: LambdaHygieneSettings | undefined,
): Handler[] {
  // Without a type from `aws-lambda`, only a handler's name can make an export a handler: most modules
  // are then done without a scope analysis.
  const importsLambdaTypes = program.body.some(
    (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'aws-lambda',
  );
  const finder = new HandlerFinder(scopes, imports, settings, importsLambdaTypes);
  const handlers: Handler[] = [];
  const seen = new Set<FunctionNode>();
  for (const moduleExport of collectExports(program)) {
    for (const { fn, how, factory } of finder.handlerFunctions(moduleExport)) {
      if (seen.has(fn)) continue;
      seen.add(fn);
      handlers.push({ name: moduleExport.name, fn, how, exportNode: moduleExport.node, ...(factory ? { factory } : {}) });
    }
  }
  return handlers;
}

function collectExports(program: TSESTree.Program): ModuleExport[] {
  const exports: ModuleExport[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.source) break; // re-exports run another module's code
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
      case AST_NODE_TYPES.TSExportAssignment:
        exports.push(...objectExports(statement.expression, statement));
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        exports.push(...commonJsExports(statement.expression, statement));
        break;
    }
  }
  return exports;
}

function declarationExports(declaration: TSESTree.Node, node: TSESTree.Node): ModuleExport[] {
  if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
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

/** `exports.x = v`, `module.exports.x = v`, `module.exports = { x }`, chained `a = b = v`. */
function commonJsExports(expression: TSESTree.Expression, statement: TSESTree.Node): ModuleExport[] {
  const found: ModuleExport[] = [];
  let current: TSESTree.Node = expression;
  while (current.type === AST_NODE_TYPES.AssignmentExpression && current.operator === '=') {
    const target = unwrap(current.left);
    const value = rightmostValue(current.right);
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(target);
      if (isModuleExports(target)) {
        found.push(...objectExports(value, statement));
      } else if (name !== undefined && (isModuleExports(target.object) || isExportsIdentifier(target.object))) {
        found.push({ name, value, typeAnnotation: undefined, how: 'commonjs', node: statement });
      }
    }
    current = current.right;
  }
  return found;
}

function rightmostValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.AssignmentExpression) current = current.right;
  return current;
}

function objectExports(value: TSESTree.Node, statement: TSESTree.Node): ModuleExport[] {
  const object = unwrap(value);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return object.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const name = propertyName(property);
    if (name === undefined) return [];
    return [{ name, value: property.value, typeAnnotation: undefined, how: 'commonjs' as const, node: statement }];
  });
}

function isModuleExports(node: TSESTree.Node): boolean {
  const member = unwrap(node);
  return (
    member.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(member) === 'exports' &&
    member.object.type === AST_NODE_TYPES.Identifier &&
    member.object.name === 'module'
  );
}

function isExportsIdentifier(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'exports';
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

interface FoundFunction {
  fn: FunctionNode;
  how: HandlerRecognition;
  factory?: Handler['factory'];
}

class HandlerFinder {
  private readonly handlerNames: ReadonlySet<string>;
  private readonly wrappers: ReadonlySet<string>;

  constructor(
    private readonly scopes: Scopes,
    private readonly imports: ImportResolver,
    settings: LambdaHygieneSettings | undefined,
    private readonly importsLambdaTypes: boolean,
  ) {
    this.handlerNames = new Set(settings?.handlerNames ?? DEFAULT_HANDLER_NAMES);
    this.wrappers = new Set([...DEFAULT_WRAPPERS, ...(settings?.wrappers ?? [])]);
  }

  handlerFunctions(moduleExport: ModuleExport): FoundFunction[] {
    const named = this.handlerNames.has(moduleExport.name);
    // `module.exports.createUser = async (event, context) => ...`: Lambda's own signature, under any name.
    const value = unwrap(moduleExport.value);
    if (!named && isFunction(value) && hasLambdaParameterNames(value)) return [{ fn: value, how: moduleExport.how }];
    if (!named && !this.importsLambdaTypes) return [];
    const typed =
      this.importsLambdaTypes &&
      (this.isLambdaType(moduleExport.typeAnnotation) || this.hasLambdaTypedBinding(moduleExport.value));
    if (!named && !typed && !this.mayBeTypedFunction(moduleExport.value)) return [];
    const found = this.functionsOf(moduleExport.value, moduleExport.how, 0);
    if (named || typed) return found.map((f) => (typed && !named && f.how === 'export' ? { ...f, how: 'typed' } : f));
    // Not named like a handler: only a function whose parameters carry Lambda types counts.
    return found.filter((f) => this.hasLambdaParameters(f.fn)).map((f) => ({ ...f, how: 'typed' }));
  }

  /** Cheap pre-check before resolving: could this export be a function at all? */
  private mayBeTypedFunction(value: TSESTree.Node): boolean {
    const node = unwrap(value);
    return isFunction(node) || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.CallExpression;
  }

  /** Resolves an exported value to the function(s) that run per invocation. */
  private functionsOf(value: TSESTree.Node, how: HandlerRecognition, depth: number): FoundFunction[] {
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
    const variable = this.scopes.resolve(node);
    if (!variable || variable.defs.length !== 1) return [];
    const def = variable.defs[0]!;
    if (def.type === 'FunctionName' && isFunction(def.node)) return [{ fn: def.node, how }];
    if (def.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
      return this.functionsOf(def.node.init, how, depth + 1);
    }
    return [];
  }

  private functionsOfCall(call: TSESTree.CallExpression, depth: number): FoundFunction[] {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      // `instance.handler.bind(instance)`: the class method.
      if (method === 'bind') return this.functionsOf(callee.object, 'class-method', depth + 1);
      // `middy(fn).use(...)`: the chain's origin; `middy().handler(fn)`: the argument.
      if (method && MIDDY_CHAIN.has(method)) return this.functionsOf(callee.object, 'wrapper', depth + 1);
      if (method === 'handler' && call.arguments[0]) return this.functionsOf(call.arguments[0], 'wrapper', depth + 1);
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

  /** `makeHandler(deps)` with a local `makeHandler` returning a function: that function. */
  private returnedFunctions(callee: TSESTree.Node, call: TSESTree.CallExpression): FoundFunction[] {
    if (callee.type !== AST_NODE_TYPES.Identifier) return [];
    const factory = this.functionsOfIdentifier(callee, 'factory', 0)[0]?.fn;
    if (!factory) return [];
    const made = (fn: FunctionNode): FoundFunction => ({ fn, how: 'factory', factory: { fn: factory, call } });
    if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
      const body = unwrap(factory.body);
      return isFunction(body) ? [made(body)] : [];
    }
    const returned: FoundFunction[] = [];
    for (const statement of factory.body.body) {
      if (statement.type !== AST_NODE_TYPES.ReturnStatement || !statement.argument) continue;
      const value = unwrap(statement.argument);
      if (isFunction(value)) returned.push(made(value));
      else if (value.type === AST_NODE_TYPES.Identifier) {
        returned.push(...this.functionsOfIdentifier(value, 'factory', 1).map((found) => made(found.fn)));
      }
    }
    return returned;
  }

  /** `instance.handler` where `instance = new LocalClass()`, or `new LocalClass().handler`. */
  private methodOfInstance(member: TSESTree.MemberExpression): FoundFunction[] {
    const name = propertyName(member);
    if (name === undefined) return [];
    let object = unwrap(member.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.scopes.resolve(object);
      const def = variable?.defs[0];
      if (def?.type !== 'Variable' || !def.node.init) return [];
      object = unwrap(def.node.init);
    }
    if (object.type !== AST_NODE_TYPES.NewExpression) return [];
    const classNode = this.localClass(object.callee);
    const method = classNode && findMethod(classNode, name, this.scopes);
    return method ? [{ fn: method, how: 'class-method' }] : [];
  }

  private localClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    const callee = unwrap(node);
    if (isClass(callee)) return callee;
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.scopes.resolve(callee)?.defs[0];
    if (def?.type === 'ClassName' && isClass(def.node)) return def.node;
    if (def?.type === 'Variable' && def.node.init && isClass(unwrap(def.node.init))) {
      return unwrap(def.node.init) as TSESTree.ClassExpression;
    }
    return undefined;
  }

  /** `x: SQSHandler`, `x: lambda.Handler<...>`, from the `aws-lambda` types. */
  private isLambdaType(type: TSESTree.TypeNode | undefined, suffix = 'Handler'): boolean {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const typeName = type.typeName;
    // By the name `aws-lambda` exports, so that `import type { Handler as H }` counts too.
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      const ref = this.imports.resolve(typeName);
      return ref?.module === 'aws-lambda' && (ref.path.at(-1) ?? '').endsWith(suffix);
    }
    if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
      if (!typeName.right.name.endsWith(suffix)) return false;
      return this.imports.resolve(typeName.left)?.module === 'aws-lambda';
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
      const def = this.scopes.resolve(node)?.defs[0];
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
      if (this.isLambdaType(def.node.id.typeAnnotation?.typeAnnotation)) return true;
      if (!def.node.init) return false;
      node = def.node.init;
    }
    return false;
  }

  /** `(event: S3Event, context: Context)` with types from `aws-lambda`. */
  private hasLambdaParameters(fn: FunctionNode): boolean {
    const [event, context] = fn.params;
    const typeOf = (param: TSESTree.Parameter | undefined) =>
      param && 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
    return this.isLambdaType(typeOf(event), 'Event') || this.isLambdaType(typeOf(context), 'Context');
  }
}

/** `(event, context)` or `(event, context, callback)`: the parameters Lambda passes, by their usual names. */
function hasLambdaParameterNames(fn: FunctionNode): boolean {
  const [event, context] = fn.params;
  return (
    event?.type === AST_NODE_TYPES.Identifier &&
    /^(event|evt)$/.test(event.name) &&
    context?.type === AST_NODE_TYPES.Identifier &&
    /^(context|ctx)$/.test(context.name)
  );
}

/** The method `name` of a class, looking through local superclasses. */
export function findMethod(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
  scopes: Scopes,
  kinds: ReadonlyArray<TSESTree.MethodDefinition['kind']> = ['method'],
): FunctionNode | undefined {
  for (let current: typeof classNode | undefined = classNode, depth = 0; current && depth < 8; depth++) {
    for (const member of current.body.body) {
      if (
        member.type === AST_NODE_TYPES.MethodDefinition &&
        kinds.includes(member.kind) &&
        propertyName(member) === name &&
        member.value.type === AST_NODE_TYPES.FunctionExpression
      ) {
        return member.value;
      }
      // Arrow-function class fields: `handler = async (event) => { ... }`.
      if (
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        kinds.includes('method') &&
        propertyName(member) === name &&
        member.value &&
        isFunction(member.value)
      ) {
        return member.value;
      }
    }
    current = superClassOf(current, scopes);
  }
  return undefined;
}

export function superClassOf(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  scopes: Scopes,
): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const superClass = classNode.superClass && unwrap(classNode.superClass);
  if (superClass?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = scopes.resolve(superClass)?.defs[0];
  return def?.type === 'ClassName' && isClass(def.node) ? def.node : undefined;
}
