import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import plugin from '../index.js';

/** Parser options an ESLint user would set for each kind of file: TypeScript, ESM or CommonJS. */
export function languageOptionsFor(filename: string): Linter.LanguageOptions {
  if (/\.[cm]?tsx?$/.test(filename)) {
    return {
      parser: tsParser as Linter.Parser,
      sourceType: filename.endsWith('.cts') ? 'commonjs' : 'module',
      parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } },
    };
  }
  const sourceType = filename.endsWith('.mjs') ? 'module' : filename.endsWith('.cjs') ? 'commonjs' : undefined;
  return {
    ecmaVersion: 'latest',
    sourceType: sourceType ?? 'commonjs',
    parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } },
  };
}

export interface LintOverrides {
  settings?: Record<string, unknown>;
  rules?: Linter.RulesRecord;
}

const linter = new Linter({ configType: 'flat' });
// ESLint matches a file only through a `files` pattern that is not the catch-all `**/*`.
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

/** Lints one file's text with `configs.recommended` (plus overrides), as a user's config would. */
export function lintWithRecommended(text: string, filename: string, overrides: LintOverrides = {}): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    { files: FILES, languageOptions: languageOptionsFor(filename) },
    { ...plugin.configs.recommended, files: FILES },
    {
      files: FILES,
      plugins: { 'lambda-hygiene': plugin as ESLint.Plugin },
      settings: overrides.settings ?? {},
      rules: overrides.rules ?? {},
    },
  ];
  return linter.verify(text, config, { filename });
}
