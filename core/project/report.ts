import { relativePath } from './project-fs.js';
import type { HandlerSignal, Project, SourceLocation } from './types.js';

/** A location with its file relative to the project root, as `handlers --json` prints it. */
export interface ReportedLocation {
  file: string;
  line: number;
}

/** What `handlers --json` prints: the project's handlers and unresolved IaC entries, paths relative to the root. */
export interface HandlersReport {
  handlers: Array<{ file: string; export: string; declaredIn: ReportedLocation | null; signal: HandlerSignal }>;
  unresolved: Array<{ declaredIn: ReportedLocation; handler: string; reason: string }>;
}

export function reportHandlers(project: Project): HandlersReport {
  const at = (location: SourceLocation): ReportedLocation => ({ file: relativePath(project.root, location.file), line: location.line });
  return {
    handlers: project.handlers.map((handler) => ({
      file: relativePath(project.root, handler.file),
      export: handler.export,
      declaredIn: handler.declaredIn ? at(handler.declaredIn) : null,
      signal: handler.signal,
    })),
    unresolved: project.unresolved.map((entry) => ({ declaredIn: at(entry.declaredIn), handler: entry.handler, reason: entry.reason })),
  };
}
