import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { FIXTURES_DIR, stripMarkers } from './fixtures.js';
import { startEslintServer } from './support/eslint-server.js';
import { applyTextEdits, positionAt } from './support/lsp-client.js';
import type { LspClient, Range, TextEdit } from './support/lsp-client.js';
import { npmFreeEnv, packAndInstall, pinned, RECOMMENDED_WITH_TS_PARSER } from './support/package.js';

// The editor, for real: the ESLint language server that VS Code's ESLint extension runs
// (tests/support/eslint-server.ts), started over stdio on a temporary workspace where the packed plugin is
// installed beside ESLint and the typescript-eslint parser. The test speaks LSP to it as VS Code does: it
// opens the Java experiment's poor handler, pulls diagnostics (this server offers pull diagnostics,
// `textDocument/diagnostic`, as VS Code uses them; it publishes none), asks for code actions, runs our
// quick fix's command and applies the `workspace/applyEdit` the server sends back, until no quick fix is
// left.

const scenario = path.join(FIXTURES_DIR, 'java-experiment-index-store');
const poor = stripMarkers(readFileSync(path.join(scenario, 'poor.ts'), 'utf8'));
const better = stripMarkers(readFileSync(path.join(scenario, 'better.ts'), 'utf8'));

const work = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-lsp-'));
const workspace = path.join(work, 'workspace');
const file = path.join(workspace, 'src', 'index-store.ts');
const uri = pathToFileURL(file).href;

interface Diagnostic {
  range: Range;
  message: string;
  severity: number;
  source: string;
  code: string;
  codeDescription?: { href: string };
}

interface CodeAction {
  title: string;
  kind: string;
  command?: { title: string; command: string; arguments: unknown[] };
  diagnostics?: Diagnostic[];
}

interface WorkspaceEdit {
  documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>;
  changes?: Record<string, TextEdit[]>;
}

const QUICK_FIX_TITLE = /^Create `([^`]+)` once per execution environment, in a lazily initialised module-scope singleton \(lambda-hygiene\/no-per-invocation-(client|pool)\)$/;

/** The range, as LSP counts it, of the first occurrence of `snippet` in `text`. */
function rangeOf(text: string, snippet: string): Range {
  const start = text.indexOf(snippet);
  if (start === -1) throw new Error(`${snippet} not in the text`);
  return { start: positionAt(text, start), end: positionAt(text, start + snippet.length) };
}

/** A diagnostic of no-per-invocation-client as the server sends it: an error, linked to the rule's docs. */
function clientDiagnostic(message: string, range: Range): Diagnostic {
  return {
    source: 'eslint',
    severity: 1, // Error: configs.recommended sets the rules to "error"
    code: 'lambda-hygiene/no-per-invocation-client',
    codeDescription: { href: plugin.rules!['no-per-invocation-client']!.meta!.docs!.url! },
    message,
    range,
  };
}

const ESLINT_ACTIONS = [
  'Disable lambda-hygiene/no-per-invocation-client for this line',
  'Disable lambda-hygiene/no-per-invocation-client for the entire file',
  'Show documentation for lambda-hygiene/no-per-invocation-client',
];

let server: LspClient | undefined;
let text = poor;
let version = 1;
let serverRequests: string[] = [];

async function pullDiagnostics(): Promise<Diagnostic[]> {
  const report = await server!.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  expect(report.kind).toBe('full');
  return report.items;
}

async function codeActionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
  return server!.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}

describe('the ESLint language server (vscode-eslint) with the installed plugin', () => {
  beforeAll(async () => {
    packAndInstall(workspace, [pinned('eslint'), pinned('@typescript-eslint/parser'), pinned('typescript')]);
    writeFileSync(path.join(workspace, 'eslint.config.js'), RECOMMENDED_WITH_TS_PARSER);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, poor);

    ({ server, problems: serverRequests } = await startEslintServer(workspace, npmFreeEnv()));
    server.onRequest('workspace/applyEdit', (params) => {
      const { edit } = params as { edit: WorkspaceEdit };
      const edits = [
        ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
        ...(edit.changes?.[uri] ?? []),
      ];
      text = applyTextEdits(text, edits);
      version += 1;
      // What the editor does after applying an edit: tell the server the document's new content.
      server!.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return { applied: true };
    });

    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
  }, 300_000);

  afterAll(async () => {
    try {
      await server?.stop();
    } finally {
      server?.kill();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('reports both clients of the poor handler, on the creating expressions', async () => {
    const diagnostics = await pullDiagnostics();
    const context = `server log:\n${server!.log.join('\n')}\n${serverRequests.join('\n')}`;
    expect(serverRequests, context).toEqual([]);
    expect(diagnostics, context).toEqual([
      clientDiagnostic(
        '`DynamoDBClient` is created for every record on every invocation of `handler` (via `new IndexStore`, for every record). Create it once per execution environment, in a lazily initialised module-scope singleton.',
        rangeOf(poor, 'new DynamoDBClient({ region: process.env.AWS_REGION })'),
      ),
      clientDiagnostic(
        '`DynamoDBDocumentClient` is created for every record on every invocation of `handler` (via `new IndexStore`, for every record). Create it once per execution environment, in a lazily initialised module-scope singleton.',
        rangeOf(poor, 'DynamoDBDocumentClient.from(client)'),
      ),
    ]);
  }, 60_000);

  it('offers the hoist quick fix, next to ESLint’s disable and docs actions', async () => {
    const diagnostics = await pullDiagnostics();
    const titles = await Promise.all(diagnostics.map(async (diagnostic) => (await codeActionsFor(diagnostic)).map((action) => action.title)));
    expect(titles).toEqual([
      [
        'Create `DynamoDBClient` once per execution environment, in a lazily initialised module-scope singleton (lambda-hygiene/no-per-invocation-client)',
        ...ESLINT_ACTIONS,
      ],
      // The document client is built from the local `client`: it cannot move before that client does,
      // so it offers no quick fix until the DynamoDBClient's has been applied (see the next test).
      ESLINT_ACTIONS,
    ]);
  }, 60_000);

  it('applying the quick fixes one by one, as a user clicks them, gives the better handler', async () => {
    const applied: string[] = [];
    const steps: Array<{ diagnostics: Diagnostic[]; titles: string[][]; text: string }> = [];
    for (let step = 0; step < 10; step++) {
      const diagnostics = await pullDiagnostics();
      const actions = await Promise.all(diagnostics.map((diagnostic) => codeActionsFor(diagnostic)));
      steps.push({ diagnostics, titles: actions.map((offered) => offered.map((action) => action.title)), text });
      const quickFix = actions.flat().find((action) => QUICK_FIX_TITLE.test(action.title));
      if (!quickFix) break;
      expect(quickFix.kind).toBe('quickfix');
      applied.push(quickFix.title);
      const before = version;
      // VS Code runs the action's command; the server answers with a workspace/applyEdit request.
      await server!.request('workspace/executeCommand', { command: quickFix.command!.command, arguments: quickFix.command!.arguments });
      expect(version, `the command for "${quickFix.title}" sent no edit`).toBe(before + 1);
    }
    expect(applied.map((title) => QUICK_FIX_TITLE.exec(title)![1])).toEqual(['DynamoDBClient', 'DynamoDBDocumentClient']);
    // After the first quick fix, `client` comes from the getter, and the document client offers its own.
    expect(steps[1]).toEqual({
      diagnostics: [
        clientDiagnostic(
          '`DynamoDBDocumentClient` is created for every record on every invocation of `handler` (via `new IndexStore`, for every record). Create it once per execution environment, in a lazily initialised module-scope singleton.',
          rangeOf(steps[1]!.text, 'DynamoDBDocumentClient.from(client)'),
        ),
      ],
      titles: [
        [
          'Create `DynamoDBDocumentClient` once per execution environment, in a lazily initialised module-scope singleton (lambda-hygiene/no-per-invocation-client)',
          ...ESLINT_ACTIONS,
        ],
      ],
      text: steps[1]!.text,
    });
    expect(text).toBe(better);
    expect(await pullDiagnostics()).toEqual([]);
  }, 120_000);
});
