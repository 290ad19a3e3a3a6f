import type { ESLint, Linter } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { rules } from './rules/index.js';

// Read at run time so that the version is the installed one; the source tree and dist/ sit at different
// depths below package.json.
const packageJson = ['./package.json', '../package.json']
  .map((relative) => new URL(relative, import.meta.url))
  .find((url) => existsSync(url));
const { name, version } = JSON.parse(readFileSync(packageJson!, 'utf8')) as { name: string; version: string };

const recommendedRules: Linter.RulesRecord = {
  'lambda-hygiene/no-per-invocation-client': 'error',
  'lambda-hygiene/no-per-invocation-pool': 'error',
  'lambda-hygiene/no-per-invocation-secret-fetch': 'error',
  'lambda-hygiene/no-reused-resource-teardown': 'error',
  'lambda-hygiene/no-frozen-auth-token': 'error',
};

// Rules made with typescript-eslint do not type-check as an ESLint 10 `Plugin` yet; this is the
// narrow cast the typescript-eslint issues recommend.
const plugin = {
  meta: { name, version },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {} as { recommended: Linter.Config; project: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: 'lambda-hygiene/recommended',
  plugins: { 'lambda-hygiene': plugin },
  rules: recommendedRules,
};

// The recommended rules in project mode: handlers from the IaC and the code of the project rooted at
// ESLint's cwd, followed across files (docs/project-mode.md).
plugin.configs.project = {
  name: 'lambda-hygiene/project',
  plugins: { 'lambda-hygiene': plugin },
  rules: recommendedRules,
  settings: { 'lambda-hygiene': { project: true } },
};

// The default export only: eslint-doc-generator (and CommonJS `require`) read the plugin from it.
export default plugin;
