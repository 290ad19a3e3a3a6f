import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { listProjectScenarios } from '../../tests/fixtures.js';
import { walk } from '../ast.js';
import { loadProject, reportHandlers } from './index.js';
import type { Project } from './index.js';
import { parseModule } from '../parse.js';

const scenarios = listProjectScenarios();

/** The first-party modules a file imports (ESM, re-exports, `require`), resolved by the project. */
function importsOf(project: Project, file: string): string[] {
  const program = parseModule(readFileSync(file, 'utf8'), file);
  const specifiers: string[] = [];
  walk(program, (node) => {
    if (
      (node.type === AST_NODE_TYPES.ImportDeclaration ||
        node.type === AST_NODE_TYPES.ExportAllDeclaration ||
        node.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      node.source
    ) {
      specifiers.push(node.source.value);
    }
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === 'require' &&
      node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      typeof node.arguments[0].value === 'string'
    ) {
      specifiers.push(node.arguments[0].value);
    }
  });
  return specifiers.flatMap((specifier) => project.resolve(specifier, file) ?? []);
}

describe('project fixtures', () => {
  it('has one scenario per IaC format and the multi-file shapes issue 8 lists', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(16);
    const formats = new Set(
      scenarios.flatMap((scenario) => {
        const report = JSON.parse(readFileSync(scenario.expectedHandlers, 'utf8')) as ReturnType<typeof reportHandlers>;
        return report.handlers.flatMap((handler) => (handler.signal.iac ? [handler.signal.iac.format] : []));
      }),
    );
    expect([...formats].sort()).toEqual(['architect', 'cdk', 'cloudformation', 'dockerfile', 'sam', 'serverless', 'sst', 'terraform']);
  });

  describe.each(scenarios)('$name', (scenario) => {
    const project = loadProject(scenario.root);

    it('finds the handlers and unresolved entries of expected-handlers.json', () => {
      const expected: unknown = JSON.parse(readFileSync(scenario.expectedHandlers, 'utf8'));
      expect(reportHandlers(project)).toEqual(expected);
    });

    it('reaches every marked creation site from a handler through first-party imports', () => {
      const marked = globSync(['**/*.{ts,mts,cts,js,mjs,cjs}'], { cwd: scenario.root, absolute: true }).filter((file) =>
        /\/\/ expect: /.test(readFileSync(file, 'utf8')),
      );
      const reached = new Set<string>();
      const queue = project.handlers.map((handler) => handler.file);
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (reached.has(file)) continue;
        reached.add(file);
        queue.push(...importsOf(project, file));
      }
      for (const file of marked) expect(reached, path.relative(scenario.root, file)).toContain(path.resolve(file));
    });
  });
});
