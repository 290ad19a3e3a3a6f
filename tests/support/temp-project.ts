import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Throwaway projects for tests: `create(files)` writes a map of relative paths to contents into a new
 * folder and returns its path; `removeAll()` (in `afterAll`) deletes every folder made.
 */
export function tempProjects(prefix: string): { create: (files: Record<string, string>) => string; removeAll: () => void } {
  const roots: string[] = [];
  return {
    create(files) {
      const root = mkdtempSync(path.join(tmpdir(), prefix));
      roots.push(root);
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      return root;
    },
    removeAll: () => roots.forEach((root) => rmSync(root, { recursive: true, force: true })),
  };
}
