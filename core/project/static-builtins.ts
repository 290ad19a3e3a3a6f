import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExternalRef } from './static-values.js';
import type { StaticValue } from './static-values.js';

const PATH_FUNCTIONS: Record<string, (...parts: string[]) => string> = {
  join: path.join,
  resolve: path.resolve,
  dirname: path.dirname,
  basename: (file, suffix) => path.basename(file!, suffix),
  extname: path.extname,
  normalize: path.normalize,
  relative: path.relative,
};

/**
 * Calls of Node built-ins that IaC code uses to build paths: `path.join` and friends (also
 * `path.posix`), `fileURLToPath`, `new URL(relative, base)`, `process.cwd()`. `undefined` when the
 * call is not one of them or an argument is not known.
 */
export function callBuiltin(ref: ExternalRef, args: readonly StaticValue[], cwd: string): StaticValue | undefined {
  const module = ref.module.replace(/^node:/, '');
  const strings = args.every((arg) => typeof arg === 'string') ? (args as string[]) : undefined;
  const name = ref.path.at(-1);
  if (module === 'path' || module === 'upath' || module === 'pathe') {
    const fn = name ? PATH_FUNCTIONS[name] : undefined;
    if (!fn || !strings) return undefined;
    // `resolve` is relative to where the tool runs, not to this process.
    return name === 'resolve' ? path.resolve(cwd, ...strings) : fn(...strings);
  }
  if (module === 'url' && name === 'fileURLToPath' && strings?.length === 1) return safely(() => fileURLToPath(strings[0]!));
  if (module === '<global>') {
    const [first, second] = ref.path;
    if (first === 'process' && second === 'cwd' && ref.path.length === 2) return cwd;
    if (first === 'URL' && ref.path.length === 1 && strings && strings.length >= 1) {
      return safely(() => new URL(strings[0]!, strings[1]).href);
    }
  }
  return undefined;
}

/** String and array methods that path-building code uses; `undefined` when not supported. */
export function callMethod(receiver: string | StaticValue[], method: string, args: readonly StaticValue[]): StaticValue | undefined {
  if (Array.isArray(receiver)) {
    if (method === 'join' && (args[0] === undefined || typeof args[0] === 'string')) {
      return receiver.every((item) => typeof item === 'string' || typeof item === 'number') ? receiver.join(args[0] ?? ',') : undefined;
    }
    if (method === 'at' && typeof args[0] === 'number') return receiver.at(args[0]);
    if (method === 'slice') return receiver.slice(args[0] as number | undefined, args[1] as number | undefined);
    return undefined;
  }
  const [first, second] = args;
  switch (method) {
    case 'split':
      return typeof first === 'string' ? receiver.split(first) : undefined;
    case 'substring':
    case 'slice':
    case 'substr':
      if (typeof first !== 'number' || (second !== undefined && typeof second !== 'number')) return undefined;
      return method === 'slice' ? receiver.slice(first, second) : receiver.substring(first, second);
    case 'replace':
    case 'replaceAll':
      if ((typeof first !== 'string' && !(first instanceof RegExp)) || typeof second !== 'string') return undefined;
      return safely(() => (method === 'replace' ? receiver.replace(first, second) : receiver.replaceAll(first, second)));
    case 'concat':
      return args.every((arg) => typeof arg === 'string') ? receiver.concat(...(args as string[])) : undefined;
    case 'trim':
    case 'toLowerCase':
    case 'toUpperCase':
      return receiver[method]();
    default:
      return undefined;
  }
}

function safely(compute: () => string): string | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
