import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, isFunction, unwrap, walk } from '../ast.js';
import { isRead } from '../dependence.js';
import type { ImportResolver } from '../imports.js';
import { isModuleLevel, isReassigned } from '../scope.js';
import type { PerInvocationSite } from '../types.js';
import type { PlanContext } from './context.js';
import { moduleInputWrite, preludeOf } from './inputs.js';
import type { LeaveReason } from './plan-hoist.js';
import { isStable, varyingCall } from './stability.js';
import type { TextEdit } from './text.js';

type Node = TSESTree.Node;

/** Stands in a creation's text for another site's getter call, until names are chosen. */
export const CHAIN_PLACEHOLDER = '\u0000chain';

/** The analysis indexes of the sites a creation builds on. */
export function chainedSites(creation: string): number[] {
  return (creation.match(new RegExp(`${CHAIN_PLACEHOLDER}\\d+`, 'g')) ?? []).map((placeholder) =>
    Number(placeholder.slice(CHAIN_PLACEHOLDER.length)),
  );
}

/** What else moves with a creation into its initialiser. */
export interface MovedWith {
  /** Locals an init chain declares (the fetched secret, its parsed value): they move too, read as they are. */
  keep?: ReadonlySet<Variable>;
  /** Nodes written differently in the initialiser (a frozen token becomes the driver's password function). */
  overrides?: ReadonlyMap<Node, string>;
}

export interface Creation {
  text: string;
  /** Local variables inlined into the creation: removed where nothing else reads them. */
  inlined: Variable[];
  /**
   * Statements that build an input before the construction (`const config = {...}; if (local)
   * config.endpoint = '...'`): they move into the initialiser, ahead of the creation.
   */
  prelude: TSESTree.Statement[];
}

/**
 * The creation's text as it will read at module scope: locals computed from stable values are
 * inlined, locals bound to other hoisted sites become their getters' calls, an input built by stable
 * statements before the construction brings them along. Anything that would change its meaning at
 * module scope keeps the site where it is: a local the plan cannot move, an input the invocation
 * changes, a value meant to differ per call (`randomUUID()`).
 */
export function creationText(
  ctx: PlanContext,
  imports: ImportResolver,
  site: PerInvocationSite,
  all: readonly PerInvocationSite[],
  moved: MovedWith = {},
): Creation | { reason: LeaveReason; detail: string } {
  const replacements: TextEdit[] = [];
  const inlined: Variable[] = [];
  const prelude: TSESTree.Statement[] = [];
  let problem: { reason: LeaveReason; detail: string } | undefined;
  const node = site.node;
  const varying = (expression: Node) => {
    const call = varyingCall(expression, ctx.scopes, imports);
    if (call) problem ??= { reason: 'varies-per-call', detail: `\`${call}\` gives a new value on every call` };
  };
  varying(node);
  problem ??= moduleInputWrite(ctx, imports, site);
  walk(node, (child) => {
    if (problem) return false;
    const override = moved.overrides?.get(child);
    if (override !== undefined) {
      replacements.push({ start: child.range[0], end: child.range[1], text: override });
      return false;
    }
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
    const variable = ctx.scopes.resolve(child);
    const def = variable?.defs[0];
    if (!variable || contains(node, def?.name ?? node)) return false;
    if (!def) {
      // `arguments`: the function's own, not a global.
      if (!isModuleLevel(variable)) problem = { reason: 'local-input', detail: `\`${child.name}\` is a local value` };
      return false;
    }
    if (isModuleLevel(variable) || moved.keep?.has(variable)) return false;
    const declarator = def.type === 'Variable' ? def.node : undefined;
    const init = declarator?.init;
    if (!declarator || !init || variable.defs.length !== 1) {
      problem = { reason: 'local-input', detail: `\`${child.name}\` is a local value` };
      return false;
    }
    // Written after its declaration (`config.endpoint = ...`, `region = ...`): the writes move along, or the site stays.
    const built = preludeOf(ctx, imports, variable, site);
    if (built) {
      if ('reason' in built) problem = built;
      else for (const statement of built) if (!prelude.includes(statement)) prelude.push(statement);
      return false;
    }
    if (declarator.id.type !== AST_NODE_TYPES.Identifier && declarator.id.type !== AST_NODE_TYPES.ObjectPattern) {
      problem = { reason: 'local-input', detail: `\`${child.name}\` is destructured from an array` };
      return false;
    }
    // `const { REGION } = process.env`: the property of a simple value reads as `process.env.REGION`.
    const key = declarator.id.type === AST_NODE_TYPES.ObjectPattern ? destructuredKey(declarator.id, def.name as TSESTree.Identifier) : '';
    if (key === undefined || isReassigned(variable)) {
      problem = { reason: 'local-input', detail: `\`${child.name}\` is a local value` };
      return false;
    }
    const chained = all.find((other) => other !== site && (other.node === init || unwrapAwait(init) === other.node));
    const value = chained
      ? `${CHAIN_PLACEHOLDER}${all.indexOf(chained)}`
      : key
        ? isSimple(init) && inlineText(ctx, imports, init, child) !== undefined
          ? `${ctx.text.slice(init.range[0], init.range[1])}.${key}`
          : undefined
        : inlineText(ctx, imports, init, child);
    if (value === undefined) {
      problem = { reason: 'local-input', detail: `\`${child.name}\` is computed in the handler` };
      return false;
    }
    if (!chained) varying(init);
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
  let text = ctx.text.slice(node.range[0], node.range[1]);
  for (const replacement of replacements.sort((a, b) => b.start - a.start)) {
    const start = replacement.start - node.range[0];
    text = text.slice(0, start) + replacement.text + text.slice(replacement.end - node.range[0]);
  }
  return { text, inlined, prelude: prelude.sort((a, b) => a.range[0] - b.range[0]) };
}

/** A local's initialiser, when it reads only module-level values: `process.env.REGION`. */
function inlineText(ctx: PlanContext, imports: ImportResolver, init: Node, usage: Node): string | undefined {
  if (isFunction(init) || !isStable(init, ctx.scopes, imports) || readsThis(init)) return undefined;
  const source = ctx.text.slice(init.range[0], init.range[1]);
  return !needsParentheses(init, usage) ? source : `(${source})`;
}

/** Stability allows a nested function's own `this`; an initialiser inlined at module scope does not. */
function readsThis(init: Node): boolean {
  let found = false;
  walk(init, (child) => {
    if (child.type === AST_NODE_TYPES.ThisExpression) found = true;
    return !found;
  });
  return found;
}

function unwrapAwait(node: Node): Node {
  const bare = unwrap(node);
  return bare.type === AST_NODE_TYPES.AwaitExpression ? unwrap(bare.argument) : bare;
}

/**
 * The key a name is destructured from, when it is a plain property of the pattern (`{ REGION }`,
 * `{ REGION: region }`); `undefined` for anything nested, defaulted or computed.
 */
function destructuredKey(pattern: TSESTree.ObjectPattern, name: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    if (property.value.type !== AST_NODE_TYPES.Identifier || property.value.range[0] !== name.range[0]) continue;
    return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  }
  return undefined;
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

/** A comma expression needs them everywhere; anything else only outside an argument, value or element. */
function needsParentheses(init: Node, usage: Node): boolean {
  if (isSimple(init)) return false;
  if (unwrap(init).type === AST_NODE_TYPES.SequenceExpression) return true;
  return !acceptsAnyExpression(usage);
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
