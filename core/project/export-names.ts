import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { propertyName } from '../ast.js';

/** The names a module exports, and whether it may export more than can be read without running it. */
export interface ExportNames {
  names: Set<string>;
  /** `export * from`, `module.exports = something()`, `Object.assign(exports, ...)`: more names may exist. */
  open: boolean;
}

/**
 * What a module exports, ESM and CommonJS, to tell a handler declared in IaC that names an export
 * the file does not have (`orders.mian`) from one the analysis merely does not recognise as a function.
 */
export function exportNames(program: TSESTree.Program): ExportNames {
  const result: ExportNames = { names: new Set(), open: false };
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.declaration) declaredNames(statement.declaration, result);
        for (const specifier of statement.specifiers) {
          result.names.add(specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value);
        }
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        result.names.add('default');
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported) result.names.add(statement.exported.name);
        else result.open = true;
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        objectNames(statement.expression, result);
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        commonJsNames(statement.expression, result);
        break;
    }
  }
  return result;
}

function declaredNames(declaration: TSESTree.Node, result: ExportNames): void {
  if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
    result.names.add(declaration.id.name);
  } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier) result.names.add(declarator.id.name);
      else result.open = true; // destructured: names not worth enumerating
    }
  } else if (declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration && declaration.type !== AST_NODE_TYPES.TSTypeAliasDeclaration) {
    result.open = true;
  }
}

/** `exports.x = `, `module.exports.x = `, `module.exports = { ... }`, `Object.defineProperty(exports, 'x', ...)`. */
function commonJsNames(expression: TSESTree.Expression, result: ExportNames): void {
  let current: TSESTree.Node = expression;
  while (current.type === AST_NODE_TYPES.AssignmentExpression) {
    const target = current.left;
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(target);
      if (isModuleExports(target)) objectNames(current.right, result);
      else if (name && (isModuleExports(target.object) || isIdentifier(target.object, 'exports'))) result.names.add(name);
    }
    current = current.right;
  }
  if (current.type !== AST_NODE_TYPES.CallExpression) return;
  const [target, key] = current.arguments;
  if (!target || !(isIdentifier(target, 'exports') || isModuleExports(target))) return;
  const callee = current.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression && isIdentifier(callee.object, 'Object') ? propertyName(callee) : undefined;
  if (method === 'defineProperty' && key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') {
    result.names.add(key.value);
    return;
  }
  // `Object.assign(exports, ...)`, a bundler's `__export(exports, { handler: () => handler })`: names we
  // can read are kept, and more may come from where we cannot see.
  result.open = true;
  for (const argument of current.arguments.slice(1)) {
    if (argument.type === AST_NODE_TYPES.ObjectExpression) objectNames(argument, result);
  }
}

function objectNames(value: TSESTree.Node, result: ExportNames): void {
  if (value.type !== AST_NODE_TYPES.ObjectExpression) {
    result.open = true; // `module.exports = handler` or `= require('./impl')`
    return;
  }
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) result.open = true;
    else if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) result.names.add(property.key.name);
    else if (property.key.type === AST_NODE_TYPES.Literal) result.names.add(String(property.key.value));
    else result.open = true;
  }
}

function isModuleExports(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && isIdentifier(node.object, 'module') && propertyName(node) === 'exports';
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}
