import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { walk } from '../ast.js';
import type { Handler } from '../types.js';
import type { PlanContext } from './context.js';
import { indentAt, lineStart } from './text.js';
import type { TextEdit } from './text.js';

/**
 * A callback-style handler (`(event, context, callback)`, not async) answers when the event loop is
 * empty, unless `context.callbackWaitsForEmptyEventLoop` is false: closing the pool was what emptied
 * it. A resource that outlives the invocation keeps it busy (pg's idle clients for 10 s), so where the
 * plan removes a teardown from such a handler, it sets the flag at the top of the handler. `undefined`
 * when nothing is needed; a string when the flag cannot be set (no `context` parameter to name, an
 * expression body): the site then stays.
 */
export function callbackTimingEdit(ctx: PlanContext, handler: Handler): TextEdit | string | undefined {
  const fn = handler.fn;
  if (fn.async || fn.params.length < 3) return undefined;
  const context = fn.params[1];
  if (context?.type !== AST_NODE_TYPES.Identifier) {
    return 'the callback would wait for the event loop to empty, and `context` has no name to set `callbackWaitsForEmptyEventLoop` on';
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return 'the callback would wait for the event loop to empty, and the handler has no block to set `callbackWaitsForEmptyEventLoop` in';
  }
  if (setsFlag(fn.body, context.name)) return undefined;
  const statements = fn.body.body;
  const first = statements.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
  const flag = `${context.name}.callbackWaitsForEmptyEventLoop = false;`;
  if (!first) return undefined;
  const start = lineStart(ctx.text, first.range[0]);
  if (start > fn.body.range[0] && ctx.text.slice(start, first.range[0]).trim() === '') {
    return { start, end: start, text: `${indentAt(ctx.text, first.range[0])}${flag}${ctx.style.eol}` };
  }
  return { start: first.range[0], end: first.range[0], text: `${flag} ` };
}

/** Does the handler already set `context.callbackWaitsForEmptyEventLoop = false`? */
function setsFlag(body: TSESTree.Node, context: string): boolean {
  let found = false;
  walk(body, (node) => {
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.Identifier &&
      node.left.object.name === context &&
      node.left.property.type === AST_NODE_TYPES.Identifier &&
      node.left.property.name === 'callbackWaitsForEmptyEventLoop' &&
      node.right.type === AST_NODE_TYPES.Literal &&
      node.right.value === false
    ) {
      found = true;
    }
    return !found;
  });
  return found;
}
