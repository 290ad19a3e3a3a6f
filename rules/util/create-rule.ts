import { ESLintUtils } from '@typescript-eslint/utils';

/** Every rule's docs page lives at docs/rules/<rule-id>.md in the repository. */
const createNamedRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/lambda-hygiene/eslint-plugin-lambda-hygiene/blob/main/docs/rules/${name}.md`,
);

/**
 * `RuleCreator`'s rule, with the options merged into the defaults once per distinct options rather than
 * once per file: its wrapper clones the defaults with `structuredClone` on every file, which was 40% of
 * our time on files without a handler. ESLint hands each file a fresh copy of the configured options, so
 * they are told apart by value; the merged options are shared and never written to.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds>>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const named = createNamedRule(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  return {
    ...named,
    create(context) {
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      const options = merged.get(key) ?? ESLintUtils.applyDefault<Options, Options>(defaults, context.options);
      merged.set(key, options);
      return rule.create(context, options);
    },
  };
}
