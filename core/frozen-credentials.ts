import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { contains, isFunction, propertyName, returnedExpressions, unwrap, walk } from './ast.js';
import { expiringCredentialByMethod, expiringCredentialCommand, expiringCredentialMethod, passwordHookFor } from './credentials.js';
import type { ExpiringCredential } from './credentials.js';
import type { Scopes } from './scope.js';
import type { ResourceEntry } from './types.js';
import type { Values } from './values.js';

type Node = TSESTree.Node;

/** An expiring credential used as a value in a construction's configuration. */
export interface FrozenCredential {
  /** The configuration value that holds it (`token`, `await signer.getAuthToken()`, `{ accessKeyId, ... }`). */
  value: Node;
  /** The option it configures: `password`, `connectionString`, `credentials`. */
  option: string;
  credential: ExpiringCredential;
  advice: string;
  /** Where the driver takes a password function: the replacement and the declaration that becomes unused. */
  fix?: { text: string; unused?: TSESTree.VariableDeclaration };
}

/** Sequelize's `new Sequelize(database, username, password, options)`: the positional password. */
const POSITIONAL_PASSWORD: Record<string, number> = { sequelize: 2 };

/** The expiring credentials in a construction's arguments, one per configuration value that holds one. */
export function frozenCredentials(
  creation: TSESTree.NewExpression | TSESTree.CallExpression,
  entry: ResourceEntry,
  values: Values,
  scopes: Scopes,
): FrozenCredential[] {
  const found: FrozenCredential[] = [];
  creation.arguments.forEach((argument, index) => {
    const node = unwrap(argument);
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const option = propertyName(property) ?? '…';
        const origin = expiringOrigin(property.value, values, scopes, 0);
        if (origin) found.push(describeFrozen(property.value, option, origin, entry, scopes));
      }
      return;
    }
    const origin = expiringOrigin(node, values, scopes, 0);
    if (origin) found.push(describeFrozen(node, POSITIONAL_PASSWORD[entry.module] === index ? 'password' : 'configuration', origin, entry, scopes));
  });
  return found;
}

interface Origin {
  credential: ExpiringCredential;
  /** The call that made it: `signer.getAuthToken()`. */
  call: TSESTree.CallExpression;
}

/** Does an expression derive from an expiring credential: through names, awaits, templates, member reads? */
function expiringOrigin(expression: Node, values: Values, scopes: Scopes, depth: number): Origin | undefined {
  // A function computes its value when called (a password function, a connection function): nothing frozen.
  if (depth > 8 || isFunction(unwrap(expression))) return undefined;
  let result: Origin | undefined;
  walk(expression, (node) => {
    if (result) return false;
    if (node !== expression && (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const credential = credentialOfCall(node, values);
      if (credential) {
        result = { credential, call: node };
        return false;
      }
      // A helper of the module that returns one (`const token = await createAuthToken()`).
      for (const unit of values.units(node.callee)) {
        if (unit.type !== AST_NODE_TYPES.ArrowFunctionExpression && unit.type !== AST_NODE_TYPES.FunctionExpression && unit.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
        for (const returned of returnedExpressions(unit)) {
          result = expiringOrigin(returned, values, scopes, depth + 1);
          if (result) return false;
        }
      }
    }
    if (node.type === AST_NODE_TYPES.Identifier && node !== expression.parent) {
      const variable = scopes.resolve(node);
      const def = variable?.defs[0];
      if (def?.type === 'Variable' && def.node.init && !contains(def.node, node)) {
        result = expiringOrigin(def.node.init, values, scopes, depth + 1);
        if (result) return false;
      }
    }
    return true;
  });
  return result;
}




/** `signer.getAuthToken()`, `sts.send(new AssumeRoleCommand(...))`, `sts.assumeRole(...)`. */
function credentialOfCall(call: TSESTree.CallExpression, values: Values): ExpiringCredential | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  if (!method) return undefined;
  if (method === 'send' && call.arguments[0]) {
    let command = unwrap(call.arguments[0]);
    if (command.type === AST_NODE_TYPES.Identifier) command = unwrap(values.initializerOf(command) ?? command);
    if (command.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const ref = values.moduleRef(command.callee);
    return ref && expiringCredentialCommand(ref);
  }
  const instance = values.of(callee.object);
  // A receiver the values cannot follow (a getter's result): known by the method's name alone.
  if (instance === undefined) return expiringCredentialByMethod(method);
  if (instance.kind !== 'instance' || instance.of?.kind !== 'module') return undefined;
  return expiringCredentialMethod({ module: instance.of.module, path: instance.of.path }, method);
}

function describeFrozen(value: Node, option: string, origin: Origin, entry: ResourceEntry, scopes: Scopes): FrozenCredential {
  const hook = passwordHookFor(entry);
  const maker = origin.call.callee.type === AST_NODE_TYPES.MemberExpression ? origin.call.callee.object : undefined;
  const signer = maker?.type === AST_NODE_TYPES.Identifier ? maker.name : 'signer';
  const frozen: FrozenCredential = { value, option, credential: origin.credential, advice: adviceFor(entry, option, origin.credential, signer) };
  // A password function where the driver calls one per connection, for a token read straight from a signer.
  if (hook?.automatic && hook.option === 'password' && (option === 'password' || option === 'pass') && origin.credential.module === '@aws-sdk/rds-signer' && origin.credential.method === 'getAuthToken' && origin.call.arguments.length === 0 && maker?.type === AST_NODE_TYPES.Identifier) {
    frozen.fix = { text: `() => ${signer}.getAuthToken()`, ...unusedDeclaration(value, scopes) };
  }
  return frozen;
}

/** `const token = await signer.getAuthToken();` used only as this value: it goes with the fix. */
function unusedDeclaration(value: Node, scopes: Scopes): { unused?: TSESTree.VariableDeclaration } {
  const bare = unwrap(value);
  if (bare.type !== AST_NODE_TYPES.Identifier) return {};
  const variable = scopes.resolve(bare);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.declarations.length !== 1) return {};
  const reads = variable.references.filter((reference) => reference.isRead());
  return reads.length === 1 ? { unused: def.parent } : {};
}

function adviceFor(entry: ResourceEntry, option: string, credential: ExpiringCredential, signer: string): string {
  if (option === 'credentials' || credential.field === 'Credentials') {
    return 'Give the client a credential provider that refreshes itself: `credentials: fromTemporaryCredentials({ params: { RoleArn, RoleSessionName } })` from @aws-sdk/credential-providers.';
  }
  const hook = passwordHookFor(entry);
  const example = hook?.example.replaceAll('signer.', `${signer}.`);
  if (hook?.shape === 'function') return `Pass a function that makes a token for each new connection: \`${example}\`.`;
  if (hook?.shape === 'auth-plugin') return `mysql2 takes the password as a string only: compute it per connection with \`${example}\`.`;
  if (hook?.shape === 'hook') return `Sequelize takes the password as a string only: set it before each connection with \`${example}\`.`;
  if (hook?.shape === 'connection-function') return `Give knex a connection function that makes a token when it connects: \`${example}\`.`;
  return 'Rebuild the resource before the credential expires, or reach the database through a driver that computes the password per connection.';
}
