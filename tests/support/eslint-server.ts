import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.js';

// The ESLint language server that VS Code's ESLint extension runs (vscode-eslint's server, as the npm
// package vscode-langservers-extracted ships it), started over stdio on a workspace folder and spoken to
// as VS Code does: it answers the server's `workspace/configuration` with the extension's settings and
// declares pull diagnostics (`textDocument/diagnostic`), which this server then uses instead of
// publishing. Shared by tests/language-server.test.ts and bench/editor-latency.ts.

const require = createRequire(import.meta.url);
export const ESLINT_SERVER_BIN = path.join(
  path.dirname(require.resolve('vscode-langservers-extracted/package.json')),
  'bin',
  'vscode-eslint-language-server',
);

/** The settings VS Code's ESLint extension sends for a document (its defaults, flat config). */
export function extensionSettings(workspaceUri: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(new URL(workspaceUri).pathname), uri: workspaceUri },
  };
}

export interface EslintServer {
  server: LspClient;
  /** vscode-eslint's own requests when it cannot lint (no config, no library...): each one a problem. */
  problems: string[];
}

/** Starts the server on `workspace` and completes the LSP handshake; the caller opens documents. */
export async function startEslintServer(workspace: string, env: NodeJS.ProcessEnv = process.env): Promise<EslintServer> {
  const workspaceUri = pathToFileURL(workspace).href;
  const server = new LspClient(process.execPath, [ESLINT_SERVER_BIN, '--stdio'], { cwd: workspace, env });
  const problems: string[] = [];
  const settings = extensionSettings(workspaceUri);
  server.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
  server.onRequest('workspace/diagnostic/refresh', () => null);
  for (const method of ['eslint/noConfig', 'eslint/noLibrary', 'eslint/probeFailed', 'eslint/openDoc']) {
    server.onRequest(method, (params) => {
      problems.push(`${method} ${JSON.stringify(params)}`);
      return {};
    });
  }
  await server.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'lambda-hygiene' },
    rootUri: workspaceUri,
    workspaceFolders: [{ uri: workspaceUri, name: path.basename(workspace) }],
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        codeAction: {
          dynamicRegistration: false,
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } },
        },
      },
    },
  });
  server.notify('initialized', {});
  return { server, problems };
}
