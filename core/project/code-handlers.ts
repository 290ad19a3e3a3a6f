import type { TSESTree } from '@typescript-eslint/types';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { analyzeModule } from '../analyze.js';
import { DEFAULT_HANDLER_NAMES, DEFAULT_WRAPPERS } from '../handlers.js';
import type { Handler, LambdaHygieneSettings } from '../types.js';
import { exportNames } from './export-names.js';
import type { ExportNames } from './export-names.js';
import { parseModule, sourceTypeOf } from '../parse.js';
import { Scopes } from '../scope.js';
import type { ProjectFs } from './project-fs.js';
import type { CodeSignal, ParsedModuleListener } from './types.js';

/** Bundles and generated files are not first-party handlers worth parsing. */
const MAX_SOURCE_BYTES = 1_000_000;

interface ParsedModule {
  program: TSESTree.Program;
  scopes: Scopes;
  text: string;
  handlers: Array<{ export: string; signal: CodeSignal }>;
}

/**
 * Handlers in code: the exports today's per-file analysis (`analyzeModule(program).handlers`)
 * recognises, with how it recognised them; and, for a handler an IaC file names, what the code says
 * about that export (or that the file has no such export).
 */
export class CodeHandlers {
  private readonly modules = new Map<string, ParsedModule | undefined>();
  private readonly hint: RegExp;

  constructor(
    private readonly fs: ProjectFs,
    private readonly settings: LambdaHygieneSettings | undefined,
    /** Told of every module parsed, so that project mode summarises it without parsing it again. */
    private readonly onParsed?: ParsedModuleListener,
  ) {
    // Without one of these words in its text, no export of a module can be recognised as a handler.
    const words = [
      'aws-lambda',
      ...(settings?.handlerNames ?? DEFAULT_HANDLER_NAMES),
      ...DEFAULT_WRAPPERS,
      ...(settings?.wrappers ?? []),
    ].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.hint = new RegExp(`${words.join('|')}|\\b(event|evt)\\b[^)]*\\b(context|ctx)\\b`);
  }

  /** The handlers the analysis finds in a file (parsed only when its text could hold one). */
  inFile(file: string): ParsedModule['handlers'] {
    const text = this.fs.readText(file);
    if (text === undefined || text.length > MAX_SOURCE_BYTES || !this.hint.test(text)) return [];
    return this.module(file)?.handlers ?? [];
  }

  /**
   * What the code says about `exported` in `file`: its signal when the analysis recognises it (as a
   * handler by that name), `missing` when the file surely has no such export.
   */
  describeExport(file: string, exported: string): { signal: CodeSignal | null; missing: boolean } {
    const module = this.module(file);
    if (!module) return { signal: null, missing: false };
    const name = exported.split('.')[0]!;
    const known = module.handlers.find((handler) => handler.export === name);
    if (known) return { signal: known.signal, missing: false };
    // The IaC makes it a handler whatever its name: ask the analysis with that name added.
    const handlerNames = [...(this.settings?.handlerNames ?? DEFAULT_HANDLER_NAMES), name];
    const found = analyzeModule(module.program, { settings: { ...this.settings, handlerNames }, scopes: module.scopes }).handlers.find(
      (handler) => handler.name === name,
    );
    if (found) return { signal: signalOf(found, module.text), missing: false };
    const exports: ExportNames = exportNames(module.program);
    return { signal: null, missing: !exports.open && !exports.names.has(name) };
  }

  private module(file: string): ParsedModule | undefined {
    if (this.modules.has(file)) return this.modules.get(file);
    const text = this.fs.readText(file);
    let parsed: ParsedModule | undefined;
    if (text !== undefined && text.length <= MAX_SOURCE_BYTES) {
      try {
        const program = parseModule(text, file);
        // One scope analysis for every question asked of this module, here and in project mode's summary.
        const scopes = new Scopes(program, undefined, sourceTypeOf(program, file));
        const handlers = analyzeModule(program, { settings: this.settings, scopes }).handlers.map((handler) => ({
          export: handler.name,
          signal: signalOf(handler, text),
        }));
        parsed = { program, scopes, text, handlers };
        this.onParsed?.(file, { text, program, scopes });
      } catch {
        parsed = undefined; // a file that does not parse has no handler we can show
      }
    }
    this.modules.set(file, parsed);
    return parsed;
  }
}

/** How the analysis recognised a handler, its declared type and its parameters as written. */
function signalOf(handler: Handler, text: string): CodeSignal {
  const { fn } = handler;
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  const annotation = declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
  const first = fn.params[0];
  const last = fn.params.at(-1);
  const params = first && last ? text.slice(first.range[0], last.range[1]).replace(/\s+/g, ' ') : '';
  return {
    how: handler.how,
    type: annotation ? text.slice(annotation.range[0], annotation.range[1]) : null,
    signature: `${fn.async ? 'async ' : ''}(${params})`,
  };
}
