// What the bench scripts share: which parser a file gets, and a flat config that applies to it.
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import globals from 'globals';
import { extname } from 'node:path';
import lambdaHygiene from '../index.js';
import { generateCorpus, type CorpusOptions } from './corpus/index.js';

export { lambdaHygiene };

export type SourceType = 'module' | 'commonjs' | 'script';

const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);

export function isTypeScript(file: string): boolean {
  return TS_EXTENSIONS.has(extname(file));
}

/**
 * The source types to try, in order: a `.js` file may be either an ES module or CommonJS, so it gets
 * `module` first and `commonjs` when that does not parse.
 */
export function sourceTypesFor(file: string): SourceType[] {
  switch (extname(file)) {
    case '.mjs':
      return ['module'];
    case '.cjs':
      return ['commonjs'];
    case '.js':
    case '.jsx':
      return ['module', 'commonjs'];
    default:
      return ['module'];
  }
}

/**
 * The source type for a file whose content we have: a `.js`/`.jsx` file with `import`/`export` statements
 * is an ES module, otherwise CommonJS.
 */
export function sourceTypeOf(file: string, text: string): SourceType {
  const [first, fallback] = sourceTypesFor(file);
  if (!fallback) return first!;
  return /^\s*(import|export)\b/m.test(text) ? first! : fallback;
}

/**
 * Flat config matches on the file name, and ignores anything under node_modules/ by default; the benches
 * lint node_modules on purpose, so they verify under a neutral name that keeps the extension.
 */
export function virtualFilename(file: string): string {
  return `lint-input/${file.replaceAll('node_modules', 'nm').replaceAll('..', '__')}`;
}

/**
 * One flat config object for this file's language, with the given plugins and rules. Inline
 * `eslint-disable` / `eslint-env` comments are ignored unless asked for: third-party code is full of them,
 * and they would switch our rules off or stop the file (ESLint 10 rejects `eslint-env`).
 */
export function configFor(
  file: string,
  sourceType: SourceType,
  rules: Linter.RulesRecord,
  extra: Pick<Linter.Config, 'plugins' | 'settings'> = {},
  { inlineConfig = false } = {},
): Linter.Config[] {
  const typescript = isTypeScript(file);
  return [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        globals: { ...globals.node, ...globals.es2021 },
        ...(typescript ? { parser: tsParser } : {}),
        parserOptions: { ecmaFeatures: { jsx: ['.tsx', '.jsx'].includes(extname(file)) } },
      },
      linterOptions: { noInlineConfig: !inlineConfig, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      ...extra,
      rules,
    },
  ];
}

/** Both rules of the plugin, as errors. */
export const OUR_RULES: Linter.RulesRecord = {
  'lambda-hygiene/no-per-invocation-client': 'error',
  'lambda-hygiene/no-per-invocation-pool': 'error',
};

export const OUR_PLUGINS: Linter.Config['plugins'] = { 'lambda-hygiene': lambdaHygiene };

/** A file to lint: its name (the extension picks the parser), its text, and the source type it parses as. */
export interface LintInput {
  file: string;
  text: string;
  sourceType: SourceType;
}

/** The generated corpus (bench/corpus/) as lint inputs: handler modules, and modules without a handler. */
export function corpusInputs(options: CorpusOptions = {}): { lambda: LintInput[]; noHandler: LintInput[] } {
  const corpus = generateCorpus(options);
  const input = ({ path, text, sourceType }: { path: string; text: string; sourceType: SourceType }): LintInput => ({ file: `corpus/${path}`, text, sourceType });
  return { lambda: corpus.handlers.map(input), noHandler: corpus.others.map(input) };
}
