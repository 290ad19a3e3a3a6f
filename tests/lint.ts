import { Linter } from 'eslint';
import { configFor, lambdaHygiene, sourceTypeOf } from '../bench/lint-setup.js';

export interface LintOverrides {
  settings?: Record<string, unknown>;
  rules?: Linter.RulesRecord;
}

const linter = new Linter({ configType: 'flat' });

/**
 * Lints one file's text with `configs.recommended` (plus a scenario's overrides), as a user's config
 * would, inline `eslint-disable` comments included.
 */
export function lintWithRecommended(text: string, filename: string, overrides: LintOverrides = {}): Linter.LintMessage[] {
  const [language] = configFor(filename, sourceTypeOf(filename, text), {}, {}, { inlineConfig: true });
  const config: Linter.Config[] = [
    language!,
    lambdaHygiene.configs.recommended,
    { files: ['**/*'], settings: overrides.settings ?? {}, rules: overrides.rules ?? {} },
  ];
  return linter.verify(text, config, { filename });
}
