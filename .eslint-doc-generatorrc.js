// Configuration of eslint-doc-generator (`npm run docs` writes, `npm run docs:check` verifies in CI).
// It writes the README rules table and each docs/rules/<rule>.md header from the rules' `meta`.

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // `# Disallow ... (`lambda-hygiene/no-per-invocation-client`)`, as in typescript-eslint and eslint-plugin-n.
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'options', 'fixable', 'hasSuggestions', 'deprecated'],
  ruleDocNotices: ['deprecated', 'configs', 'options', 'fixableAndHasSuggestions'],
  urlConfigs: 'https://github.com/lambda-hygiene/eslint-plugin-lambda-hygiene#usage',
  // `project` is `recommended` in project mode (docs/configs/project.md).
  configEmoji: [['project', '🌐']],
};

export default config;
