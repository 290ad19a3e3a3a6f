import path from 'node:path';
import { isSourceFile } from './project-files.js';
import type { ProjectFs } from './project-fs.js';
import type { Tsconfigs } from './tsconfigs.js';

/** The extensions a handler or an import without extension is tried with, in this order. */
export const RESOLVED_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

const DECLARATION_FILE = /\.d\.[mc]?ts$/;

/** TypeScript's rule: an import of `./db.js` in TypeScript means `./db.ts` when that exists. */
const TYPESCRIPT_FOR = new Map<string, string[]>([
  ['.js', ['.ts', '.tsx']],
  ['.mjs', ['.mts']],
  ['.cjs', ['.cts']],
  ['.jsx', ['.tsx']],
]);

/**
 * Finds the source file that a path names the way Node, TypeScript and the bundlers do: the file as
 * written (or its TypeScript twin), then with each extension, then a folder's `package.json` main or
 * `index.*`; failing all of that, the same path mapped from a tsconfig's `outDir` back to its sources.
 */
export class SourceFiles {
  constructor(
    private readonly fs: ProjectFs,
    private readonly tsconfigs: Tsconfigs,
  ) {}

  resolve(candidate: string, depth = 0): string | undefined {
    // `types: ./dist/index.d.ts` names the compiled declarations: look for the module they describe.
    if (DECLARATION_FILE.test(candidate)) return this.resolve(candidate.replace(DECLARATION_FILE, ''), depth);
    const direct = this.resolveHere(candidate, depth);
    if (direct) return direct;
    const stem = withoutScriptExtension(candidate);
    for (const source of this.tsconfigs.sourcesForOutput(stem)) {
      const mapped = this.resolveHere(source, depth);
      if (mapped) return mapped;
    }
    return undefined;
  }

  private resolveHere(candidate: string, depth: number): string | undefined {
    const extension = path.extname(candidate);
    for (const twin of TYPESCRIPT_FOR.get(extension) ?? []) {
      const file = candidate.slice(0, -extension.length) + twin;
      if (this.fs.isFile(file)) return file;
    }
    if (this.fs.isFile(candidate)) return isSourceFile(candidate) ? candidate : undefined;
    for (const added of RESOLVED_EXTENSIONS) {
      if (this.fs.isFile(candidate + added)) return candidate + added;
    }
    if (!this.fs.isDirectory(candidate)) return undefined;
    const manifest = this.fs.readJson(path.join(candidate, 'package.json')) as { main?: unknown } | undefined;
    const main = typeof manifest?.main === 'string' ? path.resolve(candidate, manifest.main) : undefined;
    if (main && main !== candidate && depth < 3) {
      const resolved = this.resolve(main, depth + 1);
      if (resolved) return resolved;
    }
    for (const added of RESOLVED_EXTENSIONS) {
      const index = path.join(candidate, `index${added}`);
      if (this.fs.isFile(index)) return index;
    }
    return undefined;
  }
}

/** `dist/orders.js` → `dist/orders`: what is left to map when the compiled file does not exist. */
export function withoutScriptExtension(file: string): string {
  const extension = path.extname(file);
  return RESOLVED_EXTENSIONS.includes(extension) || extension === '.json' ? file.slice(0, -extension.length) : file;
}
