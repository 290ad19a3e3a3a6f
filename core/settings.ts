import type { LambdaHygieneSettings } from './types.js';

/**
 * One setting: what it accepts, said the way the error message says it, and the check. A small schema
 * of our own rather than a JSON-schema validator: three keys, and the messages name the key and show
 * what to write instead.
 */
interface SettingSchema {
  expected: string;
  check: (value: unknown) => boolean;
}

const isStringList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);

const PROJECT_KEYS: Record<string, SettingSchema> = {
  root: { expected: 'a directory path (string)', check: (value) => typeof value === 'string' && value.length > 0 },
  iac: { expected: 'a list of infrastructure-as-code files (array of strings)', check: isStringList },
};

export const SETTINGS_SCHEMA: Readonly<Record<keyof LambdaHygieneSettings, SettingSchema>> = {
  handlerNames: { expected: 'an array of exported names (strings)', check: isStringList },
  wrappers: { expected: 'an array of function names (strings)', check: isStringList },
  project: {
    expected: '`true`, `false` or an object `{ root?, iac? }`',
    check: (value) => typeof value === 'boolean' || (isPlainObject(value) && Object.keys(value).every((key) => key in PROJECT_KEYS)),
  },
};

const WHERE = "settings['lambda-hygiene']";

/**
 * Validates `settings['lambda-hygiene']` and returns it typed. Throws an `Error` whose message names the
 * bad key, what it got and what it expects: `handlerNames: 'main'` must not become the set of its letters.
 * `undefined` (no settings) is valid and gives `{}`. `where` names the settings in the message (the CLI's
 * `--settings`).
 */
export function parseSettings(raw: unknown, where = WHERE): LambdaHygieneSettings {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) throw new Error(`${where} must be an object, got ${show(raw)}.`);
  for (const [key, value] of Object.entries(raw)) {
    const schema = (SETTINGS_SCHEMA as Record<string, SettingSchema | undefined>)[key];
    if (!schema) {
      const known = Object.keys(SETTINGS_SCHEMA).join(', ');
      throw new Error(`${where} has an unknown key \`${key}\` (known keys: ${known}).`);
    }
    if (value === undefined) continue;
    if (!schema.check(value)) throw new Error(`${where}.${key} must be ${schema.expected}, got ${show(value)}${hint(value)}.`);
    if (key === 'project' && isPlainObject(value)) checkProject(value, where);
  }
  return raw as LambdaHygieneSettings;
}

function checkProject(project: Record<string, unknown>, where: string): void {
  for (const [key, value] of Object.entries(project)) {
    const schema = PROJECT_KEYS[key]!;
    if (value !== undefined && !schema.check(value)) {
      throw new Error(`${where}.project.${key} must be ${schema.expected}, got ${show(value)}.`);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `the array ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with keys ${JSON.stringify(Object.keys(value))}`;
  return `${typeof value} ${String(value)}`;
}

/** The likely intent behind a common mistake. */
function hint(value: unknown): string {
  return typeof value === 'string' ? ` (write [${JSON.stringify(value)}] for one name)` : '';
}
