// The parent side of the oracle's runtime: a scratch folder outside the repository (so that nothing but
// the fakes can resolve), the child process (child.ts, bundled once), and the jobs it runs. Each job gets
// its own folder with its module and stub packages for the fakes it imports, so that every job imports
// fresh module instances. A job that does not finish in time (an endless loop) kills the child, which is
// started again for the next job.
import { buildSync, transformSync } from 'esbuild';
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAKE_PACKAGES, splitSpecifier } from './fakes/packages.js';
import type { ChildToParent, InvocationSpec, JobResult, JobSpec, ParentToChild } from './protocol.js';

export interface ModuleToRun {
  /** The module's text as written (TypeScript or JavaScript). */
  source: string;
  /** Its file name, whose extension says the language (`handler.ts`, `handler.cjs`, ...). */
  filename: string;
  /** How the module is loaded: ES module or CommonJS. */
  format: 'esm' | 'cjs';
  exportName: string;
  invocations: InvocationSpec[];
}

const TYPESCRIPT = /\.[cm]?tsx?$/;
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

/** The fake packages a module imports or requires. */
export function fakeSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(SPECIFIER)) if (FAKE_PACKAGES[match[1]!]) found.add(match[1]!);
  return [...found];
}

/**
 * TypeScript to JavaScript, types stripped, with a source map so that stack frames name TypeScript lines.
 * Code that does not compile becomes a module that throws the compiler's message when imported, as the
 * deployed function would fail to start.
 */
function compileTypeScript(module: ModuleToRun, sourceFile: string): string {
  try {
    return transformSync(module.source, {
      loader: 'ts',
      format: module.format,
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: sourceFile,
      // Class fields as TypeScript projects usually compile them: a declared field does not reset what a
      // superclass constructor assigned.
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    }).code;
  } catch (error) {
    const message = (error as { errors?: Array<{ text: string; location?: { line: number } }> }).errors?.[0];
    const text = message ? `${message.text}${message.location ? ` (line ${message.location.line})` : ''}` : String(error);
    return `throw new SyntaxError(${JSON.stringify(text)});\n`;
  }
}

export class OracleRunner {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private pending: { id: number; resolve(result: JobResult): void } | undefined;
  private nextId = 1;

  private constructor(
    readonly root: string,
    private readonly childScript: string,
    private readonly jobTimeoutMs: number,
  ) {}

  static create({ jobTimeoutMs = 20_000 } = {}): OracleRunner {
    const root = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-oracle-'));
    const childScript = path.join(root, 'child.mjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    return new OracleRunner(root, childScript, jobTimeoutMs);
  }

  /** Runs one module: import, then its invocations; resolves with what the fakes observed. */
  async run(module: ModuleToRun): Promise<JobResult> {
    const id = this.nextId++;
    const job = this.prepare(id, module);
    await this.start();
    return new Promise<JobResult>((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.stopChild();
        resolve({ id, phases: [], timedOut: true });
      }, this.jobTimeoutMs);
      this.pending = {
        id,
        resolve: (result) => {
          clearTimeout(timer);
          // The job's files are not needed once it ran: removing them as we go keeps the scratch folder small.
          rmSync(job.dir, { recursive: true, force: true });
          resolve(result);
        },
      };
      this.child!.send({ type: 'job', job } satisfies ParentToChild);
    });
  }

  close(): void {
    this.stopChild();
    rmSync(this.root, { recursive: true, force: true });
  }

  private prepare(id: number, module: ModuleToRun): JobSpec {
    const dir = path.join(this.root, `job-${id}`);
    mkdirSync(dir, { recursive: true });
    const sourceFile = path.join(dir, module.filename);
    const file = path.join(dir, `handler.${module.format === 'esm' ? 'mjs' : 'cjs'}`);
    writeFileSync(file, TYPESCRIPT.test(module.filename) ? compileTypeScript(module, sourceFile) : module.source);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: module.format === 'esm' ? 'module' : 'commonjs' }));
    this.writeStubs(dir, fakeSpecifiers(module.source));
    return { id, dir, file, format: module.format, exportName: module.exportName, invocations: module.invocations, timeoutMs: 3_000 };
  }

  /** One stub package per fake specifier: CommonJS asks the child for the fake, ESM re-exports it. */
  private writeStubs(dir: string, specifiers: string[]): void {
    const byPackage = new Map<string, string[]>();
    for (const specifier of specifiers) {
      const { packageName } = splitSpecifier(specifier);
      byPackage.set(packageName, [...(byPackage.get(packageName) ?? []), specifier]);
    }
    for (const [packageName, members] of byPackage) {
      const packageDir = path.join(dir, 'node_modules', packageName);
      mkdirSync(packageDir, { recursive: true });
      const exportsMap: Record<string, { import: string; require: string }> = {};
      for (const specifier of members) {
        const { subpath } = splitSpecifier(specifier);
        const base = subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '__');
        exportsMap[subpath] = { import: `./${base}.mjs`, require: `./${base}.cjs` };
        writeFileSync(path.join(packageDir, `${base}.cjs`), `module.exports = globalThis.__oracleFakes.load(${JSON.stringify(specifier)});\n`);
        const named = FAKE_PACKAGES[specifier]!.named;
        writeFileSync(
          path.join(packageDir, `${base}.mjs`),
          `import fake from './${base}.cjs';\nexport default fake;\n${named.length ? `export const { ${named.join(', ')} } = fake;\n` : ''}`,
        );
      }
      writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: packageName, exports: exportsMap }));
    }
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = fork(this.childScript, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      child.on('message', (message: ChildToParent) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'result' && this.pending?.id === message.result.id) {
          const pending = this.pending;
          this.pending = undefined;
          pending.resolve(message.result);
        }
      });
      child.on('exit', (code) => {
        if (this.child !== child) return;
        this.child = undefined;
        this.ready = undefined;
        reject(new Error(`the oracle's child exited (${code}) before it was ready`));
        // A crash in the middle of a job: report it as a job that did not finish.
        const pending = this.pending;
        this.pending = undefined;
        pending?.resolve({ id: pending.id, phases: [], timedOut: true });
      });
    });
    return this.ready;
  }

  private stopChild(): void {
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (child?.pid) child.kill('SIGKILL');
  }
}
