// Ordinary functions with nothing to do with Lambda or resources: validation, mapping, formatting, retries,
// small classes. Real handler files carry many of them (a long file is mostly these), and modules without a
// handler are made of them; they give the rules and ESLint's own rules realistic code to walk.
import type { Random } from './random.js';
import { ann, capitalize, cast, type Names, type Style } from './source.js';

export interface Filler {
  name: string;
  lines: string[];
  /** An expression calling it with `value` (an object derived from the request), if it can be called so. */
  call?: (value: string) => string;
  async?: boolean;
}

const NOUNS = ['order', 'invoice', 'customer', 'payment', 'shipment', 'product', 'account', 'report', 'ticket', 'booking', 'message', 'profile', 'subscription', 'device', 'session', 'upload', 'coupon', 'review', 'tenant', 'job'];
const FIELDS = ['id', 'name', 'email', 'status', 'amount', 'currency', 'createdAt', 'updatedAt', 'quantity', 'price', 'country', 'reference', 'priority', 'owner', 'tags', 'notes'];
const STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'CANCELLED', 'COMPLETED', 'FAILED', 'REFUNDED', 'ARCHIVED'];

type Template = (name: string, noun: string, style: Style, random: Random, names: Names) => Omit<Filler, 'name'>;

const validate: Template = (name, noun, style, random) => {
  const fields = random.sample(FIELDS, random.int(2, 6));
  return {
    lines: [
      `function ${name}(input${ann(style, ': Record<string, unknown>')})${ann(style, ': string[]')} {`,
      `  const errors${ann(style, ': string[]')} = [];`,
      ...fields.flatMap((field) =>
        random.chance(0.5)
          ? [`  if (input.${field} === undefined || input.${field} === null) {`, `    errors.push('${field} is required for a ${noun}');`, '  }']
          : [`  if (typeof input.${field} !== 'string' || input.${field}.length > 256) {`, `    errors.push(\`${field} must be a short string, got \${typeof input.${field}}\`);`, '  }'],
      ),
      '  return errors;',
      '}',
    ],
    call: (value) => `${name}(${value})`,
  };
};

const toDto: Template = (name, _noun, style, random) => {
  const fields = random.sample(FIELDS, random.int(3, 8));
  const conversions: Record<string, (field: string) => string> = {
    createdAt: (field) => `new Date(String(item.${field} ?? Date.now())).toISOString()`,
    updatedAt: (field) => `item.${field} ? new Date(String(item.${field})).toISOString() : null`,
    amount: (field) => `Math.round(Number(item.${field} ?? 0) * 100) / 100`,
    quantity: (field) => `Number.parseInt(String(item.${field} ?? '0'), 10)`,
    tags: (field) => `Array.isArray(item.${field}) ? item.${field}.map(String) : []`,
  };
  return {
    lines: [
      `function ${name}(item${ann(style, ': Record<string, any>')}) {`,
      '  return {',
      ...fields.map((field) => `    ${field}: ${conversions[field]?.(field) ?? `String(item.${field} ?? '').trim()`},`),
      '  };',
      '}',
    ],
    call: (value) => `${name}(${value})`,
  };
};

const total: Template = (name, _noun, style) => ({
  lines: [
    `function ${name}(items${ann(style, ': Array<{ price?: number; quantity?: number; discount?: number }>')})${ann(style, ': number')} {`,
    '  return items.reduce((sum, item) => {',
    '    const gross = (item.price ?? 0) * (item.quantity ?? 1);',
    '    return sum + gross - (item.discount ?? 0);',
    '  }, 0);',
    '}',
  ],
  call: (value) => `${name}(${cast(style, `(${value}.items ?? [])`, 'any[]')})`,
});

const response: Template = (name, _noun, style, random) => ({
  lines: [
    `function ${name}(statusCode${ann(style, ': number')}, body${ann(style, ': unknown')}) {`,
    '  return {',
    '    statusCode,',
    `    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': ${random.chance(0.5) ? "'*'" : 'process.env.ALLOWED_ORIGIN'} },`,
    '    body: JSON.stringify(body),',
    '  };',
    '}',
  ],
  call: (value) => `${name}(200, ${value})`,
});

const describeStatus: Template = (name, noun, style, random) => {
  const statuses = random.sample(STATUSES, random.int(3, 7));
  return {
    lines: [
      `function ${name}(status${ann(style, ': string')})${ann(style, ': string')} {`,
      '  switch (status) {',
      ...statuses.flatMap((status) => [`    case '${status}':`, `      return 'The ${noun} is ${status.toLowerCase()}';`]),
      '    default:',
      `      return \`Unknown ${noun} status \${status}\`;`,
      '  }',
      '}',
    ],
    call: (value) => `${name}(String(${value}.status))`,
  };
};

const retry: Template = (name, _noun, style, random) => ({
  async: true,
  lines: [
    `async function ${name}${ann(style, '<T>')}(operation${ann(style, ': () => Promise<T>')}, attempts = ${random.int(2, 5)})${ann(style, ': Promise<T>')} {`,
    `  let lastError${ann(style, ': unknown')};`,
    '  for (let attempt = 1; attempt <= attempts; attempt++) {',
    '    try {',
    '      return await operation();',
    '    } catch (error) {',
    '      lastError = error;',
    `      const delay = Math.min(${random.pick([50, 100, 200])} * 2 ** attempt, 2000) + Math.floor(Math.random() * 50);`,
    '      await new Promise((resolve) => setTimeout(resolve, delay));',
    '    }',
    '  }',
    '  throw lastError;',
    '}',
  ],
});

const chunk: Template = (name, _noun, style) => ({
  lines: [
    `function ${name}${ann(style, '<T>')}(items${ann(style, ': T[]')}, size${ann(style, ': number')})${ann(style, ': T[][]')} {`,
    `  const chunks${ann(style, ': T[][]')} = [];`,
    '  for (let index = 0; index < items.length; index += size) {',
    '    chunks.push(items.slice(index, index + size));',
    '  }',
    '  return chunks;',
    '}',
  ],
  call: (value) => `${name}(${cast(style, `(${value}.items ?? [])`, 'unknown[]')}, 25)`,
});

const headerValue: Template = (name, _noun, style) => ({
  lines: [
    `function ${name}(headers${ann(style, ': Record<string, string | undefined> | undefined')}, wanted${ann(style, ': string')})${ann(style, ': string | undefined')} {`,
    '  const lower = wanted.toLowerCase();',
    '  for (const [key, value] of Object.entries(headers ?? {})) {',
    '    if (key.toLowerCase() === lower) {',
    '      return value;',
    '    }',
    '  }',
    '  return undefined;',
    '}',
  ],
  call: (value) => `${name}(${value}.headers, 'x-correlation-id')`,
});

const dates: Template = (name, _noun, style, random) => ({
  lines: [
    `function ${name}(date${ann(style, ': Date')}, days${ann(style, ': number')} = ${random.int(1, 30)})${ann(style, ': string')} {`,
    '  const copy = new Date(date.getTime());',
    '  copy.setUTCDate(copy.getUTCDate() + days);',
    '  copy.setUTCHours(0, 0, 0, 0);',
    "  return copy.toISOString().slice(0, 10);",
    '}',
  ],
  call: () => `${name}(new Date())`,
});

const slugify: Template = (name, _noun, style) => ({
  lines: [
    `const ${name} = (text${ann(style, ': string')})${ann(style, ': string')} =>`,
    '  text',
    '    .toLowerCase()',
    "    .normalize('NFKD')",
    "    .replace(/[\\u0300-\\u036f]/g, '')",
    "    .replace(/[^a-z0-9]+/g, '-')",
    "    .replace(/^-+|-+$/g, '');",
  ],
  call: (value) => `${name}(String(${value}.name ?? ''))`,
});

const errorClass: Template = (name, noun, style, random, names) => {
  const className = names.unique(`${capitalize(noun)}${random.pick(['NotFound', 'Validation', 'Conflict', 'Timeout'])}Error`);
  return {
    lines: [
      `class ${className} extends Error {`,
      ...(style.ts ? ['  readonly statusCode: number;', ''] : []),
      `  constructor(message${ann(style, ': string')}, statusCode = ${random.pick([400, 404, 409, 504])}) {`,
      '    super(message);',
      `    this.name = '${className}';`,
      '    this.statusCode = statusCode;',
      '  }',
      '}',
      '',
      `function ${name}(error${ann(style, ': unknown')}) {`,
      `  if (error instanceof ${className}) {`,
      '    return { statusCode: error.statusCode, body: JSON.stringify({ message: error.message }) };',
      '  }',
      "  return { statusCode: 500, body: JSON.stringify({ message: 'Internal error' }) };",
      '}',
    ],
  };
};

const requiredEnv: Template = (name, _noun, style) => ({
  lines: [
    `function ${name}(variable${ann(style, ': string')})${ann(style, ': string')} {`,
    '  const value = process.env[variable];',
    '  if (!value) {',
    '    throw new Error(`Missing environment variable ${variable}`);',
    '  }',
    '  return value;',
    '}',
  ],
  call: () => `${name}('STAGE')`,
});

const paginate: Template = (name, _noun, style) => ({
  async: true,
  lines: [
    `async function ${name}${ann(style, '<T>')}(fetchPage${ann(style, ': (token?: string) => Promise<{ items: T[]; next?: string }>')})${ann(style, ': Promise<T[]>')} {`,
    `  const items${ann(style, ': T[]')} = [];`,
    `  let token${ann(style, ': string | undefined')};`,
    '  do {',
    '    const page = await fetchPage(token);',
    '    items.push(...page.items);',
    '    token = page.next;',
    '  } while (token);',
    '  return items;',
    '}',
  ],
});

const changedFields: Template = (name, _noun, style) => ({
  lines: [
    `function ${name}(before${ann(style, ': Record<string, unknown>')}, after${ann(style, ': Record<string, unknown>')})${ann(style, ': string[]')} {`,
    '  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);',
    '  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();',
    '}',
  ],
  call: (value) => `${name}({}, ${value})`,
});

const counterClass: Template = (name, noun, style, random, names) => {
  const className = names.unique(`${capitalize(noun)}${random.pick(['Tracker', 'Buffer', 'Window', 'Budget'])}`);
  return {
    lines: [
      `class ${className} {`,
      ...(style.ts ? ['  private readonly entries = new Map<string, number>();', ''] : []),
      `  constructor(limit${ann(style, ': number')} = ${random.int(10, 500)}) {`,
      '    this.limit = limit;',
      ...(style.ts ? [] : ['    this.entries = new Map();']),
      '  }',
      ...(style.ts ? ['', '  private readonly limit: number;'] : []),
      '',
      `  add(key${ann(style, ': string')}, amount = 1)${ann(style, ': boolean')} {`,
      '    const next = (this.entries.get(key) ?? 0) + amount;',
      '    if (next > this.limit) {',
      '      return false;',
      '    }',
      '    this.entries.set(key, next);',
      '    return true;',
      '  }',
      '',
      `  snapshot()${ann(style, ': Array<[string, number]>')} {`,
      '    return [...this.entries.entries()].sort((a, b) => b[1] - a[1]);',
      '  }',
      '}',
      '',
      `function ${name}(keys${ann(style, ': string[]')}) {`,
      `  const tracker = new ${className}();`,
      '  for (const key of keys) {',
      '    tracker.add(key);',
      '  }',
      '  return tracker.snapshot();',
      '}',
    ],
    call: (value) => `${name}(Object.keys(${value}))`,
  };
};

const groupBy: Template = (name, _noun, style) => ({
  lines: [
    `function ${name}${ann(style, '<T extends Record<string, unknown>>')}(items${ann(style, ': T[]')}, key${ann(style, ': keyof T')}) {`,
    `  const groups${ann(style, ': Record<string, T[]>')} = {};`,
    '  for (const item of items) {',
    '    const group = String(item[key]);',
    '    (groups[group] ??= []).push(item);',
    '  }',
    '  return groups;',
    '}',
  ],
  call: (value) => `${name}(${cast(style, `(${value}.items ?? [])`, 'Array<Record<string, unknown>>')}, 'status')`,
});

/** Each template with the verb its functions are named after. */
const TEMPLATES: ReadonlyArray<[verb: string, template: Template]> = [
  ['validate', validate],
  ['to', toDto],
  ['totalOf', total],
  ['respond', response],
  ['describe', describeStatus],
  ['withRetry', retry],
  ['chunk', chunk],
  ['header', headerValue],
  ['addDays', dates],
  ['slugify', slugify],
  ['toErrorResponse', errorClass],
  ['requiredEnv', requiredEnv],
  ['collectPages', paginate],
  ['changed', changedFields],
  ['rank', counterClass],
  ['groupBy', groupBy],
];

/** One unrelated function (sometimes a class and its function), under a name unique in the file. */
export function generateFiller(random: Random, style: Style, names: Names): Filler {
  const [verb, template] = random.pick(TEMPLATES);
  const noun = random.pick(NOUNS);
  const name = names.unique(`${verb}${capitalize(noun)}${random.chance(0.3) ? random.pick(['Fields', 'Items', 'Batch', 'Data', 'Details']) : ''}`);
  return { name, ...template(name, noun, style, random, names) };
}
