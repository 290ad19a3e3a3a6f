import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, LISTENERS, whenConnectionFails } from '../core/index.js';
import plugin from '../index.js';
import { rules } from '../rules/index.js';
import { lintWithRecommended } from './lint.js';

const root = new URL('../', import.meta.url);
const read = (relative: string) => readFileSync(new URL(relative, root), 'utf8');
const ruleIds = Object.keys(rules).sort();

describe('plugin', () => {
  it('names itself after the package', () => {
    const packageJson = JSON.parse(read('package.json')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('enables every rule as an error in configs.recommended', () => {
    expect(plugin.configs.recommended.rules).toEqual(
      Object.fromEntries(ruleIds.map((id) => [`lambda-hygiene/${id}`, 'error'])),
    );
  });

  it('has one rule file and one test file per rule in rules/', () => {
    const files = readdirSync(new URL('rules/', root)).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
    expect(files.filter((file) => !file.endsWith('.test.ts')).map((file) => file.slice(0, -3)).sort()).toEqual(ruleIds);
    expect(files.filter((file) => file.endsWith('.test.ts')).map((file) => file.slice(0, -8)).sort()).toEqual(ruleIds);
  });

  it('has one docs page per rule in docs/rules/', () => {
    const pages = readdirSync(new URL('docs/rules/', root)).map((file) => file.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(ruleIds);
  });
});

describe('docs/resources.md', () => {
  const page = read('docs/resources.md');
  it.each([...new Set(CATALOGUE.map((entry) => entry.module))])('documents `%s`', (module) => {
    expect(page).toContain(`\`${module}\``);
  });

  it.each(CATALOGUE.filter((entry) => whenConnectionFails(entry)))('says what `$module` `$export` needs when a connection drops', (entry) => {
    expect(page).toContain(`| \`${entry.module}\` | \`${entry.export}\` | ${whenConnectionFails(entry)} |`);
  });

  it('lists what may move for every entry, as the catalogue says', () => {
    const names = (items: readonly string[] | undefined) => {
      if (!items?.length) return '—';
      const listeners = LISTENERS.every((name) => items.includes(name));
      const rest = items.filter((name) => !listeners || !LISTENERS.includes(name)).map((name) => `\`${name}\``);
      return [...(listeners ? ['listeners'] : []), ...rest].join(', ');
    };
    const rows = CATALOGUE.map(
      (entry) =>
        `| \`${entry.module}\` | \`${entry.export}\` | ${names(entry.setup)} | ${names(entry.requestState)} | ${names(entry.teardown)} | ${entry.singleConnection ? 'yes' : '—'} |`,
    );
    const table = page.slice(page.indexOf('| Module | Export | Set-up (moves when stable)'));
    expect(table.split('\n').slice(2, 2 + rows.length)).toEqual(rows);
  });
});

/** Fenced code blocks after a ❌ line until the next ✅ line are incorrect examples, and vice versa. */
function examples(markdown: string): Array<{ correct: boolean; code: string; lang: string }> {
  const found: Array<{ correct: boolean; code: string; lang: string }> = [];
  let correct: boolean | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('❌')) correct = false;
    else if (line.includes('✅')) correct = true;
    else if (/^#{1,3} /.test(line)) correct = undefined;
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (correct !== undefined && /^(ts|js|typescript|javascript)$/.test(fence[1]!)) {
      found.push({ correct, code: lines.slice(i + 1, end).join('\n'), lang: fence[1]! });
    }
    i = end;
  }
  return found;
}

describe.each(ruleIds)('docs/rules/%s.md examples', (ruleId) => {
  const cases = examples(read(`docs/rules/${ruleId}.md`));

  it('has incorrect and correct examples', () => {
    expect(cases.some((example) => !example.correct)).toBe(true);
    expect(cases.some((example) => example.correct)).toBe(true);
  });

  it.each(cases.map((example, index) => ({ ...example, index })))(
    'example $index (correct: $correct) is reported as its mark says',
    ({ correct, code, lang }) => {
      const filename = lang.startsWith('t') ? 'handler.ts' : 'handler.mjs';
      const messages = lintWithRecommended(code, filename);
      expect(messages.filter((message) => !message.ruleId)).toEqual([]);
      const ours = messages.filter((message) => message.ruleId === `lambda-hygiene/${ruleId}`);
      if (correct) expect(ours).toEqual([]);
      else expect(ours.length).toBeGreaterThan(0);
    },
  );
});
