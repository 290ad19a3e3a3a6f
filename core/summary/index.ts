import { createHash } from 'node:crypto';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { prepareModule } from '../analyze.js';
import { parseModule, sourceTypeOf } from '../parse.js';
import { Scopes } from '../scope.js';
import type { AnalysisOptions, ResourceKind } from '../types.js';
import type { ModuleSummary } from './types.js';
import { SUMMARY_VERSION } from './types.js';

export interface SummarizeOptions extends AnalysisOptions {
  /** The file's path, as the solver and the module resolver name it. */
  file: string;
  scopeManager?: ScopeManager;
  defaultKind?: ResourceKind;
  /** The content hash of the text the program was parsed from. */
  hash?: string;
}

/**
 * The full summary of a module, with calls into other modules kept for a resolver to follow: what project
 * mode reads for every first-party module, whether or not it has a handler of its own.
 */
export function summarizeModule(program: TSESTree.Program, options: SummarizeOptions): ModuleSummary {
  const scopes = options.scopeManager ? new Scopes(program, options.scopeManager) : new Scopes(program, undefined, sourceTypeOf(program, options.file));
  return prepareModule(program, { ...options, scopes, full: true }).summarize!(true).summary;
}

/**
 * Summaries by file and content hash: a file whose text has not changed is not parsed again. Summaries are
 * plain JSON, so a caller may also keep them on disk and `load` them back (a stale one is ignored).
 */
export class SummaryCache {
  private readonly byFile = new Map<string, ModuleSummary>();
  private readonly key: string;

  constructor(private readonly options: AnalysisOptions & { defaultKind?: ResourceKind } = {}) {
    this.key = JSON.stringify([options.settings ?? null, options.additionalResources ?? null, options.defaultKind ?? null]);
  }

  /**
   * The summary of `file` with this text; undefined when the text does not parse. `parsed`: the text's
   * program and scopes when the caller has them already (not parsed again).
   */
  get(file: string, text: string, parsed?: { program: TSESTree.Program; scopes: Scopes }): ModuleSummary | undefined {
    const hash = contentHash(text, this.key);
    const cached = this.byFile.get(file);
    if (cached?.hash === hash) return cached;
    if (parsed) {
      const summary = prepareModule(parsed.program, { ...this.options, file, hash, scopes: parsed.scopes, full: true }).summarize!(true).summary;
      this.byFile.set(file, summary);
      return summary;
    }
    let program: TSESTree.Program;
    try {
      program = parseModule(text, file);
    } catch {
      this.byFile.delete(file);
      return undefined;
    }
    const summary = summarizeModule(program, { ...this.options, file, hash });
    this.byFile.set(file, summary);
    return summary;
  }

  /** The cached summary of `file`, whatever its text now. */
  peek(file: string): ModuleSummary | undefined {
    return this.byFile.get(file);
  }

  /** Keeps a summary made elsewhere (read from disk): `get` uses it while the file's text hashes the same. */
  load(summary: ModuleSummary): void {
    if (summary.version === SUMMARY_VERSION && summary.hash) this.byFile.set(summary.file, summary);
  }

  /** Forgets a file (it changed or was deleted). */
  invalidate(file: string): void {
    this.byFile.delete(file);
  }
}

/** The hash a summary is keyed by: the text, and the options that change what a summary says. */
export function contentHash(text: string, optionsKey = ''): string {
  return createHash('sha256').update(optionsKey).update('\0').update(text).digest('hex');
}
