import path from 'node:path';
import { isMap, isPair, isScalar } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { resolveHandlerString } from '../handler-string.js';
import type { HandlerResolution } from '../handler-string.js';
import type { IacFormat } from '../types.js';
import { notNodeRuntime, NO_FINDINGS } from './declaration.js';
import type { IacDeclaration, IacFindings, IacReadContext } from './declaration.js';
import { dockerImageHandler } from './dockerfile.js';
import { nodeAt, pairOf, parseYamlFile, valueOf } from './yaml-document.js';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const LAYER_TYPES: Record<string, string> = {
  'AWS::Serverless::LayerVersion': 'ContentUri',
  'AWS::Lambda::LayerVersion': 'Content',
};

type Properties = Record<string, unknown>;

/** Is this file worth parsing as a template: a known template name, or YAML that declares a function? */
export function looksLikeTemplate(file: string, text: string): boolean {
  const name = path.basename(file);
  if (/^serverless\./.test(name)) return false; // the Serverless Framework reader owns these
  if (!/(AWS::Serverless::|AWS::Lambda::)/.test(text)) return false;
  return /^template\.(ya?ml|json)$/.test(name) || /\.template(\.(json|ya?ml))?$/.test(name) || /\.ya?ml$/.test(name);
}

/**
 * AWS SAM and CloudFormation templates: `AWS::Serverless::Function` (with `Globals.Function` defaults,
 * `CodeUri`, esbuild `Metadata.BuildProperties.EntryPoints`, container images) and
 * `AWS::Lambda::Function` (`Code` as a local path, inline `ZipFile`, S3), plus layer folders.
 */
export function readCloudFormation(file: string, text: string, context: IacReadContext): IacFindings {
  const parsed = parseYamlFile(text);
  if (!parsed) return NO_FINDINGS;
  const { document, lineOf } = parsed;
  const resources = nodeAt(document.contents, 'Resources');
  if (!isMap(resources)) return NO_FINDINGS;
  const templateDir = path.dirname(file);
  const globals = (valueOf(nodeAt(document.contents, 'Globals', 'Function')) ?? {}) as Properties;
  const parameters = (valueOf(nodeAt(document.contents, 'Parameters')) ?? {}) as Record<string, { Default?: unknown }>;
  const text_ = (value: unknown) => intrinsicString(value, parameters);

  const findings: IacFindings = { declarations: [], layers: [] };
  for (const item of resources.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const logicalId = String(item.key.value);
    const resource = (valueOf(item.value) ?? {}) as { Type?: unknown; Properties?: Properties; Metadata?: Properties };
    const type = typeof resource.Type === 'string' ? resource.Type : '';
    if (type in LAYER_TYPES) {
      const content = text_(resource.Properties?.[LAYER_TYPES[type]!]);
      if (content.value && !content.value.startsWith('s3://')) findings.layers.push(path.resolve(templateDir, content.value));
      continue;
    }
    if (!FUNCTION_TYPES.has(type)) continue;
    const serverless = type === 'AWS::Serverless::Function';
    const props: Properties = serverless ? { ...globals, ...resource.Properties } : { ...resource.Properties };
    const handlerPair = pairOf(nodeAt(item.value, 'Properties'), 'Handler');
    const line = lineOf((handlerPair?.key as YamlNode | undefined) ?? (item.key as YamlNode));
    const format: IacFormat = serverless ? 'sam' : 'cloudformation';
    const handler = text_(props.Handler);
    const declare = (resolution: HandlerResolution, written = handler.value ?? handler.written): IacDeclaration => ({
      declaredIn: { file, line },
      iac: { format, function: logicalId, handler: written },
      resolution,
    });

    if (props.PackageType === 'Image' || (!serverless && isObject(props.Code) && 'ImageUri' in props.Code)) {
      findings.declarations.push(imageFunction(file, line, format, logicalId, props, resource.Metadata, context));
      continue;
    }
    const runtime = notNodeRuntime(text_(props.Runtime).value);
    if (runtime) {
      findings.declarations.push(declare({ reason: runtime }));
      continue;
    }
    if (!handler.value) {
      findings.declarations.push(declare({ reason: handler.written ? `Handler is ${handler.written}` : 'no Handler' }));
      continue;
    }
    const code = codeFolder(serverless ? props.CodeUri : props.Code, serverless, props.InlineCode, templateDir, parameters);
    if ('reason' in code) {
      findings.declarations.push(declare({ reason: code.reason }));
      continue;
    }
    const entryPoints = buildEntryPoints(resource.Metadata, code.dir);
    findings.declarations.push(declare(resolveHandlerString(context, handler.value, code.dir, { entryPoints })));
  }
  return findings;
}

/** Where the function's code is: a local folder (relative to the template), or why it is not one. */
function codeFolder(
  code: unknown,
  serverless: boolean,
  inlineCode: unknown,
  templateDir: string,
  parameters: Record<string, { Default?: unknown }>,
): { dir: string } | { reason: string } {
  if (inlineCode !== undefined) return { reason: 'inline code (InlineCode)' };
  if (code === undefined) return serverless ? { dir: templateDir } : { reason: 'no Code' };
  if (isObject(code) && 'ZipFile' in code) return { reason: 'inline code (Code.ZipFile)' };
  const uri = intrinsicString(code, parameters);
  if (uri.value === undefined) {
    if (isObject(code) && ('Bucket' in code || 'S3Bucket' in code)) return { reason: 'code is an S3 object' };
    return { reason: `code location is ${uri.written}` };
  }
  if (/^s3:\/\//.test(uri.value)) return { reason: `code is an S3 object (${uri.value})` };
  return { dir: path.resolve(templateDir, uri.value) };
}

/** SAM's esbuild build: `Metadata: { BuildMethod: esbuild, BuildProperties: { EntryPoints: [...] } }`. */
function buildEntryPoints(metadata: Properties | undefined, codeDir: string): string[] {
  if (metadata?.BuildMethod !== 'esbuild') return [];
  const entryPoints = (metadata.BuildProperties as Properties | undefined)?.EntryPoints;
  if (!Array.isArray(entryPoints)) return [];
  return entryPoints.filter((entry): entry is string => typeof entry === 'string').map((entry) => path.resolve(codeDir, entry));
}

/** A container image function: the handler is the image's CMD (or `ImageConfig.Command`), read from its Dockerfile. */
function imageFunction(
  file: string,
  line: number,
  format: IacFormat,
  logicalId: string,
  props: Properties,
  metadata: Properties | undefined,
  context: IacReadContext,
): IacDeclaration {
  const command = (props.ImageConfig as Properties | undefined)?.Command;
  const override = Array.isArray(command) && typeof command[0] === 'string' ? command[0] : undefined;
  const dockerContext = typeof metadata?.DockerContext === 'string' ? metadata.DockerContext : undefined;
  const declaredIn = { file, line };
  if (!dockerContext) {
    return {
      declaredIn,
      iac: { format, function: logicalId, handler: override ?? '(container image)' },
      resolution: { reason: 'container image without Metadata.DockerContext: its Dockerfile is not known' },
    };
  }
  const contextDir = path.resolve(path.dirname(file), dockerContext);
  const dockerfile = path.resolve(contextDir, typeof metadata?.Dockerfile === 'string' ? metadata.Dockerfile : 'Dockerfile');
  const image = dockerImageHandler(dockerfile, contextDir, context, override);
  return { declaredIn, iac: { format, function: logicalId, handler: image.handler }, resolution: image.resolution };
}

/**
 * A template value as a string: a literal, `!Ref Parameter` with a default, or `!Sub` whose variables
 * are parameters with defaults. Otherwise `written` says what it is (`!GetAtt X.Y`).
 */
function intrinsicString(
  value: unknown,
  parameters: Record<string, { Default?: unknown }>,
): { value?: string; written: string } {
  if (typeof value === 'string') return { value, written: value };
  if (value === undefined || value === null) return { written: '' };
  if (!isObject(value)) return { written: String(value) };
  const [name, argument] = Object.entries(value)[0] ?? [];
  const short = name === 'Ref' ? '!Ref' : `!${String(name).replace(/^Fn::/, '')}`;
  const written = `${short} ${typeof argument === 'string' ? argument : JSON.stringify(argument)}`;
  if (name === 'Ref' && typeof argument === 'string') {
    const fallback = parameters[argument]?.Default;
    return typeof fallback === 'string' ? { value: fallback, written } : { written };
  }
  if (name === 'Fn::Sub' && typeof argument === 'string') {
    let unresolved = false;
    const substituted = argument.replace(/\$\{([^}!]+)\}/g, (whole, variable: string) => {
      const fallback = parameters[variable]?.Default;
      if (typeof fallback === 'string') return fallback;
      unresolved = true;
      return whole;
    });
    return unresolved ? { written } : { value: substituted, written };
  }
  return { written };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
