import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { propertyName, unwrap } from './ast.js';
import {
  expiringCredentialByMethod,
  expiringCredentialCommand,
  expiringCredentialMethod,
  secretFetchByMethod,
  secretFetchCall,
  secretFetchCommand,
  secretFetchMethod,
  secretFetchUrl,
} from './credentials.js';
import { SECRET_FETCHES } from './credentials.js';
import type { ModulePath, SecretFetch } from './credentials.js';
import type { CallLike } from './module-index.js';
import type { Value, Values } from './values.js';

type Node = TSESTree.Node;

// Which calls fetch a secret, a parameter or an expiring credential, from the data in core/credentials.ts:
// the one place that knows. The analysis asks `fetchKind` of what a handler awaits (issue 10 §1: a site
// built from a secret fetched with a request-independent id is an init chain, from an expiring credential
// it is never frozen), and `findSecretFetches` for no-per-invocation-secret-fetch.

/**
 * What an awaited call fetches: a secret or a parameter (request-independent when its id is: the init
 * chain can be created once), credentials that expire (STS, an RDS IAM token: never frozen into a reused
 * resource), or any other value.
 */
export type FetchKind = 'secret' | 'parameter' | 'credential' | 'value';

/** A call that fetches a secret or a parameter, as the data in core/credentials.ts names it. */
export interface SecretFetchSite {
  /** The fetching call: `client.send(command)`, `sm.getSecretValue(input)`, `getSecret(name)`, `fetch(url)`. */
  node: TSESTree.CallExpression;
  fetch: SecretFetch;
  /** What the user wrote for the operation (`GetSecretValueCommand`, `getSecretValue`, `getSecret`). */
  operation: string;
  /** The expression that names what is fetched (`process.env.DB_SECRET_ID`); absent when not found. */
  id: Node | undefined;
  /** Literal values of the options object (Powertools' `{ forceFetch: true, maxAge: 60 }`). */
  options: Map<string, unknown>;
  /** A method called on an instance made in the same function: its cache, if any, lives no longer than that run. */
  localInstance?: boolean;
}

/** Classifies the expression an `await` waits for (its `.then/.catch/.finally` and `.promise()` peeled off). */
export function fetchKind(awaited: Node, values: Values): FetchKind {
  const call = unwrap(awaited);
  if (call.type !== AST_NODE_TYPES.CallExpression) return 'value';
  const callee = unwrap(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  // SDK v2: `sm.getSecretValue(params).promise()`
  if (method === 'promise' && call.arguments.length === 0) return fetchKind((callee as TSESTree.MemberExpression).object, values);
  const secret = secretFetchOf(call, values);
  if (secret) return secret.fetch.store === 'secrets-manager' ? 'secret' : 'parameter';
  if (method === 'send' && call.arguments[0]) {
    const command = commandOf(call.arguments[0], values);
    return command && expiringCredentialCommand(command) ? 'credential' : 'value';
  }
  if (method && callee.type === AST_NODE_TYPES.MemberExpression) {
    const instance = instanceModule(values.of(callee.object));
    if (instance ? expiringCredentialMethod(instance, method) : expiringCredentialByMethod(method)) return 'credential';
    // A client the analysis cannot follow (a parameter, a getter's result): the method's name says it.
    const byName = instance ? undefined : secretFetchByMethod(method);
    if (byName) return byName.store === 'secrets-manager' ? 'secret' : 'parameter';
  }
  return 'value';
}

// What a call must be named to fetch anything: most calls of a module are not, and resolving them costs.
const METHOD_NAMES = new Set(SECRET_FETCHES.flatMap((fetch) => (fetch.form === 'method' ? [fetch.method] : [])));
const CALL_NAMES = new Set(SECRET_FETCHES.flatMap((fetch) => (fetch.form === 'call' ? [fetch.export.split('.').at(-1)!] : [])));

/** Every call of the module that fetches a secret or a parameter. */
export function findSecretFetches(calls: readonly CallLike[], values: Values): SecretFetchSite[] {
  return calls.flatMap((call) => (call.type === AST_NODE_TYPES.CallExpression ? (secretFetchOf(call, values) ?? []) : []));
}

/** The secret or parameter a call fetches, if it fetches one. */
function secretFetchOf(call: TSESTree.CallExpression, values: Values): SecretFetchSite | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(callee);
    if (method === 'send' && call.arguments[0]) return commandSend(call, call.arguments[0], values);
    if (method && !METHOD_NAMES.has(method) && !CALL_NAMES.has(method)) return undefined;
    if (method && METHOD_NAMES.has(method)) {
      const value = values.of(callee.object);
      const instance = instanceModule(value);
      const fetch = instance && secretFetchMethod(instance, method);
      if (fetch) return { ...site(call, fetch, method), localInstance: value?.kind === 'instance' && value.held === 'local' };
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch' && call.arguments[0]) {
    const fetch = secretFetchUrl(staticText(unwrap(call.arguments[0])));
    if (fetch) return { node: call, fetch, operation: 'fetch', id: call.arguments[0], options: new Map() };
  }
  const ref = values.moduleRef(callee);
  const fetch = ref && secretFetchCall(ref);
  return fetch ? site(call, fetch, ref.path.at(-1) ?? 'default') : undefined;
}

/** The command a `send` sends: `new GetSecretValueCommand(input)`, also through a variable. */
function commandNode(argument: Node, values: Values): TSESTree.NewExpression | undefined {
  let command = unwrap(argument);
  if (command.type === AST_NODE_TYPES.Identifier) command = values.initializerOf(command) ?? command;
  command = unwrap(command);
  return command.type === AST_NODE_TYPES.NewExpression ? command : undefined;
}

function commandOf(argument: Node, values: Values): ModulePath | undefined {
  const command = commandNode(argument, values);
  return command && values.moduleRef(command.callee);
}

/** `client.send(new GetSecretValueCommand(input))`. */
function commandSend(call: TSESTree.CallExpression, argument: Node, values: Values): SecretFetchSite | undefined {
  const command = commandNode(argument, values);
  const ref = command && values.moduleRef(command.callee);
  const fetch = ref && secretFetchCommand(ref);
  if (!command || !ref || !fetch) return undefined;
  return { ...site(command, fetch, ref.path.at(-1) ?? 'default'), node: call };
}

function site(call: TSESTree.CallExpression | TSESTree.NewExpression, fetch: SecretFetch, operation: string): SecretFetchSite {
  const argument = call.arguments[fetch.id.argument];
  let id: Node | undefined = argument && unwrap(argument);
  if (id && fetch.id.property) id = id.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(id, fetch.id.property) : undefined;
  const optionsArgument = call.arguments[fetch.id.argument + 1];
  const options = new Map<string, unknown>();
  const object = optionsArgument && unwrap(optionsArgument);
  if (object?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyName(property);
      const value = unwrap(property.value);
      if (name && value.type === AST_NODE_TYPES.Literal) options.set(name, value.value);
    }
  }
  return { node: call as TSESTree.CallExpression, fetch, operation, id, options };
}

function propertyValue(object: TSESTree.ObjectExpression, name: string): Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyName(property) === name) return property.value;
  }
  return undefined;
}

/** The class an instance was made from, when it comes from a module: `new SecretsManager()`. */
function instanceModule(value: Value | undefined): ModulePath | undefined {
  if (value?.kind !== 'instance' || value.of?.kind !== 'module') return undefined;
  return { module: value.of.module, path: value.of.path };
}

/** A URL's static text: expressions become `0`, which is neither `/` nor `?`. */
function staticText(node: Node): string {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('0');
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') return staticText(unwrap(node.left)) + staticText(unwrap(node.right));
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) return '';
  return '0';
}
