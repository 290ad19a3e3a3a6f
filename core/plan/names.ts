/**
 * camelCase for a singleton's name, keeping acronyms readable: `DynamoDBClient` → `dynamoDBClient`,
 * `SQSClient` → `sqsClient`, `S3` → `s3`, `OpenAI` → `openAI`, `Pool` → `pool`.
 */
export function camelCase(name: string): string {
  const leadingCaps = /^[A-Z0-9]+/.exec(name)?.[0] ?? '';
  if (leadingCaps.length === 0) return name;
  // `SESv2Client`: an acronym with a version suffix stays one word.
  const versioned = /^([A-Z][A-Z0-9]*)(v\d+)/.exec(name);
  if (versioned) return versioned[1]!.toLowerCase() + name.slice(versioned[1]!.length);
  if (leadingCaps.length === name.length) return name.toLowerCase();
  // `SQSClient`: lower all but the capital that starts the next word.
  const lowered = leadingCaps.length === 1 ? 1 : leadingCaps.length - 1;
  return name.slice(0, lowered).toLowerCase() + name.slice(lowered);
}

/** `getDynamoDBClient`, `getSql`. */
export function getterName(name: string): string {
  return `get${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/**
 * `cachedDynamoDBClient`, `cachedPool`: the module-scope variable says it is a cache that outlives the
 * invocation, and is not the name the handler's code gives the resource (`const pool = getPool()`),
 * so that neither shadows the other.
 */
export function cacheName(name: string): string {
  return `cached${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

// Reserved words (strict mode and TypeScript's contextual ones that cannot name a `let`) are never free.
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await arguments eval ' +
    'undefined NaN Infinity'
  ).split(' '),
);

/** A name free of `taken` (and not a reserved word), suffixed `2`, `3`, ... when needed. */
export function freeName(base: string, isTaken: (name: string) => boolean): string {
  if (!isTaken(base) && !RESERVED.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    if (!isTaken(`${base}${suffix}`)) return `${base}${suffix}`;
  }
}
