import type { TSESTree } from '@typescript-eslint/types';
import type { FunctionNode } from '../types.js';

/** Something the evaluator could not know, with the code as written (for a message). */
export class Unknown {
  constructor(readonly text: string) {}
}

/** A value imported from a package (`aws-cdk-lib/aws-lambda`), and the property path taken from it. */
export class ExternalRef {
  constructor(
    readonly module: string,
    readonly path: readonly string[],
  ) {}

  member(name: string): ExternalRef {
    return new ExternalRef(this.module, [...this.path, name]);
  }
}

/** A call or `new` of something a package exports (`Code.fromAsset(dir)`), with its evaluated arguments. */
export class ExternalCall {
  constructor(
    readonly callee: ExternalRef,
    readonly args: readonly StaticValue[],
    readonly node: TSESTree.Node,
  ) {}
}

/** A first-party function, which the evaluator can call when its body is a single returned expression. */
export class FunctionRef {
  constructor(
    readonly fn: FunctionNode,
    readonly file: string,
  ) {}
}

/** `import * as config from './config'`: member access reads the module's exports. */
export class ModuleNamespace {
  constructor(readonly file: string) {}
}

export type StaticValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | RegExp
  | StaticValue[]
  | { [key: string]: StaticValue }
  | Unknown
  | ExternalRef
  | ExternalCall
  | FunctionRef
  | ModuleNamespace;

const OPAQUE = [Unknown, ExternalRef, ExternalCall, FunctionRef, ModuleNamespace, RegExp];

/** A plain object literal's value (not one of the evaluator's own markers). */
export function isPlainObject(value: StaticValue): value is { [key: string]: StaticValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !OPAQUE.some((type) => value instanceof type);
}

/** The written text of what made a value unknown, or of the value itself. */
export function describeValue(value: StaticValue): string {
  if (value instanceof Unknown) return value.text;
  if (value instanceof ExternalRef) return [value.module, ...value.path].join('.');
  if (value instanceof ExternalCall) return `${[value.callee.module, ...value.callee.path].join('.')}(...)`;
  if (value instanceof FunctionRef) return 'a function';
  if (value instanceof ModuleNamespace) return 'a module';
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return shorten(`[${value.map(describeValue).join(', ')}]`);
  if (isPlainObject(value)) return shorten(`{ ${Object.entries(value).map(([key, item]) => `${key}: ${describeValue(item)}`).join(', ')} }`);
  return JSON.stringify(value) ?? 'undefined';
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `aws-cdk-lib` + `aws_lambda.Function`, `@aws-cdk/aws-lambda` + `Function` → `aws-cdk-lib/aws-lambda` + `Function`. */
export function canonicalCdkRef(ref: ExternalRef): ExternalRef {
  const module = ref.module.replace(/^@aws-cdk\//, 'aws-cdk-lib/');
  if (module === 'aws-cdk-lib' && ref.path[0]?.startsWith('aws_')) {
    return new ExternalRef(`aws-cdk-lib/${ref.path[0].replace(/_/g, '-')}`, ref.path.slice(1));
  }
  return new ExternalRef(module, ref.path);
}
