import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScenarios, stripMarkers } from '../../tests/fixtures.js';
import { hoistSource } from './hoist-source.js';

/**
 * Every TypeScript file the codemod produces (from the fixture scenarios' poor files and the
 * `__fixtures__` pairs' inputs, as committed in `*.output.*`), and every fixture `better` file, must
 * type-check against the real SDK and driver types (devDependencies) under strict settings: a getter
 * annotated with a wrong type, or a `Promise<T>` cache where the code expects `T`, fails here.
 *
 * All files go into ONE program (type-checking the SDKs' declarations once is what costs time), in a
 * temporary folder inside the repository so that `node_modules` resolves as it does for the fixtures.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAIRS_DIR = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const TMP_PARENT = path.join(ROOT, '.typecheck-tmp');
const TYPESCRIPT = /\.[cm]?tsx?$/;

interface Checked {
  /** What the test names and diagnostics show: a repository path, or `hoist(<path>)` for codemod output. */
  display: string;
  /** Where it is written, relative to the temporary folder. */
  target: string;
  text: string;
}

function collect(): Checked[] {
  const files: Checked[] = [];
  for (const scenario of listScenarios().filter((s) => TYPESCRIPT.test(s.poor))) {
    const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
    const poor = stripMarkers(readFileSync(scenario.poor, 'utf8'));
    files.push({
      display: `hoist(${relative(scenario.poor)})`,
      target: `hoisted/${scenario.name}/${path.basename(scenario.poor)}`,
      text: hoistSource(poor, scenario.poor).output,
    });
    files.push({
      display: relative(scenario.better),
      target: `better/${scenario.name}/${path.basename(scenario.better)}`,
      text: readFileSync(scenario.better, 'utf8'),
    });
  }
  for (const output of readdirSync(PAIRS_DIR).filter((file) => /\.output\.[cm]?tsx?$/.test(file)).sort()) {
    files.push({
      display: `codemods/hoist/__fixtures__/${output}`,
      // One folder per file: each is its own module, whatever its name.
      target: `pairs/${output.replace(/\.output\..*$/, '')}/${output}`,
      text: readFileSync(path.join(PAIRS_DIR, output), 'utf8'),
    });
  }
  return files;
}

const files = collect();

function compilerOptions(): ts.CompilerOptions {
  return {
    strict: true,
    // As the repository's own tsconfig: an index read may be undefined, overrides say so.
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: ['node', 'aws-lambda'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    skipLibCheck: true,
    // Powertools' class-method decorators (`@tracer.captureLambdaHandler()`) and TypeORM's entity
    // decorators are legacy TypeScript decorators: both libraries document this flag as required.
    experimentalDecorators: true,
    // Only a TSX file needs JSX; React's own types (devDependencies) describe it.
    ...(files.some((file) => file.target.endsWith('.tsx')) ? { jsx: ts.JsxEmit.ReactJSX } : {}),
  };
}

function format(diagnostic: ts.Diagnostic, display: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return `${display} TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${display}:${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
}

describe('hoist: every TypeScript output type-checks against the real SDK and driver types', () => {
  let tmp = '';
  /** Formatted diagnostics per `display`; `''` holds those of no checked file (options, libraries). */
  const diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    mkdirSync(TMP_PARENT, { recursive: true });
    tmp = mkdtempSync(path.join(TMP_PARENT, 'run-'));
    const byPath = new Map<string, string>();
    for (const file of files) {
      const target = path.join(tmp, file.target);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
      byPath.set(path.normalize(target), file.display);
    }

    const program = ts.createProgram({ rootNames: [...byPath.keys()], options: compilerOptions() });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const display = diagnostic.file ? byPath.get(path.normalize(diagnostic.file.fileName)) : undefined;
      const key = display ?? '';
      diagnostics.set(key, [
        ...(diagnostics.get(key) ?? []),
        format(diagnostic, display ?? (diagnostic.file ? path.relative(ROOT, diagnostic.file.fileName) : '(program)')),
      ]);
    }
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    try {
      rmdirSync(TMP_PARENT); // only when no other run is using it
    } catch {
      // not empty: another run's folder is still there
    }
  });

  it('finds TypeScript files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [file.display]))('%s type-checks', (display) => {
    expect((diagnostics.get(display) ?? []).join('\n')).toBe('');
  });

  it('reports nothing outside the checked files (compiler options, library declarations)', () => {
    expect((diagnostics.get('') ?? []).join('\n')).toBe('');
  });
});
