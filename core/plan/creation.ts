import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { contains, isFunction, unwrap, walk } from '../ast.js';
import { isRead } from '../dependence.js';
import { isModuleLevel, isReassigned } from '../scope.js';
import type { PerInvocationSite } from '../types.js';
import type { PlanContext } from './context.js';
import type { LeaveReason } from './plan-hoist.js';
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

/**
 * The creation's text as it will read at module scope: locals computed from stable values are
 * inlined, locals bound to other hoisted sites become their getters' calls.
 */
export function creationText(
  ctx: PlanContext,
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
    const variable = ctx.scopes.resolve(child);
    const def = variable?.defs[0];
    if (!variable || !def || isModuleLevel(variable) || contains(node, def.name)) return false;
    const declarator = def.type === 'Variable' ? def.node : undefined;
    const init = declarator?.init;
    // `const { REGION } = process.env`: the property of a simple value reads as `process.env.REGION`.
    const key = declarator && declarator.id.type === AST_NODE_TYPES.ObjectPattern ? destructuredKey(declarator.id, def.name as TSESTree.Identifier) : '';
    if (!init || key === undefined || variable.defs.length !== 1 || isReassigned(variable)) {
      problem = { reason: 'local-input', detail: `\`${child.name}\` is a local value` };
      return false;
    }
    const chained = all.find((other) => other !== site && (other.node === init || unwrapAwait(init) === other.node));
    const value = chained
      ? `${CHAIN_PLACEHOLDER}${all.indexOf(chained)}`
      : key
        ? isSimple(init) && inlineText(ctx, init, child) !== undefined
          ? `${ctx.text.slice(init.range[0], init.range[1])}.${key}`
          : undefined
        : inlineText(ctx, init, child);
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
  let text = ctx.text.slice(node.range[0], node.range[1]);
  for (const replacement of replacements.sort((a, b) => b.start - a.start)) {
    const start = replacement.start - node.range[0];
    text = text.slice(0, start) + replacement.text + text.slice(replacement.end - node.range[0]);
  }
  return { text, inlined };
}

/** A local's initialiser, when it reads only module-level values: `process.env.REGION`. */
function inlineText(ctx: PlanContext, init: Node, usage: Node): string | undefined {
  let movable = true;
  walk(init, (child) => {
    if (!movable) return false;
    if (child.type === AST_NODE_TYPES.AwaitExpression || child.type === AST_NODE_TYPES.ThisExpression) movable = false;
    if (child.type === AST_NODE_TYPES.Identifier && isRead(child)) {
      const variable = ctx.scopes.resolve(child);
      if (variable && variable.defs.length > 0 && !isModuleLevel(variable)) movable = false;
    }
    return movable;
  });
  if (!movable || isFunction(init)) return undefined;
  const source = ctx.text.slice(init.range[0], init.range[1]);
  return isSimple(init) || acceptsAnyExpression(usage) ? source : `(${source})`;
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
