/**
 * A reader for the subset of HCL that locates Lambda code in Terraform: blocks with labels, attributes
 * whose values are strings (with `${...}` interpolations kept as expressions), lists, objects, and any
 * other expression kept as its text. Heredocs, comments (`#`, `//`, block) and nested braces are
 * skipped correctly; nothing is evaluated here.
 *
 * Why not a parser from npm: the HCL parsers published there are HashiCorp's Go parser compiled to
 * WebAssembly or JavaScript (1.7–3.8 MB, an asynchronous WASM start, the CDKTF one deprecated with
 * CDKTF, the other unmaintained), and neither gives line numbers, which `handlers` reports.
 */

export type HclValue =
  | { kind: 'string'; parts: Array<string | { expression: string }> }
  | { kind: 'list'; items: HclValue[] }
  | { kind: 'object'; entries: Map<string, HclValue> }
  | { kind: 'expression'; text: string };

export interface HclAttribute {
  value: HclValue;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export function parseHcl(text: string): HclBlock[] {
  return new HclReader(text).body(false).blocks;
}

class HclReader {
  private at = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  body(nested: boolean): HclBlock {
    const block: HclBlock = { type: '', labels: [], line: this.line, attributes: new Map(), blocks: [] };
    for (;;) {
      this.skipSpace(true);
      if (this.at >= this.text.length) return block;
      if (this.peek() === '}') {
        if (nested) this.at++;
        if (nested) return block;
        this.at++; // a stray brace at top level: skip it
        continue;
      }
      const line = this.line;
      const name = this.identifier() ?? this.quoted();
      if (name === undefined) {
        this.skipLine();
        continue;
      }
      this.skipSpace(false);
      if (this.peek() === '=' && this.text[this.at + 1] !== '=') {
        this.at++;
        block.attributes.set(name, { value: this.expression(), line });
        continue;
      }
      const labels: string[] = [];
      while (this.at < this.text.length && this.peek() !== '{' && this.peek() !== '\n') {
        const label = this.quoted() ?? this.identifier();
        if (label === undefined) break;
        labels.push(label);
        this.skipSpace(false);
      }
      if (this.peek() !== '{') {
        this.skipLine();
        continue;
      }
      this.at++;
      const child = this.body(true);
      block.blocks.push({ ...child, type: name, labels, line });
    }
  }

  private expression(): HclValue {
    this.skipSpace(false);
    const start = this.at;
    let value: HclValue | undefined;
    const char = this.peek();
    if (char === '"') value = this.template();
    else if (char === '[') value = this.list();
    else if (char === '{') value = this.object();
    else if (this.text.startsWith('<<', this.at)) {
      this.heredoc();
      return { kind: 'expression', text: '<<heredoc' };
    }
    // Whatever follows the value on its line (an operator, a conditional) makes the whole an expression.
    const restStart = this.at;
    this.skipExpression();
    const rest = this.text.slice(restStart, this.at).trim();
    if (value && !rest) return value;
    return { kind: 'expression', text: this.text.slice(start, this.at).trim() };
  }

  private template(): HclValue {
    this.at++; // opening quote
    const parts: Array<string | { expression: string }> = [];
    let literal = '';
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === '"') {
        this.at++;
        break;
      }
      if (char === '\\') {
        const next = this.text[this.at + 1] ?? '';
        literal += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        this.at += 2;
        continue;
      }
      if ((char === '$' || char === '%') && this.text[this.at + 1] === '{') {
        if (this.text[this.at + 2] === char) {
          literal += char; // `$${` is a literal `${`
          this.at += 2;
          continue;
        }
        if (literal) parts.push(literal);
        literal = '';
        this.at += 2;
        const start = this.at;
        this.skipBalanced('}');
        parts.push({ expression: this.text.slice(start, this.at - 1).trim() });
        continue;
      }
      if (char === '\n') this.line++;
      literal += char;
      this.at++;
    }
    if (literal) parts.push(literal);
    return { kind: 'string', parts };
  }

  private list(): HclValue {
    this.at++;
    const items: HclValue[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === ',') this.at++;
      this.skipSpace(true);
      if (this.at >= this.text.length) break;
      if (this.peek() === ']') {
        this.at++;
        break;
      }
      const before = this.at;
      items.push(this.expression());
      if (this.at === before) this.at++;
    }
    return { kind: 'list', items };
  }

  private object(): HclValue {
    this.at++;
    const entries = new Map<string, HclValue>();
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === ',') this.at++;
      this.skipSpace(true);
      if (this.at >= this.text.length) break;
      if (this.peek() === '}') {
        this.at++;
        break;
      }
      const key = this.quoted() ?? this.identifier();
      this.skipSpace(false);
      if (key === undefined || (this.peek() !== '=' && this.peek() !== ':')) {
        this.skipExpression();
        if (this.at < this.text.length && !'}\n'.includes(this.peek())) this.at++;
        continue;
      }
      this.at++;
      entries.set(key, this.expression());
    }
    return { kind: 'object', entries };
  }

  /** To the end of the expression: a newline, `,`, or a closing bracket at depth 0. */
  private skipExpression(): void {
    while (this.at < this.text.length) {
      const char = this.peek();
      if (char === '\n' || char === ',' || char === ']' || char === '}' || char === ')') return;
      if (char === '#' || (char === '/' && this.text[this.at + 1] === '/')) return;
      if (char === '"') {
        this.template();
        continue;
      }
      if (char === '(' || char === '[' || char === '{') {
        this.at++;
        this.skipBalanced(char === '(' ? ')' : char === '[' ? ']' : '}');
        continue;
      }
      this.at++;
    }
  }

  /** Past the matching `close`, through nested brackets and strings. */
  private skipBalanced(close: string): void {
    const closers: string[] = [close];
    while (this.at < this.text.length && closers.length > 0) {
      const char = this.text[this.at]!;
      if (char === '"') {
        this.template();
        continue;
      }
      if (char === '\n') this.line++;
      if (char === '(') closers.push(')');
      else if (char === '[') closers.push(']');
      else if (char === '{') closers.push('}');
      else if (char === closers.at(-1)) closers.pop();
      this.at++;
    }
  }

  private heredoc(): void {
    const match = /^<<-?\s*(\w+)[^\n]*\n/.exec(this.text.slice(this.at));
    if (!match) {
      this.skipLine();
      return;
    }
    this.at += match[0].length;
    this.line++;
    const end = new RegExp(`^\\s*${match[1]}\\s*$`, 'm');
    const rest = this.text.slice(this.at);
    const found = end.exec(rest);
    const length = found ? found.index + found[0].length : rest.length;
    this.line += (rest.slice(0, length).match(/\n/g) ?? []).length;
    this.at += length;
  }

  private identifier(): string | undefined {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.at, this.at + 256));
    if (!match) return undefined;
    this.at += match[0].length;
    return match[0];
  }

  private quoted(): string | undefined {
    if (this.peek() !== '"') return undefined;
    const value = this.template() as { parts: Array<string | { expression: string }> };
    return value.parts.map((part) => (typeof part === 'string' ? part : `\${${part.expression}}`)).join('');
  }

  private skipSpace(newlines: boolean): void {
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === '\n') {
        if (!newlines) return;
        this.line++;
        this.at++;
      } else if (char === ' ' || char === '\t' || char === '\r') this.at++;
      else if (char === '#' || (char === '/' && this.text[this.at + 1] === '/')) this.skipComment();
      else if (char === '/' && this.text[this.at + 1] === '*') {
        const end = this.text.indexOf('*/', this.at + 2);
        const stop = end < 0 ? this.text.length : end + 2;
        this.line += (this.text.slice(this.at, stop).match(/\n/g) ?? []).length;
        this.at = stop;
      } else return;
    }
  }

  private skipComment(): void {
    while (this.at < this.text.length && this.text[this.at] !== '\n') this.at++;
  }

  private skipLine(): void {
    this.skipExpression();
    while (this.at < this.text.length && this.text[this.at] !== '\n') this.at++;
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }
}
