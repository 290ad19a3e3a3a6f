// The grammar's choices, as data that fast-check generates and shrinks. Every list starts with its
// simplest option: shrinking moves each choice that does not matter to the failure to its first option,
// so the choices a shrunk reproducer still makes are the ones its bug needs.
import fc from 'fast-check';
import { RESOURCE_IDS } from './resources.js';
import type { ResourceId } from './resources.js';

export const LANGUAGES = ['js', 'ts'] as const;
export const EXPORT_FORMS = [
  'export-const', // export const handler = async (event, context) => {}
  'export-async-function', // export async function handler(event, context) {}
  'export-default', // export default async function (event, context) {}
  'exports-handler', // exports.handler = async (event, context) => {}
  'module-exports-object', // module.exports = { handler }
  'module-exports-named', // module.exports.hello = async (event, context) => {}
] as const;
export const WRAPPERS = ['none', 'middy', 'middy-handler', 'local-wrapper'] as const;

/** Where the creation runs, relative to the handler. */
export const PLACEMENTS = [
  'direct', // in the handler's body
  'helper', // a local function the handler calls
  'helper-call', // the same, called through `.call`
  'helper-callback', // a local function passed by name: `event.Records.map(processRecord)`
  'class-constructor', // `new Store()` per invocation; the constructor creates it
  'class-method', // a method of an instance created per invocation creates it
  'superclass-constructor', // the superclass constructor creates it
  'for-of-records', // for (const record of event.Records)
  'map-promise-all', // await Promise.all(event.Records.map(async (record) => ...))
  'literal-list', // for (const bucket of ['assets', 'archive'])
  'module-scope', // created once at module scope, used in the handler
  'handler-local-lazy', // `let x; x ??= new X()` with `x` declared inside the handler: still per invocation
  'lazy', // a module-scope cache (see LAZY_PATTERNS)
] as const;

export const LAZY_PATTERNS = [
  'nullish-assign', // x ??= new X()
  'or-assign', // x ||= new X()
  'nullish-coalesce', // x = x ?? new X()
  'if-not', // if (!x) x = new X()
  'memo-function', // function getX() { if (x) return x; x = new X(); return x; }
  'map-with-lookup', // let c = cache.get(key); if (!c) { c = new X(); cache.set(key, c); }
  'map-without-lookup', // cache.set(key, new X()): builds a new one every time
  'global-this', // globalThis.x ??= new X()
  'instance-field-per-invocation', // this.x ??= new X() on an instance created per invocation
] as const;

/** The creation's configuration: stable, or from the request (directly or through state). */
export const CONFIGS = [
  'empty',
  'literal',
  'env', // process.env.X
  'module-constant', // const REGION = '...' at module scope
  'stable-mutated', // const options = {...}; if (process.env.ENDPOINT) options.endpoint = process.env.ENDPOINT
  'module-object-stable-write', // settings.endpoint = process.env.ENDPOINT in the handler
  'event', // from the event (through a parameter where the event is not in scope)
  'context', // from the context (awsRequestId)
  'module-state', // let current = ...; current = event.tenant in the handler
  'config-write', // settings.region = event.region in the handler
  'object-assign', // Object.assign(settings, { region: event.region })
  'env-write', // process.env.AWS_REGION = event.region before construction
  'random-uuid', // a value meant to differ per invocation
  'array-destructuring', // const [host, port] = url.split(':')
  'comma', // const value = (0, process.env.X)
  'arguments', // const [evt] = arguments in a function handler
] as const;

export const TEARDOWNS = [
  'none',
  'direct', // await x.end() after use
  'finally', // try { use } finally { await x.end() }
  'close-all', // await closeAll([x]): a helper that closes what it receives
  'deps-member', // const deps = { db: x }; ... await deps.db.end()
  'mongoose-connection-close', // await mongoose.connection.close()
] as const;

/** Whole shapes, most from issue 9: each a small handler fragment around one resource. */
export const TEMPLATES = [
  'middleware-per-invocation', // s3.middlewareStack.add(...) in the handler or a helper
  'listener-per-invocation', // pool.on('error') directly or in a helper; redis client.on('error')
  'append-keys', // logger.appendKeys({ userId }) per invocation
  'prisma-hooks', // prisma.$use / $on per invocation
  'connect-in-try-503', // try { await client.connect() } catch { return { statusCode: 503 } }
  'per-record-transactions', // a pg Client per record with BEGIN/COMMIT/ROLLBACK
  'callback-teardown', // callback handler: pool.end() before callback(null, rows)
  'finally-shadowing-const', // try { const table = ...} finally { await pool.end() }, module `table`
  'one-line-try', // try { ({ rows } = await pool.query(q)); } finally { ... } on few lines
  'multiple-declarators', // const client = new DynamoDBClient({}), doc = DynamoDBDocumentClient.from(client)
  'getter-named-local', // const getS3Client = () => new S3Client({}) beside a site the codemod names so
  'module-code-before-require', // module code calls the helper before a later require
  'jsdoc-type-no-imports', // // @ts-check, a JSDoc @type comment, no imports at all
  'random-uuid-logger', // persistentLogAttributes: { invocationId: randomUUID() }
  'mysql-connection-cast', // (await mysql.createConnection(...)) as mysql.Connection; connection.end()
  'await-using', // await using client = new MongoClient(uri)
] as const;

export type Language = (typeof LANGUAGES)[number];
export type ExportForm = (typeof EXPORT_FORMS)[number];
export type Wrapper = (typeof WRAPPERS)[number];
export type Placement = (typeof PLACEMENTS)[number];
export type LazyPattern = (typeof LAZY_PATTERNS)[number];
export type Config = (typeof CONFIGS)[number];
export type Teardown = (typeof TEARDOWNS)[number];
export type Template = (typeof TEMPLATES)[number];

export interface GenericSite {
  kind: 'generic';
  resource: ResourceId;
  placement: Placement;
  lazy: LazyPattern;
  config: Config;
  teardown: Teardown;
}

export interface TemplateSite {
  kind: 'template';
  template: Template;
  /** Picks one of the template's variants (modulo their number). */
  variant: number;
}

export type SiteChoice = GenericSite | TemplateSite;

export interface Case {
  language: Language;
  /** The other file extension of the language and module system (`.mts` for `.ts`, `.js` for `.mjs`). */
  otherExtension: boolean;
  exportForm: ExportForm;
  wrapper: Wrapper;
  /** The database refuses connections during the first invocation. */
  dbDownFirst: boolean;
  /** Up to three sites; a missing one is null (so that shrinking can drop any of them). */
  sites: Array<SiteChoice | null>;
}

const genericSite: fc.Arbitrary<SiteChoice> = fc.record({
  kind: fc.constant('generic' as const),
  resource: fc.constantFrom(...RESOURCE_IDS),
  placement: fc.constantFrom(...PLACEMENTS),
  lazy: fc.constantFrom(...LAZY_PATTERNS),
  config: fc.constantFrom(...CONFIGS),
  teardown: fc.constantFrom(...TEARDOWNS),
});

const templateSite: fc.Arbitrary<SiteChoice> = fc.record({
  kind: fc.constant('template' as const),
  template: fc.constantFrom(...TEMPLATES),
  variant: fc.nat({ max: 3 }),
});

// A template shrinks to a generic site (the simplest is all defaults) when the template is not the cause.
const site = fc.oneof({ withCrossShrink: true }, { arbitrary: genericSite, weight: 3 }, { arbitrary: templateSite, weight: 2 });
/** A second or third site, present one time in three; it shrinks to none. */
const optionalSite = fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(null), weight: 2 }, { arbitrary: site, weight: 1 });

export const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  language: fc.constantFrom(...LANGUAGES),
  otherExtension: fc.boolean(),
  exportForm: fc.constantFrom(...EXPORT_FORMS),
  wrapper: fc.constantFrom(...WRAPPERS),
  // One case in five; shrinks to false.
  dbDownFirst: fc.constantFrom(false, false, false, false, true),
  // fast-check shrinks an array by dropping its first elements; optional slots can each shrink to null.
  sites: fc
    .tuple(fc.option(site, { freq: 10 }), optionalSite, optionalSite)
    .filter((sites) => sites.some((choice) => choice !== null)),
});
