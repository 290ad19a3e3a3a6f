import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// @typescript-eslint/rule-tester drives whichever test framework it is given: hand it vitest's.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * The rule tester every rule test uses: @typescript-eslint/parser (the RuleTester's default), ES
 * modules, latest syntax. Cases default to `file.ts`; a case with JSX sets `filename: 'file.tsx'`, and a
 * CommonJS case may set `languageOptions: { parserOptions: { sourceType: 'script' } }`.
 */
export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
    },
  },
});
