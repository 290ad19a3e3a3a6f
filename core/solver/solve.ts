import type { RequestDependence } from '../types.js';
import { STABLE, join } from '../summary/dependence-ops.js';
import { assignsOf, creationOf, functionOf, writtenStateOf } from '../summary/lazy.js';
import type {
  CacheAssignment,
  CacheScope,
  CallEdge,
  Callee,
  CreationSummary,
  Dependence,
  ExportValue,
  FetchSummary,
  TeardownSummary,
  InitReason,
  InputWriteKind,
  ModuleSummary,
  Range,
  Repeat,
} from '../summary/types.js';

/** Where invocations enter: an export of a file (a handler the code or the infrastructure declares). */
export interface SolveEntry {
  file: string;
  export: string;
}

/**
 * The solver's inputs. Per-file mode: one summary, its handlers as entries, no resolver (imports are
 * opaque). Project mode: the same solver over the project graph, with `summaryOf` reading (cached)
 * summaries and `resolve` mapping an import specifier to a first-party file (undefined for packages).
 */
export interface SolveInput {
  entries: readonly SolveEntry[];
  summaryOf(file: string): ModuleSummary | undefined;
  resolve?(specifier: string, fromFile: string): string | undefined;
}

export interface PathStep {
  file: string;
  fn: number;
  name: string;
}

/** What a site's inputs depend on once every call on the way has filled in its arguments. */
export interface SolvedDependence {
  kind: 'stable' | 'init' | 'request';
  request?: RequestDependence;
  init?: InitReason;
}

/** A write to a site's inputs before the construction: a local's, or module state written by code that runs per invocation. */
export interface SolvedInputWrite {
  file: string;
  range: Range;
  target: string;
  kind: InputWriteKind;
  dependence: SolvedDependence['kind'];
}

/** A creation that runs per invocation in one calling context. */
export interface Finding {
  /** The file of the creation, and its number in that file's summary. */
  file: string;
  creation: number;
  handler: { file: string; name: string; fn: number };
  /** The functions between the handler and the creation, outermost first. */
  path: PathStep[];
  perRecord: boolean;
  dependence: SolvedDependence;
  inputWrites: SolvedInputWrite[];
}

/** A secret or parameter fetch that runs per invocation in one calling context (core/credentials.ts). */
export interface FetchFinding {
  file: string;
  fetch: number;
  handler: { file: string; name: string; fn: number };
  path: PathStep[];
  perRecord: boolean;
  /** What the fetched id depends on: a request-dependent id is the request's own secret. */
  id: SolvedDependence;
}

/** A call that closes a resource which outlives the invocation, run per invocation in one calling context. */
export interface TeardownFinding {
  file: string;
  teardown: number;
  handler: { file: string; name: string; fn: number };
  path: PathStep[];
}

/** At most this many calling contexts per function and handler; beyond, arguments count as request data. */
const MAX_CONTEXTS = 48;

type Instance = 'module' | 'fresh' | 'unknown';

/** One visit of a function: who calls it, how often, behind which cache, with which arguments. */
interface Context {
  file: string;
  summary: ModuleSummary;
  fn: number;
  handler: Finding['handler'];
  path: PathStep[];
  repeated: boolean;
  lazy: boolean;
  instance: Instance;
  /** Functions whose run is part of this invocation's, by `file#fn`, with whether that run repeats. */
  frames: ReadonlyMap<string, boolean>;
  /** Parameters of this function and the functions it closes over, by `file#fn:index`, filled in. */
  env: ReadonlyMap<string, Dependence>;
}

interface PendingFinding {
  context: Context;
  creation: CreationSummary;
  dependence: Dependence;
  perRecord: boolean;
}

interface VisitedWrite {
  key: string;
  file: string;
  range: Range;
  target: string;
  kind: InputWriteKind;
  writer: string;
  dependence: Dependence;
}

/**
 * Walks from the entries over the summaries and yields the creations that run per invocation. A function
 * is visited once per distinct calling context (handler, repetition, laziness, instance, what each
 * argument depends on), not once per function: a helper called with a constant and with `event.region` is
 * request-dependent whatever the order, and a helper shared by two handlers keeps both handlers' loops.
 * Module and instance state is filled in last, from every write made by code that runs per invocation.
 */
export function solve(input: SolveInput): Finding[] {
  return new Solver(input).run();
}

/** The same walk, with the secret and parameter fetches that run per invocation as well. */
export function solveWithFetches(input: SolveInput): { findings: Finding[]; fetches: FetchFinding[]; teardowns: TeardownFinding[] } {
  const solver = new Solver(input);
  const findings = solver.run();
  return { findings, fetches: solver.fetchFindings(), teardowns: solver.teardownFindings };
}

class Solver {
  private readonly seen = new Set<string>();
  private readonly contextsPerFunction = new Map<string, number>();
  private readonly queue: Context[] = [];
  private readonly pending: PendingFinding[] = [];
  readonly teardownFindings: TeardownFinding[] = [];
  private readonly seenTeardowns = new Set<string>();
  private readonly pendingFetches: Array<{ context: Context; fetch: FetchSummary; dependence: Dependence; perRecord: boolean }> = [];
  private readonly writes = new Map<string, VisitedWrite>();
  /** State keys the loaded modules write, worked out when a loop over state first asks. */
  private writtenKeys: Set<string> | undefined;
  private readonly loaded = new Set<string>();
  private readonly assignsMemo = new Map<string, CacheAssignment[]>();
  private readonly stateMemo = new Map<string, Dependence | 'pending'>();

  constructor(private readonly input: SolveInput) {}

  run(): Finding[] {
    for (const entry of this.input.entries) this.enter(entry);
    for (let next = this.queue.shift(); next; next = this.queue.shift()) this.visit(next);
    return this.pending.map((pending) => this.finding(pending));
  }

  private summary(file: string): ModuleSummary | undefined {
    const summary = this.input.summaryOf(file);
    if (summary && !this.loaded.has(file)) {
      this.loaded.add(file);
      this.writtenKeys = undefined;
    }
    return summary;
  }

  private enter(entry: SolveEntry): void {
    const summary = this.summary(entry.file);
    if (!summary) return;
    const handlers = summary.handlers.filter((handler) => handler.name === entry.export);
    const starts: Array<{ file: string; summary: ModuleSummary; fn: number; instance: Instance }> = handlers.length
      ? handlers.flatMap((handler) =>
          [handler.fn, ...(handler.middlewares ?? [])].map((fn) => ({ file: entry.file, summary, fn, instance: handler.instance ?? ('unknown' as Instance) })),
        )
      : this.exportRuns(entry.file, entry.export, 0).map((target) => ({ ...target, instance: 'unknown' as Instance }));
    for (const start of starts) {
      const handler = { file: entry.file, name: entry.export, fn: handlers[0]?.fn ?? start.fn };
      const fn = functionOf(start.summary, start.fn);
      if (!fn) continue;
      const env = new Map<string, Dependence>();
      for (let index = 0; index < Math.max(fn.params, 1); index++) {
        env.set(slotKey(start.file, start.fn, index), { request: { input: '', why: 'handler-parameter', in: entry.export } });
      }
      this.enqueue({
        file: start.file,
        summary: start.summary,
        fn: start.fn,
        handler,
        path: [],
        repeated: false,
        lazy: false,
        instance: start.instance,
        frames: new Map([[fnKey(start.file, start.fn), false]]),
        env,
      });
    }
  }

  private enqueue(context: Context): void {
    const where = `${fnKey(context.file, context.fn)}|${context.handler.file}#${context.handler.name}#${context.handler.fn}`;
    const count = this.contextsPerFunction.get(where) ?? 0;
    if (count >= MAX_CONTEXTS) context = widened(context);
    const key = `${where}|${contextKey(context)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.contextsPerFunction.set(where, count + 1);
    this.queue.push(context);
  }

  private visit(context: Context): void {
    const fn = functionOf(context.summary, context.fn);
    if (!fn) return;
    for (const id of fn.creations) {
      const creation = creationOf(context.summary, id);
      if (!creation || context.lazy || this.outlives(creation.caches, context, context.instance)) continue;
      this.pending.push({
        context,
        creation,
        dependence: this.fill(creation.args, context),
        perRecord: this.repeatedAt(creation, context),
      });
    }
    for (const id of fn.teardowns ?? []) {
      const teardown: TeardownSummary | undefined = context.summary.teardowns?.[id];
      const key = `${context.file}#${id}`;
      if (!teardown || context.lazy || this.seenTeardowns.has(key)) continue;
      this.seenTeardowns.add(key);
      this.teardownFindings.push({ file: context.file, teardown: id, handler: context.handler, path: context.path });
    }
    for (const id of fn.fetches ?? []) {
      const fetch = context.summary.fetches?.[id];
      if (!fetch || fetch.cached || context.lazy || this.outlives(fetch.caches, context, context.instance)) continue;
      this.pendingFetches.push({ context, fetch, dependence: this.fill(fetch.idDependence, context), perRecord: this.repeatedAt(fetch, context) });
    }
    for (const write of fn.writes) {
      const key = canonicalKey(write.key, context.file);
      const dependence = this.fill(write.dependence, context);
      const id = `${key}|${context.file}|${write.range[0]}|${coarse(dependence)}`;
      if (!this.writes.has(id)) {
        this.writes.set(id, { key, file: context.file, range: write.range, target: write.target, kind: write.kind, writer: this.nameIn(context), dependence });
      }
    }
    for (const edge of fn.calls) {
      for (const target of this.callees(edge.target, context.file, context.summary)) this.follow(context, edge, target);
    }
  }

  private follow(context: Context, edge: CallEdge, target: { file: string; summary: ModuleSummary; fn: number }): void {
    const callee = functionOf(target.summary, target.fn);
    if (!callee) return;
    const targetKey = fnKey(target.file, target.fn);
    const repeated = context.repeated || this.repeats(edge.repeat, context);
    const instance: Instance =
      edge.kind === 'new'
        ? 'fresh'
        : edge.kind === 'nested' || edge.kind === 'super' || edge.receiver === 'this'
          ? context.instance
          : edge.receiver === 'module' || edge.receiver === 'fresh'
            ? edge.receiver
            : 'unknown';
    const lazy =
      context.lazy ||
      this.outlives(edge.caches, context, context.instance) ||
      this.guardedByCallee(edge.guardTests, target, context, instance);
    let frames: Map<string, boolean>;
    let env: Map<string, Dependence>;
    if (edge.kind === 'nested') {
      frames = new Map(context.frames);
      env = new Map(context.env);
    } else {
      // What the callee closes over keeps its run only if that run is part of this invocation.
      const ancestors = this.ancestors(target.summary, target.fn).map((id) => fnKey(target.file, id));
      frames = new Map(ancestors.filter((key) => context.frames.has(key)).map((key) => [key, context.frames.get(key)!]));
      env = new Map([...context.env].filter(([key]) => frames.has(key.slice(0, key.lastIndexOf(':')))));
      const args =
        edge.args === 'forward'
          ? Array.from({ length: Math.max(callee.params, 8) }, (_, index) => context.env.get(slotKey(context.file, context.fn, index)) ?? STABLE)
          : edge.args.map((argument) => this.fill(argument, context));
      args.forEach((argument, index) => env.set(slotKey(target.file, target.fn, index), argument));
    }
    frames.set(targetKey, repeated);
    const hop = edge.kind !== 'nested' && edge.kind !== 'super';
    this.enqueue({
      file: target.file,
      summary: target.summary,
      fn: target.fn,
      handler: context.handler,
      path: hop ? [...context.path, { file: target.file, fn: target.fn, name: callee.name }] : context.path,
      repeated,
      lazy,
      instance,
      frames,
      env,
    });
  }

  /** A site or call behind a cache: lazy when the cache outlives the invocation. */
  private outlives(caches: readonly CacheScope[] | undefined, context: Context, instance: Instance): boolean {
    return (caches ?? []).some((scope) => outlives(scope, context, instance));
  }

  /** `if (!pool) await init()`: lazy when the callee (or what it calls) assigns a cache the guard tests. */
  private guardedByCallee(
    tests: readonly string[] | undefined,
    target: { file: string; summary: ModuleSummary; fn: number },
    context: Context,
    instance: Instance,
  ): boolean {
    if (!tests?.length) return false;
    return this.assignsOf(target, 0).some(
      (assignment) => tests.includes(assignment.target) && outlives(assignment.scope, { ...context, file: target.file }, instance),
    );
  }

  private assignsOf(target: { file: string; summary: ModuleSummary; fn: number }, depth: number): CacheAssignment[] {
    const key = fnKey(target.file, target.fn);
    const memo = this.assignsMemo.get(key);
    if (memo) return memo;
    const fn = functionOf(target.summary, target.fn);
    const assigns = [...assignsOf(target.summary, target.fn)];
    this.assignsMemo.set(key, assigns);
    if (fn && depth < 3) {
      for (const edge of fn.calls) {
        if (edge.kind === 'get') continue;
        for (const callee of this.callees(edge.target, target.file, target.summary)) assigns.push(...this.assignsOf(callee, depth + 1));
      }
    }
    return assigns;
  }

  /** Does a creation run for every record: repeated on the way here, or in a loop over input-sized data here? */
  private repeatedAt(creation: Pick<CreationSummary, 'caches' | 'repeat'>, context: Context): boolean {
    const cache = creation.caches?.[0];
    if (cache && typeof cache === 'object') {
      // A cache in a run of a function: the creation repeats as often as that run.
      const key = fnKey(context.file, cache.frame);
      const frameRepeats = context.frames.get(key) ?? context.repeated;
      return frameRepeats || (cache.frame === context.fn && this.repeats(creation.repeat, context));
    }
    if (cache === 'this') return context.repeated;
    return context.repeated || this.repeats(creation.repeat, context);
  }

  /** A loop repeats per record when what it iterates is not constant: request data, fetched data, changing state. */
  private repeats(repeat: Repeat | undefined, context: Context): boolean {
    if (!repeat) return false;
    if (repeat.always) return true;
    const over = repeat.over ? this.fill(repeat.over, context) : STABLE;
    return Boolean(over.request || over.init || over.state?.some((key) => this.mayChange(key)));
  }

  private mayChange(key: string): boolean {
    if (!this.writtenKeys) {
      this.writtenKeys = new Set();
      for (const file of this.loaded) {
        for (const written of writtenStateOf(this.input.summaryOf(file)!)) this.writtenKeys.add(canonicalKey(written, file));
      }
    }
    for (const written of this.writtenKeys) if (keysMatch(key, written)) return true;
    return false;
  }

  /** A dependence with the parameters filled in from the context, and state keys made global. */
  private fill(dependence: Dependence, context: Context): Dependence {
    if (dependence.request) return { request: dependence.request };
    let result: Dependence = {};
    if (dependence.init) result.init = dependence.init;
    if (dependence.state?.length) result.state = dependence.state.map((key) => canonicalKey(key, context.file));
    for (const param of dependence.params ?? []) {
      const value = context.env.get(slotKey(context.file, param.fn, param.index));
      if (!value) continue;
      result = join(result, withInput(value, param.input));
      if (result.request) return { request: result.request };
    }
    return result;
  }

  /** The functions a callee denotes: one of this module's, or (with a resolver) an export of another. */
  private callees(callee: Callee, file: string, summary: ModuleSummary): Array<{ file: string; summary: ModuleSummary; fn: number }> {
    if ('fn' in callee) return [{ file, summary, fn: callee.fn }];
    const resolved = this.input.resolve?.(callee.import, file);
    if (!resolved) return [];
    // `db.query` with `db` imported: the export `db`, then its method `query`.
    const [first, ...members] = callee.path;
    let value = this.exportValue(resolved, first === undefined ? [] : [first], 0);
    if (callee.member !== undefined) members.push(callee.member);
    // Through object literals: `services.db.query`.
    while (value && members.length > 1 && value.value.kind === 'object') {
      const name = members.shift()!;
      const inner: ExportValue | undefined = value.value.members.find((candidate) => candidate.name === name)?.value;
      value = inner && { file: value.file, value: inner };
    }
    if (!value || members.length > 1) return [];
    if (members.length === 0) return this.functionsOfValue(value.file, value.value, 0);
    return this.memberOf(value.file, value.value, members[0]!, callee.instance ?? value.value.kind === 'instance', 0);
  }

  /** What an export path of a file is, following re-exports, `export *` and imported bindings. */
  private exportValue(file: string, path: readonly string[], depth: number): { file: string; value: ExportValue } | undefined {
    const summary = this.summary(file);
    if (!summary || depth > 8) return undefined;
    const [name = 'default', ...rest] = path;
    const found = summary.exports.find((candidate) => candidate.name === name);
    let result: { file: string; value: ExportValue } | undefined;
    if (found) {
      if (found.value.kind === 'value' && found.runs?.length === 1) result = { file, value: { kind: 'function', fn: found.runs[0]! } };
      else result = { file, value: found.value };
    } else {
      for (const star of summary.starExports) {
        const target = this.input.resolve?.(star, file);
        result = target ? this.exportValue(target, [name], depth + 1) : undefined;
        if (result) break;
      }
    }
    if (result?.value.kind === 'reexport') {
      const target = this.input.resolve?.(result.value.from, file);
      const inner = result.value.name === '*' ? [] : [result.value.name];
      result = target ? (inner.length ? this.exportValue(target, inner, depth + 1) : undefined) : undefined;
    } else if (result?.value.kind === 'import') {
      const target = this.input.resolve?.(result.value.from, file);
      result = target ? this.exportValue(target, result.value.path, depth + 1) : undefined;
    }
    for (const member of rest) {
      if (result?.value.kind !== 'object') return undefined;
      const inner = result.value.members.find((candidate) => candidate.name === member);
      result = inner && { file: result.file, value: inner.value };
    }
    return result;
  }

  /** The functions an export runs when Lambda calls it (IaC entries name exports, not functions). */
  private exportRuns(file: string, name: string, depth: number): Array<{ file: string; summary: ModuleSummary; fn: number }> {
    const value = this.exportValue(file, [name], depth);
    if (!value) return [];
    const summary = this.summary(value.file);
    const own = summary?.exports.find((candidate) => candidate.name === name && candidate.runs?.length);
    if (summary && own && value.file === file) return own.runs!.map((fn) => ({ file, summary, fn }));
    return this.functionsOfValue(value.file, value.value, depth);
  }

  private functionsOfValue(file: string, value: ExportValue, depth: number): Array<{ file: string; summary: ModuleSummary; fn: number }> {
    const summary = this.summary(file);
    if (!summary || depth > 8) return [];
    if (value.kind === 'function') return [{ file, summary, fn: value.fn }];
    return [];
  }

  /** A method of an exported class (static) or instance, through superclasses. */
  private memberOf(file: string, value: ExportValue, member: string, instance: boolean, depth: number): Array<{ file: string; summary: ModuleSummary; fn: number }> {
    if (value.kind === 'object') {
      const inner = value.members.find((candidate) => candidate.name === member);
      return inner ? this.functionsOfValue(file, inner.value, depth + 1) : [];
    }
    const summary = this.summary(file);
    if (!summary) return [];
    let classRef: Callee | undefined;
    if (value.kind === 'instance') classRef = value.of;
    else if (value.kind === 'function') classRef = { fn: value.fn };
    const classes = classRef ? this.callees(classRef, file, summary) : [];
    for (let hop = 0; hop < 8 && classes.length > 0; hop++) {
      const current = classes.shift()!;
      const fn = functionOf(current.summary, current.fn);
      const table = value.kind === 'instance' || instance ? fn?.methods : fn?.statics;
      const found = table?.[member];
      if (found !== undefined) return [{ file: current.file, summary: current.summary, fn: found }];
      if (fn?.superClass) classes.push(...this.callees(fn.superClass, current.file, current.summary));
    }
    return [];
  }

  /** The functions a function closes over, innermost first. */
  private ancestors(summary: ModuleSummary, fn: number): number[] {
    const chain: number[] = [];
    for (let parent = functionOf(summary, fn)?.parent; parent !== undefined && chain.length < 64; parent = functionOf(summary, parent)?.parent) {
      chain.push(parent);
    }
    return chain;
  }

  private nameIn(context: Context): string {
    if (context.file === context.handler.file && context.fn === context.handler.fn) return context.handler.name;
    return functionOf(context.summary, context.fn)?.name ?? 'function';
  }

  /** The fetches found by `run`, with their ids' dependence settled. */
  fetchFindings(): FetchFinding[] {
    return this.pendingFetches.map(({ context, fetch, dependence, perRecord }) => {
      const final = settled(this.resolveState(dependence));
      return {
        file: context.file,
        fetch: fetch.id,
        handler: context.handler,
        path: context.path,
        perRecord,
        id: { kind: kindOf(final), ...(final.request ? { request: final.request } : {}) },
      };
    });
  }

  private finding({ context, creation, dependence, perRecord }: PendingFinding): Finding {
    const final = settled(this.resolveState(dependence));
    const inputWrites: SolvedInputWrite[] = creation.localWrites.map((write) => ({
      file: context.file,
      range: write.range,
      target: write.target,
      kind: write.kind,
      dependence: kindOf(settled(this.resolveState(this.fill(write.dependence, context)))),
    }));
    const keys = new Set((creation.args.state ?? []).map((key) => canonicalKey(key, context.file)));
    for (const write of this.writes.values()) {
      if (![...keys].some((key) => keysMatch(key, write.key))) continue;
      if (inputWrites.some((other) => other.file === write.file && other.range[0] === write.range[0])) continue;
      inputWrites.push({ file: write.file, range: write.range, target: write.target, kind: write.kind, dependence: kindOf(settled(this.resolveState(write.dependence))) });
    }
    return {
      file: context.file,
      creation: creation.id,
      handler: context.handler,
      path: context.path,
      perRecord,
      dependence: { kind: kindOf(final), ...(final.request ? { request: final.request } : {}), ...(final.init && !final.request ? { init: final.init } : {}) },
      inputWrites,
    };
  }

  /** Module and instance state, filled in from every write made by code that runs per invocation. */
  private resolveState(dependence: Dependence): Dependence {
    if (dependence.request || !dependence.state?.length) return dependence;
    let result: Dependence = { ...(dependence.init ? { init: dependence.init } : {}) };
    for (const key of dependence.state) {
      result = join(result, this.stateValue(key));
      if (result.request) break;
    }
    return result;
  }

  private stateValue(key: string): Dependence {
    const memo = this.stateMemo.get(key);
    if (memo === 'pending') return STABLE;
    if (memo) return memo;
    this.stateMemo.set(key, 'pending');
    let result = STABLE;
    for (const write of this.writes.values()) {
      if (!keysMatch(key, write.key)) continue;
      const value = this.resolveState(write.dependence);
      if (value.request) {
        result = { request: { input: write.target, why: 'module-state', in: write.writer } };
        break;
      }
      result = join(result, value);
    }
    this.stateMemo.set(key, result);
    return result;
  }
}

function outlives(scope: CacheScope, context: Pick<Context, 'file' | 'frames'>, instance: Instance): boolean {
  if (scope === 'module') return true;
  if (scope === 'this') return instance !== 'fresh';
  return !context.frames.has(fnKey(context.file, scope.frame));
}

/** A slot filled with the request's placeholder takes the name it is read under. */
function withInput(value: Dependence, input: string): Dependence {
  if (value.request && value.request.input === '') return { request: { ...value.request, input } };
  return value;
}

/** Expiring credentials (STS, an RDS IAM token) awaited per invocation: never frozen, so kept as request-like. */
function settled(dependence: Dependence): Dependence {
  if (dependence.request || dependence.init?.source !== 'credential') return dependence;
  const { input, in: where } = dependence.init;
  return { request: { input, why: 'awaited', in: where } };
}

function kindOf(dependence: Dependence): SolvedDependence['kind'] {
  return dependence.request ? 'request' : dependence.init ? 'init' : 'stable';
}

function fnKey(file: string, fn: number): string {
  return `${file}#${fn}`;
}

function slotKey(file: string, fn: number, index: number): string {
  return `${fnKey(file, fn)}:${index}`;
}

/** Module and instance state belongs to its file; the environment and the SDK v2 configuration are global. */
function canonicalKey(key: string, file: string): string {
  return key.startsWith('var:') || key.startsWith('this:') ? `${file}|${key}` : key;
}

/** `env:AWS_*` matches `env:AWS_REGION`; a write to `env:*` (a computed name, `Object.assign`) matches every read. */
function keysMatch(read: string, write: string): boolean {
  if (read === write) return true;
  if (read.endsWith('*') && write.startsWith(read.slice(0, -1))) return true;
  return write.endsWith('*') && read.startsWith(write.slice(0, -1));
}

function coarse(dependence: Dependence): string {
  const kind = dependence.request ? 'r' : dependence.init ? 'i' : 's';
  return dependence.state?.length ? `${kind}+${[...dependence.state].sort().join(',')}` : kind;
}

/** The part of a context that decides what a visit finds (the reasons are those of the first visit). */
function contextKey(context: Context): string {
  const frames = [...context.frames].map(([key, repeated]) => `${key}${repeated ? '*' : ''}`).sort().join(',');
  const env = [...context.env].map(([key, value]) => `${key}=${coarse(value)}`).sort().join(',');
  return `${context.repeated ? 1 : 0}${context.lazy ? 1 : 0}${context.instance}|${frames}|${env}`;
}

/** Past the limit of contexts: every argument is request data, which keeps the answer safe (never hoisted). */
function widened(context: Context): Context {
  const env = new Map<string, Dependence>();
  for (const key of context.env.keys()) env.set(key, { request: { input: '', why: 'callback-parameter', in: context.handler.name } });
  return { ...context, env, repeated: true, lazy: false };
}
