import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { walk } from '../../ast.js';
import { resolveHandlerString } from '../handler-string.js';
import type { HandlerResolution } from '../handler-string.js';
import { isInside, relativePath } from '../project-fs.js';
import { StaticEvaluator } from '../static-evaluator.js';
import { canonicalCdkRef, describeValue, ExternalCall, ExternalRef, isPlainObject } from '../static-values.js';
import type { StaticValue } from '../static-values.js';
import { NO_FINDINGS } from './declaration.js';
import type { IacFindings, IacReadContext } from './declaration.js';
import { dockerImageHandler } from './dockerfile.js';

/** The constructs read here, by the name they are created with. */
const CONSTRUCTS = new Set(['NodejsFunction', 'Function', 'SingletonFunction', 'DockerImageFunction', 'LayerVersion']);

/** Only files that import the CDK and create one of the constructs are parsed as stacks. */
export function importsCdk(text: string): boolean {
  return /['"](aws-cdk-lib|@aws-cdk\/[\w-]+)['"/]/.test(text) && /\bnew\s+[\w$.]*(Function|LayerVersion)\s*\(/.test(text);
}

/** The extensions CDK's `NodejsFunction` tries for its default entry, in its order. */
const DEFAULT_ENTRY_EXTENSIONS = ['.ts', '.js', '.mjs', '.mts', '.cts', '.cjs'];

/**
 * AWS CDK stacks (TypeScript or JavaScript): `new NodejsFunction(scope, id, { entry, handler })` with
 * CDK's defaults (no `entry`: `<stack file>.<id>.ts` beside the stack; `handler` is `handler`),
 * `new lambda.Function(scope, id, { handler, code: Code.fromAsset(dir), runtime })`, container images
 * (`DockerImageFunction`) and layers (`LayerVersion`). Paths are evaluated statically and resolved
 * against the folder of cdk.json, where `cdk synth` runs.
 */
export function readCdk(file: string, context: IacReadContext): IacFindings {
  const cwd = cdkAppDir(file, context);
  const evaluator = new StaticEvaluator(context.fs, context.resolve, () => cwd);
  const program = evaluator.program(file);
  if (!program) return NO_FINDINGS;
  const findings: IacFindings = { declarations: [], layers: [] };
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.NewExpression || !CONSTRUCTS.has(lastName(node.callee) ?? '')) return;
    const callee = evaluator.evaluate(node.callee, file);
    if (!(callee instanceof ExternalRef)) return;
    const ref = canonicalCdkRef(callee);
    const construct = `${ref.module}#${ref.path.join('.')}`;
    const [, idArg, propsArg] = node.arguments;
    const id = idArg ? evaluator.evaluate(idArg, file) : undefined;
    const props = (propsArg ? evaluator.evaluate(propsArg, file) : {}) as StaticValue;
    const name = typeof id === 'string' ? id : describeValue(id);
    const declare = (handler: string, resolution: HandlerResolution) =>
      findings.declarations.push({
        declaredIn: { file, line: node.loc.start.line },
        iac: { format: 'cdk', function: name, handler },
        resolution,
      });
    switch (construct) {
      case 'aws-cdk-lib/aws-lambda-nodejs#NodejsFunction': {
        const found = nodejsFunction(file, id, props, cwd, context);
        declare(found.handler, found.resolution);
        break;
      }
      case 'aws-cdk-lib/aws-lambda#Function':
      case 'aws-cdk-lib/aws-lambda#SingletonFunction': {
        const found = lambdaFunction(props, cwd, context);
        declare(found.handler, found.resolution);
        break;
      }
      case 'aws-cdk-lib/aws-lambda#DockerImageFunction': {
        const found = dockerImageFunction(props, cwd, context);
        declare(found.handler, found.resolution);
        break;
      }
      case 'aws-cdk-lib/aws-lambda#LayerVersion': {
        const asset = isPlainObject(props) ? assetFolder(props.code, cwd) : undefined;
        if (asset && 'dir' in asset) findings.layers.push(asset.dir);
        break;
      }
    }
  });
  return findings;
}

/** `NodejsFunction`: the entry file (given, or CDK's default beside the stack) and the exported handler. */
function nodejsFunction(
  file: string,
  id: StaticValue,
  props: StaticValue,
  cwd: string,
  context: IacReadContext,
): { handler: string; resolution: HandlerResolution } {
  if (!isPlainObject(props)) return { handler: describeValue(props), resolution: { reason: `props are not constant: ${describeValue(props)}` } };
  const handlerName = props.handler === undefined ? 'handler' : props.handler;
  if (typeof handlerName !== 'string') {
    return { handler: describeValue(handlerName), resolution: { reason: `handler is not constant: ${describeValue(handlerName)}` } };
  }
  // `handler: 'index.main'` is used as written; the bundle is index.js, the export what follows the dot.
  const exported = handlerName.includes('.') ? handlerName.slice(handlerName.lastIndexOf('.') + 1) : handlerName;
  if (props.entry === undefined) {
    if (typeof id !== 'string') return { handler: `(default entry)#${exported}`, resolution: { reason: `construct id is not constant: ${describeValue(id)}` } };
    const stem = `${file.slice(0, file.length - path.extname(file).length)}.${id}`;
    const shown = `${relativePath(context.root, stem)}.ts#${exported}`;
    const entry = DEFAULT_ENTRY_EXTENSIONS.map((extension) => stem + extension).find((candidate) => context.fs.isFile(candidate));
    if (!entry) {
      return { handler: shown, resolution: { reason: `file not found: ${relativePath(context.root, stem)}{${DEFAULT_ENTRY_EXTENSIONS.join(',')}} (NodejsFunction's default entry)` } };
    }
    return { handler: shown, resolution: { file: entry, export: exported } };
  }
  if (typeof props.entry !== 'string') {
    return { handler: `${describeValue(props.entry)}#${exported}`, resolution: { reason: `entry is not constant: ${describeValue(props.entry)}` } };
  }
  const entryPath = path.resolve(cwd, props.entry);
  const shown = `${relativePath(context.root, entryPath)}#${exported}`;
  const resolved = context.sources.resolve(entryPath);
  if (!resolved) return { handler: shown, resolution: { reason: `file not found: ${relativePath(context.root, entryPath)}` } };
  return { handler: shown, resolution: { file: resolved, export: exported } };
}

/** `lambda.Function`: the handler string resolved in the folder `Code.fromAsset` packages. */
function lambdaFunction(props: StaticValue, cwd: string, context: IacReadContext): { handler: string; resolution: HandlerResolution } {
  if (!isPlainObject(props)) return { handler: describeValue(props), resolution: { reason: `props are not constant: ${describeValue(props)}` } };
  const handler = props.handler;
  const shown = typeof handler === 'string' ? handler : describeValue(handler);
  const runtime = runtimeName(props.runtime);
  if (runtime && !/^(Runtime\.)?(nodejs|NODEJS)/.test(runtime)) return { handler: shown, resolution: { reason: `runtime ${runtime} is not Node.js` } };
  if (typeof handler !== 'string') return { handler: shown, resolution: { reason: `handler is not constant: ${shown}` } };
  const asset = assetFolder(props.code, cwd);
  if (!asset) return { handler: shown, resolution: { reason: `code is ${describeValue(props.code)}` } };
  if ('reason' in asset) return { handler: shown, resolution: asset };
  return { handler: shown, resolution: resolveHandlerString(context, handler, asset.dir) };
}

/** `DockerImageFunction` with `DockerImageCode.fromImageAsset(dir, { cmd, file })`: the image's CMD. */
function dockerImageFunction(props: StaticValue, cwd: string, context: IacReadContext): { handler: string; resolution: HandlerResolution } {
  const code = isPlainObject(props) ? props.code : undefined;
  if (!(code instanceof ExternalCall) || code.callee.path.at(-1) !== 'fromImageAsset' || typeof code.args[0] !== 'string') {
    return { handler: '(container image)', resolution: { reason: `container image not built from a local Dockerfile: ${describeValue(code)}` } };
  }
  const contextDir = path.resolve(cwd, code.args[0]);
  const options = isPlainObject(code.args[1]) ? code.args[1] : {};
  const cmd = Array.isArray(options.cmd) && typeof options.cmd[0] === 'string' ? options.cmd[0] : undefined;
  const dockerfile = path.resolve(contextDir, typeof options.file === 'string' ? options.file : 'Dockerfile');
  const found = dockerImageHandler(dockerfile, contextDir, context, cmd);
  return { handler: found.handler, resolution: found.resolution };
}

/** `Code.fromAsset(dir)` → the folder; inline code, S3 buckets and images → why there is no folder. */
function assetFolder(code: StaticValue, cwd: string): { dir: string } | { reason: string } | undefined {
  if (!(code instanceof ExternalCall)) return undefined;
  const method = code.callee.path.at(-1);
  const [first] = code.args;
  switch (method) {
    case 'fromAsset':
    case 'AssetCode':
      return typeof first === 'string' ? { dir: path.resolve(cwd, first) } : { reason: `asset path is not constant: ${describeValue(first)}` };
    case 'fromInline':
    case 'InlineCode':
      return { reason: 'inline code (Code.fromInline)' };
    case 'fromBucket':
    case 'fromBucketV2':
    case 'fromCfnParameters':
      return { reason: `code is an S3 object (Code.${method})` };
    default:
      return { reason: `code is Code.${method ?? '?'}(...)` };
  }
}

/** `lambda.Runtime.NODEJS_20_X` → `Runtime.NODEJS_20_X`; `new Runtime('nodejs22.x')` → `nodejs22.x`. */
function runtimeName(runtime: StaticValue): string | undefined {
  if (runtime instanceof ExternalRef) return runtime.path.slice(-2).join('.');
  if (runtime instanceof ExternalCall && typeof runtime.args[0] === 'string') return runtime.args[0];
  return undefined;
}

/** Where `cdk synth` runs: the folder of the nearest cdk.json above the stack, else the project root. */
function cdkAppDir(file: string, context: IacReadContext): string {
  for (let dir = path.dirname(file); isInside(dir, context.root); dir = path.dirname(dir)) {
    if (context.fs.isFile(path.join(dir, 'cdk.json'))) return dir;
    if (dir === context.root) break;
  }
  return context.root;
}

/** `NodejsFunction`, `lambda.Function`, `cdk.aws_lambda.Function` → the name the class is written with. */
function lastName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  return undefined;
}
