import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, isClass, isFunction, iterationCall, propertyName, unwrap } from '../ast.js';
import { DependenceAnalyzer, MUTATORS, thisKey, writeThrough } from '../dependence.js';
import type { FoundFunction, HandlerFinder, ModuleExport } from '../handlers.js';
import { collectReExports } from '../handlers.js';
import { Laziness } from '../lazy.js';
import type { LazyFacts } from '../lazy.js';
import type { CallLike, ModuleIndex } from '../module-index.js';
import { getterReads } from '../module-index.js';
import type { Scopes } from '../scope.js';
import { isModuleLevel, isTopLevelScope } from '../scope.js';
import { bypassesCache } from '../credentials.js';
import type { SecretFetchSite } from '../fetches.js';
import type { TeardownSite } from '../teardown-sites.js';
import type { CodeUnit, CreationSite, FunctionNode, Handler } from '../types.js';
import type { Value, Values } from '../values.js';
import { STABLE, join, joinAll } from './dependence-ops.js';
import type {
  CacheAssignment,
  CallEdge,
  Callee,
  CreationSummary,
  Dependence,
  EdgeKind,
  FetchSummary,
  ExportSummary,
  ExportValue,
  FunctionSummary,
  HandlerSummary,
  ImportSummary,
  InputWriteKind,
  ModuleSummary,
  Range,
  Repeat,
  TeardownSummary,
} from './types.js';
import { SUMMARY_VERSION } from './types.js';
import { completeSummary, withFiller } from './lazy.js';
import { UnitTable, isMethodLike } from './units.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What the summary is made from: the pieces `analyzeModule` has already computed for its early exits. */
export interface SummaryInputs {
  program: TSESTree.Program;
  scopes: Scopes;
  values: Values;
  index: ModuleIndex;
  finder: HandlerFinder;
  moduleExports: readonly ModuleExport[];
  handlers: readonly Handler[];
  creations: readonly CreationSite[];
  /** Calls that fetch a secret or a parameter. */
  fetches?: readonly SecretFetchSite[];
  /** Calls that close a resource which outlives the invocation. */
  teardowns?: readonly TeardownSite[];
  file: string;
  hash?: string;
  /**
   * Project mode: record calls into other modules (a resolver follows them) and what every export runs,
   * and build every function's facts now. Per-file mode leaves imports out (nothing would follow them),
   * and builds a function's facts when the solver first reads them: most of a module is never reached.
   */
  projectMode: boolean;
}

/** The AST behind a summary's numbers, for mapping the solver's findings back onto nodes (per-file mode). */
export interface SummaryNodes {
  units: readonly CodeUnit[];
  creations: readonly CreationSite[];
  fetches: readonly SecretFetchSite[];
  teardowns: readonly TeardownSite[];
  handlers: readonly Handler[];
  /** Nodes by `start:end`, for the ranges the summary names (init chains, input writes). */
  nodeAt(range: Range): Node | undefined;
}

/** Methods of a SDK v2 global configuration that change it. */
const CONFIG_UPDATES = new Set(['update', 'loadFromPath']);
/** Calls that may write state: the configuration updates, `Object.assign`, and the mutators `writeThrough` knows. */
const WRITING_METHODS = new Set([...CONFIG_UPDATES, ...MUTATORS]);

/** Builds the module's summary: AST-free, serialisable, with the side table of nodes behind it. */
export function buildSummary(inputs: SummaryInputs): { summary: ModuleSummary; nodes: SummaryNodes } {
  return new Summarizer(inputs).build();
}

/** The nodes of one unit, bucketed once; its summary is made from them when first read. */
interface UnitNodes {
  calls: CallLike[];
  assignments: TSESTree.AssignmentExpression[];
  reads: TSESTree.MemberExpression[];
  creations: number[];
  fetches: number[];
  teardowns: number[];
  /** Worked out when the unit is first summarised. */
  writes?: Array<{ key: string; target: string; kind: InputWriteKind; node: Node; values: Node[] }>;
  nested: number[];
}

class Summarizer {
  private readonly units: UnitTable;
  private readonly laziness: Laziness;
  private readonly dependence: DependenceAnalyzer;
  private readonly handlerNames = new Map<Node, string>();
  private readonly exportRuns: Array<{ moduleExport: ModuleExport; found: FoundFunction[] }>;
  private readonly creationNodes: Set<Node>;
  private readonly nodesOf: UnitNodes[];
  private readonly creationUnits: Array<number | undefined>;
  /** Which state keys some unit writes, found when first asked (per variable, or once for instance state). */
  private readonly writtenKeys = new Map<string, boolean>();
  private thisWrites: Set<string> | undefined;
  private readonly rangeNodes = new Map<string, Node>();

  constructor(private readonly inputs: SummaryInputs) {
    const { index, handlers, finder, moduleExports } = inputs;
    // What every export runs (unwrapped from middleware and factories): an entry point for project mode.
    this.exportRuns = inputs.projectMode
      ? moduleExports.map((moduleExport) => ({ moduleExport, found: finder.functionsOf(moduleExport.value, moduleExport.how) }))
      : [];
    const entries = new Set<Node>();
    for (const handler of handlers) {
      entries.add(handler.fn);
      for (const middleware of handler.middlewares ?? []) entries.add(middleware);
      this.handlerNames.set(handler.fn, handler.name);
    }
    for (const { found } of this.exportRuns) for (const { fn, middlewares } of found) [fn, ...(middlewares ?? [])].forEach((f) => entries.add(f));
    this.units = new UnitTable(index.functions, entries);
    this.creationNodes = new Set(inputs.creations.map((creation) => creation.node));
    this.laziness = new Laziness(inputs.scopes, (declaration) => this.frameOf(declaration));
    this.nodesOf = this.units.units.map(() => ({ calls: [], assignments: [], reads: [], creations: [], fetches: [], teardowns: [], nested: [] }));
    this.creationUnits = inputs.creations.map((site, id) => {
      const unit = this.units.unitOf(site.node);
      if (unit !== undefined) this.nodesOf[unit]!.creations.push(id);
      return unit;
    });
    (inputs.fetches ?? []).forEach((site, id) => {
      const unit = this.units.unitOf(site.node);
      if (unit !== undefined) this.nodesOf[unit]!.fetches.push(id);
    });
    (inputs.teardowns ?? []).forEach((site, id) => {
      const unit = this.units.unitOf(site.node);
      if (unit !== undefined) this.nodesOf[unit]!.teardowns.push(id);
    });
    this.bucket();
    this.dependence = new DependenceAnalyzer({
      scopes: inputs.scopes,
      values: inputs.values,
      units: this.units,
      file: inputs.file,
      nameOf: (unit) => this.nameOf(unit),
      isCreation: (node) => this.creationNodes.has(node),
      isWritten: (key) => this.isWritten(key),
    });
  }

  build(): { summary: ModuleSummary; nodes: SummaryNodes } {
    const summary: ModuleSummary = {
      version: SUMMARY_VERSION,
      file: this.inputs.file,
      ...(this.inputs.hash ? { hash: this.inputs.hash } : {}),
      exports: [],
      starExports: [],
      imports: [],
      handlers: this.inputs.handlers.map((handler) => this.handlerSummary(handler)),
      functions: new Array<FunctionSummary>(this.units.units.length),
      creations: new Array<CreationSummary>(this.inputs.creations.length),
      writtenState: [],
    };
    // Few per module, and read by the solver wherever their function runs: summarised now.
    const fetches = (this.inputs.fetches ?? []).map((site, id) => this.fetch(site, id));
    if (fetches.length) summary.fetches = fetches;
    const teardowns = (this.inputs.teardowns ?? []).map((site, id) => this.teardown(site, id));
    if (teardowns.length) summary.teardowns = teardowns;
    withFiller(summary, {
      fn: (id) => this.functionSummary(id),
      creation: (id) => this.creation(this.inputs.creations[id]!, id),
      assigns: (id) => this.assignmentsOf(id),
      writtenState: () => (summary.writtenState = this.writtenState()),
      rest: () => {
        summary.writtenState = this.writtenState();
        const { reExports, starExports } = collectReExports(this.inputs.program);
        const runs = this.inputs.projectMode ? this.exportRuns : this.inputs.moduleExports.map((moduleExport) => ({ moduleExport, found: [] }));
        summary.exports = [
          ...runs.map(({ moduleExport, found }) => this.exportSummary(moduleExport, found)),
          ...reExports.map(({ name, from, imported }) => ({ name, value: { kind: 'reexport' as const, from, name: imported } })),
        ];
        summary.starExports = starExports;
        summary.imports = this.imports();
      },
    });
    // Project mode: plain data from here on.
    if (this.inputs.projectMode) completeSummary(summary);
    const nodes: SummaryNodes = {
      units: this.units.units,
      creations: this.inputs.creations,
      fetches: this.inputs.fetches ?? [],
      teardowns: this.inputs.teardowns ?? [],
      handlers: this.inputs.handlers,
      nodeAt: (range) => this.rangeNodes.get(`${range[0]}:${range[1]}`),
    };
    return { summary, nodes };
  }

  /** One pass over the module's calls, getter reads and functions, into the units that run them. */
  private bucket(): void {
    const { index } = this.inputs;
    for (const call of index.calls) {
      const unit = this.units.unitOf(call);
      // Module scope runs once; an IIFE is part of its unit.
      if (unit !== undefined && !isFunction(unwrap(call.callee))) this.nodesOf[unit]!.calls.push(call);
    }
    for (const assignment of index.assignments) {
      const unit = this.units.unitOf(assignment);
      if (unit !== undefined) this.nodesOf[unit]!.assignments.push(assignment);
    }
    for (const read of getterReads(this.inputs.program, index)) {
      const unit = this.units.unitOf(read);
      if (unit !== undefined) this.nodesOf[unit]!.reads.push(read);
    }
    this.units.units.forEach((unit, id) => {
      if (isClass(unit) || isMethodLike(unit) || unit.parent?.type === AST_NODE_TYPES.Property) return;
      const parent = this.units.unitOf(unit);
      if (parent !== undefined) this.nodesOf[parent]!.nested.push(id);
    });
  }

  /** A unit's summary: its parameters, calls, creations and writes, with what each depends on. */
  private functionSummary(id: number): FunctionSummary {
    const unit = this.units.unit(id);
    const summary = this.emptySummary(unit, id);
    const nodes = this.nodesOf[id]!;
    for (const write of this.writesOf(id)) {
      summary.writes.push({
        key: write.key,
        target: write.target,
        kind: write.kind,
        dependence: joinAll(write.values.map((value) => this.dependence.of(value))),
        range: this.remember(write.node),
      });
    }
    for (const call of nodes.calls) summary.calls.push(...this.edgesOf(call, id));
    for (const read of nodes.reads) {
      const edge = this.getterEdge(read, id);
      if (edge) summary.calls.push(edge);
    }
    // A named function defined inside a running one runs with it (it may be passed anywhere).
    for (const nested of nodes.nested) {
      summary.calls.push({ kind: 'nested', target: { fn: nested }, args: [], range: this.units.unit(nested).range, ...this.repeatOf(this.units.unit(nested), id) });
    }
    // A class without a constructor passes its arguments on to its superclass's.
    if (isClass(unit) && unit.superClass && !constructorOf(unit)) {
      const target = this.callee(this.inputs.values.of(unit.superClass));
      if (target) summary.calls.push({ kind: 'super', target, args: 'forward', range: unit.range });
    }
    summary.creations = nodes.creations;
    if (nodes.fetches.length) summary.fetches = nodes.fetches;
    if (nodes.teardowns.length) summary.teardowns = nodes.teardowns;
    return summary;
  }

  private teardown(site: TeardownSite, id: number): TeardownSummary {
    const unit = this.units.unitOf(site.node);
    return {
      id,
      ...(unit !== undefined ? { fn: unit } : {}),
      call: site.call,
      resource: site.creation.resource,
      lifetime: site.lifetime,
      range: site.node.range,
      start: { line: site.node.loc.start.line, column: site.node.loc.start.column },
    };
  }

  private fetch(site: SecretFetchSite, id: number): FetchSummary {
    const unit = this.units.unitOf(site.node);
    const summary: FetchSummary = {
      id,
      operation: site.operation,
      idText: site.id ? idText(site.id) : '',
      cached: site.fetch.cache !== undefined && !bypassesCache(site.fetch, site.options) && !site.localInstance,
      range: site.node.range,
      start: { line: site.node.loc.start.line, column: site.node.loc.start.column },
      idDependence: STABLE,
    };
    if (unit === undefined) return summary; // module scope: fetched once
    summary.fn = unit;
    summary.idDependence = site.id ? this.dependence.of(site.id) : STABLE;
    const lazy = this.laziness.of(site.node);
    Object.assign(summary, this.repeatOf(site.node, unit, lazy));
    if (lazy.caches.length) summary.caches = lazy.caches;
    return summary;
  }

  private emptySummary(unit: CodeUnit, id: number): FunctionSummary {
    const summary: FunctionSummary = {
      id,
      name: this.units.name(id),
      kind: isClass(unit) ? 'class' : isMethodLike(unit) ? (unit.parent.type === AST_NODE_TYPES.MethodDefinition && unit.parent.kind === 'get' ? 'getter' : 'method') : 'function',
      params: isClass(unit) ? (constructorOf(unit)?.params.length ?? 0) : unit.params.length,
      range: unit.range,
      calls: [],
      creations: [],
      writes: [],
    };
    const parent = this.units.parentOf(id);
    if (parent !== undefined) summary.parent = parent;
    if (isClass(unit)) this.classMembers(unit, summary);
    return summary;
  }

  /** What a run of the unit assigns that may outlive it (its callbacks included): guards around calls to it test these. */
  private assignmentsOf(id: number): CacheAssignment[] {
    const nodes = this.nodesOf[id]!;
    const targets: Node[] = nodes.assignments.map((assignment) => assignment.left);
    for (const call of nodes.calls) {
      const callee = unwrap(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'set') targets.push(callee.object);
    }
    return targets.flatMap((target) => {
      const scope = this.laziness.scopeOf(target);
      return scope ? [{ target: describe(target), scope }] : [];
    });
  }

  private classMembers(classNode: ClassNode, summary: FunctionSummary): void {
    const add = (table: 'methods' | 'getters' | 'statics', name: string | undefined, fn: Node | null | undefined) => {
      const id = fn ? this.units.idOf(fn) : undefined;
      if (name === undefined || id === undefined) return;
      (summary[table] ??= {})[name] = id;
    };
    for (const member of classNode.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'constructor' && member.kind !== 'set') {
        add(member.static ? 'statics' : member.kind === 'get' ? 'getters' : 'methods', propertyName(member), member.value);
      } else if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && isFunction(unwrap(member.value))) {
        add(member.static ? 'statics' : 'methods', propertyName(member), unwrap(member.value));
      }
    }
    const superClass = classNode.superClass && this.callee(this.inputs.values.of(classNode.superClass));
    if (superClass) summary.superClass = superClass;
  }

  /** The unit a declaration belongs to (`module` outside any); undefined for a callback's local (re-made on each call). */
  private frameOf(declaration: Node): number | 'module' | undefined {
    for (let current = declaration.parent; current; current = current.parent) {
      if (isFunction(current)) return this.units.idOf(current);
    }
    return 'module';
  }

  private nameOf(unit: number | undefined): string {
    if (unit === undefined) return 'module scope';
    return this.handlerNames.get(this.units.unit(unit)) ?? this.units.name(unit);
  }

  /** Does some unit of the module write this state (else reading it is stable)? Asked per key, answered once. */
  private isWritten(key: string): boolean {
    let written = this.writtenKeys.get(key);
    if (written === undefined) {
      if (key.startsWith('var:')) written = this.isVariableWritten(key.slice(4));
      else if (key.startsWith('this:')) written = (this.thisWrites ??= this.instanceWrites()).has(key);
      else written = true; // the environment and the SDK v2 configuration belong to the process
      this.writtenKeys.set(key, written);
    }
    return written;
  }

  /** A module-level variable assigned, given a property, `Object.assign`ed or mutated inside some unit. */
  private isVariableWritten(name: string): boolean {
    const variable = this.moduleVariable(name);
    return Boolean(
      variable?.references.some((reference) => {
        if (this.units.unitOf(reference.identifier) === undefined) return false;
        if (reference.isWrite()) return Boolean(reference.writeExpr && !reference.init);
        return writeThrough(reference.identifier, this.inputs.values) !== undefined;
      }),
    );
  }

  private moduleVariable(name: string): Variable | undefined {
    for (const scope of this.inputs.scopes.manager.scopes) {
      if (!isTopLevelScope(scope)) continue;
      const variable = scope.set.get(name);
      if (variable?.defs[0]?.type === 'Variable') return variable;
    }
    return undefined;
  }

  /** Every `this.x` some unit of the module assigns. */
  private instanceWrites(): Set<string> {
    const keys = new Set<string>();
    for (const assignment of this.inputs.index.assignments) {
      if (this.units.unitOf(assignment) === undefined) continue;
      const target = this.stateTarget(assignment.left);
      if (target?.key.startsWith('this:')) keys.add(target.key);
    }
    return keys;
  }

  /** Every state key the module writes: for a complete summary. */
  private writtenState(): string[] {
    const keys = new Set<string>();
    this.units.units.forEach((_, id) => {
      for (const write of this.writesOf(id)) keys.add(write.key);
    });
    return [...keys].sort();
  }

  /**
   * What a unit writes to state that outlives its run: module-level variables (assigned, a property
   * written, `Object.assign`, a mutating call), instance properties (`this.x = ...`), the environment
   * (`process.env.X = ...`) and the SDK v2 global configuration (`AWS.config.update(...)`).
   */
  private writesOf(id: number): NonNullable<UnitNodes['writes']> {
    const nodes = this.nodesOf[id]!;
    if (nodes.writes) return nodes.writes;
    const writes: NonNullable<UnitNodes['writes']> = (nodes.writes = []);
    const add = (key: string, target: string, kind: InputWriteKind, node: Node, values: Node[]) => writes.push({ key, target, kind, node, values });
    for (const assignment of nodes.assignments) {
      const target = this.stateTarget(assignment.left);
      if (target) add(target.key, describe(assignment.left), target.kind, assignment, [assignment.right]);
      else {
        const root = rootIdentifier(assignment.left);
        const variable = root && this.moduleVariableOf(root);
        if (variable) add(`var:${variable.name}`, describe(assignment.left), root === unwrap(assignment.left) ? 'assign' : 'property', assignment, [assignment.right]);
      }
    }
    for (const call of nodes.calls) {
      const callee = unwrap(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      if (method === undefined || !WRITING_METHODS.has(method)) continue;
      const write = this.callWrite(call);
      if (write) {
        add(write.key, write.target, write.kind, call, write.values);
        continue;
      }
      // `cache.set(k, v)`, `Object.assign(settings, v)`, `list.push(v)` on a module-level variable.
      const subject = method === 'assign' ? call.arguments[0] : (callee as TSESTree.MemberExpression).object;
      const root = subject && rootIdentifier(subject);
      const variable = root && this.moduleVariableOf(root);
      const through = variable && writeThrough(root, this.inputs.values);
      if (variable && through) add(`var:${variable.name}`, through.target, through.kind, through.node, through.values);
    }
    return writes;
  }

  private moduleVariableOf(identifier: TSESTree.Identifier): Variable | undefined {
    const variable = this.inputs.scopes.resolve(identifier);
    return variable && variable.defs[0]?.type === 'Variable' && isModuleLevel(variable) ? variable : undefined;
  }

  /** `AWS.config.update(...)`, `Object.assign(this.x | process.env, ...)`: state written by a call. */
  private callWrite(call: CallLike): { key: string; target: string; kind: InputWriteKind; values: Node[] } | undefined {
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee);
    if (method !== undefined && CONFIG_UPDATES.has(method) && this.isSdkV2Config(callee.object)) {
      return { key: 'aws-sdk:config', target: describe(callee.object), kind: 'config', values: [...call.arguments] };
    }
    const assignTarget = method === 'assign' && call.arguments[0] ? this.objectAssignTarget(callee, call.arguments[0]) : undefined;
    if (assignTarget) return { key: assignTarget.key, target: describe(call.arguments[0]!), kind: 'object-assign', values: call.arguments.slice(1) };
    return undefined;
  }

  /** The state key of an assignment target that is not a module variable: `this.x`, `process.env.X`, `AWS.config.x`. */
  private stateTarget(left: Node): { key: string; kind: InputWriteKind } | undefined {
    let member = unwrap(left);
    if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const env = this.dependenceEnvKey(member);
    if (env) return { key: env, kind: 'env' };
    let depth = 0;
    while (member.type === AST_NODE_TYPES.MemberExpression && depth++ < 16) {
      const object = unwrap(member.object);
      if (object.type === AST_NODE_TYPES.ThisExpression) {
        const key = thisKey(member, this.units);
        return key ? { key, kind: member === unwrap(left) ? 'assign' : 'property' } : undefined;
      }
      if (propertyName(member) === 'config' && this.isSdkV2Config(member)) return { key: 'aws-sdk:config', kind: 'config' };
      member = object;
    }
    return undefined;
  }

  private objectAssignTarget(callee: TSESTree.MemberExpression, target: Node): { key: string } | undefined {
    const object = this.inputs.values.of(callee.object);
    if (object?.kind !== 'global' || object.name !== 'Object') return undefined;
    const node = unwrap(target);
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const env = this.dependenceEnvKey(node);
    if (env) return { key: env };
    return this.stateTarget(node);
  }

  private dependenceEnvKey(member: TSESTree.MemberExpression): string | undefined {
    const process = unwrap(member.object);
    const isEnv = (node: Node) =>
      node.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(node) === 'env' &&
      unwrap(node.object).type === AST_NODE_TYPES.Identifier &&
      (unwrap(node.object) as TSESTree.Identifier).name === 'process' &&
      !this.inputs.scopes.resolve(unwrap(node.object) as TSESTree.Identifier)?.defs.length;
    if (isEnv(member)) return 'env:*';
    if (!isEnv(process)) return undefined;
    const name = propertyName(member);
    return name === undefined ? 'env:*' : `env:${name}`;
  }

  /** `AWS.config` of the SDK v2 (`require('aws-sdk')`). */
  private isSdkV2Config(node: Node): boolean {
    const ref = this.inputs.values.moduleRef(node);
    return ref?.module === 'aws-sdk' && ref.path.length === 1 && ref.path[0] === 'config';
  }



  private edgesOf(call: CallLike, unit: number): CallEdge[] {
    const callee = unwrap(call.callee);
    const edges: CallEdge[] = [];
    // What the arguments depend on is worked out only for a call that runs code of this module.
    const add = (kind: EdgeKind, target: Callee | undefined, args: ReadonlyArray<TSESTree.CallExpressionArgument | null>, receiver?: CallEdge['receiver']) => {
      if (target) edges.push(this.edge(call, unit, kind, target, this.argumentsOf(args), receiver));
    };
    if (callee.type === AST_NODE_TYPES.Super) {
      const classNode = enclosingClassOf(call);
      const superClass = classNode?.superClass ? this.inputs.values.of(classNode.superClass) : undefined;
      add('super', this.callee(superClass), call.arguments);
    } else if (call.type === AST_NODE_TYPES.NewExpression) {
      add('new', this.callee(this.inputs.values.of(callee)), call.arguments);
    } else if (callee.type === AST_NODE_TYPES.MemberExpression && ['call', 'apply'].includes(propertyName(callee) ?? '')) {
      // `fetchObject.call(null, key)`, `fetchObject.apply(null, [key])`: the function, with the arguments shifted.
      const target = this.callee(this.inputs.values.of(callee.object));
      const rest = call.arguments.slice(1);
      const list = unwrap(rest[0] ?? callee);
      add('call', target, propertyName(callee) === 'call' ? rest : list.type === AST_NODE_TYPES.ArrayExpression ? list.elements : []);
    } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
      for (const { target, receiver } of this.methodTargets(callee)) add('call', target, call.arguments, receiver);
    } else {
      add('call', this.callee(this.inputs.values.of(callee)), call.arguments);
    }
    if (call.type === AST_NODE_TYPES.CallExpression) edges.push(...this.callbackEdges(call, unit));
    return edges;
  }


  /** Functions of this module passed by name as callbacks run too: `records.map(processRecord)` gets each record. */
  private callbackEdges(call: TSESTree.CallExpression, unit: number): CallEdge[] {
    const edges: CallEdge[] = [];
    const callee = unwrap(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const iterated = method && callee.type === AST_NODE_TYPES.MemberExpression && isIterationMethod(call) ? callee.object : undefined;
    for (const argument of call.arguments) {
      const bare = unwrap(argument);
      if (bare.type !== AST_NODE_TYPES.Identifier && bare.type !== AST_NODE_TYPES.MemberExpression) continue;
      if (bare.type === AST_NODE_TYPES.MemberExpression && !this.inputs.index.memberNames.has(propertyName(bare) ?? '')) continue;
      const value = this.inputs.values.of(bare);
      if (value?.kind !== 'unit' || !isFunction(value.node)) continue;
      const target = this.units.idOf(value.node);
      if (target === undefined) continue;
      const fn = value.node;
      let args: Dependence[];
      if (iterated && argument === call.arguments[0]) args = [this.dependence.of(iterated)];
      else if (method === 'then' && argument === call.arguments[0] && callee.type === AST_NODE_TYPES.MemberExpression) args = [this.dependence.of(callee.object)];
      else {
        const where = this.nameOf(unit);
        args = fn.params.map((param) => ({ request: { input: describe(param), why: 'callback-parameter' as const, in: where } }));
      }
      const edge = this.edge(call, unit, 'call', { fn: target }, args);
      if (iterated && argument === call.arguments[0]) edge.repeat = mergeRepeat(edge.repeat, { over: this.dependence.of(iterated) });
      edges.push(edge);
    }
    return edges;
  }

  /** `this.m()`, `super.m()`, `C.m()`, `obj.m()` on a local instance or object, or on an import. */
  private methodTargets(member: TSESTree.MemberExpression): Array<{ target: Callee; receiver: CallEdge['receiver'] }> {
    const name = propertyName(member);
    if (name === undefined) return [];
    const { values } = this.inputs;
    const object = unwrap(member.object);
    // No object, class or export of this module has such a member: nothing of ours runs (per file).
    if (!this.inputs.projectMode && !this.inputs.index.memberNames.has(name)) return [];
    const method = (classNode: ClassNode | undefined, receiver: CallEdge['receiver'], statics = false) => {
      const fn = classNode && (statics ? values.member({ kind: 'unit', node: classNode }, name) : values.member({ kind: 'instance', of: { kind: 'unit', node: classNode }, held: 'local' }, name));
      const target = this.callee(fn);
      return target ? [{ target, receiver }] : [];
    };
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const classNode = enclosingClassOf(member);
      return isStaticContext(member) ? method(classNode, 'module', true) : method(classNode, 'this');
    }
    if (object.type === AST_NODE_TYPES.Super) {
      const classNode = enclosingClassOf(member);
      return method(classNode && values.superClass(classNode), isStaticContext(member) ? 'module' : 'this', isStaticContext(member));
    }
    const value = values.of(object);
    if (value) {
      const target = this.callee(values.member(value, name));
      if (target) return [{ target, receiver: receiverOf(value) }];
      // A method of an imported class's instance: `new Store().put()` with `Store` imported.
      if (value.kind === 'instance' && value.of?.kind === 'module' && this.inputs.projectMode) {
        return [{ target: { import: value.of.module, path: value.of.path, member: name, instance: true }, receiver: receiverOf(value) }];
      }
      // A value we know and that has no such method of ours (an import, a global): nothing of this module runs.
      return [];
    }
    // An object we cannot trace (a parameter, `this.store`): a method name defined once in the module is that method.
    const candidates = this.inputs.index.methodsByName.get(name) ?? [];
    const id = candidates.length === 1 ? this.units.idOf(candidates[0]!) : undefined;
    return id === undefined ? [] : [{ target: { fn: id }, receiver: 'unknown' }];
  }

  /** A read that runs a getter: `this.client`, `services.s3`, `instance.pool`. */
  private getterEdge(read: TSESTree.MemberExpression, unit: number): CallEdge | undefined {
    const { values } = this.inputs;
    const name = propertyName(read)!;
    const object = unwrap(read.object);
    let getter: FunctionNode | undefined;
    let receiver: CallEdge['receiver'] = 'unknown';
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const classNode = enclosingClassOf(read);
      getter = classNode && values.method(classNode, name, ['get']);
      receiver = 'this';
    } else {
      const value = values.of(object);
      if (value?.kind === 'object') {
        getter = objectGetter(value.node, name);
        receiver = 'module';
      } else if (value?.kind === 'instance' && value.of?.kind === 'unit' && isClass(value.of.node)) {
        getter = values.method(value.of.node, name, ['get']);
        receiver = receiverOf(value);
      }
    }
    const id = getter && this.units.idOf(getter);
    return id === undefined ? undefined : this.edge(read, unit, 'get', { fn: id }, [], receiver);
  }

  private edge(node: Node, unit: number, kind: EdgeKind, target: Callee, args: CallEdge['args'], receiver?: CallEdge['receiver']): CallEdge {
    const lazy = this.laziness.of(node);
    const edge: CallEdge = { kind, target, args, range: node.range, ...this.repeatOf(node, unit, lazy) };
    if (lazy.caches.length) edge.caches = lazy.caches;
    if (lazy.guardTests.length) edge.guardTests = [...new Set(lazy.guardTests)];
    if (receiver) edge.receiver = receiver;
    return edge;
  }

  private argumentsOf(args: ReadonlyArray<TSESTree.CallExpressionArgument | null>): Dependence[] {
    return args.map((argument) => (argument ? this.dependence.of(argument) : STABLE));
  }

  /** What a value is as a callee: a unit of this module, or (in project mode) something imported. */
  private callee(value: Value | undefined): Callee | undefined {
    if (!value) return undefined;
    if (value.kind === 'unit') {
      const id = this.units.idOf(value.node);
      return id === undefined ? undefined : { fn: id };
    }
    if (value.kind === 'module' && this.inputs.projectMode) return { import: value.module, path: value.path };
    return undefined;
  }

  private creation(site: CreationSite, id: number): CreationSummary {
    const unit = this.creationUnits[id];
    const summary: CreationSummary = {
      id,
      entry: site.entry,
      resource: site.resource,
      module: site.module,
      range: site.node.range,
      start: { line: site.node.loc.start.line, column: site.node.loc.start.column },
      args: STABLE,
      localWrites: [],
    };
    if (unit === undefined) return summary; // module scope: created once
    summary.fn = unit;
    const lazy = this.laziness.of(site.node);
    Object.assign(summary, this.repeatOf(site.node, unit, lazy));
    if (lazy.caches.length) summary.caches = lazy.caches;
    // A site cached at module scope is never reported: what its arguments depend on is not worked out.
    if (lazy.caches.includes('module')) return summary;
    summary.args = join(this.dependence.ofArguments(site.node), implicitInputs(site.module));
    if (summary.args.init) for (const range of [summary.args.init.fetch, ...summary.args.init.chain]) this.rememberRange(range);
    summary.localWrites = this.dependence.localWrites(site.node);
    for (const write of summary.localWrites) this.rememberRange(write.range);
    return summary;
  }

  /**
   * The loops and per-element callbacks around a node within its unit. With a cache that is a local of
   * the unit, only loops around the cache's declaration repeat it (`let s3; for (...) s3 ||= new S3()`
   * creates one per run, not one per element).
   */
  private repeatOf(node: Node, unit: number, lazy?: LazyFacts): { repeat?: Repeat } {
    const unitNode = this.units.unit(unit);
    const declaration = lazy?.declaration;
    const counts = (loop: Node) => !declaration || contains(loop, declaration);
    let repeat: Repeat | undefined;
    let child: Node = node;
    for (let current = node.parent; current && current !== unitNode; child = current, current = current.parent) {
      if (isFunction(current)) {
        if (this.units.idOf(current) !== undefined) break; // the constructor of a class unit, or a nested unit
        const iteration = iterationCall(current);
        if (iteration && counts(current)) repeat = mergeRepeat(repeat, { over: this.dependence.of((unwrap(iteration.callee) as TSESTree.MemberExpression).object) });
        continue;
      }
      if (current.type === AST_NODE_TYPES.PropertyDefinition) break;
      if (!counts(current)) continue;
      switch (current.type) {
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
          if (child !== current.right) repeat = mergeRepeat(repeat, { over: this.dependence.of(current.right) });
          break;
        case AST_NODE_TYPES.ForStatement:
          if (child !== current.init) repeat = mergeRepeat(repeat, current.test ? { over: this.dependence.of(current.test) } : { always: true });
          break;
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          repeat = mergeRepeat(repeat, { always: true });
          break;
      }
    }
    return repeat ? { repeat } : {};
  }

  private exportSummary(moduleExport: ModuleExport, found: FoundFunction[]): ExportSummary {
    const runs = found.flatMap(({ fn }) => {
      const id = this.units.idOf(fn);
      return id === undefined ? [] : [id];
    });
    return { name: moduleExport.name, value: this.exportValue(moduleExport.value, 0), ...(runs.length ? { runs } : {}) };
  }

  private exportValue(node: Node, depth: number): ExportValue {
    const value = depth > 4 ? undefined : this.inputs.values.of(node);
    switch (value?.kind) {
      case 'unit': {
        const id = this.units.idOf(value.node);
        return id === undefined ? { kind: 'value' } : { kind: 'function', fn: id };
      }
      case 'object':
        return {
          kind: 'object',
          members: value.node.properties.flatMap((property) => {
            const name = property.type === AST_NODE_TYPES.Property ? propertyName(property) : undefined;
            return name === undefined ? [] : [{ name, value: this.exportValue((property as TSESTree.Property).value, depth + 1) }];
          }),
        };
      case 'instance': {
        const of = value.of && (value.of.kind === 'unit' ? this.callee(value.of) : value.of.kind === 'module' ? { import: value.of.module, path: value.of.path } : undefined);
        return of ? { kind: 'instance', of } : { kind: 'value' };
      }
      case 'module':
        return { kind: 'import', from: value.module, path: value.path };
      default:
        return { kind: 'value' };
    }
  }

  private imports(): ImportSummary[] {
    const imports: ImportSummary[] = [];
    for (const statement of this.inputs.program.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
      for (const specifier of statement.specifiers) {
        const name =
          specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
              ? '*'
              : specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value;
        imports.push({ local: specifier.local.name, from: statement.source.value, name });
      }
    }
    return imports;
  }

  private handlerSummary(handler: Handler): HandlerSummary {
    const middlewares = (handler.middlewares ?? []).flatMap((fn) => {
      const id = this.units.idOf(fn);
      return id === undefined ? [] : [id];
    });
    return {
      name: handler.name,
      fn: this.units.idOf(handler.fn)!,
      how: handler.how,
      ...(middlewares.length ? { middlewares } : {}),
      ...(handler.instance ? { instance: handler.instance } : {}),
    };
  }

  private remember(node: Node): Range {
    this.rangeNodes.set(`${node.range[0]}:${node.range[1]}`, node);
    return node.range;
  }

  /** Ranges of the dependence analysis (statements, awaits): found again from the program when asked. */
  private rememberRange(range: Range): void {
    const key = `${range[0]}:${range[1]}`;
    if (this.rangeNodes.has(key)) return;
    const node = nodeWithRange(this.inputs.program, range);
    if (node) this.rangeNodes.set(key, node);
  }
}

/** The identifier a member chain starts from: `settings` in `settings.db.region`. */
function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let root = unwrap(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  return root.type === AST_NODE_TYPES.Identifier ? root : undefined;
}

/** The SDK reads its region and credentials from the environment, and the SDK v2 from `AWS.config`. */
function implicitInputs(module: string): Dependence {
  if (module === 'aws-sdk' || module.startsWith('aws-sdk/')) return { state: ['env:AWS_*', 'aws-sdk:config'] };
  if (module.startsWith('@aws-sdk/')) return { state: ['env:AWS_*'] };
  return STABLE;
}

function mergeRepeat(a: Repeat | undefined, b: Repeat): Repeat {
  if (!a) return b;
  const merged: Repeat = {};
  if (a.always || b.always) merged.always = true;
  const over = a.over && b.over ? join(a.over, b.over) : (a.over ?? b.over);
  if (over) merged.over = over;
  return merged;
}

function constructorOf(classNode: ClassNode): FunctionNode | undefined {
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && isFunction(member.value)) return member.value;
  }
  return undefined;
}

function objectGetter(object: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && property.kind === 'get' && propertyName(property) === name && isFunction(property.value)) {
      return property.value;
    }
  }
  return undefined;
}

/** What `this` is in a method called on a value: an instance held at module level outlives the invocation. */
function receiverOf(value: Value): CallEdge['receiver'] {
  if (value.kind === 'instance') return value.held === 'module' ? 'module' : 'fresh';
  if (value.kind === 'unit' || value.kind === 'exports') return 'module';
  return 'unknown';
}

function isIterationMethod(call: TSESTree.CallExpression): boolean {
  // `iterationCall` asks about a callback in place; the same methods take a callback by name.
  const probe = call.arguments[0];
  return probe !== undefined && iterationCall(probe) !== undefined;
}

/** The class whose `this` a node sees (arrow functions see through). */
function enclosingClassOf(node: Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isClass(current)) return current;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      if (current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
    }
  }
  return undefined;
}

/** Inside a static method, static block or static field: `this` is the class. */
function isStaticContext(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.StaticBlock) return true;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static;
    if (current.type === AST_NODE_TYPES.MethodDefinition) return current.static;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  }
  return false;
}

/** The node a range belongs to (statements and awaits of the dependence analysis). */
function nodeWithRange(program: TSESTree.Program, range: Range): Node | undefined {
  let current: Node = program;
  for (let depth = 0; depth < 256; depth++) {
    if (current.range[0] === range[0] && current.range[1] === range[1]) return current;
    const next = childContaining(current, range);
    if (!next) return undefined;
    current = next;
  }
  return undefined;
}

function childContaining(node: Node, range: Range): Node | undefined {
  for (const value of Object.values(node)) {
    const candidates = Array.isArray(value) ? value : [value];
    for (const candidate of candidates) {
      if (
        candidate &&
        typeof candidate === 'object' &&
        typeof (candidate as Node).type === 'string' &&
        candidate !== node.parent &&
        Array.isArray((candidate as Node).range) &&
        (candidate as Node).range[0] <= range[0] &&
        range[1] <= (candidate as Node).range[1]
      ) {
        return candidate as Node;
      }
    }
  }
  return undefined;
}

/** How a message names what is fetched: a literal as written, a name or a property path. */
function idText(node: Node): string {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Literal) return bare.raw;
  return describe(bare);
}
