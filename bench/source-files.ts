// The set of real-world files the robustness and speed benches run over: every JavaScript and TypeScript
// file under a folder (node_modules by default), sorted, so that every run sees the same set.
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Paths relative to the repository; `skipped` counts files over `maxBytes`. */
export async function sourceFiles(
  rootDir: string,
  { maxBytes = 1024 * 1024, pattern = '**/*.{js,mjs,cjs,ts}' } = {},
): Promise<{ files: string[]; skipped: number }> {
  // tinyglobby (already in the tree through vitest, pinned as a devDependency) walks the tree.
  const all = (await glob(pattern, { cwd: rootDir, dot: false, followSymbolicLinks: false }))
    .map((file) => relative(repoRoot, join(rootDir, file)))
    .sort();
  const files = all.filter((file) => statSync(join(repoRoot, file)).size <= maxBytes);
  return { files, skipped: all.length - files.length };
}

/** Every `step`-th item of a sorted list: a spread over all packages, the same on every run. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)]!);
}
