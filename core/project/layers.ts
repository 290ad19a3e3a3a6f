import path from 'node:path';
import { readManifest } from './packages.js';
import type { ProjectFs } from './project-fs.js';

/**
 * A Lambda layer's folder: what the runtime mounts under `/opt`. Node.js finds a layer's modules in
 * `/opt/nodejs/node_modules` (and code imports its files as `/opt/nodejs/...`), so a layer folder
 * usually holds a `nodejs/` folder, or is the folder the IaC packages as the layer.
 */
export class Layers {
  private readonly dirs: string[];

  constructor(
    private readonly fs: ProjectFs,
    /** Layer folders declared in IaC, then the folders whose `nodejs/` child makes them layers. */
    dirs: readonly string[],
  ) {
    this.dirs = [...new Set(dirs)];
  }

  get folders(): readonly string[] {
    return this.dirs;
  }

  /** `/opt/nodejs/utils` → `<layer>/nodejs/utils` (or `<layer>/utils`), as candidates in order. */
  candidatesForOptPath(specifier: string): string[] {
    const inOpt = specifier.slice('/opt/'.length);
    const candidates: string[] = [];
    for (const dir of this.dirs) {
      candidates.push(path.join(dir, inOpt));
      if (inOpt.startsWith('nodejs/')) candidates.push(path.join(dir, inOpt.slice('nodejs/'.length)));
    }
    return candidates;
  }

  /** A layer whose package.json (at its root or in `nodejs/`) has this name: the package's folder. */
  packageFolder(name: string): string | undefined {
    for (const dir of this.dirs) {
      for (const candidate of [path.join(dir, 'nodejs'), dir]) {
        if (readManifest(this.fs, candidate)?.name === name) return candidate;
      }
    }
    return undefined;
  }
}

/** Folders laid out as layers: the parent of every `nodejs/` folder (not the root itself). */
export function layersByLayout(root: string, directories: readonly string[]): string[] {
  return directories
    .filter((dir) => path.basename(dir) === 'nodejs' && path.dirname(dir) !== root)
    .map((dir) => path.dirname(dir));
}
