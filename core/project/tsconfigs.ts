import path from 'node:path';
import { createPathsMatcher, getTsconfig, parseTsconfig } from 'get-tsconfig';
import type { PathsMatcher, TsConfigJsonResolved, TsConfigResult } from 'get-tsconfig';
import { isInside } from './project-fs.js';
import type { ProjectFs } from './project-fs.js';

/**
 * The project's tsconfig files, read with get-tsconfig (what tsx reads them with: `extends` chains,
 * comments, paths relative to the config that sets them), looked up once per folder.
 */
export class Tsconfigs {
  private readonly nearestByDir = new Map<string, TsConfigResult | null>();
  private readonly matchers = new Map<string, PathsMatcher | null>();
  private readonly cache = new Map<string, unknown>();
  private parsedAll: Array<{ file: string; config: TsConfigJsonResolved }> | undefined;

  constructor(
    private readonly fs: ProjectFs,
    /** Every `tsconfig*.json` of the project, absolute. */
    private readonly files: readonly string[],
  ) {}

  /** The tsconfig.json that applies to a file: the nearest one above it, as `tsc` finds it. */
  nearest(file: string): TsConfigResult | null {
    const dir = path.dirname(file);
    if (this.nearestByDir.has(dir)) return this.nearestByDir.get(dir)!;
    let found: TsConfigResult | null;
    try {
      found = getTsconfig(dir, 'tsconfig.json', this.cache as never);
    } catch {
      found = null; // a broken tsconfig resolves nothing rather than failing the whole project
    }
    if (found) this.fs.touch(found.path);
    this.nearestByDir.set(dir, found);
    return found;
  }

  /** Candidate paths for a bare specifier under the tsconfig's `paths` / `baseUrl`, or `null`. */
  pathsFor(specifier: string, fromFile: string): string[] | null {
    const config = this.nearest(fromFile);
    if (!config) return null;
    let matcher = this.matchers.get(config.path);
    if (matcher === undefined) {
      matcher = createPathsMatcher(config);
      this.matchers.set(config.path, matcher);
    }
    if (!matcher) return null;
    const candidates = matcher(specifier);
    return candidates.length > 0 ? candidates : null;
  }

  /**
   * Where compiled output came from: for an output path without extension inside some tsconfig's
   * `outDir`, the same path under its `rootDir` (or, when `rootDir` is not set, under the folder its
   * `include` names, then the config's own folder).
   */
  sourcesForOutput(outputStem: string): string[] {
    const sources: string[] = [];
    for (const { file, config } of this.all()) {
      const outDir = config.compilerOptions?.outDir;
      if (!outDir) continue;
      const absoluteOut = path.resolve(path.dirname(file), outDir);
      if (!isInside(outputStem, absoluteOut)) continue;
      const relative = path.relative(absoluteOut, outputStem);
      for (const rootDir of rootDirsOf(file, config)) sources.push(path.join(rootDir, relative));
    }
    return sources;
  }

  private all(): Array<{ file: string; config: TsConfigJsonResolved }> {
    if (this.parsedAll) return this.parsedAll;
    this.parsedAll = [];
    for (const file of this.files) {
      try {
        this.parsedAll.push({ file, config: parseTsconfig(file, this.cache as never) });
        this.fs.touch(file);
      } catch {
        // not a tsconfig we can read: it maps nothing
      }
    }
    return this.parsedAll;
  }
}

function rootDirsOf(file: string, config: TsConfigJsonResolved): string[] {
  const dir = path.dirname(file);
  const rootDir = config.compilerOptions?.rootDir;
  if (rootDir) return [path.resolve(dir, rootDir)];
  // Without `rootDir`, tsc uses the common folder of its inputs: the folder `include` names, usually.
  const includeDirs = (config.include ?? [])
    .map((pattern) => pattern.split(/[*?{[]/)[0]!.replace(/\/[^/]*\.[^/]*$/, ''))
    .map((prefix) => path.resolve(dir, prefix));
  const unique = [...new Set(includeDirs)];
  return unique.length === 1 ? [unique[0]!, dir] : [dir, path.join(dir, 'src')];
}
