// Lints this repository's own code. Untyped on purpose (no `projectService`): it stays fast, and
// `npm run typecheck` already runs the compiler over the same files.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    'fixtures/',
    '**/__fixtures__/',
    'coverage/',
    '.bench-out/',
    // Scratch copies of fixtures that the type-check tests write while they run.
    '.typecheck-tmp/',
    // The runtime oracle's generated reproducers (git-ignored): generated handler code, not ours.
    'bench/oracle/reproducers/',
  ]),
  {
    name: 'lambda-hygiene/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'lambda-hygiene/typescript',
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      // A leading underscore marks a parameter or binding that is unused on purpose (`_event`, `_context`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Rule files: meta, schema, message ids and placeholders checked by eslint-plugin-eslint-plugin.
    name: 'lambda-hygiene/rules',
    files: ['rules/*.ts'],
    ignores: ['rules/*.test.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      // Both rules report through rules/util/report-per-invocation.ts, which adds the `suggest`; this rule
      // only looks inside the rule file, so it calls `hasSuggestions: true` wrong. RuleTester checks it for
      // real: it throws when a rule suggests without `meta.hasSuggestions`.
      'eslint-plugin/require-meta-has-suggestions': 'off',
    },
  },
  {
    // RuleTester suites: no duplicate or focused cases.
    name: 'lambda-hygiene/rule-tests',
    files: ['rules/**/*.test.ts', 'tests/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
);
