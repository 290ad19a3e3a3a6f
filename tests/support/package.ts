import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readmeConfigImporting } from './readme.js';

// The plugin as a user gets it: packed into a tarball, installed into a fresh project beside the user's
// own ESLint. Shared by the tests that need an installed copy (tests/package.test.ts,
// tests/language-server.test.ts). dist/ is built once per test run by tests/support/build.ts (vitest's
// globalSetup), so that test files packing in parallel never rebuild it under each other.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface PackageJson {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

export const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** `name@version` as this repository pins it in devDependencies, so npm's cache serves it. */
export function pinned(name: string): string {
  const version = packageJson.devDependencies[name];
  if (!version) throw new Error(`${name} is not in devDependencies`);
  return `${name}@${version}`;
}

export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: npmFreeEnv() });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

/**
 * The environment without the `npm_*` variables that `npm test` sets for its child processes: a nested
 * `npm install` in another project must not inherit this repository's lifecycle or config.
 */
export function npmFreeEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** Packs the already built package (no prepack: see build.ts) into `destination`; returns the tarball's path. */
export function packTarball(destination: string): string {
  mkdirSync(destination, { recursive: true });
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], ROOT)) as Array<{
    filename: string;
  }>;
  return path.join(destination, packed[0]!.filename);
}

/**
 * A fresh ESM project in `projectDir` with the tarball and `extraPackages` (`name@version` specs)
 * installed, as `npm install` would for a user.
 */
export function installProject(projectDir: string, tarball: string, extraPackages: readonly string[]): void {
  mkdirSync(projectDir, { recursive: true });
  writeFileSync(path.join(projectDir, 'package.json'), `${JSON.stringify({ name: 'user-project', private: true, type: 'module' }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarball, ...extraPackages], projectDir);
}

/** Packs the package into `projectDir/..` and installs it with `extraPackages` into `projectDir`. */
export function packAndInstall(projectDir: string, extraPackages: readonly string[]): { tarball: string } {
  const tarball = packTarball(path.dirname(projectDir));
  installProject(projectDir, tarball, extraPackages);
  return { tarball };
}

/** The README's "only the parser" recipe: configs.recommended and the typescript-eslint parser for TypeScript files. */
export const RECOMMENDED_WITH_TS_PARSER = readmeConfigImporting('@typescript-eslint/parser');
