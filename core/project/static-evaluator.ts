import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, propertyName, unwrap, walk } from '../ast.js';
import { parseModule } from '../parse.js';
import type { ProjectFs } from './project-fs.js';
import { callBuiltin, callMethod } from './static-builtins.js';
import {
  ExternalCall,
  ExternalRef,
  FunctionRef,
  isPlainObject,
  ModuleNamespace,
  Unknown,
} from './static-values.js';
import type { StaticValue } from './static-values.js';
import type { ModuleResolver, SourceLocation } from './types.js';

type Node = TSESTree.Node;
type Environment = ReadonlyMap<string, StaticValue>;

const MAX_DEPTH = 40;

/**
 * Evaluates the constant parts of IaC written as code (CDK stacks, SST and serverless.ts configs):
 * literals, template literals, `+`, object and array literals, `const` bindings, imports of
 * first-party modules (through the module resolver), `path.join`/`resolve`, `__dirname`,
 * `import.meta`, string methods, and calls of small first-party functions (`handlerPath(__dirname)`).
 * Anything else is an `Unknown` that carries its source text.
 */
export class StaticEvaluator {
  private readonly programs = new Map<string, { program: TSESTree.Program; text: string } | undefined>();
  private readonly locations = new WeakMap<object, Map<string, SourceLocation>>();
  private depth = 0;

  constructor(
    private readonly fs: ProjectFs,
    private readonly resolve: ModuleResolver,
    /** What `process.cwd()` is when the tool runs this file (the folder of cdk.json, of serverless.yml...). */
    private readonly cwdFor: (file: string) => string,
  ) {}

  /** The parsed module with parents set, or `undefined` when it cannot be read or parsed. */
  program(file: string): TSESTree.Program | undefined {
    if (!this.programs.has(file)) {
      const text = this.fs.readText(file);
      let parsed: { program: TSESTree.Program; text: string } | undefined;
      if (text !== undefined) {
        try {
          const program = parseModule(text, file);
          walk(program, () => true);
          parsed = { program, text };
        } catch {
          parsed = undefined;
        }
      }
      this.programs.set(file, parsed);
    }
    return this.programs.get(file)?.program;
  }

  /** The line where an object literal's property was written, for values this evaluator built. */
  locationOf(object: StaticValue, key: string): SourceLocation | undefined {
    return typeof object === 'object' && object !== null ? this.locations.get(object)?.get(key) : undefined;
  }

  evaluate(node: Node, file: string, env: Environment = new Map()): StaticValue {
    if (this.depth > MAX_DEPTH) return this.unknown(node, file);
    this.depth++;
    try {
      return this.evaluateNode(unwrap(node), file, env);
    } finally {
      this.depth--;
    }
  }

  /** The value a module exports under `name` (`default` for `export default` / `module.exports =`). */
  exportValue(file: string, name: string, seen = new Set<string>()): StaticValue {
    const key = `${file}\0${name}`;
    const program = this.program(file);
    if (!program || seen.has(key)) return new Unknown(`${name} from ${path.basename(file)}`);
    seen.add(key);
    for (const statement of program.body) {
      const found = this.exportedBy(statement, file, name, seen);
      if (found !== NOT_HERE) return found;
    }
    return new Unknown(`${name} from ${path.basename(file)}`);
  }

  private exportedBy(statement: TSESTree.ProgramStatement, file: string, name: string, seen: Set<string>): StaticValue | typeof NOT_HERE {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        if (statement.declaration) return this.declared(statement.declaration, name, file) ?? NOT_HERE;
        for (const specifier of statement.specifiers) {
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
          if (exported !== name) continue;
          const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : specifier.local.value;
          if (statement.source) {
            const target = this.resolve(statement.source.value, file);
            return target ? this.exportValue(target, local, seen) : new ExternalRef(statement.source.value, [local]);
          }
          return this.evaluate(specifier.local, file);
        }
        return NOT_HERE;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return name === 'default' ? this.evaluate(statement.declaration, file) : NOT_HERE;
      case AST_NODE_TYPES.ExportAllDeclaration: {
        if (statement.exported) return NOT_HERE;
        const target = this.resolve(statement.source.value, file);
        const value = target ? this.exportValue(target, name, seen) : undefined;
        return value === undefined || value instanceof Unknown ? NOT_HERE : value;
      }
      case AST_NODE_TYPES.TSExportAssignment:
        return name === 'default' ? this.evaluate(statement.expression, file) : this.member(this.evaluate(statement.expression, file), name, statement, file);
      case AST_NODE_TYPES.ExpressionStatement:
        return this.commonJsExport(statement.expression, file, name);
      default:
        return NOT_HERE;
    }
  }

  /** `module.exports = value`, `module.exports.name = value`, `exports.name = value`. */
  private commonJsExport(expression: TSESTree.Expression, file: string, name: string): StaticValue | typeof NOT_HERE {
    if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return NOT_HERE;
    const target = unwrap(expression.left);
    if (target.type !== AST_NODE_TYPES.MemberExpression) return NOT_HERE;
    const property = propertyName(target);
    const isModule = (node: Node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'module';
    const isExports = (node: Node) =>
      (node.type === AST_NODE_TYPES.Identifier && node.name === 'exports') ||
      (node.type === AST_NODE_TYPES.MemberExpression && isModule(node.object) && propertyName(node) === 'exports');
    if (isModule(target.object) && property === 'exports') {
      const value = this.evaluate(expression.right, file);
      return name === 'default' ? value : this.member(value, name, expression, file);
    }
    if (isExports(target.object) && property === name) return this.evaluate(expression.right, file);
    return NOT_HERE;
  }

  /** What a declaration binds to `name`, if it declares it. */
  private declared(declaration: Node, name: string, file: string, env: Environment = new Map()): StaticValue | undefined | typeof NOT_HERE {
    switch (declaration.type) {
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) {
            return declarator.init ? this.evaluate(declarator.init, file, env) : undefined;
          }
          if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init) {
            for (const property of declarator.id.properties) {
              if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
              if (property.value.name !== name) continue;
              const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
              return key ? this.member(this.evaluate(declarator.init, file, env), key, declarator, file) : this.unknown(declarator, file);
            }
          }
        }
        return NOT_HERE;
      case AST_NODE_TYPES.FunctionDeclaration:
        return declaration.id?.name === name ? new FunctionRef(declaration, file) : NOT_HERE;
      case AST_NODE_TYPES.ClassDeclaration:
        return declaration.id?.name === name ? this.unknown(declaration.id, file) : NOT_HERE;
      default:
        return NOT_HERE;
    }
  }

  private evaluateNode(node: Node, file: string, env: Environment): StaticValue {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        // A regular expression literal is kept (for `.replace(/\\/g, '/')`); one Node cannot build is unknown.
        if ('regex' in node) return node.value ?? this.unknown(node, file);
        return typeof node.value === 'bigint' ? this.unknown(node, file) : node.value;
      case AST_NODE_TYPES.TemplateLiteral: {
        let text = node.quasis[0]?.value.cooked ?? '';
        for (let i = 0; i < node.expressions.length; i++) {
          const part = this.evaluate(node.expressions[i]!, file, env);
          if (typeof part !== 'string' && typeof part !== 'number' && typeof part !== 'boolean') return this.unknown(node, file);
          text += String(part) + (node.quasis[i + 1]?.value.cooked ?? '');
        }
        return text;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.operator !== '+') return this.unknown(node, file);
        const left = this.evaluate(node.left, file, env);
        const right = this.evaluate(node.right, file, env);
        const primitive = (value: StaticValue) => typeof value === 'string' || typeof value === 'number';
        if (!primitive(left) || !primitive(right)) return this.unknown(node, file);
        return (left as string) + (right as string);
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.evaluate(node.left, file, env);
        if (left instanceof Unknown || left instanceof ExternalCall) return this.unknown(node, file);
        if (node.operator === '??') return left ?? this.evaluate(node.right, file, env);
        if (node.operator === '||') return left || this.evaluate(node.right, file, env);
        return left && this.evaluate(node.right, file, env);
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const test = this.evaluate(node.test, file, env);
        if (typeof test === 'object' && test !== null) return this.unknown(node, file);
        return this.evaluate(test ? node.consequent : node.alternate, file, env);
      }
      case AST_NODE_TYPES.ObjectExpression:
        return this.objectLiteral(node, file, env);
      case AST_NODE_TYPES.ArrayExpression: {
        const values: StaticValue[] = [];
        for (const element of node.elements) {
          if (!element) values.push(undefined);
          else if (element.type === AST_NODE_TYPES.SpreadElement) {
            const spread = this.evaluate(element.argument, file, env);
            if (!Array.isArray(spread)) return this.unknown(node, file);
            values.push(...spread);
          } else values.push(this.evaluate(element, file, env));
        }
        return values;
      }
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node, file, env);
      case AST_NODE_TYPES.MemberExpression: {
        if (node.object.type === AST_NODE_TYPES.MetaProperty) return this.importMeta(node, file);
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return this.classField(node, file);
        const key = node.computed ? this.evaluate(node.property, file, env) : propertyName(node);
        if (typeof key !== 'string' && typeof key !== 'number') return this.unknown(node, file);
        return this.member(this.evaluate(node.object, file, env), String(key), node, file);
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return this.call(node, file, env);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return new FunctionRef(node, file);
      default:
        return this.unknown(node, file);
    }
  }

  private objectLiteral(node: TSESTree.ObjectExpression, file: string, env: Environment): StaticValue {
    const object: Record<string, StaticValue> = {};
    const where = new Map<string, SourceLocation>();
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = this.evaluate(property.argument, file, env);
        if (!isPlainObject(spread)) continue; // unknown spread: the known properties still stand
        Object.assign(object, spread);
        for (const [key, location] of this.locations.get(spread) ?? []) where.set(key, location);
        continue;
      }
      const key = property.computed
        ? this.evaluate(property.key, file, env)
        : property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : property.key.type === AST_NODE_TYPES.Literal
            ? property.key.value
            : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      object[String(key)] = this.evaluate(property.value, file, env);
      where.set(String(key), { file, line: property.loc.start.line });
    }
    this.locations.set(object, where);
    return object;
  }

  private identifier(node: TSESTree.Identifier, file: string, env: Environment): StaticValue {
    const { name } = node;
    if (env.has(name)) return env.get(name);
    const bound = this.binding(node, file);
    if (bound !== NOT_HERE) return bound;
    switch (name) {
      case '__dirname':
        return path.dirname(file);
      case '__filename':
        return file;
      case 'undefined':
        return undefined;
      case 'process':
      case 'URL':
      case 'require':
        return new ExternalRef('<global>', [name]);
      default:
        return this.unknown(node, file);
    }
  }

  /** The value bound to an identifier in the scopes around it: a const, a function, an import. */
  private binding(node: TSESTree.Identifier, file: string): StaticValue | typeof NOT_HERE {
    for (let scope: Node | undefined = node.parent; scope; scope = scope.parent) {
      if (isFunction(scope) && scope.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === node.name)) {
        return this.unknown(node, file);
      }
      const statements = statementsOf(scope);
      if (!statements) continue;
      for (const statement of statements) {
        const declaration =
          statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
        if (declaration.type === AST_NODE_TYPES.ImportDeclaration) {
          const imported = this.importBinding(declaration, node.name, file);
          if (imported !== NOT_HERE) return imported;
          continue;
        }
        // `import path = require('path')`
        if (declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
          const reference = declaration.moduleReference;
          if (declaration.id.name !== node.name || reference.type !== AST_NODE_TYPES.TSExternalModuleReference) continue;
          return this.moduleValue(reference.expression.value, file);
        }
        const value = this.declared(declaration, node.name, file);
        if (value !== NOT_HERE) return value;
      }
    }
    return NOT_HERE;
  }

  private importBinding(declaration: TSESTree.ImportDeclaration, name: string, file: string): StaticValue | typeof NOT_HERE {
    const specifier = declaration.specifiers.find((s) => s.local.name === name);
    if (!specifier) return NOT_HERE;
    const source = declaration.source.value;
    const target = this.resolve(source, file);
    const json = target ? undefined : this.jsonModule(source, file);
    switch (specifier.type) {
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return target ? new ModuleNamespace(target) : (json ?? new ExternalRef(source, []));
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return target ? this.exportValue(target, 'default') : (json ?? new ExternalRef(source, []));
      default: {
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (json !== undefined) return this.member(json, imported, specifier, file);
        return target ? this.exportValue(target, imported) : new ExternalRef(source, [imported]);
      }
    }
  }

  /** What `require(specifier)` gives: a first-party module, a JSON file's value, or a package. */
  private moduleValue(specifier: string, file: string): StaticValue {
    const target = this.resolve(specifier, file);
    if (target) return new ModuleNamespace(target);
    return this.jsonModule(specifier, file) ?? new ExternalRef(specifier, []);
  }

  /** `import config from '../config.json'`: the file's value (a config that names handlers and paths). */
  private jsonModule(specifier: string, file: string): StaticValue | undefined {
    if (!specifier.startsWith('.') || !specifier.endsWith('.json')) return undefined;
    const value = this.fs.readJson(path.resolve(path.dirname(file), specifier));
    return value === undefined ? undefined : (value as StaticValue);
  }

  member(object: StaticValue, key: string, node: Node, file: string): StaticValue {
    if (object instanceof ExternalRef) return object.member(key);
    if (object instanceof ModuleNamespace) return this.exportValue(object.file, key);
    if (typeof object === 'string' && key === 'length') return object.length;
    if (Array.isArray(object)) return key === 'length' ? object.length : object[Number(key)];
    if (isPlainObject(object)) return Object.hasOwn(object, key) ? object[key] : undefined;
    return this.unknown(node, file);
  }

  private call(node: TSESTree.CallExpression | TSESTree.NewExpression, file: string, env: Environment): StaticValue {
    const callee = unwrap(node.callee);
    // `require('x')`: the module, as an import would give it.
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' && !env.has('require')) {
      const [first] = node.arguments;
      if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') return this.moduleValue(first.value, file);
    }
    const args = node.arguments.map((argument) =>
      argument.type === AST_NODE_TYPES.SpreadElement ? this.unknown(argument, file) : this.evaluate(argument, file, env),
    );
    if (callee.type === AST_NODE_TYPES.MemberExpression && node.type === AST_NODE_TYPES.CallExpression) {
      const receiver = this.evaluate(callee.object, file, env);
      const method = propertyName(callee);
      if ((typeof receiver === 'string' || Array.isArray(receiver)) && method) {
        const result = callMethod(receiver, method, args);
        return result === undefined ? this.unknown(node, file) : result;
      }
    }
    const target = this.evaluate(callee, file, env);
    if (target instanceof ExternalRef) {
      const result = callBuiltin(target, args, this.cwdFor(file));
      if (result !== undefined) return result;
      return new ExternalCall(target, args, node);
    }
    if (target instanceof FunctionRef && node.type === AST_NODE_TYPES.CallExpression) return this.callFunction(target, args, node, file);
    return this.unknown(node, file);
  }

  /** Calls a first-party function whose body is one returned expression, with its parameters bound. */
  private callFunction(target: FunctionRef, args: StaticValue[], node: Node, file: string): StaticValue {
    const { fn } = target;
    let body: Node | undefined = fn.body;
    if (body?.type === AST_NODE_TYPES.BlockStatement) {
      const only = body.body.length === 1 ? body.body[0] : undefined;
      body = only?.type === AST_NODE_TYPES.ReturnStatement ? (only.argument ?? undefined) : undefined;
    }
    if (!body) return this.unknown(node, file);
    const env = new Map<string, StaticValue>();
    fn.params.forEach((param, index) => {
      if (param.type === AST_NODE_TYPES.Identifier) env.set(param.name, args[index]);
      else if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) {
        env.set(param.left.name, args[index] ?? this.evaluate(param.right, target.file));
      }
    });
    return this.evaluate(body, target.file, env);
  }

  /** `this.entryPath` inside a class whose field `entryPath = path.join(...)` is initialised where it is declared. */
  private classField(node: TSESTree.MemberExpression, file: string): StaticValue {
    const name = propertyName(node);
    let scope: Node | undefined = node.parent;
    while (scope && scope.type !== AST_NODE_TYPES.ClassBody) scope = scope.parent;
    const field = scope?.type === AST_NODE_TYPES.ClassBody
      ? scope.body.find(
          (member): member is TSESTree.PropertyDefinition =>
            member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && propertyName(member) === name,
        )
      : undefined;
    return field?.value ? this.evaluate(field.value, file) : this.unknown(node, file);
  }

  /** `import.meta.url`, `import.meta.dirname`, `import.meta.filename`. */
  private importMeta(node: TSESTree.MemberExpression, file: string): StaticValue {
    switch (propertyName(node)) {
      case 'url':
        return pathToFileURL(file).href;
      case 'dirname':
        return path.dirname(file);
      case 'filename':
        return file;
      default:
        return this.unknown(node, file);
    }
  }

  unknown(node: Node, file: string): Unknown {
    const text = this.programs.get(file)?.text;
    return new Unknown(text ? text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ') : node.type);
  }
}

const NOT_HERE = Symbol('not declared here');


function statementsOf(node: Node): readonly Node[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.TSModuleBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return undefined;
  }
}
