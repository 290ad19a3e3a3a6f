import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintOverrides } from './lint.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** Multi-file scenarios for project mode: `fixtures/projects/<scenario>/poor/` is a whole small project. */
export const PROJECTS_DIR = path.join(FIXTURES_DIR, 'projects');

export interface Scenario {
  name: string;
  dir: string;
  poor: string;
  better: string;
  overrides: LintOverrides;
}

/** An expected report, from a `// expect: rule/messageId` marker at the end of a line. */
export interface ExpectedReport {
  line: number;
  ruleId: string;
  messageId: string;
}

/** Every `fixtures/<scenario>/` with a `poor.*` and a `better.*`: adding a folder adds its tests. */
export function listScenarios(): Scenario[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== path.basename(PROJECTS_DIR))
    .map((entry) => {
      const dir = path.join(FIXTURES_DIR, entry.name);
      const files = readdirSync(dir);
      const find = (variant: string) => {
        const file = files.find((name) => name.startsWith(`${variant}.`));
        if (!file) throw new Error(`fixtures/${entry.name} has no ${variant}.* file`);
        return path.join(dir, file);
      };
      const settingsFile = path.join(dir, 'settings.json');
      const overrides = existsSync(settingsFile)
        ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as LintOverrides)
        : {};
      return { name: entry.name, dir, poor: find('poor'), better: find('better'), overrides };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const MARKER = /\/\/ expect: (.+)$/;

/** The text without its `// expect: ...` markers: what the code is, as a user would have it. */
export function stripMarkers(text: string): string {
  return text.replace(/ *\/\/ expect: .*$/gm, '');
}

export function expectedReports(text: string): ExpectedReport[] {
  return text.split('\n').flatMap((line, index) => {
    const marker = MARKER.exec(line);
    if (!marker) return [];
    return marker[1]!.split(',').map((item) => {
      const [rule, messageId] = item.trim().split('/');
      return { line: index + 1, ruleId: `lambda-hygiene/${rule}`, messageId: messageId ?? '' };
    });
  });
}

/** A project-mode scenario: its `poor/` project and the `handlers --json` output it must give. */
export interface ProjectScenario {
  name: string;
  /** `fixtures/projects/<scenario>/poor/`: the project root. */
  root: string;
  expectedHandlers: string;
}

/** Every `fixtures/projects/<scenario>/` with a `poor/` project and an `expected-handlers.json`. */
export function listProjectScenarios(): ProjectScenario[] {
  return readdirSync(PROJECTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      root: path.join(PROJECTS_DIR, entry.name, 'poor'),
      expectedHandlers: path.join(PROJECTS_DIR, entry.name, 'expected-handlers.json'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
