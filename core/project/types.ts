import type { TSESTree } from '@typescript-eslint/types';
import type { Scopes } from '../scope.js';
import type { HandlerRecognition, LambdaHygieneSettings } from '../types.js';

/** The infrastructure-as-code formats project mode reads handler declarations from. */
export type IacFormat =
  | 'sam'
  | 'cloudformation'
  | 'serverless'
  | 'cdk'
  | 'sst'
  | 'architect'
  | 'terraform'
  | 'dockerfile';

/** A place in a file: absolute path and 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** What an IaC file says about a function. */
export interface IacSignal {
  format: IacFormat;
  /** The function's name there: a logical id, a construct id, a route, a resource name. */
  function: string;
  /** The handler as written (`src/orders.main`), or the entry for CDK's `NodejsFunction` (`src/orders.ts#main`). */
  handler: string;
}

/** What the code says about an export: how the analysis recognised it as a handler. */
export interface CodeSignal {
  how: HandlerRecognition;
  /** The declared type of the exported binding (`SQSHandler`), if any. */
  type: string | null;
  /** The handler function's parameters as written: `async (event: SQSEvent, context: Context)`. */
  signature: string;
}

/** How a handler was found: by an IaC declaration, by the code, or both. */
export interface HandlerSignal {
  iac: IacSignal | null;
  code: CodeSignal | null;
}

/** A handler of the project: an export of a first-party file that Lambda invokes. */
export interface ProjectHandler {
  /** Absolute path of the source file. */
  file: string;
  /** The export Lambda calls (`handler`, `main`; a dotted path for a nested export). */
  export: string;
  /** The IaC file and line that declares it; `null` for a handler found only in code. */
  declaredIn: SourceLocation | null;
  signal: HandlerSignal;
}

/** An IaC declaration that does not lead to a first-party source file, with why. */
export interface UnresolvedHandler {
  declaredIn: SourceLocation;
  /** The handler as written (or the entry, for CDK). */
  handler: string;
  reason: string;
  /** What the IaC says about the function (its format and name): for people, not in `handlers --json`. */
  iac: IacSignal;
}

/**
 * Resolves an import specifier written in `fromFile` to the absolute path of a first-party source
 * file, or `undefined` for anything else (a package in node_modules, a Node built-in, a missing file).
 */
export type ModuleResolver = (specifier: string, fromFile: string) => string | undefined;

export interface ModuleResolverOptions {
  /** Folders of Lambda layers (absolute), besides those found by their `nodejs/` layout. */
  layers?: readonly string[];
}

/** A module parsed while the project model was built: its text, program and scope analysis. */
export interface ParsedSource {
  text: string;
  program: TSESTree.Program;
  scopes: Scopes;
}

export type ParsedModuleListener = (file: string, parsed: ParsedSource) => void;

export interface LoadProjectOptions {
  /** `settings['lambda-hygiene']`: the handler names and wrappers that make an export a handler in code. */
  settings?: LambdaHygieneSettings | undefined;
  /** Globs (relative to the root) of the IaC files to read; by default every IaC file found is read. */
  iac?: readonly string[] | undefined;
  /**
   * How long a built project is trusted before its inputs are checked again for changes (ms). An editor's
   * long-lived process sees edits after at most this long; a CLI run never waits for it.
   */
  recheckAfterMs?: number | undefined;
  /** Told of each module parsed while the model is built (not on a cached model): project mode reuses the parse. */
  onParsed?: ParsedModuleListener | undefined;
}

/** The project model: where invocations enter the project, and how its modules import each other. */
export interface Project {
  /** Absolute path of the project root. */
  root: string;
  handlers: readonly ProjectHandler[];
  unresolved: readonly UnresolvedHandler[];
  /** First-party module resolution for this root (relative, tsconfig paths, imports, workspaces, layers). */
  resolve: ModuleResolver;
  /** The IaC files read, absolute. */
  iacFiles: readonly string[];
}
