import path from 'node:path';
import { resolveExports, resolveImports } from 'resolve-pkg-maps';
import type { PathConditions, PathConditionsMap } from 'resolve-pkg-maps';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { IGNORED_FOLDERS } from './project-files.js';
import { isInside } from './project-fs.js';
import type { ProjectFs } from './project-fs.js';
import type { SourceFiles } from './source-files.js';

/** What a package.json says that resolution needs. */
export interface PackageManifest {
  name?: unknown;
  main?: unknown;
  module?: unknown;
  types?: unknown;
  exports?: unknown;
  imports?: unknown;
  workspaces?: unknown;
  dependencies?: unknown;
  devDependencies?: unknown;
}

/**
 * Conditions tried in `exports` / `imports`, the first key of the map that is one of them wins:
 * `types` and `source` usually point at the TypeScript source, the others at build output, which
 * `SourceFiles` maps back.
 */
const CONDITIONS = ['source', 'types', 'import', 'require', 'node', 'module', 'development', 'default'];

export function readManifest(fs: ProjectFs, dir: string): PackageManifest | undefined {
  const value = fs.readJson(path.join(dir, 'package.json'));
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as PackageManifest) : undefined;
}

/** `@scope/name/sub/path` → `['@scope/name', 'sub/path']`. */
export function splitPackageSpecifier(specifier: string): [name: string, subpath: string] {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  return [parts.slice(0, size).join('/'), parts.slice(size).join('/')];
}

/**
 * The source file a package's entry point leads to: its `exports` (with the conditions above), else
 * `source`/`module`/`main`/`types` for the package itself, or the subpath as a path inside it.
 */
export function resolvePackageEntry(
  fs: ProjectFs,
  sources: SourceFiles,
  dir: string,
  subpath: string,
): string | undefined {
  const manifest = readManifest(fs, dir) ?? {};
  if (manifest.exports !== undefined && manifest.exports !== null) {
    let targets: string[];
    try {
      targets = resolveExports(manifest.exports as PathConditions, subpath, CONDITIONS);
    } catch {
      return undefined; // not exported: Node refuses it too
    }
    for (const target of targets) {
      const resolved = sources.resolve(path.resolve(dir, target));
      if (resolved) return resolved;
    }
    return undefined;
  }
  if (subpath) return sources.resolve(path.join(dir, subpath));
  const fields = [(manifest as { source?: unknown }).source, manifest.module, manifest.main, manifest.types];
  for (const field of fields) {
    if (typeof field !== 'string') continue;
    const resolved = sources.resolve(path.resolve(dir, field));
    if (resolved) return resolved;
  }
  return sources.resolve(path.join(dir, 'index'));
}

/** The package.json files above a file, nearest first, up to the project root. */
function* manifestsAbove(fs: ProjectFs, root: string, fromFile: string): Generator<{ dir: string; manifest: PackageManifest }> {
  for (let dir = path.dirname(fromFile); isInside(dir, root); dir = path.dirname(dir)) {
    const manifest = readManifest(fs, dir);
    if (manifest) yield { dir, manifest };
    if (dir === root) return;
  }
}

/** `#lib/db` through the `imports` of the nearest package.json above the importing file. */
export function resolvePackageImport(
  fs: ProjectFs,
  sources: SourceFiles,
  root: string,
  specifier: string,
  fromFile: string,
): string | undefined {
  const nearest = manifestsAbove(fs, root, fromFile).next().value;
  const imports = nearest?.manifest.imports;
  if (!nearest || !imports || typeof imports !== 'object') return undefined;
  let targets: string[];
  try {
    targets = resolveImports(imports as PathConditionsMap, specifier, CONDITIONS);
  } catch {
    return undefined;
  }
  for (const target of targets) {
    // A target may also name a package (`"#pg": "pg"`): that is not first-party.
    if (!target.startsWith('./')) continue;
    const resolved = sources.resolve(path.resolve(nearest.dir, target));
    if (resolved) return resolved;
  }
  return undefined;
}

/**
 * The workspace packages of the project by name: npm and yarn `workspaces` (array or `{ packages }`),
 * `pnpm-workspace.yaml`'s `packages`, and lerna.json's `packages`, each a glob of package folders.
 */
export function findWorkspacePackages(fs: ProjectFs, root: string): Map<string, string> {
  const patterns: string[] = [];
  const manifest = readManifest(fs, root);
  const workspaces = manifest?.workspaces;
  if (Array.isArray(workspaces)) patterns.push(...workspaces.filter((p): p is string => typeof p === 'string'));
  else if (workspaces && typeof workspaces === 'object') {
    const packages = (workspaces as { packages?: unknown }).packages;
    if (Array.isArray(packages)) patterns.push(...packages.filter((p): p is string => typeof p === 'string'));
  }
  const pnpm = fs.readText(path.join(root, 'pnpm-workspace.yaml'));
  if (pnpm !== undefined) {
    try {
      const packages = (parseYaml(pnpm) as { packages?: unknown } | null)?.packages;
      if (Array.isArray(packages)) patterns.push(...packages.filter((p): p is string => typeof p === 'string'));
    } catch {
      // an unreadable pnpm-workspace.yaml declares nothing
    }
  }
  const lerna = fs.readJson(path.join(root, 'lerna.json')) as { packages?: unknown } | undefined;
  if (Array.isArray(lerna?.packages)) patterns.push(...lerna.packages.filter((p): p is string => typeof p === 'string'));

  const byName = new Map<string, string>();
  if (patterns.length === 0) return byName;
  const manifests = globSync(
    patterns.map((pattern) => (pattern.startsWith('!') ? pattern : `${pattern.replace(/\/+$/, '')}/package.json`)),
    { cwd: root, ignore: IGNORED_FOLDERS.map((folder) => `**/${folder}/**`), absolute: true },
  );
  for (const file of manifests.sort()) {
    const dir = path.dirname(file);
    const name = readManifest(fs, dir)?.name;
    if (typeof name === 'string' && !byName.has(name)) byName.set(name, dir);
  }
  return byName;
}

/**
 * A package the importing file's package.json depends on through a local path (`file:../shared`,
 * `link:`, `portal:`): npm and yarn link it into node_modules, but its source is first-party.
 */
export function findLinkedPackage(
  fs: ProjectFs,
  root: string,
  name: string,
  fromFile: string,
): string | undefined {
  for (const { dir, manifest } of manifestsAbove(fs, root, fromFile)) {
    for (const field of [manifest.dependencies, manifest.devDependencies]) {
      const spec = field && typeof field === 'object' ? (field as Record<string, unknown>)[name] : undefined;
      const local = typeof spec === 'string' ? /^(?:file|link|portal):(.+)$/.exec(spec) : null;
      if (local) return path.resolve(dir, local[1]!);
    }
  }
  return undefined;
}
