// What one generated site contributes to a module, and the helpers the site renderers share.
import type { ImportNeed } from './resources.js';

export interface Fragment {
  imports: ImportNeed[];
  /** Module-scope statements, after the imports. */
  top: string[];
  /** Module-scope statements after the `late` imports (code that a later `require` follows). */
  lateTop: string[];
  /** Module-scope function and class declarations, before the handler. */
  helpers: string[];
  /** Statements at the start of the handler's body: what the invocation writes before the sites run. */
  handlerPre: string[];
  /** The site's statements in the handler's body. */
  body: string[];
  /** A variable the handler returns (as a shorthand property of its result). */
  result?: string;
  /** The shapes this fragment exercises, `dimension:value`. */
  tags: string[];
  /** Lines before the imports (`// @ts-check`). */
  header?: string[];
  /** A comment right before the handler's statement (a JSDoc type). */
  handlerComment?: string;
  /** Module statements after the handler (a legacy `require` at the bottom of the file). */
  trailer?: string[];
  /** A callback-style handler body, which replaces the async handler. */
  callbackBody?: string[];
}

/** Requirements a site puts on the whole module. */
export interface SiteNeeds {
  typescript?: boolean;
  /** Plain JavaScript (a `// @ts-check` file typed by JSDoc comments). */
  javascript?: boolean;
  /** The handler is a `function` (it reads `arguments`). */
  functionHandler?: boolean;
  /** The database refuses connections during the first invocation (what the shape is about). */
  dbDownFirst?: boolean;
  /** The site is rendered alone (it owns the handler's form or the module's first lines). */
  exclusive?: boolean;
  /** The handler answers through its callback. */
  callback?: boolean;
  /** At most one per module (it declares a fixed name). */
  once?: boolean;
}

export function emptyFragment(): Fragment {
  return { imports: [], top: [], lateTop: [], helpers: [], handlerPre: [], body: [], tags: [] };
}

/** Marks a creating expression, so that the rendered module knows which site each line belongs to. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

export class SiteContext {
  constructor(
    readonly typescript: boolean,
    readonly commonjs: boolean,
    readonly index: number,
  ) {}

  /** A name for this site: `pool`, then `pool2` for the second site, and so on. */
  name(base: string): string {
    return this.index === 0 ? base : `${base}${this.index + 1}`;
  }

  className(base: string): string {
    return this.name(base[0]!.toUpperCase() + base.slice(1));
  }

  mark(expression: string): string {
    return `${MARK_OPEN}${this.index}${MARK_CLOSE}${expression}`;
  }

  /** `: T` in TypeScript, nothing in JavaScript. */
  type(annotation: string): string {
    return this.typescript ? `: ${annotation}` : '';
  }

  /** `<T>` type arguments in TypeScript. */
  typeArguments(argumentsText: string): string {
    return this.typescript ? `<${argumentsText}>` : '';
  }

  nonNull(expression: string): string {
    return this.typescript ? `${expression}!` : expression;
  }

  /** `(expression as any)` in TypeScript, for the few places where generated code reaches past types. */
  loose(expression: string): string {
    return this.typescript ? `(${expression} as any)` : expression;
  }
}

export function indent(lines: readonly string[], by = 2): string[] {
  const pad = ' '.repeat(by);
  return lines.flatMap((line) => line.split('\n')).map((line) => (line.length > 0 ? pad + line : line));
}

export function block(head: string, lines: readonly string[], tail = '}'): string {
  return [head, ...indent(lines), tail].join('\n');
}

export function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
