import { ESLintUtils } from '@typescript-eslint/utils';

/** Every rule's docs page lives at docs/rules/<rule-id>.md in the repository. */
export const createRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/lambda-hygiene/eslint-plugin-lambda-hygiene/blob/main/docs/rules/${name}.md`,
);
