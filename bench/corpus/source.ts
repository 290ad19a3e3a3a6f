// What the corpus generator writes code with: the file's language and module system, its imports (rendered
// as ES `import` or CommonJS `require`), unique local names, and indentation.

export interface Style {
  /** TypeScript (type annotations, `import type`) or JavaScript. */
  ts: boolean;
  /** ES module syntax, or CommonJS (`require`, `exports.x =`). TypeScript files are always written as ESM. */
  esm: boolean;
  /** The file extension: .ts/.mts for TypeScript, .js/.mjs/.cjs for JavaScript. */
  ext: string;
}

/** `annotation` in TypeScript, nothing in JavaScript: `(id${ann(style, ': string')})`. */
export function ann(style: Style, annotation: string): string {
  return style.ts ? annotation : '';
}

/** `expression as Type` in TypeScript, the bare expression in JavaScript. */
export function cast(style: Style, expression: string, type: string): string {
  return style.ts ? `${expression} as ${type}` : expression;
}

interface ModuleImports {
  defaultName?: string;
  namespace?: string;
  named: Set<string>;
  types: Set<string>;
}

/** The imports a file accumulates while its parts are written, rendered once at the top. */
export class Imports {
  private readonly modules = new Map<string, ModuleImports>();

  constructor(private readonly style: Style) {}

  private module(name: string): ModuleImports {
    let entry = this.modules.get(name);
    if (!entry) this.modules.set(name, (entry = { named: new Set(), types: new Set() }));
    return entry;
  }

  named(module: string, ...names: string[]): void {
    for (const name of names) this.module(module).named.add(name);
  }

  default(module: string, local: string): string {
    const entry = this.module(module);
    entry.defaultName ??= local;
    return entry.defaultName;
  }

  namespace(module: string, local: string): string {
    const entry = this.module(module);
    entry.namespace ??= local;
    return entry.namespace;
  }

  /** A type-only import: TypeScript only. */
  type(module: string, ...names: string[]): void {
    if (this.style.ts) for (const name of names) this.module(module).types.add(name);
  }

  render(): string[] {
    const lines: string[] = [];
    for (const [module, entry] of this.modules) {
      const named = [...entry.named].sort();
      const types = [...entry.types].filter((name) => !entry.named.has(name)).sort();
      if (this.style.esm) {
        if (entry.namespace) lines.push(`import * as ${entry.namespace} from '${module}';`);
        const clauses = [entry.defaultName, named.length ? `{ ${named.join(', ')} }` : undefined].filter(Boolean);
        if (clauses.length) lines.push(`import ${clauses.join(', ')} from '${module}';`);
        if (types.length) lines.push(`import type { ${types.join(', ')} } from '${module}';`);
      } else {
        const whole = entry.defaultName ?? entry.namespace;
        if (whole) lines.push(`const ${whole} = require('${module}');`);
        if (named.length) lines.push(`const { ${named.join(', ')} } = require('${module}');`);
      }
    }
    return lines;
  }
}

/** Local names unique within one file: `result`, `result2`, ... */
export class Names {
  private readonly used = new Set<string>();

  unique(base: string): string {
    let name = base;
    for (let suffix = 2; this.used.has(name); suffix++) name = `${base}${suffix}`;
    this.used.add(name);
    return name;
  }
}

export function indent(lines: readonly string[], depth = 1): string[] {
  const prefix = '  '.repeat(depth);
  return lines.map((line) => (line ? prefix + line : line));
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
