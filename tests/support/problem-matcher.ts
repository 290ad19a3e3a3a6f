// GitHub Actions problem matchers, as the runner applies them to a step's output: for a multi-line
// matcher, a line matching the first pattern starts a match, and each following line matching the last
// (looping) pattern becomes one annotation. Enough to check that a tool's output becomes annotations.

export interface ProblemPattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

export interface Annotation {
  file?: string;
  line?: number;
  column?: number;
  severity?: string;
  message?: string;
  code?: string;
}

/**
 * actions/setup-node's `eslint-stylish` matcher (.github/eslint-stylish.json in that repository), which
 * the action registers for every later step: ESLint's default (stylish) output becomes annotations.
 */
export const ESLINT_STYLISH: ProblemPattern[] = [
  { regexp: '^\\s*([^\\s].*)$', file: 1 },
  { regexp: '^\\s+(\\d+):(\\d+)\\s+(error|warning|info)\\s+(.*)\\s\\s+(.*)$', line: 1, column: 2, severity: 3, message: 4, code: 5, loop: true },
];

function capture(pattern: ProblemPattern, match: RegExpExecArray, into: Annotation): void {
  const group = (index: number | undefined) => (index === undefined ? undefined : match[index]);
  if (pattern.file !== undefined) into.file = group(pattern.file);
  if (pattern.line !== undefined) into.line = Number(group(pattern.line));
  if (pattern.column !== undefined) into.column = Number(group(pattern.column));
  if (pattern.severity !== undefined) into.severity = group(pattern.severity);
  if (pattern.message !== undefined) into.message = group(pattern.message);
  if (pattern.code !== undefined) into.code = group(pattern.code);
}

/** Annotations a multi-line matcher (leading patterns, then one looping pattern) makes of `output`. */
export function matchProblems(patterns: readonly ProblemPattern[], output: string): Annotation[] {
  const regexps = patterns.map((pattern) => new RegExp(pattern.regexp));
  const annotations: Annotation[] = [];
  const lines = output.split(/\r?\n/);
  let index = 0;
  while (index < lines.length) {
    // Try to match the leading patterns on consecutive lines, starting here.
    const context: Annotation = {};
    let step = 0;
    while (step < patterns.length - 1 && index + step < lines.length) {
      const match = regexps[step]!.exec(lines[index + step]!);
      if (!match) break;
      capture(patterns[step]!, match, context);
      step++;
    }
    if (step < patterns.length - 1) {
      index++;
      continue;
    }
    const last = patterns.length - 1;
    let next = index + step;
    let matched = 0;
    while (next < lines.length) {
      const match = regexps[last]!.exec(lines[next]!);
      if (!match) break;
      const annotation = { ...context };
      capture(patterns[last]!, match, annotation);
      annotations.push(annotation);
      matched++;
      next++;
      if (!patterns[last]!.loop) break;
    }
    index = matched > 0 ? next : index + 1;
  }
  return annotations;
}
