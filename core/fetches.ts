import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { propertyName, unwrap } from './ast.js';
import type { Values } from './values.js';

type Node = TSESTree.Node;

/**
 * What an awaited call fetches: a secret or a parameter (request-independent when its id is: the init
 * chain can be created once), credentials that expire (STS, an RDS IAM token: never frozen into a reused
 * resource), or any other value.
 */
export type FetchKind = 'secret' | 'parameter' | 'credential' | 'value';

// SDK v3 commands, by module and export.
const COMMANDS: Record<string, Record<string, FetchKind>> = {
  '@aws-sdk/client-secrets-manager': { GetSecretValueCommand: 'secret', BatchGetSecretValueCommand: 'secret' },
  '@aws-sdk/client-ssm': { GetParameterCommand: 'parameter', GetParametersCommand: 'parameter', GetParametersByPathCommand: 'parameter' },
  '@aws-sdk/client-appconfigdata': { GetLatestConfigurationCommand: 'parameter' },
  '@aws-sdk/client-appconfig': { GetConfigurationCommand: 'parameter' },
  '@aws-sdk/client-sts': {
    AssumeRoleCommand: 'credential',
    AssumeRoleWithWebIdentityCommand: 'credential',
    AssumeRoleWithSAMLCommand: 'credential',
    GetSessionTokenCommand: 'credential',
    GetFederationTokenCommand: 'credential',
  },
  '@aws-sdk/client-cognito-identity': { GetCredentialsForIdentityCommand: 'credential' },
};

// Methods of SDK v2 clients and v3 aggregated clients (`sm.getSecretValue(...)`, `.promise()` in v2) and
// of the RDS signer.
const METHODS: Record<string, FetchKind> = {
  getSecretValue: 'secret',
  batchGetSecretValue: 'secret',
  getParameter: 'parameter',
  getParameters: 'parameter',
  getParametersByPath: 'parameter',
  assumeRole: 'credential',
  assumeRoleWithWebIdentity: 'credential',
  assumeRoleWithSAML: 'credential',
  getSessionToken: 'credential',
  getFederationToken: 'credential',
  getAuthToken: 'credential',
  getCredentialsForIdentity: 'credential',
};

// Powertools for AWS Lambda's parameters utility (it caches, but a client built from it per invocation is
// still built per invocation).
const POWERTOOLS: Record<string, FetchKind> = {
  '@aws-lambda-powertools/parameters/secrets': 'secret',
  '@aws-lambda-powertools/parameters/ssm': 'parameter',
  '@aws-lambda-powertools/parameters/appconfig': 'parameter',
};

/** Classifies the expression an `await` waits for (its `.then/.catch/.finally` and `.promise()` peeled off). */
export function fetchKind(awaited: Node, values: Values): FetchKind {
  const call = unwrap(awaited);
  if (call.type !== AST_NODE_TYPES.CallExpression) return 'value';
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(callee);
    // SDK v2: `sm.getSecretValue(params).promise()`
    if (method === 'promise' && call.arguments.length === 0) return fetchKind(callee.object, values);
    if (method === 'send' && call.arguments[0]) return commandKind(call.arguments[0], values);
    if (method && METHODS[method]) return METHODS[method]!;
  }
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch' && call.arguments[0]) {
    return extensionKind(call.arguments[0]);
  }
  const ref = values.moduleRef(callee);
  if (ref && POWERTOOLS[ref.module] && /^get/.test(ref.path.at(-1) ?? '')) return POWERTOOLS[ref.module]!;
  return 'value';
}

function commandKind(command: Node, values: Values): FetchKind {
  const node = unwrap(command);
  const constructed = node.type === AST_NODE_TYPES.NewExpression ? node.callee : node;
  const ref = values.moduleRef(constructed);
  if (!ref) return 'value';
  return COMMANDS[ref.module]?.[ref.path.join('.')] ?? 'value';
}

/** `fetch('http://localhost:2773/secretsmanager/get?secretId=...')`: the Parameters and Secrets Lambda extension. */
function extensionKind(url: Node): FetchKind {
  const text = urlText(unwrap(url));
  if (/\/secretsmanager\/get/.test(text)) return 'secret';
  if (/\/systemsmanager\/parameters\/get/.test(text)) return 'parameter';
  return 'value';
}

function urlText(node: Node): string {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('${}');
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') return urlText(node.left) + urlText(node.right);
  return '';
}
