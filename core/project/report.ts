import { relativePath } from './project-fs.js';
import type { HandlerSignal, IacFormat, Project, SourceLocation } from './types.js';

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

/** The report for a person: one block per file, then the unresolved entries with their function's name. */
export function formatHandlersReport(project: Project): string {
  const report = reportHandlers(project);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const declared = report.handlers.filter((handler) => handler.declaredIn).length;
  const lines = [
    `${count(report.handlers.length, 'handler')} in ${project.root} (${declared} declared in IaC, ${report.handlers.length - declared} found in code only), ${report.unresolved.length} unresolved`,
  ];
  let file: string | undefined;
  for (const handler of report.handlers) {
    if (handler.file !== file) {
      file = handler.file;
      lines.push('', file);
    }
    const { iac, code } = handler.signal;
    const found = [
      handler.declaredIn && iac ? `${at(handler.declaredIn)} ${FORMAT_NAMES[iac.format]} ${iac.function} (${iac.handler})` : undefined,
      code ? `code: ${code.how}${code.type ? ` ${code.type}` : ''}, ${code.signature}` : undefined,
    ].filter(Boolean);
    lines.push(`  ${handler.export.padEnd(14)} ${found.join('; ')}`);
  }
  if (report.unresolved.length > 0) lines.push('', `unresolved (${report.unresolved.length}):`);
  report.unresolved.forEach((entry, index) => {
    const { format, function: name } = project.unresolved[index]!.iac;
    lines.push(`  ${at(entry.declaredIn)} ${FORMAT_NAMES[format]} ${name} (${entry.handler}): ${entry.reason}`);
  });
  return `${lines.join('\n')}\n`;
}

const at = (location: ReportedLocation) => `${location.file}:${location.line}`;

const FORMAT_NAMES: Record<IacFormat, string> = {
  sam: 'SAM',
  cloudformation: 'CloudFormation',
  serverless: 'Serverless',
  cdk: 'CDK',
  sst: 'SST',
  architect: 'Architect',
  terraform: 'Terraform',
  dockerfile: 'Dockerfile',
};

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
