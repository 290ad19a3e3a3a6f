import path from 'node:path';
import { isMap, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { resolveHandlerString } from '../handler-string.js';
import type { HandlerResolution } from '../handler-string.js';
import { StaticEvaluator } from '../static-evaluator.js';
import { describeValue, isPlainObject } from '../static-values.js';
import type { StaticValue } from '../static-values.js';
import type { SourceLocation } from '../types.js';
import { notNodeRuntime, NO_FINDINGS } from './declaration.js';
import type { IacFindings, IacReadContext } from './declaration.js';
import { dockerImageHandler } from './dockerfile.js';
import { nodeAt, pairOf, parseYamlFile, valueOf } from './yaml-document.js';

export const SERVERLESS_FILE = /^serverless\.(ya?ml|json|ts|js|cjs|mjs)$/;

/** One function entry of the config, and where its handler is written. */
interface FunctionEntry {
  name: string;
  config: StaticValue;
  location: SourceLocation;
}

/**
 * The Serverless Framework's `functions.*.handler`, from serverless.yml/yaml/json, or from
 * serverless.ts/js evaluated statically. The handler is relative to the service folder; serverless-
 * esbuild, serverless-webpack and serverless-plugin-typescript all name the source file's stem, so it
 * resolves like any handler string. `${...}` variables are not resolved: such handlers are reported.
 * `functions` (or one element of its list) given as `${file(./functions.yml)}` is read from that file.
 */
export function readServerless(file: string, text: string, context: IacReadContext): IacFindings {
  const serviceDir = path.dirname(file);
  const read = /\.(ts|js|cjs|mjs)$/.test(file) ? configFromCode(file, context) : configFromYaml(file, text, context);
  if (!read) return NO_FINDINGS;
  const { config, functions } = read;
  const provider = isPlainObject(config) ? config.provider : undefined;
  // Google Cloud Functions, Azure, OpenWhisk, Cloudflare...: the framework deploys them too, but they are not Lambda.
  const providerName = typeof provider === 'string' ? provider : isPlainObject(provider) ? provider.name : undefined;
  if (typeof providerName === 'string' && providerName !== 'aws') return NO_FINDINGS;
  const providerRuntime = isPlainObject(provider) ? provider.runtime : undefined;
  const findings: IacFindings = { declarations: [], layers: [] };
  const layers = isPlainObject(config) ? config.layers : undefined;
  if (isPlainObject(layers)) {
    for (const layer of Object.values(layers)) {
      if (isPlainObject(layer) && typeof layer.path === 'string') findings.layers.push(path.resolve(serviceDir, layer.path));
    }
  }
  for (const { name, config: fn, location } of functions) {
    const handler = isPlainObject(fn) ? fn.handler : undefined;
    const written = typeof handler === 'string' ? handler : describeValue(handler as StaticValue);
    const declare = (resolution: HandlerResolution, shown = written) =>
      findings.declarations.push({ declaredIn: location, iac: { format: 'serverless', function: name, handler: shown }, resolution });
    if (!isPlainObject(fn)) {
      declare({ reason: `function config is ${describeValue(fn as StaticValue)}` }, '');
      continue;
    }
    if (fn.image !== undefined) {
      const image = imageHandler(config, fn.image, serviceDir, context);
      declare(image.resolution, image.handler);
      continue;
    }
    const runtime = notNodeRuntime(fn.runtime ?? providerRuntime);
    if (runtime) declare({ reason: runtime });
    else if (typeof handler !== 'string') declare({ reason: handler === undefined ? 'no handler' : `handler is ${written}` });
    else declare(resolveHandlerString(context, handler, serviceDir));
  }
  return findings;
}

/** `functions` of a YAML/JSON config, each with the line of its `handler`. */
function configFromYaml(
  file: string,
  text: string,
  context: IacReadContext,
): { config: StaticValue; functions: FunctionEntry[] } | undefined {
  const parsed = parseYamlFile(text);
  if (!parsed) return undefined;
  const root = parsed.document.contents;
  const functions: FunctionEntry[] = [];
  const collect = (node: YamlNode | undefined, inFile: string, lineOf: (node: YamlNode | null | undefined) => number, depth: number) => {
    const included = includedFile(valueOf(node), inFile, context, depth);
    if (included) return collect(included.node, included.file, included.lineOf, depth + 1);
    const maps = isSeq(node) ? node.items : [node];
    for (const map of maps) {
      const include = includedFile(valueOf(map), inFile, context, depth);
      if (include) {
        collect(include.node, include.file, include.lineOf, depth + 1);
        continue;
      }
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        const name = String(valueOf(pair.key));
        const handlerPair = pairOf(pair.value, 'handler');
        const line = lineOf((handlerPair?.key ?? pair.key) as YamlNode);
        functions.push({ name, config: valueOf(pair.value) as StaticValue, location: { file: inFile, line } });
      }
    }
  };
  collect(nodeAt(root, 'functions'), file, parsed.lineOf, 0);
  return { config: valueOf(root) as StaticValue, functions };
}

/** `${file(./functions.yml)}` (optionally `:key`), read as the YAML it names. */
function includedFile(
  value: unknown,
  fromFile: string,
  context: IacReadContext,
  depth: number,
): { node: YamlNode | undefined; file: string; lineOf: (node: YamlNode | null | undefined) => number } | undefined {
  if (typeof value !== 'string' || depth > 3) return undefined;
  const match = /^\$\{file\(([^)]+)\)(?::([\w.]+))?\}$/.exec(value.trim());
  if (!match) return undefined;
  const file = path.resolve(path.dirname(fromFile), match[1]!.trim().replace(/^['"]|['"]$/g, ''));
  const text = context.fs.readText(file);
  const parsed = text === undefined ? undefined : parseYamlFile(text);
  if (!parsed) return undefined;
  const keys = match[2] ? match[2].split('.') : [];
  const node = (keys.length > 0 ? nodeAt(parsed.document.contents, ...keys) : parsed.document.contents) as YamlNode | undefined;
  return { node, file, lineOf: parsed.lineOf };
}

/** serverless.ts / serverless.js: the exported config, evaluated (imports of function configs followed). */
function configFromCode(file: string, context: IacReadContext): { config: StaticValue; functions: FunctionEntry[] } | undefined {
  const serviceDir = path.dirname(file);
  const evaluator = new StaticEvaluator(context.fs, context.resolve, () => serviceDir);
  const program = evaluator.program(file);
  if (!program) return undefined;
  const config = evaluator.exportValue(file, 'default');
  const functions: FunctionEntry[] = [];
  const declared = isPlainObject(config) ? config.functions : undefined;
  const lists = Array.isArray(declared) ? declared : [declared];
  for (const list of lists) {
    if (!isPlainObject(list)) continue;
    for (const [name, fn] of Object.entries(list)) {
      const location = evaluator.locationOf(fn, 'handler') ?? evaluator.locationOf(list, name) ?? { file, line: 1 };
      functions.push({ name, config: fn, location });
    }
  }
  return { config, functions };
}

/** `image: name` (a `provider.ecr.images` entry built from a local Dockerfile) or `image: { name, command }`. */
function imageHandler(
  config: StaticValue,
  image: StaticValue,
  serviceDir: string,
  context: IacReadContext,
): { handler: string; resolution: HandlerResolution } {
  const name = typeof image === 'string' ? image : isPlainObject(image) ? image.name : undefined;
  const command = isPlainObject(image) && Array.isArray(image.command) ? image.command[0] : undefined;
  const provider = isPlainObject(config) ? config.provider : undefined;
  const ecr = isPlainObject(provider) && isPlainObject(provider.ecr) ? provider.ecr.images : undefined;
  const built = typeof name === 'string' && isPlainObject(ecr) ? ecr[name] : undefined;
  if (!isPlainObject(built) || typeof built.path !== 'string') {
    return { handler: typeof command === 'string' ? command : '(container image)', resolution: { reason: 'container image not built from a local Dockerfile' } };
  }
  const contextDir = path.resolve(serviceDir, built.path);
  const dockerfile = path.resolve(contextDir, typeof built.file === 'string' ? built.file : 'Dockerfile');
  const found = dockerImageHandler(dockerfile, contextDir, context, typeof command === 'string' ? command : undefined);
  return { handler: found.handler, resolution: found.resolution };
}
