import { builtinModules } from 'node:module';
import path from 'node:path';
import { Layers, layersByLayout } from './layers.js';
import {
  findLinkedPackage,
  findWorkspacePackages,
  resolvePackageEntry,
  resolvePackageImport,
  splitPackageSpecifier,
} from './packages.js';
import { listProjectFiles } from './project-files.js';
import { isInside, ProjectFs } from './project-fs.js';
import { SourceFiles } from './source-files.js';
import { Tsconfigs } from './tsconfigs.js';
import type { ModuleResolver, ModuleResolverOptions } from './types.js';

const BUILTINS = new Set(builtinModules);

/** What resolution reads, shared by the project model's steps. */
export interface ResolutionContext {
  root: string;
  fs: ProjectFs;
  tsconfigs: Tsconfigs;
  sources: SourceFiles;
  workspaces: Map<string, string>;
  layers: Layers;
}

export function createResolutionContext(
  root: string,
  fs: ProjectFs,
  files: { files: readonly string[]; directories: readonly string[] },
  layerDirs: readonly string[],
): ResolutionContext {
  const tsconfigs = new Tsconfigs(
    fs,
    files.files.filter((file) => /^tsconfig.*\.json$/.test(path.basename(file))),
  );
  const sources = new SourceFiles(fs, tsconfigs);
  return {
    root,
    fs,
    tsconfigs,
    sources,
    workspaces: findWorkspacePackages(fs, root),
    layers: new Layers(fs, [...layerDirs, ...layersByLayout(root, files.directories)]),
  };
}

/**
 * The first-party module resolver of a project root, for the analysis to follow imports across files.
 * Lambda layers declared in IaC can be passed as `options.layers`; `loadProject` passes those it read.
 */
export function createModuleResolver(root: string, options: ModuleResolverOptions = {}): ModuleResolver {
  const absoluteRoot = path.resolve(root);
  const fs = new ProjectFs();
  const context = createResolutionContext(absoluteRoot, fs, listProjectFiles(absoluteRoot), options.layers ?? []);
  return resolverFor(context);
}

/** The resolver over a context, with its answers cached by specifier and importing folder. */
export function resolverFor(context: ResolutionContext): ModuleResolver {
  const cache = new Map<string, string | undefined>();
  return (specifier, fromFile) => {
    // Relative specifiers depend on the folder; the others on the nearest package.json and tsconfig,
    // which are per folder too.
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    if (cache.has(key)) return cache.get(key);
    const resolved = firstParty(context, resolveSpecifier(context, specifier, fromFile));
    cache.set(key, resolved);
    return resolved;
  };
}

function resolveSpecifier(context: ResolutionContext, specifier: string, fromFile: string): string | undefined {
  const { root, fs, sources, tsconfigs, workspaces, layers } = context;
  if (specifier.startsWith('node:') || BUILTINS.has(specifier)) return undefined;
  if (specifier.startsWith('/opt/')) {
    const [, , maybeNodejs, maybeModules, ...rest] = specifier.split('/');
    // `/opt/nodejs/node_modules/<pkg>`: a package the layer installs, found by its name.
    if (maybeNodejs === 'nodejs' && maybeModules === 'node_modules') return resolveByName(rest.join('/'));
    for (const candidate of layers.candidatesForOptPath(specifier)) {
      const resolved = sources.resolve(candidate);
      if (resolved) return resolved;
    }
    return undefined;
  }
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    return sources.resolve(path.resolve(path.dirname(fromFile), specifier));
  }
  if (specifier.startsWith('#')) return resolvePackageImport(fs, sources, root, specifier, fromFile);
  for (const candidate of tsconfigs.pathsFor(specifier, fromFile) ?? []) {
    const resolved = sources.resolve(candidate);
    if (resolved) return resolved;
  }
  return resolveByName(specifier);

  function resolveByName(packageSpecifier: string): string | undefined {
    const [name, subpath] = splitPackageSpecifier(packageSpecifier);
    const dir = workspaces.get(name) ?? findLinkedPackage(fs, root, name, fromFile) ?? layers.packageFolder(name);
    return dir ? resolvePackageEntry(fs, sources, dir, subpath) : undefined;
  }
}

/** Only files of the project count: never a package installed in node_modules. */
function firstParty(context: ResolutionContext, file: string | undefined): string | undefined {
  if (!file || !isInside(file, context.root)) return undefined;
  return file.split(path.sep).includes('node_modules') ? undefined : file;
}
