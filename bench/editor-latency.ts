// Editor latency: the time from a change in the editor to its diagnostics, through the real ESLint
// language server (vscode-eslint's, as VS Code's ESLint extension runs it; tests/support/eslint-server.ts),
// on a generated TypeScript handler module of about 2,000 lines (bench/corpus). Each case is a workspace
// with its own flat config and its own server: `js.configs.recommended` alone, and with our
// `configs.recommended` added. The document is opened in every server; then, edit after edit (typing a
// character into a string literal, then deleting it, as `textDocument/didChange` sends it), each server in
// turn, in a rotating order, gets the change and is asked for the document's diagnostics
// (`textDocument/diagnostic`, the pull model VS Code uses), timed from the change to the answer. The
// servers wait idle while another works, so a slow spell of the machine falls on all cases alike.
//
//   npx tsx bench/editor-latency.ts [--lines 2000] [--edits 100] [--warmup 10] [--keep]
//
// The workspaces live under .bench-out/editor-latency/, inside this repository, so that their configs
// resolve ESLint, @eslint/js and the typescript-eslint parser from its node_modules, and the plugin by its
// own name (a package may import itself through its `exports`): the built dist/, as a user installs it.
// dist/ is built first when it is older than its sources. A measurement: exits 0 unless a server fails.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { distIsStale } from '../tests/support/build.js';
import { startEslintServer, type EslintServer } from '../tests/support/eslint-server.js';
import type { Position } from '../tests/support/lsp-client.js';
import { positionAt } from '../tests/support/lsp-client.js';
import { npmFreeEnv } from '../tests/support/package.js';
import { generateLongHandler } from './corpus/index.js';
import { argument, flag, median } from './measure.js';
import { repoRoot } from './source-files.js';

const lines = argument('lines', 2000);
const edits = argument('edits', 100);
const warmup = argument('warmup', 10);
const TARGET_MS = 20;

/**
 * One way to lint the document: the files of its workspace (a flat config at least) and where the
 * document sits in it. Project mode will add a case here: a workspace with IaC templates and more modules,
 * and settings that turn it on, measured on the same document and edits.
 */
interface LatencyCase {
  name: string;
  files: Record<string, string>;
  document: string;
}

const flatConfig = (withOurs: boolean) =>
  [
    "import js from '@eslint/js';",
    "import tsParser from '@typescript-eslint/parser';",
    ...(withOurs ? ["import lambdaHygiene from 'eslint-plugin-lambda-hygiene';"] : []),
    '',
    'export default [',
    "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
    '  js.configs.recommended,',
    ...(withOurs ? ['  lambdaHygiene.configs.recommended,'] : []),
    '];',
    '',
  ].join('\n');

const DOCUMENT = 'src/handler.ts';
const BASELINE = 'js.configs.recommended';
const CASES: LatencyCase[] = [
  { name: BASELINE, files: { 'eslint.config.mjs': flatConfig(false) }, document: DOCUMENT },
  { name: 'js.configs.recommended + lambda-hygiene', files: { 'eslint.config.mjs': flatConfig(true) }, document: DOCUMENT },
];

interface Diagnostic {
  code?: string;
}

interface RunningCase {
  spec: LatencyCase;
  session: EslintServer;
  uri: string;
  version: number;
  text: string;
  latencies: number[];
  /** The server's own ESLint time for each measured edit (its `eslint/status` notification). */
  validationTimes: number[];
  diagnostics: Diagnostic[];
}

const file = generateLongHandler(lines);
// The edit point: inside the first string literal of the handler module's code (after its imports).
const firstString = /'[A-Za-z][A-Za-z -]{3,}'/g;
firstString.lastIndex = file.text.indexOf('\n\n');
const literal = firstString.exec(file.text);
if (!literal) throw new Error('the generated module has no string literal to edit');
const editOffset = literal.index + literal[0].length - 1;

if (distIsStale()) {
  process.stderr.write('Building the package (npm run build): the workspaces load dist/ ...\n');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
}

const root = path.join(repoRoot, '.bench-out', 'editor-latency');
rmSync(root, { recursive: true, force: true });

async function start(spec: LatencyCase, index: number): Promise<RunningCase> {
  const workspace = path.join(root, `case-${index}`);
  for (const [name, content] of Object.entries({ ...spec.files, [spec.document]: file.text })) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), content);
  }
  const session = await startEslintServer(workspace, npmFreeEnv());
  const running: RunningCase = {
    spec,
    session,
    uri: pathToFileURL(path.join(workspace, spec.document)).href,
    version: 1,
    text: file.text,
    latencies: [],
    validationTimes: [],
    diagnostics: [],
  };
  session.server.onNotification('eslint/status', (params) => {
    const { uri, validationTime } = params as { uri: string; validationTime?: number };
    if (uri === running.uri && validationTime !== undefined) running.validationTimes.push(validationTime);
  });
  session.server.notify('textDocument/didOpen', { textDocument: { uri: running.uri, languageId: 'typescript', version: running.version, text: running.text } });
  running.diagnostics = await pull(running);
  if (session.problems.length) throw new Error(`${spec.name}: the server could not lint:\n${session.problems.join('\n')}\n${session.server.log.join('\n')}`);
  return running;
}

async function pull(running: RunningCase): Promise<Diagnostic[]> {
  const report = await running.session.server.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: running.uri } });
  return report.items;
}

/** Types a character before the literal's closing quote on odd edits and deletes it on even ones. */
function change(running: RunningCase, editNumber: number): { range: { start: Position; end: Position }; text: string } {
  const at = positionAt(running.text, editOffset);
  const typing = editNumber % 2 === 0;
  const end = typing ? at : positionAt(running.text, editOffset + 1);
  running.text = typing ? running.text.slice(0, editOffset) + 'x' + running.text.slice(editOffset) : running.text.slice(0, editOffset) + running.text.slice(editOffset + 1);
  return { range: { start: at, end }, text: typing ? 'x' : '' };
}

async function measure(running: RunningCase, editNumber: number, record: boolean): Promise<void> {
  const contentChange = change(running, editNumber);
  running.version += 1;
  const statuses = running.validationTimes.length;
  const started = performance.now();
  running.session.server.notify('textDocument/didChange', { textDocument: { uri: running.uri, version: running.version }, contentChanges: [contentChange] });
  const diagnostics = await pull(running);
  const elapsed = performance.now() - started;
  if (diagnostics.length !== running.diagnostics.length) {
    throw new Error(`${running.spec.name}: ${diagnostics.length} diagnostics after edit ${editNumber}, ${running.diagnostics.length} before`);
  }
  if (record) running.latencies.push(elapsed);
  else running.validationTimes.length = statuses;
}

const running: RunningCase[] = [];
try {
  for (const [index, spec] of CASES.entries()) running.push(await start(spec, index));
  console.log(
    `${file.text.split('\n').length}-line TypeScript handler module (bench/corpus, ${file.event} event, ${file.shape} handler; ` +
      `resources: ${file.placements.join(', ')}); ${warmup} warm-up and ${edits} measured edits per case, cases in turn, rotating`,
  );
  for (let edit = 0; edit < warmup + edits; edit++) {
    for (let offset = 0; offset < running.length; offset++) {
      await measure(running[(edit + offset) % running.length]!, edit, edit >= warmup);
    }
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;
  console.log('\nFrom didChange to the pulled diagnostics (vscode-eslint-language-server):');
  for (const result of running) {
    const ours = result.diagnostics.filter((diagnostic) => diagnostic.code?.startsWith('lambda-hygiene/')).length;
    console.log(
      `  ${result.spec.name.padEnd(42)} median ${ms(median(result.latencies)).padStart(9)}, p90 ${ms(p90(result.latencies)).padStart(9)}` +
        `  (ESLint inside the server: median ${ms(median(result.validationTimes))}; ${result.diagnostics.length} diagnostics, ${ours} ours)`,
    );
  }
  // Both figures compare edits made in the same turn: the difference of the medians, and the median of
  // the per-edit differences (edit i with our rules − edit i without), which a slow spell moves less.
  const baseline = running.find((result) => result.spec.name === BASELINE)!.latencies;
  for (const result of running) {
    if (result.latencies === baseline) continue;
    const paired = result.latencies.map((latency, index) => latency - baseline[index]!);
    console.log(
      `\n${result.spec.name} − ${BASELINE}: ${ms(median(result.latencies) - median(baseline))} (difference of medians; ` +
        `median of per-edit differences ${ms(median(paired))}; target <= ${TARGET_MS} ms)`,
    );
  }
} finally {
  await Promise.all(running.map((result) => result.session.server.stop()));
  if (!flag('keep')) rmSync(root, { recursive: true, force: true });
}
