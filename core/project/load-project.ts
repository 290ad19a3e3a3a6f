import path from 'node:path';
import { globSync } from 'tinyglobby';
import { CodeHandlers } from './code-handlers.js';
import { readIac } from './iac/index.js';
import { Layers, layersByLayout } from './layers.js';
import { createResolutionContext, resolverFor } from './module-resolver.js';
import { isSourceFile, listProjectFiles } from './project-files.js';
import { hasChanged, ProjectFs, relativePath } from './project-fs.js';
import type { Fingerprint } from './project-fs.js';
import type { LoadProjectOptions, Project, ProjectHandler, UnresolvedHandler } from './types.js';

interface CachedProject {
  project: Project;
  inputs: Map<string, Fingerprint>;
  checkedAt: number;
}

const cache = new Map<string, CachedProject>();

/** Long enough that linting a whole project checks its inputs a handful of times, short enough for an editor. */
const DEFAULT_RECHECK_MS = 1000;

/**
 * The project model of a root: its handlers (declared in IaC, merged with those the code shows),
 * the IaC entries that lead nowhere, and its first-party module resolver. Built on first use and kept
 * for the process; a later call rebuilds it when a file it read, or a folder it listed, changed.
 */
export function loadProject(root: string, options: LoadProjectOptions = {}): Project {
  const absoluteRoot = path.resolve(root);
  const key = JSON.stringify([absoluteRoot, options.settings ?? null, options.iac ?? null]);
  const cached = cache.get(key);
  const now = Date.now();
  if (cached) {
    if (now - cached.checkedAt < (options.recheckAfterMs ?? DEFAULT_RECHECK_MS)) return cached.project;
    if (!hasChanged(cached.inputs)) {
      cached.checkedAt = now;
      return cached.project;
    }
  }
  const built = buildProject(absoluteRoot, options);
  cache.set(key, { ...built, checkedAt: Date.now() });
  return built.project;
}

/** Forgets every project model built in this process (tests; an editor that knows better). */
export function clearProjectCache(): void {
  cache.clear();
}

function buildProject(root: string, options: LoadProjectOptions): { project: Project; inputs: Map<string, Fingerprint> } {
  const fs = new ProjectFs();
  const listing = listProjectFiles(root);
  for (const dir of listing.directories) fs.touch(dir);

  // IaC written as code imports constants: read it with a resolver that knows everything but layers,
  // which only the IaC itself declares.
  const reading = createResolutionContext(root, fs, listing, []);
  const accepted = options.iac ? new Set(globSync([...options.iac], { cwd: root, absolute: true }).map((file) => path.resolve(file))) : undefined;
  const iac = readIac(listing.files, { ...reading, resolve: resolverFor(reading), dockerfiles: new Set() }, accepted ? (file) => accepted.has(file) : undefined);
  const context = { ...reading, layers: new Layers(fs, [...iac.layers, ...layersByLayout(root, listing.directories)]) };

  const code = new CodeHandlers(fs, options.settings, options.onParsed);
  const handlers: ProjectHandler[] = [];
  const unresolved: UnresolvedHandler[] = [];
  const declared = new Set<string>();
  for (const { declaredIn, iac: signal, resolution } of iac.declarations) {
    if ('reason' in resolution) {
      unresolved.push({ declaredIn, handler: signal.handler, reason: resolution.reason, iac: signal });
      continue;
    }
    const described = code.describeExport(resolution.file, resolution.export);
    if (described.missing) {
      const shown = relativePath(root, resolution.file);
      unresolved.push({ declaredIn, handler: signal.handler, reason: `${shown} has no export \`${resolution.export.split('.')[0]}\``, iac: signal });
      continue;
    }
    declared.add(`${resolution.file}#${resolution.export}`);
    handlers.push({ file: resolution.file, export: resolution.export, declaredIn, signal: { iac: signal, code: described.signal } });
  }
  for (const file of listing.files) {
    if (!isSourceFile(file)) continue;
    for (const found of code.inFile(file)) {
      if (declared.has(`${file}#${found.export}`)) continue;
      handlers.push({ file, export: found.export, declaredIn: null, signal: { iac: null, code: found.signal } });
    }
  }
  handlers.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.export.localeCompare(b.export) ||
      (a.declaredIn?.file ?? '').localeCompare(b.declaredIn?.file ?? '') ||
      (a.declaredIn?.line ?? 0) - (b.declaredIn?.line ?? 0),
  );
  unresolved.sort((a, b) => a.declaredIn.file.localeCompare(b.declaredIn.file) || a.declaredIn.line - b.declaredIn.line);
  const project: Project = { root, handlers, unresolved, resolve: resolverFor(context), iacFiles: [...new Set(iac.files)].sort() };
  return { project, inputs: fs.fingerprints() };
}
