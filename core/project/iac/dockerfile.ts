import path from 'node:path';
import { resolveHandlerString } from '../handler-string.js';
import type { HandlerResolution } from '../handler-string.js';
import type { ResolutionContext } from '../module-resolver.js';
import { NO_FINDINGS } from './declaration.js';
import type { IacFindings, IacReadContext } from './declaration.js';

/** Lambda's base images set `LAMBDA_TASK_ROOT=/var/task`, the folder handlers are resolved in. */
const TASK_ROOT = '/var/task';

interface Copy {
  /** The stage it copies from (`COPY --from=build`), else the build context. */
  from: string | undefined;
  sources: string[];
  /** Absolute path in the image. */
  dest: string;
  destIsFolder: boolean;
}

interface Stage {
  name: string | undefined;
  base: string;
  workdir: string;
  copies: Copy[];
  env: Map<string, string>;
  cmd?: { handler: string; line: number };
  lambdaRuntime: boolean;
  /** The runtime of the Lambda base image it is built on (`nodejs`, `python`), through stage aliases. */
  runtime: string | undefined;
}

/** A Dockerfile's stages, as far as handler resolution needs them. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const { instruction, args, line } of instructions(text)) {
    if (instruction === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const parent = stages.find((stage) => stage.name !== undefined && stage.name === image);
      stages.push({
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        base: image,
        workdir: parent?.workdir ?? (isLambdaImage(image) ? TASK_ROOT : '/'),
        copies: parent ? [...parent.copies] : [],
        env: new Map(parent?.env ?? [['LAMBDA_TASK_ROOT', TASK_ROOT]]),
        ...(parent?.cmd ? { cmd: parent.cmd } : {}),
        lambdaRuntime: parent?.lambdaRuntime ?? isLambdaImage(image),
        runtime: parent ? parent.runtime : lambdaImageRuntime(image),
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    const expand = (value: string) =>
      value.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => stage.env.get(name) ?? whole);
    switch (instruction) {
      case 'ENV':
      case 'ARG': {
        const match = /^(\w+)(?:[= ]\s*"?([^"\s]*)"?)?/.exec(args);
        if (match?.[2] !== undefined) stage.env.set(match[1]!, expand(match[2]));
        break;
      }
      case 'WORKDIR':
        stage.workdir = path.posix.resolve(stage.workdir, expand(args.trim()));
        break;
      case 'COPY':
      case 'ADD': {
        const words = splitArguments(args);
        const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
        const paths = words.filter((word) => !word.startsWith('--')).map(expand);
        if (paths.length < 2) break;
        const destWritten = paths.at(-1)!;
        const sources = paths.slice(0, -1);
        stage.copies.push({
          from,
          sources,
          dest: path.posix.resolve(stage.workdir, destWritten),
          destIsFolder: destWritten.endsWith('/') || destWritten === '.' || sources.length > 1,
        });
        break;
      }
      case 'ENTRYPOINT':
        if (/aws-lambda-ric/.test(args)) stage.lambdaRuntime = true;
        break;
      case 'CMD': {
        const handler = splitArguments(args)[0];
        if (handler) stage.cmd = { handler, line };
        break;
      }
    }
  }
  return stages;
}

/**
 * The handler of a container image function: its CMD (or the IaC's command override), resolved in
 * the image's WORKDIR and mapped back to the build context through the COPY instructions, across stages.
 */
export function dockerImageHandler(
  dockerfile: string,
  contextDir: string,
  context: IacReadContext,
  commandOverride?: string,
): { handler: string; line: number; resolution: HandlerResolution } {
  context.dockerfiles.add(dockerfile);
  const text = context.fs.readText(dockerfile);
  if (text === undefined) {
    return { handler: commandOverride ?? '(container image)', line: 0, resolution: { reason: `file not found: ${dockerfile}` } };
  }
  const stages = parseDockerfile(text);
  const final = stages.at(-1);
  const handler = commandOverride ?? final?.cmd?.handler;
  const line = final?.cmd?.line ?? 1;
  if (!final || !handler) return { handler: '(container image)', line, resolution: { reason: 'the image has no CMD' } };
  if (final.runtime && final.runtime !== 'nodejs') {
    return { handler, line, resolution: { reason: `runtime ${final.runtime} is not Node.js` } };
  }
  const resolution = resolveHandlerString(context, handler, final.workdir, {
    mapStem: (stem) => hostPaths(stages, stages.length - 1, stem, contextDir, context),
  });
  return { handler, line, resolution };
}

/** Standalone Dockerfiles built on a Lambda Node.js base image (or running aws-lambda-ric). */
export function readDockerfile(file: string, text: string, context: IacReadContext): IacFindings {
  const final = parseDockerfile(text).at(-1);
  if (!final?.lambdaRuntime || !final.cmd) return NO_FINDINGS;
  const { handler, line, resolution } = dockerImageHandler(file, path.dirname(file), context);
  const name = path.relative(context.root, file).split(path.sep).join('/');
  return {
    declarations: [{ declaredIn: { file, line }, iac: { format: 'dockerfile', function: name, handler }, resolution }],
    layers: [],
  };
}

/** Where an image path (without extension) comes from on the host: the COPY that put it there. */
function hostPaths(stages: Stage[], index: number, imagePath: string, contextDir: string, context: ResolutionContext, depth = 0): string[] {
  const stage = stages[index];
  if (!stage || depth > 4) return [];
  const found: string[] = [];
  for (const copy of [...stage.copies].reverse()) {
    const fromStage = copy.from === undefined ? -1 : stages.findIndex((s, i) => i < index && (s.name === copy.from || String(i) === copy.from));
    for (const source of copy.sources) {
      const sourceIsFolder =
        copy.from === undefined ? context.fs.isDirectory(path.resolve(contextDir, source)) || source.endsWith('/') : true;
      let inSource: string | undefined;
      if (copy.destIsFolder || sourceIsFolder) {
        const relative = path.posix.relative(copy.dest, imagePath);
        if (relative.startsWith('..') || path.posix.isAbsolute(relative)) continue;
        inSource = sourceIsFolder ? path.posix.join(source, relative) : stemOf(path.posix.basename(source)) === relative ? source : undefined;
      } else if (stemOf(copy.dest) === imagePath) {
        inSource = source;
      }
      if (inSource === undefined) continue;
      if (copy.from === undefined) found.push(stemOf(path.resolve(contextDir, inSource)));
      else if (fromStage >= 0) {
        const inStage = path.posix.resolve(stages[fromStage]!.workdir, inSource);
        found.push(...hostPaths(stages, fromStage, stemOf(inStage), contextDir, context, depth + 1));
      }
    }
  }
  // No COPY put it there: a RUN made it (`RUN npx tsc` writes dist/), in the folder the context was
  // copied to, so it is where the same build writes it in the context.
  const relative = path.posix.relative(stage.workdir, imagePath);
  if (found.length === 0 && stage.workdir !== '/' && !relative.startsWith('..')) {
    found.push(path.resolve(contextDir, relative));
  }
  return found;
}

function stemOf(file: string): string {
  return file.replace(/\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/, '');
}

function isLambdaImage(image: string): boolean {
  return lambdaImageRuntime(image) !== undefined;
}

/** `public.ecr.aws/lambda/nodejs:20` → `nodejs`; `amazon/aws-lambda-python:3.12` → `python`. */
function lambdaImageRuntime(image: string): string | undefined {
  return /(?:^|\/)(?:lambda\/|aws-lambda-)([a-z]+)/.exec(image)?.[1];
}

/** Instructions with continuation lines joined, comments dropped, each with its first line. */
function instructions(text: string): Array<{ instruction: string; args: string; line: number }> {
  const result: Array<{ instruction: string; args: string; line: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let current = lines[index]!;
    if (/^\s*(#|$)/.test(current)) continue;
    while (/\\\s*$/.test(current) && index + 1 < lines.length) {
      current = current.replace(/\\\s*$/, ' ') + lines[++index]!.replace(/^\s*#.*$/, '');
    }
    const match = /^\s*(\w+)\s+([\s\S]*)$/.exec(current);
    if (match) result.push({ instruction: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 });
  }
  return result;
}

/** `["a", "b"]` (exec form) or `a b` (shell form) → its words. */
function splitArguments(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed = JSON.parse(args) as unknown;
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: read it as the shell form
    }
  }
  return args.split(/\s+/).filter(Boolean);
}
