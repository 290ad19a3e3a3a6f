import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AnalyzeModuleOptions, LambdaHygieneSettings, ModuleAnalysis } from '../../core/index.js';
import { analyzeModuleInProject, analyzeProject } from '../../core/project/index.js';

/**
 * Project mode (`settings['lambda-hygiene'].project`): the file's analysis with the sites that handlers
 * elsewhere in the project make per invocation. The project root is `project.root` (relative to ESLint's
 * cwd) or ESLint's cwd; the project analysis is built once per root and process, and rebuilt when a file
 * it read changes.
 */
export function analyzeInProject(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  program: TSESTree.Program,
  options: AnalyzeModuleOptions,
  settings: LambdaHygieneSettings,
): ModuleAnalysis {
  const project = typeof settings.project === 'object' ? settings.project : {};
  const root = path.resolve(context.cwd, project.root ?? '.');
  // Without additional resources both rules share one project analysis.
  const additions = options.additionalResources?.length ? { additionalResources: options.additionalResources, defaultKind: options.defaultKind } : {};
  const analysis = analyzeProject(root, { settings, iac: project.iac, ...additions });
  return analyzeModuleInProject(program, { ...options, file: path.resolve(context.cwd, context.filename), project: analysis });
}
