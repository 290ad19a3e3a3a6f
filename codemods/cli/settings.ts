import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { parseSettings } from '../../core/index.js';
import type { LambdaHygieneSettings, ResourceKind, UserResource } from '../../core/index.js';
import { UsageError } from './usage-error.js';

/** What the rules are configured with, as far as the CLI's commands need it. */
export interface CliSettings {
  /** `settings['lambda-hygiene']`, validated; `undefined` for the defaults. */
  settings: LambdaHygieneSettings | undefined;
  /** The rules' `additionalResources` options, each with the kind of the rule it was given to. */
  additionalResources: UserResource[];
}

/**
 * Validates `settings['lambda-hygiene']` for the CLI with the rules' own validator (`parseSettings`), so
 * that the rules and the CLI accept and refuse the same settings; a bad value is a usage error.
 */
export function validateSettingsForCli(raw: unknown, where: string): LambdaHygieneSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  try {
    return parseSettings(raw, where);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The settings the rules use: from `--settings <json>` when given, else from the project's ESLint
 * config for a file of the paths (ESLint's own `calculateConfigForFile`, loaded only now). Without a
 * config, or one that fails to load, it says so in one line and goes on with the defaults.
 */
export async function readCliSettings(
  flag: string | undefined,
  paths: readonly string[],
  warn: (line: string) => void,
): Promise<CliSettings> {
  if (flag !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(flag);
    } catch (error) {
      throw new UsageError(`--settings is not valid JSON (${(error as Error).message})`);
    }
    return { settings: validateSettingsForCli(parsed, '--settings'), additionalResources: [] };
  }
  const probe = probeFile(paths);
  const config = await eslintConfigFor(probe);
  if (typeof config === 'string') {
    warn(`lambda-hygiene: ${config}; using the default settings (pass --settings '{"handlerNames":[...]}' to set them)`);
    return { settings: undefined, additionalResources: [] };
  }
  const settings = validateSettingsForCli(config.settings?.['lambda-hygiene'], "the ESLint config's settings['lambda-hygiene']");
  return { settings, additionalResources: resourcesOf(config.rules ?? {}) };
}

interface EslintConfig {
  settings?: Record<string, unknown>;
  rules?: Record<string, unknown>;
}

/** The names ESLint looks for, from the linted file's folder up. */
const CONFIG_FILES = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].map((extension) => `eslint.config.${extension}`);

/** The ESLint config that applies to a file, or why there is none. */
async function eslintConfigFor(file: string): Promise<EslintConfig | string> {
  // Loading ESLint costs a second on a busy machine: without a config file above, there is nothing to ask it.
  if (!hasConfigFileAbove(path.dirname(file))) return 'no ESLint config file (eslint.config.*) found above the files';
  let ESLint: typeof import('eslint').ESLint;
  try {
    ({ ESLint } = await import('eslint'));
  } catch (error) {
    return `ESLint could not be loaded (${firstLine(error)})`;
  }
  try {
    const config = (await new ESLint({ cwd: process.cwd() }).calculateConfigForFile(file)) as EslintConfig | undefined;
    return config ?? `the ESLint config ignores ${path.relative(process.cwd(), file) || file}`;
  } catch (error) {
    return `no ESLint config could be read (${firstLine(error)})`;
  }
}

/** `additionalResources` of both per-invocation rules, under whatever prefix the plugin was registered with. */
function resourcesOf(rules: Record<string, unknown>): UserResource[] {
  const resources: UserResource[] = [];
  for (const [id, entry] of Object.entries(rules)) {
    const kind: ResourceKind | undefined = /(^|\/)no-per-invocation-client$/.test(id)
      ? 'client'
      : /(^|\/)no-per-invocation-pool$/.test(id)
        ? 'pool'
        : undefined;
    if (!kind || !Array.isArray(entry) || entry[0] === 0 || entry[0] === 'off') continue;
    const listed = (entry[1] as { additionalResources?: unknown } | undefined)?.additionalResources;
    if (!Array.isArray(listed)) continue;
    for (const resource of listed as Array<Partial<UserResource>>) {
      if (typeof resource.module === 'string' && typeof resource.export === 'string') {
        resources.push({ module: resource.module, export: resource.export, kind: resource.kind ?? kind });
      }
    }
  }
  return resources;
}

/** A file to ask ESLint's config about: the first path if it is a file, else the first source file inside it. */
function probeFile(paths: readonly string[]): string {
  const first = path.resolve(paths[0] ?? '.');
  let isDirectory: boolean;
  try {
    isDirectory = statSync(first).isDirectory();
  } catch {
    return first;
  }
  if (!isDirectory) return first;
  const [source] = globSync(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], {
    cwd: first,
    absolute: true,
    ignore: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/cdk.out/**', '**/.*/**', '**/*.d.ts'],
  });
  return source ?? path.join(first, 'index.js');
}

function hasConfigFileAbove(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (CONFIG_FILES.some((name) => existsSync(path.join(current, name)))) return true;
    if (path.dirname(current) === current) return false;
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
