import type { HandlerResolution } from '../handler-string.js';
import type { ResolutionContext } from '../module-resolver.js';
import type { ModuleResolver } from '../types.js';
import type { IacSignal, SourceLocation } from '../types.js';

/** One function an IaC file declares, and where its handler leads. */
export interface IacDeclaration {
  declaredIn: SourceLocation;
  iac: IacSignal;
  resolution: HandlerResolution;
}

/** What reading one IaC file found: its functions, and the folders of the Lambda layers it declares. */
export interface IacFindings {
  declarations: IacDeclaration[];
  layers: string[];
}

/** What a reader may use: resolution (files, tsconfigs, packages) and, for code, the module resolver. */
export interface IacReadContext extends ResolutionContext {
  /** Follows imports of IaC written as code (CDK stacks, serverless.ts) to evaluate their constants. */
  resolve: ModuleResolver;
  /** Dockerfiles an IaC file builds a function from: not read again as standalone images. */
  dockerfiles: Set<string>;
}

export const NO_FINDINGS: IacFindings = { declarations: [], layers: [] };

/** Why a function with this runtime is not ours, or `undefined` for Node.js (or a runtime we cannot read). */
export function notNodeRuntime(runtime: unknown): string | undefined {
  // A variable left unresolved (`${self:custom.runtime.${sls:stage}, "nodejs14.x"}`) is a runtime we cannot read.
  if (typeof runtime !== 'string' || runtime === '' || runtime.includes('${') || /^nodejs/i.test(runtime)) return undefined;
  return `runtime ${runtime} is not Node.js`;
}
