import path from 'node:path';
import type { ResolutionContext } from './module-resolver.js';
import { relativePath } from './project-fs.js';
import { RESOLVED_EXTENSIONS } from './source-files.js';

/** Where a handler declaration leads: a source file and the export Lambda calls, or why not. */
export type HandlerResolution = { file: string; export: string } | { reason: string };

export interface HandlerStringOptions {
  /**
   * Source files an esbuild build bundles (SAM's `Metadata.BuildProperties.EntryPoints`), absolute:
   * the handler names their output, `<entry relative to the entries' common folder>.js`.
   */
  entryPoints?: readonly string[];
  /**
   * Where a path under `baseDir` is on disk, when `baseDir` is not a folder of the project (a
   * container image's WORKDIR): the host paths to try, in order.
   */
  mapStem?: (stem: string) => string[];
}

/** `${self:custom.x}`, `${var.dir}`, `#{X}`: a value only the deploy tool knows. */
const VARIABLE = /\$\{[^}]*\}|#\{[^}]*\}/;

/**
 * Resolves a handler string (`src/handlers/orders.main`) against the folder the function's code comes
 * from, as the tools do: the file is the part before the last dot (serverless-esbuild, SAM, CDK), or
 * before the first dot of the file name with a nested export (`index.api.handler`, Lambda's Node.js
 * runtime); each is tried with the source extensions, `/index.*`, and mapped back from build output.
 */
export function resolveHandlerString(
  context: ResolutionContext,
  handler: string,
  baseDir: string,
  options: HandlerStringOptions = {},
): HandlerResolution {
  const variable = VARIABLE.exec(handler);
  if (variable) return { reason: `unresolved variable ${variable[0]}` };
  // The Lambda Web Adapter and custom wrappers start a script; the code it runs is not named here.
  if (/\.sh$/.test(handler)) return { reason: `the handler is a shell script (${handler})` };
  // SAM's CodeUri and CDK's assets may name one file: its folder is what the handler is relative to.
  if (context.fs.isFile(baseDir)) baseDir = path.dirname(baseDir);
  const slash = handler.lastIndexOf('/');
  const dirPart = handler.slice(0, slash + 1);
  const base = handler.slice(slash + 1);
  if (!base.includes('.') || base.endsWith('.') || base.startsWith('.')) {
    return { reason: `"${handler}" is not of the form file.export` };
  }
  const splits = [base.lastIndexOf('.'), base.indexOf('.')].filter((at, index, all) => all.indexOf(at) === index);
  for (const at of splits) {
    const stem = path.resolve(baseDir, dirPart + base.slice(0, at));
    const exported = base.slice(at + 1);
    const entry = options.entryPoints?.length ? bundledEntry(options.entryPoints, baseDir, stem) : undefined;
    if (entry && context.fs.isFile(entry)) return { file: entry, export: exported };
    for (const candidate of options.mapStem ? options.mapStem(stem) : [stem]) {
      const file = context.sources.resolve(candidate);
      if (file) return { file, export: exported };
    }
  }
  const stem = path.resolve(baseDir, dirPart + base.slice(0, splits[0]));
  const tried = options.mapStem ? options.mapStem(stem) : [stem];
  if (tried.length === 0) return { reason: `file not found: nothing is copied to ${stem} in the image` };
  return { reason: `file not found: ${tried.map((candidate) => describeTried(context.root, candidate)).join('; ')}` };
}

function describeTried(root: string, stem: string): string {
  const shown = relativePath(root, stem);
  return `${shown}{${RESOLVED_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}, ${shown}/index.*`;
}

/** The entry point whose bundle is `stem`: esbuild names each output after its path below the entries' common folder. */
function bundledEntry(entryPoints: readonly string[], baseDir: string, stem: string): string | undefined {
  const outbase = commonFolder(entryPoints.map((entry) => path.dirname(entry)));
  const wanted = path.relative(baseDir, stem);
  const outputName = (entry: string) => {
    const relative = path.relative(outbase, entry);
    return relative.slice(0, relative.length - path.extname(relative).length);
  };
  return (
    entryPoints.find((entry) => outputName(entry) === wanted) ??
    entryPoints.find((entry) => path.basename(entry, path.extname(entry)) === path.basename(wanted))
  );
}

function commonFolder(dirs: readonly string[]): string {
  if (dirs.length === 0) return '';
  let common = dirs[0]!;
  for (const dir of dirs.slice(1)) {
    while (common !== path.dirname(common) && path.relative(common, dir).startsWith('..')) common = path.dirname(common);
  }
  return common;
}
