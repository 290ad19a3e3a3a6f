import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { prepareModule } from '../analyze.js';
import { DEFAULT_HANDLER_NAMES, DEFAULT_WRAPPERS } from '../handlers.js';
import type { Handler, LambdaHygieneSettings } from '../types.js';
import { exportNames } from './export-names.js';
import type { ExportNames } from './export-names.js';
import { parseModule, sourceTypeOf } from '../parse.js';
import { Scopes } from '../scope.js';
import type { ProjectFs } from './project-fs.js';
import type { CodeSignal, ParsedModuleListener, ParsedSource } from './types.js';

/** Bundles and generated files are not first-party handlers worth parsing. */
const MAX_SOURCE_BYTES = 1_000_000;

/**
 * What the model keeps of a parsed module: its handlers and export names. Not its AST: a project of
 * thousands of handlers would hold every tree at once (re-parsed in the rare case it is asked again).
 */
interface ParsedModule {
  text: string;
  handlers: Array<{ export: string; signal: CodeSignal }>;
  exports: ExportNames;
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
    const name = exported.split('.')[0]!;
    let fresh: ParsedSource | undefined;
    const module = this.module(file, (source) => (fresh = source));
    if (!module) return { signal: null, missing: false };
    const known = module.handlers.find((handler) => handler.export === name);
    if (known) return { signal: known.signal, missing: false };
    // The IaC makes it a handler whatever its name: ask the analysis with that name added.
    const source = fresh ?? this.parse(file, module.text);
    const handlerNames = [...(this.settings?.handlerNames ?? DEFAULT_HANDLER_NAMES), name];
    const found = source && prepareModule(source.program, { settings: { ...this.settings, handlerNames }, scopes: source.scopes }).handlers.find(
      (handler) => handler.name === name,
    );
    if (found) return { signal: signalOf(found, module.text), missing: false };
    return { signal: null, missing: !module.exports.open && !module.exports.names.has(name) };
  }

  /** The module's handlers and exports; `fresh` gets its AST when it is parsed by this call. */
  private module(file: string, fresh?: (source: ParsedSource) => void): ParsedModule | undefined {
    if (this.modules.has(file)) return this.modules.get(file);
    const text = this.fs.readText(file);
    let parsed: ParsedModule | undefined;
    const source = text !== undefined && text.length <= MAX_SOURCE_BYTES ? this.parse(file, text) : undefined;
    if (source) {
      // Only the handlers are asked for: not the module's per-file sites.
      const handlers = prepareModule(source.program, { settings: this.settings, scopes: source.scopes }).handlers.map((handler) => ({
        export: handler.name,
        signal: signalOf(handler, source.text),
      }));
      parsed = { text: source.text, handlers, exports: exportNames(source.program) };
      fresh?.(source);
      this.onParsed?.(file, source);
    }
    this.modules.set(file, parsed);
    return parsed;
  }

  /** The text parsed, with one scope analysis for every question asked of it (here and in project mode's summary). */
  private parse(file: string, text: string): ParsedSource | undefined {
    try {
      const program = parseModule(text, file);
      return { text, program, scopes: new Scopes(program, undefined, sourceTypeOf(program, file)) };
    } catch {
      return undefined; // a file that does not parse has no handler we can show
    }
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
