import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { LambdaHygieneSettings, UserResource } from '../../core/index.js';
import { hoistSource } from './hoist-source.js';
import type { FileResult } from './hoist-source.js';

/** What jscodeshift passes a transform (only what we use: we parse with typescript-estree ourselves). */
interface FileInfo {
  path: string;
  source: string;
}
interface Api {
  report: (message: string) => void;
  stats: (name: string, quantity?: number) => void;
}
export interface TransformOptions {
  /** Set by our CLI: a folder where each worker appends one JSON line per file. */
  lambdaHygieneReportDir?: string;
  /** Set by our CLI for `--diff`: keep the input and output text in the report. */
  lambdaHygieneKeepOutput?: boolean;
  /** Set by our CLI: the rules' `settings['lambda-hygiene']`, so that the codemod fixes what they report. */
  lambdaHygieneSettings?: LambdaHygieneSettings | undefined;
  /** Set by our CLI: the rules' `additionalResources`, each with its kind. */
  lambdaHygieneResources?: UserResource[];
}

/**
 * The `hoist` codemod as a jscodeshift transform: runs `core/`'s hoist plan on a file. Returns the
 * new text, the same text when nothing changes, and `undefined` (jscodeshift's "skipped") for a
 * file it cannot parse, which is never written.
 */
export default function transform(file: FileInfo, api: Api, options: TransformOptions = {}): string | undefined {
  let output = file.source;
  let result: FileResult;
  try {
    ({ output, result } = hoistSource(file.source, file.path, {
      settings: options.lambdaHygieneSettings,
      additionalResources: options.lambdaHygieneResources,
    }));
  } catch (error) {
    // A bug of ours must not cost the user a file: leave it, and say so.
    result = { file: file.path, status: 'failed', message: `internal error: ${(error as Error).message}`, hoisted: [], left: [] };
  }
  record(result, api, options, output);
  if (result.status === 'skipped' || result.status === 'failed') {
    // Our CLI prints its own summary; run directly by jscodeshift, say it on its report channel.
    if (!options.lambdaHygieneReportDir) api.report(result.message ?? result.status);
    return undefined;
  }
  return output;
}

function record(result: FileResult, api: Api, options: TransformOptions, output: string): void {
  api.stats('sites hoisted', result.hoisted.length);
  for (const left of result.left) api.stats(`sites left: ${left.reason}`, 1);
  if (!options.lambdaHygieneReportDir) return;
  const line = options.lambdaHygieneKeepOutput && result.status === 'changed' ? { ...result, output } : result;
  // One file per worker process: appends from different processes never interleave.
  appendFileSync(path.join(options.lambdaHygieneReportDir, `${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}
