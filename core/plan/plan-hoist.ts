import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, isFunction, iterationCall, LOOPS, unwrap } from '../ast.js';
import { passwordHookFor } from '../credentials.js';
import { formatInitReason, formatInitSource, formatReason } from '../format.js';
import { frozenCredentials } from '../frozen-credentials.js';
import { ImportResolver } from '../imports.js';
import type { Scopes } from '../scope.js';
import type { ModuleAnalysis, PerInvocationSite, ReusedTeardown } from '../types.js';
import { callbackTimingEdit } from './callback.js';
import { connectPlacement } from './connect.js';
import type { GetterCall } from './connect.js';
import { planContext } from './context.js';
import type { PlanContext } from './context.js';
import { CHAIN_PLACEHOLDER, chainedSites, creationText } from './creation.js';
import { declarationInsertion, declarationText, failureEvents, SELF, singletonBaseName, singletonType } from './declaration.js';
import type { Steps } from './declaration.js';
import { cacheName, freeName, getterName } from './names.js';
import { moduleObjectUses, resourceUses } from './resource-uses.js';
import type { RemovableStatement, ResourceUses, UseContext } from './resource-uses.js';
import { singletonKey } from './singletons.js';
import type { Form } from './singletons.js';
import { isSuppressed } from './suppression.js';
import { Values } from '../values.js';
import { isModuleLevel, isReassigned } from '../scope.js';
import { isRead } from '../dependence.js';
import { walk } from '../ast.js';
import { declaratorRemovals, indentAt, reindent, statementRemoval } from './text.js';
import type { TextEdit } from './text.js';
import { teardownEdits } from './teardown.js';

type Node = TSESTree.Node;

/** Why a per-invocation site is left where it is. */
export type LeaveReason =
  | 'request-dependent' // built from request data: hoisting would share it across requests
  | 'init-chain' // built from a value fetched on every invocation, by a chain that cannot move as a whole
  | 'expiring-credential' // built from a token that expires, for a driver that takes no password function
  | 'suppressed' // an eslint-disable comment that names the rule covers it
  | 'local-input' // an argument is a local value that cannot move to module scope
  | 'input-written' // an input is changed by the invocation in a way that cannot move with it
  | 'varies-per-call' // an input is meant to differ per call (`randomUUID()`, `Date.now()`)
  | 'not-async' // it needs `await` in a function that is not async
  | 'teardown' // it is closed in a way the plan cannot simply drop (as a value, in a helper)
  | 'per-invocation-setup' // the invocation sets it up further in a way that cannot move (a helper, a callback)
  | 'per-request-state' // the invocation keeps request values on it (`logger.appendKeys({ userId })`)
  | 'unknown-use' // it is handed to code the analysis cannot see
  | 'concurrent-use' // one connection that the invocation may use from concurrent work
  | 'control-flow' // moving it would change when it fails or how the handler answers
  | 'unsupported'; // a shape the plan does not handle yet

export interface HoistedSite {
  site: PerInvocationSite;
  /** The module-scope variable and its getter (shared by sites that build the same thing). */
  name: string;
  getter: string;
  /** The events its singleton's own listeners handle when the connection fails (`FAILURE_EVENTS`). */
  failureEvents: readonly string[];
}

export interface LeftSite {
  site: PerInvocationSite;
  reason: LeaveReason;
  detail: string;
}

export interface HoistPlan {
  edits: TextEdit[];
  hoisted: HoistedSite[];
  left: LeftSite[];
  /** Teardown of resources that already outlive the invocation, removed (codemod only, not a single site's fix). */
  closed?: ReusedTeardown[];
}

export interface PlanOptions {
  /** Write TypeScript annotations (`.ts`, `.tsx`, `.mts`, `.cts`). */
  typescript: boolean;
  /**
   * Plan this site alone, as an editor's quick fix does: the other sites stay as they are, so that
   * fixes applied one at a time (each on the file the previous one left) end where the codemod does.
   */
  only?: PerInvocationSite;
}

interface Singleton {
  name: string;
  getter: string;
  /** The text to insert; none for a singleton the module already has. */
  declaration?: string;
}

/** Per site: what it is bound to, and the edits that belong to it apart from the declaration. */
interface SitePlan {
  site: PerInvocationSite;
  form: Form;
  creation: string;
  type: string;
  binding: Variable | undefined;
  /** `const client = new X()`: the declarator, when the site is its whole initialiser. */
  declarator: TSESTree.VariableDeclarator | undefined;
  edits: TextEdit[];
  /** Local variables inlined into the creation: removed where nothing else reads them. */
  inlined: Variable[];
  /** What the initialiser runs around the creation. */
  steps: Steps;
  /** Where the getter is called, when not in place of the creation (a connect inside a `try`). */
  call: GetterCall | undefined;
  /** Statements the plan removes from the handler (an init chain's, a token's): their reads keep no local. */
  removed: TSESTree.Statement[];
}

const RULE_OF_KIND = { client: 'lambda-hygiene/no-per-invocation-client', pool: 'lambda-hygiene/no-per-invocation-pool' };

/**
 * Plans the hoist of every per-invocation site of a module: a lazily initialised module-scope
 * singleton per distinct resource, a getter call at each site, teardown and connect calls removed
 * from the handler, and for each site left in place, the reason. Edits are text ranges, so
 * everything the plan does not touch stays byte for byte.
 */
export function planHoist(
  program: TSESTree.Program,
  text: string,
  analysis: ModuleAnalysis,
  scopes: Scopes,
  options: PlanOptions,
): HoistPlan {
  const plan = modulePlanner(program, text, analysis, scopes, options).plan(options.only);
  // The codemod also drops teardown of resources that already outlive the invocation (a module-scope pool
  // ended in the handler); the rules offer that one by one, as no-reused-resource-teardown's suggestion.
  if (options.only) return plan;
  const ctx = planContext(program, text, scopes, options.typescript);
  const edits = [...plan.edits];
  const statements: RemovableStatement[] = [];
  const closed: ReusedTeardown[] = [];
  for (const teardown of analysis.teardowns ?? []) {
    if (!teardown.statement) continue;
    // A callback handler answered once the pool's end emptied the event loop: it must stop waiting for it.
    const timing = callbackTimingEdit(ctx, teardown.handler);
    if (typeof timing === 'string') continue;
    if (timing && !edits.some((edit) => edit.start === timing.start && edit.text === timing.text)) edits.push(timing);
    statements.push(teardown.statement);
    closed.push(teardown);
  }
  if (statements.length === 0) return plan;
  return { ...plan, edits: [...edits, ...teardownEdits(text, statements, scopes)], closed };
}

/** A token made per invocation becomes the driver's password function; what that removes from the handler. */
interface PasswordFunction {
  overrides: Map<Node, string>;
  removed: TSESTree.Statement[];
}

/** The statements before a site that fetch and parse what it is built from: they move with it. */
interface InitChain {
  statements: TSESTree.Statement[];
  /** The names the chain declares: they move with it, and the creation reads them as they are. */
  declared: Set<Variable>;
  /** Each statement's text, with other hoisted sites' bindings as chain placeholders. */
  texts: string[];
  /** `const sm = getSecretsManagerClient();` read only by the chain: it goes with it. */
  unused: TSESTree.Statement[];
}

/** The statement a node is part of, in a block or at module scope. */
function enclosingStatement(node: Node): TSESTree.Statement | undefined {
  let current: Node | undefined = node;
  while (current?.parent && current.parent.type !== AST_NODE_TYPES.BlockStatement && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current?.parent ? (current as TSESTree.Statement) : undefined;
}

/** Plans a module's sites in turn, together or one at a time, each site's own part planned once. */
export interface ModulePlanner {
  /** The plan of every site (the codemod's), or of `only` alone (a quick fix's): as `planHoist` gives it. */
  plan(only?: PerInvocationSite): HoistPlan;
}

/**
 * One planner for a module whose sites are planned more than once: the quick fixes of a file plan each
 * site alone, and check the whole plan. What a site's own part is (its form, creation, edits) does not
 * depend on which other sites move, so it is worked out once; only the assembly (names, declarations,
 * declarators left unread) is done per plan.
 */
export function modulePlanner(
  program: TSESTree.Program,
  text: string,
  analysis: ModuleAnalysis,
  scopes: Scopes,
  options: Pick<PlanOptions, 'typescript'>,
): ModulePlanner {
  return new Planner(program, text, scopes, analysis.sites, options);
}

class Planner implements ModulePlanner {
  private left: LeftSite[] = [];
  private taken: Set<string>;
  private readonly imports: ImportResolver;
  private readonly ctx: PlanContext;
  private values: Values | undefined;
  private readonly sitePlans = new Map<PerInvocationSite, SitePlan | LeftSite>();

  constructor(
    program: TSESTree.Program,
    text: string,
    scopes: Scopes,
    /** The analysis' sites, in order: chain placeholders name a site by its index here. */
    private readonly sites: readonly PerInvocationSite[],
    private readonly options: Pick<PlanOptions, 'typescript'>,
  ) {
    this.ctx = planContext(program, text, scopes, options.typescript);
    this.imports = new ImportResolver(scopes);
    this.taken = new Set(this.ctx.taken);
  }

  plan(only?: PerInvocationSite): HoistPlan {
    this.left = [];
    this.taken = new Set(this.ctx.taken);
    const planned: SitePlan[] = [];
    for (const site of this.sites) {
      if (only && site !== only) continue;
      let sitePlan = this.sitePlans.get(site);
      if (!sitePlan) this.sitePlans.set(site, (sitePlan = this.planSite(site, this.sites)));
      if ('reason' in sitePlan) this.left.push(sitePlan);
      else planned.push(sitePlan);
    }
    // Chains need the sites they build on: `from(client)` cannot move if `client` stays.
    let changed = true;
    while (changed) {
      changed = false;
      for (const sitePlan of [...planned]) {
        const missing = this.missingChainInput(sitePlan, planned);
        if (!missing) continue;
        planned.splice(planned.indexOf(sitePlan), 1);
        this.left.push({ site: sitePlan.site, reason: 'local-input', detail: `\`${missing}\` is not hoisted` });
        changed = true;
      }
    }
    return this.assemble(planned);
  }

  private planSite(site: PerInvocationSite, all: readonly PerInvocationSite[]): SitePlan | LeftSite {
    const leave = (reason: LeaveReason, detail: string): LeftSite => ({ site, reason, detail });
    let password: PasswordFunction | undefined;
    if (site.requestDependence?.why === 'awaited') {
      // An expiring credential: never frozen in; where the driver calls a password function, pass one.
      const planned = this.passwordFunction(site, all);
      if ('reason' in planned) return leave('expiring-credential', planned.reason);
      password = planned;
    } else if (site.requestDependence) {
      return leave('request-dependent', formatReason(site.requestDependence));
    }
    let chain: InitChain | undefined;
    if (site.initDependence) {
      const planned = this.initChain(site, all);
      if ('reason' in planned) return leave('init-chain', `built from ${formatInitSource(site.initDependence)}: ${formatInitReason(site.initDependence)}; ${planned.reason}`);
      chain = planned;
    }
    if (site.origin?.unfixable) return leave('unknown-use', site.origin.unfixable);
    const ruleId = RULE_OF_KIND[site.entry.kind];
    if (isSuppressed(this.ctx.program, site.node, ruleId)) return leave('suppressed', `${ruleId} is disabled here`);
    if (site.entry.singleConnection && site.perRecord && !repeatsInSequence(site)) {
      return leave('concurrent-use', 'one connection would serve work that runs concurrently for several records (transactions would interleave): keep one per record');
    }

    const awaited = site.node.parent?.type === AST_NODE_TYPES.AwaitExpression ? site.node.parent : undefined;
    const holder = awaited ?? site.node;
    const declarator = declaratorOf(holder);
    const binding = this.bindingOf(holder);
    const fn = enclosingFunction(site.node);

    // What the invocation does with the resource decides the form, and whether it may be shared.
    // Only a module's function creates a resource the module itself closes; `new X()` has its own teardown.
    const uses = mergeUses(
      resourceUses(this.useContext, site.entry, holder, binding),
      fn && site.node.type === AST_NODE_TYPES.CallExpression
        ? moduleObjectUses(this.useContext, site.entry, site.module, holder, fn)
        : undefined,
    );
    if (uses.problem) return leave(uses.problem.kind, uses.problem.detail);
    // A bound resource has no derived value; an unbound one may be kept only through one.
    const derived = binding ? undefined : this.derivedBinding(holder);
    if (derived) {
      // Only a derived value is kept (`createPool(...).promise()`): its teardown would close the singleton.
      const closes = resourceUses(this.useContext, { ...site.entry, connect: undefined }, holder, derived);
      const first = closes.teardown[0] ?? closes.setup[0];
      if (closes.problem) return leave(closes.problem.kind, closes.problem.detail);
      if (first) return leave('teardown', `\`${this.ctx.text.slice(first.range[0], first.range[1])}\` closes or sets it up through \`${derived.name}\``);
    }
    const edits: TextEdit[] = [];
    let form: Form = site.entry.async ? 'promise' : 'sync';
    if (uses.connect) {
      if (!fn?.async) return leave('not-async', `\`${binding!.name}.${site.entry.connect}()\` needs an async function`);
      form = 'connect';
    }
    if (uses.teardown.length > 0) {
      // How the handler answers (a callback waiting for the event loop) is decided in the handler's file.
      if (site.origin) return leave('teardown', `it is closed here, and its handler \`${site.origin.handler.export}\` is in ${site.origin.handler.file}`);
      const timing = callbackTimingEdit(this.ctx, site.handler);
      if (typeof timing === 'string') return leave('control-flow', timing);
      if (timing) edits.push(timing);
      edits.push(...teardownEdits(this.ctx.text, uses.teardown, this.ctx.scopes));
    }
    if (uses.disposal) edits.push(this.disposalEdit(uses.disposal));
    for (const statement of uses.setup) edits.push(statementRemoval(this.ctx.text, statement));

    const creation = creationText(this.ctx, this.imports, site, all, { keep: chain?.declared, overrides: password?.overrides });
    if ('reason' in creation) return leave(creation.reason, creation.detail);
    for (const statement of creation.prelude) edits.push(statementRemoval(this.ctx.text, statement));
    if (chain) {
      if (!fn?.async) return leave('not-async', 'its init chain awaits, in a function that is not async');
      for (const statement of [...chain.statements, ...chain.unused]) edits.push(statementRemoval(this.ctx.text, statement));
    }
    for (const statement of password?.removed ?? []) edits.push(statementRemoval(this.ctx.text, statement));
    const valueType = this.options.typescript ? singletonType(this.ctx, site, form) : '';
    if (valueType === undefined) return leave('unsupported', 'its type cannot be named');
    // An init chain awaits: the initialiser is async, and the singleton a promise.
    const type = chain && form === 'sync' && valueType ? `Promise<${valueType}>` : valueType;
    let call: GetterCall | undefined;
    if (form === 'connect') {
      const valueType = this.options.typescript ? (singletonType(this.ctx, site, 'sync') ?? '') : '';
      const placement = connectPlacement(this.ctx, holder, binding!, uses, valueType);
      if (placement && 'reason' in placement) return leave(placement.reason, placement.detail);
      if (placement) call = placement;
      else edits.push(statementRemoval(this.ctx.text, uses.connect!));
    }
    const from = indentAt(this.ctx.text, site.node.range[0]);
    // The chain and the statements that build the creation's inputs run first, in source order.
    const prelude = [
      ...(chain?.statements.map((statement, index) => ({ statement, text: chain.texts[index]! })) ?? []),
      ...creation.prelude.map((statement) => ({ statement, text: this.source(statement) })),
    ].sort((a, b) => a.statement.range[0] - b.statement.range[0]);
    let connectCallback: string | undefined;
    if (uses.connectCallback) {
      const local = this.localRead(uses.connectCallback, binding);
      if (local) return leave('per-invocation-setup', `the callback of \`${binding!.name}.${site.entry.connect}()\` reads \`${local}\`, a local value`);
      connectCallback = this.setupText(uses.connectCallback, binding, from);
    }
    const errorParameter = uses.connectCallback?.params[0];
    const connectErrorType = errorParameter && errorParameter.type !== AST_NODE_TYPES.TSParameterProperty ? errorParameter.typeAnnotation : undefined;
    const steps: Steps = {
      prelude: prelude.map(({ statement, text }) => reindent(text, indentAt(this.ctx.text, statement.range[0]), from)),
      setup: uses.setup.map((statement) => this.setupText(statement, binding, from)),
      ...(chain ? { awaits: true } : {}),
      ...(connectCallback !== undefined ? { connectCallback } : {}),
      ...(connectErrorType ? { connectErrorType: this.source(connectErrorType) } : {}),
    };
    const removed = [...(chain?.statements ?? []), ...(chain?.unused ?? []), ...(password?.removed ?? [])];
    return { site, form, creation: creation.text, type, binding, declarator, edits, inlined: creation.inlined, steps, call, removed };
  }

  /**
   * `password: token` with `token = await signer.getAuthToken()` becomes `password: () => getSigner().getAuthToken()`
   * for a driver that calls the function for every new connection; any other use of an expiring credential
   * leaves the site.
   */
  private passwordFunction(site: PerInvocationSite, all: readonly PerInvocationSite[]): PasswordFunction | { reason: string } {
    const hook = passwordHookFor(site.entry);
    const why = formatReason(site.requestDependence!);
    if (!hook) {
      return { reason: `it is built from a credential that expires (${why}): give a shared client a refreshing credential provider (\`fromTemporaryCredentials\`) instead` };
    }
    if (!hook.automatic) return { reason: `\`${site.resource}\` takes no password function (${why}): ${hook.example}` };
    this.values ??= new Values(this.ctx.scopes, this.ctx.program);
    const frozen = frozenCredentials(site.node, site.entry, this.values, this.ctx.scopes);
    if (frozen.length === 0 || frozen.some((found) => !found.fix)) return { reason: 'the expiring credential is not only its password' };
    const overrides = new Map<Node, string>();
    const removed: TSESTree.Statement[] = [];
    for (const found of frozen) {
      // The signer is a site of its own: the function calls its getter.
      const signerName = /^\(\) => (\w+)\./.exec(found.fix!.text)?.[1];
      const signerSite = all.findIndex((other) => {
        const declarator = declaratorOf(other.node);
        return declarator?.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === signerName;
      });
      let signer = signerSite >= 0 ? `${CHAIN_PLACEHOLDER}${signerSite}` : undefined;
      if (!signer) {
        // Already a singleton (an earlier quick fix): `const signer = getSigner()` reads as its getter call.
        const variable = this.ctx.scopes.lookup(site.node, signerName ?? '');
        const def = variable?.defs[0];
        const init = def?.type === 'Variable' ? def.node.init && unwrap(def.node.init) : undefined;
        const getter = init?.type === AST_NODE_TYPES.CallExpression && init.arguments.length === 0 && init.callee.type === AST_NODE_TYPES.Identifier ? init.callee.name : undefined;
        if (!variable || !getter || !this.ctx.existing.some((existing) => existing.getter === getter)) {
          return { reason: `\`${signerName}\` is not a signer the plan can hoist` };
        }
        signer = `${getter}()`;
        const statement = def!.node.parent as TSESTree.Statement;
        const reads = variable.references.filter((reference) => reference.isRead());
        const unusedDeclaration = found.fix!.unused;
        if (reads.every((reference) => unusedDeclaration && contains(unusedDeclaration, reference.identifier))) removed.push(statement);
      }
      overrides.set(found.value, found.fix!.text.replace(`${signerName}.`, `${signer}.`));
      if (found.fix!.unused) removed.push(found.fix!.unused);
      else if (unwrap(found.value).type === AST_NODE_TYPES.Identifier) return { reason: 'its token is also used elsewhere' };
    }
    return { overrides, removed };
  }

  /**
   * The init chain that moves with a site built from a fetched value: its statements (fetch, parse) in
   * the site's own block, before it, whose names nothing else reads, and which read nothing local but
   * each other and other hoisted sites; otherwise it stays, with why.
   */
  private initChain(site: PerInvocationSite, all: readonly PerInvocationSite[]): InitChain | { reason: string } {
    const statementOfSite = enclosingStatement(site.node);
    const block = statementOfSite?.parent;
    if (!statementOfSite || !block || block.type !== AST_NODE_TYPES.BlockStatement) return { reason: 'it is not a statement of a block' };
    const statements: TSESTree.Statement[] = [];
    for (const node of site.initDependence!.chain) {
      const statement = enclosingStatement(node);
      if (!statement || statement.parent !== block || statement.range[0] >= statementOfSite.range[0]) return { reason: 'its chain is not in the same block, before it' };
      if (!statements.includes(statement)) statements.push(statement);
    }
    if (statements.length === 0) return { reason: 'its chain is empty' };
    statements.sort((a, b) => a.range[0] - b.range[0]);
    const declared = new Set<Variable>(statements.flatMap((statement) => this.ctx.scopes.manager.getDeclaredVariables(statement)));
    for (const variable of declared) {
      for (const reference of variable.references) {
        const at = reference.identifier;
        if (statements.some((statement) => contains(statement, at)) || contains(site.node, at)) continue;
        return { reason: `\`${variable.name}\` is also used outside it` };
      }
    }
    const texts: string[] = [];
    const getterLocals = new Set<Variable>();
    for (const statement of statements) {
      const text = this.chainStatementText(statement, declared, site, all, getterLocals);
      if (typeof text !== 'string') return text;
      texts.push(text);
    }
    const unused = [...getterLocals].flatMap((variable) => {
      const declaration = variable.defs[0]!.node.parent as Node;
      const onlyChain = variable.references.every((reference) => !reference.isRead() || statements.some((statement) => contains(statement, reference.identifier)));
      return onlyChain && declaration.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.length === 1 ? [declaration] : [];
    });
    return { statements, declared, texts, unused };
  }

  /**
   * A chain statement as the initialiser runs it: it may read module-level names, globals and what the
   * chain declares; a local bound to another hoisted site (`const sm = new SecretsManagerClient({})`)
   * reads as that site's getter; any other local keeps the site where it is.
   */
  private chainStatementText(
    statement: TSESTree.Statement,
    declared: ReadonlySet<Variable>,
    site: PerInvocationSite,
    all: readonly PerInvocationSite[],
    getterLocals: Set<Variable>,
  ): string | { reason: string } {
    const replacements: TextEdit[] = [];
    let problem: string | undefined;
    walk(statement, (node) => {
      if (problem) return false;
      if (node.type === AST_NODE_TYPES.ThisExpression) problem = '`this` is read in its init chain';
      if (node.type !== AST_NODE_TYPES.Identifier || !isRead(node)) return true;
      const variable = this.ctx.scopes.resolve(node);
      const def = variable?.defs[0];
      if (!variable || declared.has(variable) || isModuleLevel(variable) || (def && contains(statement, def.name))) return false;
      if (!def) return false;
      const init = def.type === 'Variable' ? def.node.init : undefined;
      const other = init && variable.defs.length === 1 ? all.find((candidate) => candidate !== site && (candidate.node === init || unwrapAwaited(init) === candidate.node)) : undefined;
      // Already a singleton (an earlier quick fix): `const sm = getSecretsManagerClient()` reads as its getter call.
      const getter = init && variable.defs.length === 1 && !isReassigned(variable) ? this.existingGetterCall(init) : undefined;
      if (!other && !getter) {
        problem = `\`${node.name}\` is a local value its init chain reads`;
        return false;
      }
      if (!other) getterLocals.add(variable);
      replacements.push({ start: node.range[0], end: node.range[1], text: other ? `${CHAIN_PLACEHOLDER}${all.indexOf(other)}` : getter! });
      return false;
    });
    if (problem) return { reason: problem };
    let text = this.source(statement);
    for (const replacement of replacements.sort((a, b) => b.start - a.start)) {
      const start = replacement.start - statement.range[0];
      text = text.slice(0, start) + replacement.text + text.slice(replacement.end - statement.range[0]);
    }
    return text;
  }

  /** `getX()` when the expression calls, with no arguments, the getter of a singleton the module already has. */
  private existingGetterCall(expression: Node): string | undefined {
    const call = unwrapAwaited(expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0 || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const name = call.callee.name;
    return this.ctx.existing.some((existing) => existing.getter === name) ? `${name}()` : undefined;
  }

  /** The first local the node reads other than the resource and its own names (module-level names and globals are fine). */
  private localRead(node: Node, resource: Variable | undefined): string | undefined {
    let found: string | undefined;
    walk(node, (child) => {
      if (found) return false;
      if (child.type !== AST_NODE_TYPES.Identifier || !isRead(child)) return true;
      const variable = this.ctx.scopes.resolve(child);
      const def = variable?.defs[0];
      if (variable && variable !== resource && def && !isModuleLevel(variable) && !contains(node, def.name)) found = child.name;
      return false;
    });
    return found;
  }

  private get useContext(): UseContext {
    return {
      scopes: this.ctx.scopes,
      text: this.ctx.text,
      imports: this.imports,
      isCreation: (node) => this.sites.some((site) => site.node === node),
      isHandler: (fn) => this.sites.some((site) => site.handler.fn === fn),
    };
  }

  private source(node: TSESTree.Node): string {
    return this.ctx.text.slice(node.range[0], node.range[1]);
  }

  /** A set-up statement as the initialiser runs it: the resource's name becomes `SELF`. */
  private setupText(statement: TSESTree.Node, binding: Variable | undefined, indent: string): string {
    const replacements = (binding?.references ?? [])
      .filter((reference) => contains(statement, reference.identifier))
      .map((reference) => reference.identifier.range)
      .sort((a, b) => b[0] - a[0]);
    let text = this.source(statement);
    for (const [start, end] of replacements) {
      text = text.slice(0, start - statement.range[0]) + SELF + text.slice(end - statement.range[0]);
    }
    return reindent(text, indentAt(this.ctx.text, statement.range[0]), indent);
  }

  /** `await using client = ...` → `const client = ...`: the singleton is not disposed of at the end of the block. */
  private disposalEdit(declaration: TSESTree.VariableDeclaration): TextEdit {
    return { start: declaration.range[0], end: declaration.declarations[0]!.range[0], text: 'const ' };
  }

  /** The variable the resource is stored in: `const pool = new Pool()`, `client = await connect()`. */
  private bindingOf(holder: Node): Variable | undefined {
    const declarator = declaratorOf(holder);
    if (declarator) return this.ctx.scopes.resolve(declarator.id as TSESTree.Identifier);
    const parent = holder.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === holder && parent.operator === '=') {
      const target = unwrap(parent.left);
      return target.type === AST_NODE_TYPES.Identifier ? this.ctx.scopes.resolve(target) : undefined;
    }
    return undefined;
  }

  /** `const pool = mysql.createPool(...).promise()`: a value that reaches the resource through a method. */
  private derivedBinding(holder: Node): Variable | undefined {
    let current: Node = holder;
    while (
      current.parent &&
      ((current.parent.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) ||
        (current.parent.type === AST_NODE_TYPES.CallExpression && current.parent.callee === current) ||
        (current.parent.type === AST_NODE_TYPES.AwaitExpression && current !== holder))
    ) {
      current = current.parent;
    }
    return current === holder ? undefined : this.bindingOf(current);
  }

  private missingChainInput(sitePlan: SitePlan, planned: readonly SitePlan[]): string | undefined {
    for (const index of chainedSites(placeholderText(sitePlan))) {
      if (!planned.some((other) => other.site === this.sites[index])) return this.sites[index]?.resource;
    }
    return undefined;
  }

  private assemble(planned: SitePlan[]): HoistPlan {
    // Chain placeholders name sites by their index in the analysis.
    const singletons = new Map<string, Singleton>();
    const singletonOf = new Map<SitePlan, Singleton>();
    const edits: TextEdit[] = [];
    const hoisted: HoistedSite[] = [];
    for (const sitePlan of this.inDependencyOrder(planned)) {
      const creation = this.resolveChains(sitePlan.creation, planned, singletonOf);
      const steps = { ...sitePlan.steps, prelude: sitePlan.steps.prelude.map((text) => this.resolveChains(text, planned, singletonOf)) };
      const key = singletonKey(sitePlan.form, creation, steps);
      let singleton = singletons.get(key) ?? this.ctx.existing.find((existing) => existing.key === key);
      if (!singleton) {
        // Names free in the whole module: the variable is read only inside its getter, the getter is
        // called at the sites, and neither may shadow or be shadowed by any other binding.
        const base = singletonBaseName(sitePlan);
        const name = freeName(cacheName(base), (candidate) => this.isTaken(candidate));
        this.taken.add(name);
        const getter = freeName(getterName(base), (candidate) => this.isTaken(candidate));
        this.taken.add(getter);
        singleton = { name, getter, declaration: declarationText(this.ctx, { ...sitePlan, steps }, name, getter, creation) };
        singletons.set(key, singleton);
      }
      singletonOf.set(sitePlan, singleton);
      hoisted.push({
        site: sitePlan.site,
        name: singleton.name,
        getter: singleton.getter,
        failureEvents: failureEvents(sitePlan.site.entry, sitePlan.steps.setup),
      });
    }
    const removedDeclarators: TSESTree.VariableDeclarator[] = [];
    for (const sitePlan of planned) {
      const singleton = singletonOf.get(sitePlan)!;
      edits.push(...sitePlan.edits);
      if (this.isOnlyReadByHoisted(sitePlan.binding, planned) && sitePlan.declarator) {
        removedDeclarators.push(sitePlan.declarator);
      } else if (sitePlan.call) {
        edits.push(...sitePlan.call(singleton.getter));
      } else {
        const call = `${sitePlan.form === 'connect' || sitePlan.steps.awaits ? 'await ' : ''}${singleton.getter}()`;
        edits.push({ start: sitePlan.site.node.range[0], end: sitePlan.site.node.range[1], text: call });
      }
      for (const variable of sitePlan.inlined) {
        const def = variable.defs[0]!;
        if (def.type !== 'Variable') continue;
        // `const { A, B } = process.env` goes only when none of the names it declares is read elsewhere.
        const declared = this.ctx.scopes.manager.getDeclaredVariables(def.node);
        if (declared.every((other) => this.isOnlyReadByHoisted(other, planned)) && !removedDeclarators.includes(def.node)) {
          removedDeclarators.push(def.node);
        }
      }
    }
    edits.push(...declaratorRemovals(this.ctx.text, removedDeclarators));
    const declarations = [...singletons.values()].flatMap((singleton) => singleton.declaration ?? []);
    if (declarations.length > 0) edits.push(declarationInsertion(this.ctx, declarations));
    return { edits: dedupe(edits), hoisted, left: this.left };
  }

  /** Source order, except that a site comes after the sites its creation builds on. */
  private inDependencyOrder(planned: readonly SitePlan[]): SitePlan[] {
    const ordered: SitePlan[] = [];
    const visit = (sitePlan: SitePlan) => {
      if (ordered.includes(sitePlan)) return;
      for (const index of chainedSites(placeholderText(sitePlan))) {
        const site = this.sites[index];
        const dependency = planned.find((other) => other.site === site);
        if (dependency && dependency !== sitePlan) visit(dependency);
      }
      ordered.push(sitePlan);
    };
    planned.forEach(visit);
    return ordered;
  }

  private resolveChains(creation: string, planned: readonly SitePlan[], singletonOf: Map<SitePlan, Singleton>): string {
    return creation.replace(new RegExp(`${CHAIN_PLACEHOLDER}(\\d+)`, 'g'), (_, index: string) => {
      const target = planned.find((other) => other.site === this.sites[Number(index)]);
      const singleton = target && singletonOf.get(target);
      return singleton ? `${singleton.getter}()` : _;
    });
  }

  /** A binding whose every read is inside creations that move to module scope is no longer needed. */
  private isOnlyReadByHoisted(variable: Variable | undefined, planned: readonly SitePlan[]): boolean {
    if (!variable) return false;
    const reads = variable.references.filter((reference) => reference.isRead());
    return (
      reads.length > 0 &&
      reads.every((reference) =>
        planned.some(
          (other) =>
            (other.binding !== variable && contains(other.site.node, reference.identifier)) ||
            other.removed.some((statement) => contains(statement, reference.identifier)),
        ),
      )
    );
  }

  /**
   * Taken at module scope, or declared anywhere in the module: a getter named like a local function
   * (`const getS3Client = () => new S3Client({})`) would call itself there, and `const pool = getPool()`
   * beside a module-level `let pool` trips `no-shadow`.
   */
  private isTaken(name: string): boolean {
    return this.taken.has(name) || this.ctx.declared.has(name);
  }
}

function unwrapAwaited(node: Node): Node {
  const bare = unwrap(node);
  return bare.type === AST_NODE_TYPES.AwaitExpression ? unwrap(bare.argument) : bare;
}

/** Everything of a site's plan that may name other sites by placeholder: its creation and its init chain. */
function placeholderText(sitePlan: SitePlan): string {
  return [sitePlan.creation, ...sitePlan.steps.prelude].join('\n');
}

/** `const pool = <holder>`: the declarator whose whole initialiser the expression is. */
function declaratorOf(holder: Node): TSESTree.VariableDeclarator | undefined {
  let value = holder;
  // `(await mysql.createConnection(url)) as mysql.Connection`: the type does not change the value.
  while (
    value.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    value.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    value.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    value.parent?.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    value = value.parent;
  }
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent
    : undefined;
}

function mergeUses(first: ResourceUses, second: ResourceUses | undefined): ResourceUses {
  if (!second) return first;
  return {
    teardown: [...first.teardown, ...second.teardown],
    connect: first.connect ?? second.connect,
    ...(first.connect ? (first.connectCallback ? { connectCallback: first.connectCallback } : {}) : second.connectCallback ? { connectCallback: second.connectCallback } : {}),
    setup: [...first.setup, ...second.setup],
    disposal: first.disposal ?? second.disposal,
    problem: first.problem ?? second.problem,
  };
}

/**
 * Does the per-record repetition of the site run one record after the other: a loop in the async
 * function that creates it, not a callback per element (`Promise.all(records.map(async ...))`) nor a
 * helper reached from who knows how many concurrent calls?
 */
function repeatsInSequence(site: PerInvocationSite): boolean {
  if (site.path.length > 0) return false;
  let inLoop = false;
  for (let current: TSESTree.Node | undefined = site.node.parent; current; current = current.parent) {
    if (isFunction(current)) return inLoop && current.async && !iterationCall(current);
    if (LOOPS.has(current.type)) inLoop = true;
  }
  return false;
}


function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
