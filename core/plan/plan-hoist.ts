import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, isFunction, unwrap, walk } from '../ast.js';
import { isRead } from '../dependence.js';
import type { Scopes } from '../scope.js';
import { isModuleLevel, isTopLevelScope } from '../scope.js';
import { formatReason } from '../format.js';
import type { ModuleAnalysis, PerInvocationSite } from '../types.js';
import { camelCase, freeName, getterName } from './names.js';
import { isSuppressed } from './suppression.js';
import { indentAt, lineEnd, lineStart, reindent, statementRemoval, textStyle } from './text.js';
import type { TextEdit } from './text.js';
import { findExistingSingletons, singletonKey } from './singletons.js';
import type { ExistingSingleton, Form } from './singletons.js';
import { ImportResolver } from '../imports.js';
import { removableStatement, resourceUses } from './resource-uses.js';
import type { ResourceUses } from './resource-uses.js';
import { teardownEdits } from './teardown.js';

type Node = TSESTree.Node;

/** Why a per-invocation site is left where it is. */
export type LeaveReason =
  | 'request-dependent' // built from request data: hoisting would share it across requests
  | 'suppressed' // an eslint-disable comment for the rule covers it
  | 'local-input' // an argument is a local value that cannot move to module scope
  | 'not-async' // it needs `await` in a function that is not async
  | 'teardown' // it is closed in a way the plan cannot simply drop (as a value, in a helper)
  | 'per-invocation-setup' // the invocation sets it up further (listeners, a connect callback)
  | 'unsupported'; // a shape the plan does not handle yet

export interface HoistedSite {
  site: PerInvocationSite;
  /** The module-scope variable and its getter (shared by sites that build the same thing). */
  name: string;
  getter: string;
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
  /** The expression replaced by the getter call: the site, or `await site` for a connect form. */
  replaced: Node;
  edits: TextEdit[];
  /** Local variables inlined into the creation: removed where nothing else reads them. */
  inlined: Variable[];
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
  const planner = new Planner(program, text, scopes, options);
  planner.setSites(analysis.sites);
  return planner.plan(analysis.sites);
}

class Planner {
  private readonly left: LeftSite[] = [];
  private readonly taken: Set<string>;
  private readonly imports: ImportResolver;
  /** Singletons an earlier run or quick fix wrote: reused, and new ones go after them. */
  private readonly existing: ExistingSingleton[];
  /** The file's line ending and indentation unit, which inserted code follows. */
  private readonly style: { eol: string; unit: string; margin: string };

  constructor(
    private readonly program: TSESTree.Program,
    private readonly text: string,
    private readonly scopes: Scopes,
    private readonly options: PlanOptions,
  ) {
    this.imports = new ImportResolver(scopes);
    const module = moduleFacts(program, text, scopes);
    this.existing = module.existing;
    this.style = module.style;
    this.taken = new Set(module.taken);
  }

  plan(sites: readonly PerInvocationSite[]): HoistPlan {
    const planned: SitePlan[] = [];
    for (const site of sites) {
      if (this.options.only && site !== this.options.only) continue;
      const sitePlan = this.planSite(site, sites);
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
    if (site.requestDependence) {
      return leave('request-dependent', formatReason(site.requestDependence));
    }
    const ruleId = RULE_OF_KIND[site.entry.kind];
    if (isSuppressed(this.program, site.node, ruleId)) return leave('suppressed', `${ruleId} is disabled here`);

    const awaited = site.node.parent?.type === AST_NODE_TYPES.AwaitExpression ? site.node.parent : undefined;
    const holder = awaited ?? site.node;
    const declarator =
      holder.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      holder.parent.init === holder &&
      holder.parent.id.type === AST_NODE_TYPES.Identifier
        ? holder.parent
        : undefined;
    const binding = this.bindingOf(holder);
    const fn = enclosingFunction(site.node);

    // What the invocation does with the resource decides the form, and whether it may be shared.
    const derived = this.derivedBinding(holder);
    const uses = mergeUses(
      binding && resourceUses(binding, site.entry, this.scopes, holder, derived),
      this.moduleObjectUses(site, holder, fn),
    );
    if (uses?.problem) return leave(uses.problem.kind, uses.problem.detail);
    if (!binding && derived) {
      // Only a derived value is kept (`createPool(...).promise()`): its teardown would close the singleton.
      const closes = resourceUses(derived, { ...site.entry, connect: undefined }, this.scopes, holder, undefined);
      const first = closes.teardown[0];
      if (closes.problem) return leave(closes.problem.kind, closes.problem.detail);
      if (first) return leave('teardown', `\`${this.text.slice(first.range[0], first.range[1])}\` closes it through \`${derived.name}\``);
    }
    const edits: TextEdit[] = [];
    let form: Form = site.entry.async ? 'promise' : 'sync';
    if (uses?.connect) {
      if (!fn?.async) return leave('not-async', `\`${binding!.name}.${site.entry.connect}()\` needs an async function`);
      form = 'connect';
      edits.push(statementRemoval(this.text, uses.connect));
    }
    if (uses) edits.push(...teardownEdits(this.text, uses.teardown, this.scopes));

    const creation = this.creationText(site, all);
    if ('reason' in creation) return leave(creation.reason, creation.detail);
    const type = this.options.typescript ? this.typeOf(site, form) : '';
    if (type === undefined) return leave('unsupported', 'its type cannot be named');
    return {
      site,
      form,
      creation: creation.text,
      type,
      binding,
      declarator,
      replaced: site.node,
      edits,
      inlined: creation.inlined,
    };
  }

  /** The variable the resource is stored in: `const pool = new Pool()`, `client = await connect()`. */
  private bindingOf(holder: Node): Variable | undefined {
    const parent = holder.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier) {
      return this.scopes.resolve(parent.id);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === holder && parent.operator === '=') {
      const target = unwrap(parent.left);
      return target.type === AST_NODE_TYPES.Identifier ? this.scopes.resolve(target) : undefined;
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

  /**
   * `await mongoose.connect(uri)`: the module closes it, through its object
   * (`mongoose.disconnect()`) or a function imported from it (`disconnect()`), in the same function.
   */
  private moduleObjectUses(site: PerInvocationSite, holder: Node, fn: Node | undefined): ResourceUses | undefined {
    const teardown = new Set(site.entry.teardown ?? []);
    if (teardown.size === 0 || !fn) return undefined;
    const uses: ResourceUses = { teardown: [], connect: undefined, problem: undefined };
    walk(fn, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || contains(holder, node)) return true;
      const ref = this.imports.resolve(node.callee);
      if (ref?.module !== site.module || ref.path.length !== 1 || !teardown.has(ref.path[0]!)) return true;
      const statement = removableStatement(node);
      if (statement) uses.teardown.push(statement);
      else uses.problem ??= { kind: 'teardown', detail: `\`${describe(node.callee)}()\` is used as a value` };
      return true;
    });
    return uses;
  }

  /**
   * The creation's text as it will read at module scope: locals computed from stable values are
   * inlined, locals bound to other hoisted sites become their getters' calls.
   */
  private creationText(
    site: PerInvocationSite,
    all: readonly PerInvocationSite[],
  ): { text: string; inlined: Variable[] } | { reason: LeaveReason; detail: string } {
    const replacements: TextEdit[] = [];
    const inlined: Variable[] = [];
    let problem: { reason: LeaveReason; detail: string } | undefined;
    const node = site.node;
    walk(node, (child) => {
      if (problem) return false;
      // A resource created inside this one's arguments is a site of its own: its getter builds it.
      const nested = child !== node ? all.indexOf(all.find((other) => other.node === child)!) : -1;
      if (nested >= 0) {
        replacements.push({ start: child.range[0], end: child.range[1], text: `${CHAIN_PLACEHOLDER}${nested}` });
        return false;
      }
      if (child.type === AST_NODE_TYPES.ThisExpression) {
        problem = { reason: 'local-input', detail: '`this` is read in its arguments' };
        return false;
      }
      if (child.type !== AST_NODE_TYPES.Identifier || !isRead(child)) return true;
      const variable = this.scopes.resolve(child);
      const def = variable?.defs[0];
      if (!variable || !def || isModuleLevel(variable) || contains(node, def.name)) return false;
      const init = def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.init : null;
      if (!init || variable.defs.length !== 1 || hasLaterWrites(variable)) {
        problem = { reason: 'local-input', detail: `\`${child.name}\` is a local value` };
        return false;
      }
      const chained = all.find((other) => other !== site && (other.node === init || unwrapAwait(init) === other.node));
      const value = chained ? `${CHAIN_PLACEHOLDER}${all.indexOf(chained)}` : this.inlineText(init, child);
      if (value === undefined) {
        problem = { reason: 'local-input', detail: `\`${child.name}\` is computed in the handler` };
        return false;
      }
      const shorthand = child.parent?.type === AST_NODE_TYPES.Property && child.parent.shorthand;
      replacements.push({
        start: child.range[0],
        end: child.range[1],
        text: shorthand ? `${child.name}: ${value}` : value,
      });
      inlined.push(variable);
      return false;
    });
    if (problem) return problem;
    let text = this.text.slice(node.range[0], node.range[1]);
    for (const replacement of replacements.sort((a, b) => b.start - a.start)) {
      const start = replacement.start - node.range[0];
      text = text.slice(0, start) + replacement.text + text.slice(replacement.end - node.range[0]);
    }
    return { text, inlined };
  }

  /** A local's initialiser, when it reads only module-level values: `process.env.REGION`. */
  private inlineText(init: Node, usage: Node): string | undefined {
    let movable = true;
    walk(init, (child) => {
      if (!movable) return false;
      if (child.type === AST_NODE_TYPES.AwaitExpression || child.type === AST_NODE_TYPES.ThisExpression) movable = false;
      if (child.type === AST_NODE_TYPES.Identifier && isRead(child)) {
        const variable = this.scopes.resolve(child);
        if (variable && variable.defs.length > 0 && !isModuleLevel(variable)) movable = false;
      }
      return movable;
    });
    if (!movable || isFunction(init)) return undefined;
    const source = this.text.slice(init.range[0], init.range[1]);
    return isSimple(init) || acceptsAnyExpression(usage) ? source : `(${source})`;
  }

  /** The TypeScript type of the singleton. */
  private typeOf(site: PerInvocationSite, form: Form): string | undefined {
    const node = site.node;
    const callee = unwrap(node.callee);
    if (!isNameChain(callee)) return undefined;
    // Written as a plain name chain: `new (AWS?.S3)()` is of type `AWS.S3`.
    const calleeName = describe(callee);
    const typeArguments = node.typeArguments ? this.text.slice(node.typeArguments.range[0], node.typeArguments.range[1]) : '';
    const isClassName = (name: string) => /^[A-Z]/.test(name.split('.').pop() ?? '');
    let type: string;
    if (node.type === AST_NODE_TYPES.NewExpression || (isClassName(calleeName) && this.isTypeImport(callee))) {
      // `new Pool()`, and a class called without `new` (`Stripe(key)`): an instance of the class.
      type = this.isTypeImport(callee) ? `${calleeName}${typeArguments}` : `InstanceType<typeof ${calleeName}>`;
    } else if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      isClassName(describe(callee.object)) &&
      this.isTypeImport(callee.object)
    ) {
      // `DynamoDBDocumentClient.from(...)`, `MongoClient.connect(...)`: an instance of the class.
      type = describe(callee.object);
      if (site.entry.async) type = `Promise<${type}>`;
    } else {
      // `knex<Order>(...)`: an instantiation expression keeps the type arguments.
      type = `ReturnType<typeof ${calleeName}${typeArguments}>`;
    }
    if (type === undefined) return undefined;
    return form === 'connect' ? `Promise<${type}>` : type;
  }

  /** Is the chain's root an ESM import (a class is then also a type)? */
  private isTypeImport(node: Node): boolean {
    let root = unwrap(node);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const def = this.scopes.resolve(root)?.defs[0];
    return def?.type === 'ImportBinding';
  }

  private missingChainInput(sitePlan: SitePlan, planned: readonly SitePlan[]): string | undefined {
    const placeholders = sitePlan.creation.match(new RegExp(`${CHAIN_PLACEHOLDER}\\d+`, 'g')) ?? [];
    for (const placeholder of placeholders) {
      const index = Number(placeholder.slice(CHAIN_PLACEHOLDER.length));
      if (!planned.some((other) => other.site === this.sitesByIndex[index])) return this.sitesByIndex[index]?.resource;
    }
    return undefined;
  }

  private sitesByIndex: PerInvocationSite[] = [];

  private assemble(planned: SitePlan[]): HoistPlan {
    // Chain placeholders name sites by their index in the analysis.
    const singletons = new Map<string, Singleton>();
    const singletonOf = new Map<SitePlan, Singleton>();
    const edits: TextEdit[] = [];
    const hoisted: HoistedSite[] = [];
    for (const sitePlan of this.inDependencyOrder(planned)) {
      const creation = this.resolveChains(sitePlan.creation, planned, singletonOf);
      const key = singletonKey(sitePlan.form, creation);
      let singleton = singletons.get(key) ?? this.existing.find((existing) => existing.key === key);
      if (!singleton) {
        // The variable is read only inside its getter, at module scope; the getter is called at the site.
        const name = freeName(this.baseName(sitePlan), (candidate) => this.taken.has(candidate));
        this.taken.add(name);
        const getter = freeName(getterName(name), (candidate) => this.isTakenAt(candidate, sitePlan));
        this.taken.add(getter);
        singleton = { name, getter, declaration: this.declaration(sitePlan, name, getter, creation) };
        singletons.set(key, singleton);
      }
      singletonOf.set(sitePlan, singleton);
      hoisted.push({ site: sitePlan.site, name: singleton.name, getter: singleton.getter });
    }
    for (const sitePlan of planned) {
      const singleton = singletonOf.get(sitePlan)!;
      edits.push(...sitePlan.edits);
      if (this.isOnlyReadByHoisted(sitePlan.binding, planned)) {
        edits.push(statementRemoval(this.text, sitePlan.declarator!.parent));
      } else {
        const call = `${sitePlan.form === 'connect' ? 'await ' : ''}${singleton.getter}()`;
        edits.push({ start: sitePlan.replaced.range[0], end: sitePlan.replaced.range[1], text: call });
      }
      for (const variable of sitePlan.inlined) {
        if (!this.isOnlyReadByHoisted(variable, planned)) continue;
        const def = variable.defs[0]!;
        if (def.type === 'Variable' && def.node.parent.declarations.length === 1) {
          edits.push(statementRemoval(this.text, def.node.parent));
        }
      }
    }
    const declarations = [...singletons.values()].flatMap((singleton) => singleton.declaration ?? []);
    if (declarations.length > 0) edits.push(this.declarationInsertion(declarations));
    return { edits: dedupe(edits), hoisted, left: this.left };
  }

  /** Source order, except that a site comes after the sites its creation builds on. */
  private inDependencyOrder(planned: readonly SitePlan[]): SitePlan[] {
    const ordered: SitePlan[] = [];
    const visit = (sitePlan: SitePlan) => {
      if (ordered.includes(sitePlan)) return;
      for (const placeholder of sitePlan.creation.match(new RegExp(`${CHAIN_PLACEHOLDER}\\d+`, 'g')) ?? []) {
        const site = this.sitesByIndex[Number(placeholder.slice(CHAIN_PLACEHOLDER.length))];
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
      const target = planned.find((other) => other.site === this.sitesByIndex[Number(index)]);
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
        planned.some((other) => other.binding !== variable && contains(other.site.node, reference.identifier)),
      )
    );
  }

  /** Taken at module scope, or shadowed by a local where the getter will be called. */
  private isTakenAt(name: string, sitePlan: SitePlan): boolean {
    if (this.taken.has(name)) return true;
    const local = this.scopes.lookup(sitePlan.site.node, name);
    return local !== undefined && !isModuleLevel(local);
  }

  /** `new X` → `x`; a call → its variable, else its class (`X.from`), else its name without `create`. */
  private baseName(sitePlan: SitePlan): string {
    const callee = unwrap(sitePlan.site.node.callee);
    const last = (node: Node) => describe(node).split('.').pop() ?? 'resource';
    if (sitePlan.site.node.type === AST_NODE_TYPES.NewExpression) return camelCase(last(callee));
    // `const sql = postgres(url)`: the variable names it; through an `await` it names the result instead.
    if (sitePlan.declarator?.init === sitePlan.site.node) return (sitePlan.declarator.id as TSESTree.Identifier).name;
    if (callee.type === AST_NODE_TYPES.MemberExpression && /^[A-Z]/.test(last(callee.object))) {
      return camelCase(last(callee.object));
    }
    const name = last(callee).replace(/^create(?=[A-Z])/, '');
    return camelCase(name) || 'resource';
  }

  /**
   * `const created: ReturnType<typeof createClient> = createClient(...)`: a generic factory infers its
   * type arguments from this annotation, as it does from the variable in the other forms.
   */
  private createdAnnotation(sitePlan: SitePlan): string {
    const valueType = /^Promise<(ReturnType<.*>)>$/.exec(sitePlan.type)?.[1];
    return this.options.typescript && valueType ? `: ${valueType}` : '';
  }

  /** The singleton's declaration, in the file's own indentation and line endings. */
  private declaration(sitePlan: SitePlan, name: string, getter: string, creation: string): string {
    const ts = this.options.typescript;
    const { eol, unit } = this.style;
    // Continuation lines move from the site's indentation to the getter's (the margin is added last).
    const from = indentAt(this.text, sitePlan.site.node.range[0]);
    const annotation = ts ? `: ${sitePlan.type}` : '';
    const lines = [`let ${name}${ts ? `: ${sitePlan.type} | undefined` : ''};`, `const ${getter} = ()${annotation} =>`];
    const forget = [
      `.catch((error${ts ? ': unknown' : ''}) => {`,
      `${unit}${unit}${name} = undefined;`,
      `${unit}${unit}throw error;`,
      `${unit}})`,
    ].join(eol);
    switch (sitePlan.form) {
      case 'sync':
        lines.push(`${unit}(${name} ??= ${reindent(creation, from, unit)});`);
        break;
      case 'promise':
        lines.push(`${unit}(${name} ??= ${reindent(creation, from, unit)}${forget});`);
        break;
      case 'connect': {
        const created = freeName('created', (candidate) => new RegExp(`\\b${candidate}\\b`).test(creation));
        lines.push(
          `${unit}(${name} ??= (async () => {`,
          `${unit}${unit}const ${created}${this.createdAnnotation(sitePlan)} = ${reindent(creation, from, unit + unit)};`,
          `${unit}${unit}await ${created}.${sitePlan.site.entry.connect!}();`,
          `${unit}${unit}return ${created};`,
          `${unit}})()${forget});`,
        );
        break;
      }
    }
    // Code embedded at some depth (a test's template literal) keeps its margin on every line.
    const { margin } = this.style;
    const declaration = lines.join(eol) + eol;
    return margin ? declaration.replace(/^(?=.)/gm, margin) : declaration;
  }

  /**
   * After the last top-level import or `require` and the singletons that follow it, with a blank line
   * before each declaration: so that fixes applied one at a time land in the order the codemod writes.
   */
  private declarationInsertion(declarations: string[]): TextEdit {
    const body = this.program.body;
    let anchor: Node | undefined;
    for (const statement of body) {
      if (isImportStatement(statement)) anchor = statement;
    }
    const existing = new Set<Node>(this.existing.map((singleton) => singleton.statement));
    for (let index = anchor ? body.indexOf(anchor as TSESTree.ProgramStatement) + 1 : 0; index + 1 < body.length; index += 2) {
      if (!existing.has(body[index + 1]!)) break;
      anchor = body[index + 1];
    }
    const { eol } = this.style;
    const joined = declarations.join(eol);
    if (anchor) {
      const end = Math.min(lineEnd(this.text, anchor.range[1]) + 1, this.text.length);
      // One blank line before the declarations, and one after unless the file has one there already.
      const blankAfter = end === this.text.length || /^\r?\n/.test(this.text.slice(end)) ? '' : eol;
      const newline = this.text.slice(0, end).endsWith('\n') ? '' : eol;
      return { start: end, end, text: `${newline}${eol}${joined}${blankAfter}` };
    }
    const first = body.find((statement) => !isDirective(statement)) ?? body[0];
    const start = first ? lineStart(this.text, first.range[0]) : 0;
    return { start, end: start, text: `${joined}${eol}` };
  }

  /** Sites in analysis order, so that chain placeholders can name them. */
  setSites(sites: readonly PerInvocationSite[]): void {
    this.sitesByIndex = [...sites];
  }
}

const CHAIN_PLACEHOLDER = '\u0000chain';

function mergeUses(...all: Array<ResourceUses | undefined>): ResourceUses | undefined {
  const present = all.filter((uses): uses is ResourceUses => uses !== undefined);
  if (present.length === 0) return undefined;
  return {
    teardown: present.flatMap((uses) => uses.teardown),
    connect: present.find((uses) => uses.connect)?.connect,
    problem: present.find((uses) => uses.problem)?.problem,
  };
}

interface ModuleFacts {
  existing: ExistingSingleton[];
  style: { eol: string; unit: string; margin: string };
  /** Names the module already uses at its top level, or reads as globals. */
  taken: ReadonlySet<string>;
}

// A quick fix plans each site on its own: what the module is does not change between its sites.
const moduleFactsCache = new WeakMap<TSESTree.Program, ModuleFacts>();

function moduleFacts(program: TSESTree.Program, text: string, scopes: Scopes): ModuleFacts {
  let facts = moduleFactsCache.get(program);
  if (!facts) {
    const taken = new Set<string>();
    const global = scopes.manager.globalScope!;
    for (const scope of [global, ...global.childScopes.filter(isTopLevelScope)]) {
      for (const name of scope.set.keys()) taken.add(name);
      for (const reference of scope.through) taken.add(reference.identifier.name);
    }
    const first = program.body[0];
    const margin = first ? indentAt(text, first.range[0]) : '';
    facts = { existing: findExistingSingletons(program, text), style: { ...textStyle(text), margin }, taken };
    moduleFactsCache.set(program, facts);
  }
  return facts;
}

function unwrapAwait(node: Node): Node {
  const bare = unwrap(node);
  return bare.type === AST_NODE_TYPES.AwaitExpression ? unwrap(bare.argument) : bare;
}

function hasLaterWrites(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

function isNameChain(node: Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return true;
  return bare.type === AST_NODE_TYPES.MemberExpression && !bare.computed && isNameChain(bare.object);
}

/** Needs no parentheses wherever an identifier stood: `process.env.REGION`, `'eu-west-1'`. */
function isSimple(node: Node): boolean {
  const bare = node.type === AST_NODE_TYPES.TSNonNullExpression ? node.expression : node;
  switch (bare.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isSimple(bare.object);
    default:
      return false;
  }
}

/** Is the identifier in a slot that takes any expression: an argument, a property value, an element? */
function acceptsAnyExpression(usage: Node): boolean {
  const parent = usage.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.arguments.includes(usage as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.Property:
      return parent.value === usage;
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.SpreadElement:
      return true;
    default:
      return false;
  }
}

function isImportStatement(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    return true;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.every((declarator) => {
    let init = declarator.init && unwrap(declarator.init);
    while (init?.type === AST_NODE_TYPES.MemberExpression) init = unwrap(init.object);
    return (
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === 'require'
    );
  });
}

function isDirective(statement: Node): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
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
