import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, describe, enclosingUnit, isFunction, propertyName, unwrap, walk } from '../ast.js';
import { isRead } from '../dependence.js';
import type { Scopes } from '../scope.js';
import { isModuleLevel } from '../scope.js';
import { formatReason } from '../format.js';
import type { ModuleAnalysis, PerInvocationSite } from '../types.js';
import { camelCase, freeName, getterName } from './names.js';
import { isSuppressed } from './suppression.js';
import { indentAt, lineEnd, reindent, statementRemoval } from './text.js';
import type { TextEdit } from './text.js';
import { teardownEdits } from './teardown.js';

type Node = TSESTree.Node;

/** Why a per-invocation site is left where it is. */
export type LeaveReason =
  | 'request-dependent' // built from request data: hoisting would share it across requests
  | 'suppressed' // an eslint-disable comment for the rule covers it
  | 'local-input' // an argument is a local value that cannot move to module scope
  | 'not-async' // it needs `await` in a function that is not async
  | 'teardown-in-expression' // its teardown is used as a value, so it cannot simply be dropped
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
}

/** How the singleton is initialised. */
type Form =
  | 'sync' // (x ??= create())
  | 'promise' // (x ??= create().catch(forget)): the creation returns a promise
  | 'connect'; // (x ??= (async () => { create; await connect; })().catch(forget))

interface Singleton {
  name: string;
  getter: string;
  declaration: string;
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
  private readonly taken = new Set<string>();

  constructor(
    private readonly program: TSESTree.Program,
    private readonly text: string,
    private readonly scopes: Scopes,
    private readonly options: PlanOptions,
  ) {
    // Names the module already uses at its top level, or reads as globals, are taken.
    const global = scopes.manager.globalScope!;
    for (const scope of [global, ...global.childScopes.filter((child) => child.type === 'module')]) {
      for (const name of scope.set.keys()) this.taken.add(name);
      for (const reference of scope.through) this.taken.add(reference.identifier.name);
    }
  }

  plan(sites: readonly PerInvocationSite[]): HoistPlan {
    const planned: SitePlan[] = [];
    for (const site of sites) {
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
    const binding = declarator && this.scopes.resolve(declarator.id as TSESTree.Identifier);

    const edits: TextEdit[] = [];
    let form: Form = site.entry.async ? 'promise' : 'sync';
    let replaced: Node = site.node;
    if (site.entry.connect && binding && declarator) {
      const connect = this.connectStatement(binding, declarator, site.entry.connect);
      if (connect) {
        const fn = enclosingFunction(site.node);
        if (!fn?.async) return leave('not-async', `\`${binding.name}.${site.entry.connect}()\` needs an async function`);
        form = 'connect';
        edits.push(statementRemoval(this.text, connect));
      }
    }
    if (binding) {
      const teardown = teardownEdits(this.text, binding, site.entry.teardown ?? []);
      if ('problem' in teardown) return leave('teardown-in-expression', teardown.problem);
      edits.push(...teardown.edits);
    } else if (site.entry.teardown?.length) {
      // `await mongoose.connect(uri)` ... `await mongoose.disconnect()`: the module object closes it.
      const callee = unwrap(site.node.callee);
      const owner = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
      const variable = owner?.type === AST_NODE_TYPES.Identifier ? this.scopes.resolve(owner) : undefined;
      const unit = enclosingUnit(site.node);
      if (variable && unit) {
        const teardown = teardownEdits(this.text, variable, site.entry.teardown, unit);
        if ('problem' in teardown) return leave('teardown-in-expression', teardown.problem);
        edits.push(...teardown.edits);
      }
    }

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
      replaced,
      edits,
      inlined: creation.inlined,
    };
  }

  /** `await client.connect();` in the same block as `const client = ...`, after it. */
  private connectStatement(binding: Variable, declarator: TSESTree.VariableDeclarator, method: string) {
    const block = declarator.parent.parent;
    if (!block || !('body' in block) || !Array.isArray(block.body)) return undefined;
    for (const statement of block.body as Node[]) {
      if (statement.range[0] < declarator.range[1] || statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const expression = unwrap(statement.expression);
      if (expression.type !== AST_NODE_TYPES.AwaitExpression) continue;
      const call = unwrap(expression.argument);
      if (
        call.type === AST_NODE_TYPES.CallExpression &&
        call.arguments.length === 0 &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(call.callee) === method &&
        call.callee.object.type === AST_NODE_TYPES.Identifier &&
        this.scopes.resolve(call.callee.object) === binding
      ) {
        return statement;
      }
    }
    return undefined;
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
      const value = chained ? `${CHAIN_PLACEHOLDER}${all.indexOf(chained)}` : this.inlineText(init);
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
  private inlineText(init: Node): string | undefined {
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
    return isPrimary(init) ? source : `(${source})`;
  }

  /** The TypeScript type of the singleton. */
  private typeOf(site: PerInvocationSite, form: Form): string | undefined {
    const node = site.node;
    const callee = unwrap(node.callee);
    const calleeText = this.text.slice(callee.range[0], callee.range[1]);
    const typeArguments = node.typeArguments ? this.text.slice(node.typeArguments.range[0], node.typeArguments.range[1]) : '';
    let type: string | undefined;
    if (node.type === AST_NODE_TYPES.NewExpression) {
      if (!isNameChain(callee)) return undefined;
      type = this.isTypeImport(callee) ? `${calleeText}${typeArguments}` : `InstanceType<typeof ${calleeText}>`;
    } else if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      isNameChain(callee.object) &&
      /^[A-Z]/.test(describe(callee.object).split('.').pop() ?? '') &&
      this.isTypeImport(callee.object)
    ) {
      // `DynamoDBDocumentClient.from(...)`, `MongoClient.connect(...)`: an instance of the class.
      type = this.text.slice(callee.object.range[0], callee.object.range[1]);
      if (site.entry.async) type = `Promise<${type}>`;
    } else if (isNameChain(callee)) {
      type = `ReturnType<typeof ${calleeText}>`;
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
    for (const sitePlan of planned) {
      const creation = this.resolveChains(sitePlan.creation, planned, singletonOf);
      const key = `${sitePlan.site.entry.module}\u0000${sitePlan.form}\u0000${normalise(creation)}`;
      let singleton = singletons.get(key);
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
    const declarations = [...singletons.values()].map((singleton) => singleton.declaration);
    if (declarations.length > 0) edits.push(this.declarationInsertion(declarations));
    return { edits: dedupe(edits), hoisted, left: this.left };
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

  private declaration(sitePlan: SitePlan, name: string, getter: string, creation: string): string {
    const ts = this.options.typescript;
    const from = indentAt(this.text, sitePlan.site.node.range[0]);
    const annotation = ts ? `: ${sitePlan.type}` : '';
    const head = `let ${name}${ts ? `: ${sitePlan.type} | undefined` : ''};\nconst ${getter} = ()${annotation} =>\n`;
    const forget = `.catch((error${ts ? ': unknown' : ''}) => {\n    ${name} = undefined;\n    throw error;\n  })`;
    switch (sitePlan.form) {
      case 'sync':
        return `${head}  (${name} ??= ${reindent(creation, from, '  ')});\n`;
      case 'promise':
        return `${head}  (${name} ??= ${reindent(creation, from, '  ')}${forget});\n`;
      case 'connect': {
        const method = sitePlan.site.entry.connect!;
        return (
          `${head}  (${name} ??= (async () => {\n` +
          `    const created = ${reindent(creation, from, '    ')};\n` +
          `    await created.${method}();\n` +
          `    return created;\n` +
          `  })()${forget});\n`
        );
      }
    }
  }

  /** After the last top-level import or `require`, with a blank line around each declaration. */
  private declarationInsertion(declarations: string[]): TextEdit {
    const body = this.program.body;
    let anchor: Node | undefined;
    for (const statement of body) {
      if (isImportStatement(statement)) anchor = statement;
    }
    if (anchor) {
      const end = lineEnd(this.text, anchor.range[1]);
      return { start: Math.min(end + 1, this.text.length), end: Math.min(end + 1, this.text.length), text: `\n${declarations.join('\n')}` };
    }
    const first = body.find((statement) => !isDirective(statement)) ?? body[0];
    const start = first ? first.range[0] - (first.range[0] - lineStartOf(this.text, first.range[0])) : 0;
    return { start, end: start, text: `${declarations.join('\n')}\n` };
  }

  /** Sites in analysis order, so that chain placeholders can name them. */
  setSites(sites: readonly PerInvocationSite[]): void {
    this.sitesByIndex = [...sites];
  }
}

const CHAIN_PLACEHOLDER = '\u0000chain';

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

function isPrimary(node: Node): boolean {
  return [
    AST_NODE_TYPES.Identifier,
    AST_NODE_TYPES.MemberExpression,
    AST_NODE_TYPES.CallExpression,
    AST_NODE_TYPES.Literal,
    AST_NODE_TYPES.TemplateLiteral,
    AST_NODE_TYPES.ObjectExpression,
    AST_NODE_TYPES.ArrayExpression,
    AST_NODE_TYPES.NewExpression,
    AST_NODE_TYPES.TSNonNullExpression,
  ].includes(node.type as AST_NODE_TYPES);
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

function lineStartOf(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

function normalise(creation: string): string {
  return creation.replace(/\s+/g, ' ');
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
