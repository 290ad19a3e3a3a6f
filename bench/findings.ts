// The main job (`npm start`): lint every fixtures/*/poor.* file with `configs.recommended` and print what
// the rules find, grouped by file. Findings are the expected output: it exits 0, or 1 only when a fixture
// does not parse or a rule throws.
import type { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScenarios } from '../tests/fixtures.js';
import { lintWithRecommended } from '../tests/lint.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const scenarios = listScenarios();
const withoutFindings: string[] = [];
let findings = 0;
let filesWithFindings = 0;
let failures = 0;

for (const scenario of scenarios) {
  const file = path.relative(repoRoot, scenario.poor);
  let messages: Linter.LintMessage[];
  try {
    messages = lintWithRecommended(readFileSync(scenario.poor, 'utf8'), file, scenario.overrides);
  } catch (error) {
    failures++;
    console.log(`${file}\n  crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    continue;
  }
  const fatal = messages.filter((message) => message.fatal || !message.ruleId);
  const ours = messages.filter((message) => message.ruleId?.startsWith('lambda-hygiene/'));
  for (const message of fatal) {
    failures++;
    console.log(`${file}:${message.line}:${message.column}  ${message.message}`);
  }
  if (!ours.length) {
    withoutFindings.push(scenario.name);
    continue;
  }
  filesWithFindings++;
  findings += ours.length;
  for (const message of ours) {
    console.log(`${file}:${message.line}:${message.column}  ${message.ruleId}  ${message.message}`);
  }
  console.log('');
}

if (withoutFindings.length) {
  console.log(`No findings (negative scenarios): ${withoutFindings.join(', ')}\n`);
}
console.log(`${findings} findings in ${filesWithFindings} files (${scenarios.length} scenarios)`);
if (failures) {
  console.log(`${failures} fixture(s) did not parse or crashed a rule`);
  process.exitCode = 1;
}
