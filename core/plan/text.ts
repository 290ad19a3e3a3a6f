import type { TSESTree } from '@typescript-eslint/types';

/** A replacement of `text[start, end)`; an insertion has `start === end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export function lineStart(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

/** The position of the newline that ends the line (or the end of the text). */
export function lineEnd(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  return newline === -1 ? text.length : newline;
}

/** The whitespace that starts the line holding `position`. */
export function indentAt(text: string, position: number): string {
  const start = lineStart(text, position);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * The file's line ending and indentation unit: a tab, or the step by which its lines most often indent
 * deeper than the line before (so that code embedded at some depth, as in a test's template literal,
 * does not count its own margin as a step).
 */
export function textStyle(text: string): { eol: string; unit: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = (text.match(/^[ \t]*(?=\S)/gm) ?? []) as string[];
  if (indents.some((indent) => indent.startsWith('\t'))) return { eol, unit: '\t' };
  const steps = new Map<number, number>();
  for (let index = 1; index < indents.length; index++) {
    const step = indents[index]!.length - indents[index - 1]!.length;
    if (step >= 2 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  const [step] = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [2];
  return { eol, unit: ' '.repeat(step) };
}

/**
 * Moves a multi-line snippet from one indentation to another: every line after the first trades the
 * prefix `from` for `to` (the first line is placed by the caller).
 */
export function reindent(snippet: string, from: string, to: string): string {
  if (from === to) return snippet;
  return snippet
    .split('\n')
    .map((line, index) => {
      if (index === 0 || line.trim() === '') return line;
      if (line.startsWith(from)) return to + line.slice(from.length);
      return to + line.trimStart();
    })
    .join('\n');
}

/**
 * The range that removes a statement with its whole lines, when it stands alone on them (a trailing
 * line comment goes with it); otherwise just the statement.
 */
export function statementRemoval(text: string, node: TSESTree.Node): TextEdit {
  const start = lineStart(text, node.range[0]);
  const end = lineEnd(text, node.range[1]);
  const before = text.slice(start, node.range[0]);
  const after = text.slice(node.range[1], end);
  if (before.trim() === '' && (after.trim() === '' || after.trim().startsWith('//'))) {
    return { start, end: Math.min(end + 1, text.length), text: '' };
  }
  return { start: node.range[0], end: node.range[1], text: '' };
}

/**
 * Applies edits to a text. Edits inside a larger edit are dropped (a removed statement takes the
 * edits inside it along); insertions at one position keep their order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let output = '';
  let position = 0;
  for (const edit of normaliseEdits(edits)) {
    if (edit.start < position) throw new Error(`overlapping edits at ${edit.start}`);
    output += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return output + text.slice(position);
}

/**
 * The edits as they are applied: those inside a larger edit dropped, the rest in text order (insertions
 * at one position keep theirs). ESLint's fixer and the codemod both take this list.
 */
export function normaliseEdits(edits: readonly TextEdit[]): TextEdit[] {
  return withoutContained(edits)
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map(({ edit }) => edit);
}

function withoutContained(edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter(
    (edit, index) =>
      !edits.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          other.end > other.start &&
          other.start <= edit.start &&
          edit.end <= other.end &&
          (other.end - other.start > edit.end - edit.start || otherIndex < index) &&
          // An insertion at the very start or end of a removal is not inside it.
          !(edit.start === edit.end && (edit.start === other.start || edit.start === other.end)),
      ),
  );
}

/**
 * Edits that remove declarators: the whole statement when all of its declarators go, otherwise each
 * run of them with its comma (`const a = x, b = y;` → `const b = y;`), so that the others survive.
 */
export function declaratorRemovals(text: string, declarators: readonly TSESTree.VariableDeclarator[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const declarations = new Set(declarators.map((declarator) => declarator.parent));
  for (const declaration of declarations) {
    const all = declaration.declarations;
    const removed = all.map((declarator) => declarators.includes(declarator));
    if (removed.every(Boolean)) {
      edits.push(statementRemoval(text, declaration));
      continue;
    }
    for (let index = 0; index < all.length; index++) {
      if (!removed[index]) continue;
      let last = index;
      while (last + 1 < all.length && removed[last + 1]) last++;
      edits.push(
        last + 1 < all.length
          ? { start: all[index]!.range[0], end: all[last + 1]!.range[0], text: '' }
          : { start: all[index - 1]!.range[1], end: all[last]!.range[1], text: '' },
      );
      index = last;
    }
  }
  return edits;
}
