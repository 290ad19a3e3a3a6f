import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { walk } from '../../ast.js';
import { resolveHandlerString } from '../handler-string.js';
import { isInside } from '../project-fs.js';
import { StaticEvaluator } from '../static-evaluator.js';
import { NO_FINDINGS, notNodeRuntime } from './declaration.js';
import type { IacFindings, IacReadContext } from './declaration.js';

export const SST_CONFIG = /^sst\.config\.[cm]?[jt]s$/;

/** SST configs and the stack / infra files they use (v2 imports `sst/constructs`; v3 uses the `sst` global). */
export function isSstFile(file: string, text: string): boolean {
  return SST_CONFIG.test(path.basename(file)) || /['"](sst\/constructs|@serverless-stack\/resources)['"]|\bsst\.aws\./.test(text);
}

/** Properties whose string value is a function's handler (`handler`, a Cron's `job`, a Queue's `consumer`). */
const HANDLER_PROPERTIES = new Set(['handler', 'function', 'job', 'consumer']);
/** Objects whose every string value is a handler: an Api's `routes`, a Table's `consumers`, ... */
const HANDLER_MAPS = new Set(['routes', 'consumers', 'subscribers', 'notifications', 'targets']);
/** Methods that take a handler string: `api.route("GET /", "src/x.handler")`, `bucket.subscribe(...)`. */
const HANDLER_METHODS = new Set(['route', 'subscribe', 'addRoutes', 'addConsumers', 'addSubscribers', 'addNotifications', 'addTargets']);

/** `packages/functions/src/todo.list`: a path, a dot, an export; not a route (`GET /`) nor a plain word. */
const HANDLER_SHAPE = /^[\w@./-]*\/?[\w.-]+\.[A-Za-z_$][\w$]*$/;

/**
 * SST v2 (`new Function(stack, id, { handler })`, `new Api(stack, id, { routes: { "GET /": "src/x.main" } })`,
 * Cron `job`, Queue `consumer`, ...) and v3 (`new sst.aws.Function(name, { handler })`, `api.route(...)`,
 * `bucket.subscribe(...)`). Handler paths are relative to the app's root, the folder of sst.config.ts.
 */
export function readSst(file: string, context: IacReadContext): IacFindings {
  const appRoot = sstAppDir(file, context);
  const evaluator = new StaticEvaluator(context.fs, context.resolve, () => appRoot);
  const program = evaluator.program(file);
  if (!program) return NO_FINDINGS;
  const findings: IacFindings = { declarations: [], layers: [] };
  const seen = new Set<TSESTree.Node>();
  const declare = (valueNode: TSESTree.Node, name: string, sibling?: TSESTree.ObjectExpression) => {
    if (seen.has(valueNode)) return;
    const handler = evaluator.evaluate(valueNode, file);
    if (typeof handler !== 'string' || !HANDLER_SHAPE.test(handler)) return;
    seen.add(valueNode);
    const runtimeValue = sibling && runtimeNode(sibling);
    const runtime = runtimeValue ? notNodeRuntime(evaluator.evaluate(runtimeValue, file)) : undefined;
    findings.declarations.push({
      declaredIn: { file, line: valueNode.loc.start.line },
      iac: { format: 'sst', function: name, handler },
      resolution: runtime ? { reason: runtime } : resolveHandlerString(context, handler, appRoot),
    });
  };

  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      const key = propertyKey(node);
      const parent = node.parent;
      if (key && HANDLER_PROPERTIES.has(key) && parent?.type === AST_NODE_TYPES.ObjectExpression) {
        declare(node.value, functionName(parent) ?? enclosingName(node) ?? key, parent);
      }
      if (key && HANDLER_MAPS.has(key) && node.value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const entry of node.value.properties) {
          if (entry.type === AST_NODE_TYPES.Property) declare(entry.value, propertyKey(entry) ?? key);
        }
      }
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = node.callee.property.type === AST_NODE_TYPES.Identifier ? node.callee.property.name : undefined;
      if (!method || !HANDLER_METHODS.has(method)) return;
      const route = node.arguments[0];
      const routeName = route ? evaluator.evaluate(route, file) : undefined;
      for (const argument of node.arguments) {
        if (argument.type === AST_NODE_TYPES.ObjectExpression && method.startsWith('add')) {
          for (const entry of argument.properties) {
            if (entry.type === AST_NODE_TYPES.Property) declare(entry.value, propertyKey(entry) ?? method);
          }
        } else if (argument.type !== AST_NODE_TYPES.SpreadElement) {
          declare(argument, typeof routeName === 'string' && argument !== route ? routeName : method);
        }
      }
    }
  });
  return findings;
}

/**
 * What names the function when no construct id does: a `name` beside it (`{ name: 'Thumbnails',
 * function: ... }`), else the nearest enclosing key that is not itself a handler property (`'POST /notes'`).
 */
function enclosingName(property: TSESTree.Property): string | undefined {
  const siblings = property.parent?.type === AST_NODE_TYPES.ObjectExpression ? property.parent.properties : [];
  const named = siblings.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKey(p) === 'name');
  if (named?.value.type === AST_NODE_TYPES.Literal && typeof named.value.value === 'string') return named.value.value;
  for (let node: TSESTree.Node | undefined = property.parent; node; node = node.parent) {
    if (node.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKey(node);
    if (key && !HANDLER_PROPERTIES.has(key)) return key;
  }
  return undefined;
}

/** The id of the construct an object of props is given to: `new Function(stack, "Id", {...})`, `new sst.aws.Function("Name", {...})`. */
function functionName(props: TSESTree.ObjectExpression): string | undefined {
  const parent = props.parent;
  if (parent?.type !== AST_NODE_TYPES.NewExpression && parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (const argument of parent.arguments) {
    if (argument === props) break;
    if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
  }
  return undefined;
}

function runtimeNode(props: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  const property = props.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKey(p) === 'runtime',
  );
  return property?.value;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

/** The folder of the nearest sst.config.* above the file, else the project root. */
function sstAppDir(file: string, context: IacReadContext): string {
  for (let dir = path.dirname(file); isInside(dir, context.root); dir = path.dirname(dir)) {
    for (const extension of ['ts', 'js', 'mjs', 'mts']) {
      if (context.fs.isFile(path.join(dir, `sst.config.${extension}`))) return dir;
    }
    if (dir === context.root) break;
  }
  return context.root;
}
