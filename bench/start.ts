// The main job (`npm start`), on the bundled fixtures, with nothing but Node and the installed
// dependencies:
//   1. the rules' findings on every fixtures/*/poor.* file (bench/findings.ts);
//   2. the hoist codemod's diff, dry run: the package is built, and its CLI (what
//      `npx eslint-plugin-lambda-hygiene hoist --diff` runs) is pointed at a scratch copy of those files;
//   3. a short benchmark (bench/bench.ts, 100 invocations) against the servers it starts, and its table.
// Exits non-zero when a step fails; findings and diffs are the expected output, not failures.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScenarios, stripMarkers } from '../tests/fixtures.js';
import { distIsStale } from '../tests/support/build.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = performance.now();

function heading(step: number, title: string): void {
  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n${'='.repeat(100)}\n${step}/3  ${title}   (at ${elapsed} s)\n${'='.repeat(100)}\n\n`);
}

function run(command: string, args: string[], cwd = repoRoot): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** tsx's loader in a child `node`: the scripts are TypeScript. */
const tsx = (script: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args]);

const failures: string[] = [];

heading(1, 'Findings: lambda-hygiene rules (configs.recommended) on fixtures/*/poor.*');
if ((await tsx('bench/findings.ts')) !== 0) failures.push('findings');

heading(2, 'The hoist codemod on the same files, dry run: eslint-plugin-lambda-hygiene hoist --diff');
// dist/ is built only when older than its sources (the same check the tests' global setup makes).
let built = true;
if (distIsStale()) {
  process.stdout.write('Building the package (npm run build) for its CLI…\n');
  built = (await run(npm, ['run', '--silent', 'build'])) === 0;
}
if (!built) {
  failures.push('build');
} else {
  // A copy without the fixtures' `// expect:` markers: the code as a user has it. --diff never writes.
  mkdirSync(path.join(repoRoot, '.bench-out'), { recursive: true });
  const scratch = mkdtempSync(path.join(repoRoot, '.bench-out', 'start-'));
  try {
    for (const scenario of listScenarios()) {
      const target = path.join(scratch, path.relative(repoRoot, scenario.poor));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, stripMarkers(readFileSync(scenario.poor, 'utf8')));
    }
    process.stdout.write(`$ npx eslint-plugin-lambda-hygiene hoist --diff fixtures   (in a scratch copy of fixtures/*/poor.*)\n\n`);
    const code = await run(process.execPath, [path.join(repoRoot, 'bin', 'eslint-plugin-lambda-hygiene.js'), 'hoist', '--diff', 'fixtures'], scratch);
    if (code !== 0) failures.push('codemod');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

heading(3, 'A short benchmark on local servers: poor vs better vs codemod(poor), 100 invocations each');
if ((await tsx('bench/bench.ts', '--invocations', '100', '--cold-runs', '2', '--chart', path.join(repoRoot, '.bench-out', 'start-warm-latency.svg'))) !== 0) {
  failures.push('benchmark');
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `\nThe full benchmark (1,000 invocations) is \`npm run bench\`; its results and chart are in docs/performance.md.\n` +
    (failures.length ? `Failed: ${failures.join(', ')} (after ${seconds} s)\n` : `Done in ${seconds} s.\n`),
);
process.exitCode = failures.length ? 1 : 0;
