import path from 'node:path';
import { globSync } from 'tinyglobby';

/**
 * Folders that never hold first-party source: installed packages, build and deploy output, caches.
 * Handler strings that point into build output are mapped back to source separately (see
 * `build-output.ts`); their files need not be listed.
 */
export const IGNORED_FOLDERS = [
  'node_modules',
  'dist',
  'build',
  '.build',
  '.aws-sam',
  'cdk.out',
  '.serverless',
  '.webpack',
  '.esbuild',
  '.sst',
  '.open-next',
  '.next',
  '.terraform',
  '.turbo',
  '.git',
  'coverage',
];

export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

/** The project's files, absolute, and its folders (which the model watches for new files). */
export interface ProjectFiles {
  files: string[];
  directories: string[];
}

/** Every file and folder under the root, outside the ignored folders and hidden ones. */
export function listProjectFiles(root: string): ProjectFiles {
  const entries = globSync(['**'], {
    cwd: root,
    ignore: IGNORED_FOLDERS.map((folder) => `**/${folder}/**`),
    onlyFiles: false,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  const files: string[] = [];
  const directories: string[] = [root];
  for (const entry of entries) {
    if (entry.endsWith('/')) directories.push(path.join(root, entry));
    else files.push(path.join(root, entry));
  }
  files.sort();
  return { files, directories };
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !/\.d\.[mc]?ts$/.test(file);
}
