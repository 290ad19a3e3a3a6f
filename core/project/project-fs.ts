import { readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';

/** What a file or folder looked like when it was read: enough to tell that it changed since. */
export interface Fingerprint {
  mtimeMs: number;
  size: number;
  kind: 'file' | 'directory' | 'missing';
}

/**
 * The file system as one build of the project model sees it: each look-up is made once, and every
 * path looked at is remembered with its fingerprint, so that a later call can tell whether the model
 * is stale by checking those paths only.
 */
export class ProjectFs {
  private readonly stats = new Map<string, Stats | undefined>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly json = new Map<string, unknown>();

  private stat(file: string): Stats | undefined {
    if (this.stats.has(file)) return this.stats.get(file);
    let stat: Stats | undefined;
    try {
      stat = statSync(file);
    } catch {
      stat = undefined;
    }
    this.stats.set(file, stat);
    return stat;
  }

  isFile(file: string): boolean {
    return this.stat(file)?.isFile() ?? false;
  }

  isDirectory(dir: string): boolean {
    return this.stat(dir)?.isDirectory() ?? false;
  }

  /** The file's text, or `undefined` when it cannot be read. */
  readText(file: string): string | undefined {
    if (this.texts.has(file)) return this.texts.get(file);
    let text: string | undefined;
    if (this.isFile(file)) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
    }
    this.texts.set(file, text);
    return text;
  }

  /** A JSON file's value, or `undefined` when it is missing or not JSON. */
  readJson(file: string): unknown {
    if (this.json.has(file)) return this.json.get(file);
    const text = this.readText(file);
    let value: unknown;
    try {
      value = text === undefined ? undefined : JSON.parse(text);
    } catch {
      value = undefined;
    }
    this.json.set(file, value);
    return value;
  }

  /** Every path looked at, with what it was: the model depends on exactly these. */
  fingerprints(): Map<string, Fingerprint> {
    const prints = new Map<string, Fingerprint>();
    for (const [file, stat] of this.stats) prints.set(file, fingerprintOf(stat));
    return prints;
  }

  /** Records folders too (a new file in one changes its mtime), without reading them. */
  touch(file: string): void {
    this.stat(file);
  }
}

export function fingerprintOf(stat: Stats | undefined): Fingerprint {
  if (!stat) return { mtimeMs: 0, size: 0, kind: 'missing' };
  return { mtimeMs: stat.mtimeMs, size: stat.isDirectory() ? 0 : stat.size, kind: stat.isDirectory() ? 'directory' : 'file' };
}

/** Whether any of the paths changed since they were fingerprinted. */
export function hasChanged(prints: ReadonlyMap<string, Fingerprint>): boolean {
  for (const [file, before] of prints) {
    let now: Fingerprint;
    try {
      now = fingerprintOf(statSync(file));
    } catch {
      now = fingerprintOf(undefined);
    }
    if (now.kind !== before.kind || now.mtimeMs !== before.mtimeMs || now.size !== before.size) return true;
  }
  return false;
}

/** `a` is `b` or inside it. */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A path relative to the root, with forward slashes, as reports show it. */
export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.';
}
