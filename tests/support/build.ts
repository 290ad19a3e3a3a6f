import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// vitest globalSetup: builds dist/ before any test file runs, when it is missing or older than its
// sources. The tests that pack the package (tests/support/package.ts) then pack with --ignore-scripts:
// were each to run `npm pack` with its prepack build, two test files running in parallel would rewrite
// dist/ while the other packs it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['index.ts', 'core', 'rules', 'codemods', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
const OUTPUTS = ['dist/index.js', 'dist/index.d.ts', 'dist/codemods/cli.js', 'dist/codemods/hoist.cjs'];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry, { withFileTypes: true })
    .filter((child) => !child.name.endsWith('.test.ts') && child.name !== '__fixtures__')
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child.name))), 0);
}

export function distIsStale(): boolean {
  const outputs = OUTPUTS.map((output) => path.join(root, output));
  if (!outputs.every((output) => existsSync(output))) return true;
  const oldestOutput = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  return newestSource > oldestOutput;
}

export default function setup(): void {
  if (!distIsStale()) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
