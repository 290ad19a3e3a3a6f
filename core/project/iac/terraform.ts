import path from 'node:path';
import { resolveHandlerString } from '../handler-string.js';
import type { HandlerResolution } from '../handler-string.js';
import { notNodeRuntime } from './declaration.js';
import type { IacDeclaration, IacFindings, IacReadContext } from './declaration.js';
import { parseHcl } from './hcl.js';
import type { HclBlock, HclValue } from './hcl.js';

interface ModuleBlocks {
  dir: string;
  blocks: Array<HclBlock & { file: string }>;
}

/** A string, or why it is not one (`var.code_dir` without a default). */
type Evaluated = { value: string } | { unknown: string };

/**
 * Terraform: `resource "aws_lambda_function"` with `handler` and its code from `filename` (through a
 * `data "archive_file"` with `source_dir` / `source_file`), and the community module
 * `terraform-aws-modules/lambda/aws` (`handler`, `source_path`). All `.tf` files of a folder are one
 * module: `var.*` (defaults), `local.*` and `path.module` are evaluated across them.
 */
export function readTerraformModule(files: ReadonlyArray<{ file: string; text: string }>, context: IacReadContext): IacFindings {
  const module: ModuleBlocks = {
    dir: path.dirname(files[0]?.file ?? context.root),
    blocks: files.flatMap(({ file, text }) => parseHcl(text).map((block) => ({ ...block, file }))),
  };
  const findings: IacFindings = { declarations: [], layers: [] };
  for (const block of module.blocks) {
    if (block.type === 'resource' && block.labels[0] === 'aws_lambda_function') {
      findings.declarations.push(lambdaFunction(block, module, context));
    } else if (block.type === 'module' && isLambdaModule(block, module)) {
      findings.declarations.push(lambdaModule(block, module, context));
    } else if (block.type === 'resource' && block.labels[0] === 'aws_lambda_layer_version') {
      const code = codeFromFilename(block, module);
      if ('dir' in code) findings.layers.push(code.dir);
    }
  }
  return findings;
}

/**
 * What every Lambda block starts with: its handler, a declaration at the handler's line (or the
 * block's), and the reason it is not ours when its runtime is not Node.js.
 */
function lambdaBlock(block: HclBlock & { file: string }, name: string, module: ModuleBlocks) {
  const handler = evaluateAttribute(block, 'handler', module);
  const declare = (resolution: HandlerResolution): IacDeclaration => ({
    declaredIn: { file: block.file, line: block.attributes.get('handler')?.line ?? block.line },
    iac: { format: 'terraform', function: name, handler: 'value' in handler ? handler.value : handler.unknown },
    resolution,
  });
  const runtime = evaluateAttribute(block, 'runtime', module);
  return { handler, declare, notNode: 'value' in runtime ? notNodeRuntime(runtime.value) : undefined };
}

function lambdaFunction(block: HclBlock & { file: string }, module: ModuleBlocks, context: IacReadContext): IacDeclaration {
  const { handler, declare, notNode } = lambdaBlock(block, block.labels[1] ?? 'aws_lambda_function', module);
  if (notNode) return declare({ reason: notNode });
  const packageType = evaluateAttribute(block, 'package_type', module);
  if (('value' in packageType && packageType.value === 'Image') || block.attributes.has('image_uri')) {
    return declare({ reason: 'container image (image_uri): its Dockerfile is not known' });
  }
  if (!('value' in handler)) return declare({ reason: handler.unknown ? `handler is ${handler.unknown}` : 'no handler' });
  if (block.attributes.has('s3_bucket')) return declare({ reason: 'code is an S3 object (s3_bucket)' });
  const code = codeFromFilename(block, module);
  if ('reason' in code) return declare(code);
  return declare(resolveHandlerString(context, handler.value, code.dir));
}

/** `module "x" { source = "terraform-aws-modules/lambda/aws" ... }`, or a local module with `handler` and `source_path`. */
function isLambdaModule(block: HclBlock, module: ModuleBlocks): boolean {
  if (!block.attributes.has('handler')) return false;
  const source = evaluateAttribute(block, 'source', module);
  return ('value' in source && /terraform-aws-modules\/lambda\/aws/.test(source.value)) || block.attributes.has('source_path');
}

function lambdaModule(block: HclBlock & { file: string }, module: ModuleBlocks, context: IacReadContext): IacDeclaration {
  const { handler, declare, notNode } = lambdaBlock(block, block.labels[0] ?? 'module', module);
  if (notNode) return declare({ reason: notNode });
  if (!('value' in handler)) return declare({ reason: `handler is ${handler.unknown}` });
  const sourcePath = block.attributes.get('source_path')?.value;
  const first = sourcePath?.kind === 'list' ? sourcePath.items[0] : sourcePath;
  const pathValue = first?.kind === 'object' ? first.entries.get('path') : first;
  if (!pathValue) return declare({ reason: 'no source_path (a prebuilt package)' });
  const evaluated = evaluate(pathValue, module);
  if (!('value' in evaluated)) return declare({ reason: `source_path is ${evaluated.unknown}` });
  const source = path.resolve(module.dir, evaluated.value);
  const dir = context.fs.isFile(source) ? path.dirname(source) : source;
  return declare(resolveHandlerString(context, handler.value, dir));
}

/** The folder a function's zip is built from: `filename` → the `archive_file` that writes it → its source. */
function codeFromFilename(block: HclBlock, module: ModuleBlocks): { dir: string } | { reason: string } {
  const attribute = block.attributes.get('filename')?.value;
  if (!attribute) return { reason: 'no filename (code from S3 or an image)' };
  const direct = attribute.kind === 'expression' ? archiveReference(attribute.text) : undefined;
  const filename = evaluate(attribute, module);
  const archive =
    (direct && findArchive(module, (candidate) => candidate.labels[1] === direct)) ??
    ('value' in filename
      ? findArchive(module, (candidate) => {
          const output = evaluateAttribute(candidate, 'output_path', module);
          return 'value' in output && path.resolve(module.dir, output.value) === path.resolve(module.dir, filename.value);
        })
      : undefined);
  if (!archive) {
    return { reason: 'value' in filename ? `filename is a built zip (${filename.value}) with no archive_file source` : `filename is ${filename.unknown}` };
  }
  const sourceDir = evaluateAttribute(archive, 'source_dir', module);
  if ('value' in sourceDir) return { dir: path.resolve(module.dir, sourceDir.value) };
  const sourceFile = evaluateAttribute(archive, 'source_file', module);
  if ('value' in sourceFile) return { dir: path.dirname(path.resolve(module.dir, sourceFile.value)) };
  if (archive.blocks.some((child) => child.type === 'source')) return { reason: 'inline code (archive_file source content)' };
  return { reason: `archive_file.${archive.labels[1]} has no source_dir or source_file` };
}

function findArchive(module: ModuleBlocks, test: (block: HclBlock) => boolean): HclBlock | undefined {
  return module.blocks.find((block) => block.type === 'data' && block.labels[0] === 'archive_file' && test(block));
}

/** `data.archive_file.lambda.output_path` → `lambda`. */
function archiveReference(expression: string): string | undefined {
  return /^data\.archive_file\.([\w-]+)\.output_path$/.exec(expression.trim())?.[1];
}

function evaluateAttribute(block: HclBlock, name: string, module: ModuleBlocks): Evaluated {
  const attribute = block.attributes.get(name);
  return attribute ? evaluate(attribute.value, module) : { unknown: '' };
}

/** A string template with `path.module`, `var.x` (default), `local.x` and `abspath()` evaluated. */
function evaluate(value: HclValue, module: ModuleBlocks, depth = 0): Evaluated {
  if (depth > 8) return { unknown: 'a recursive value' };
  if (value.kind === 'string') {
    let text = '';
    for (const part of value.parts) {
      if (typeof part === 'string') text += part;
      else {
        const inner = evaluateExpression(part.expression, module, depth);
        if (!('value' in inner)) return inner;
        text += inner.value;
      }
    }
    return { value: text };
  }
  if (value.kind === 'expression') return evaluateExpression(value.text, module, depth);
  return { unknown: value.kind };
}

function evaluateExpression(expression: string, module: ModuleBlocks, depth: number): Evaluated {
  const text = expression.trim();
  if (/^path\.(module|root|cwd)$/.test(text)) return { value: module.dir };
  const call = /^abspath\(([\s\S]*)\)$/.exec(text);
  if (call) {
    const inner = evaluateExpression(call[1]!, module, depth + 1);
    return 'value' in inner ? { value: path.resolve(module.dir, inner.value) } : inner;
  }
  const variable = /^var\.([\w-]+)$/.exec(text);
  if (variable) {
    const declared = module.blocks.find((block) => block.type === 'variable' && block.labels[0] === variable[1]);
    const fallback = declared?.attributes.get('default')?.value;
    return fallback ? evaluate(fallback, module, depth + 1) : { unknown: `\${${text}}` };
  }
  const local = /^local\.([\w-]+)$/.exec(text);
  if (local) {
    for (const block of module.blocks) {
      const attribute = block.type === 'locals' ? block.attributes.get(local[1]!) : undefined;
      if (attribute) return evaluate(attribute.value, module, depth + 1);
    }
  }
  return { unknown: `\${${text}}` };
}
