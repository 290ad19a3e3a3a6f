import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalog.js';
import {
  PASSWORD_HOOKS,
  bypassesCache,
  expiringCredentialCommand,
  expiringCredentialMethod,
  isCachingMiddleware,
  isRefreshingCredentialProvider,
  isShutdownEvent,
  noPasswordHookAdvice,
  passwordHookFor,
  secretFetchCall,
  secretFetchCommand,
  secretFetchMethod,
  secretFetchUrl,
} from './credentials.js';

describe('secret fetches', () => {
  it('knows the SDK v3 commands by module and name, and nothing else of the same name', () => {
    expect(secretFetchCommand({ module: '@aws-sdk/client-secrets-manager', path: ['GetSecretValueCommand'] })).toMatchObject({
      store: 'secrets-manager',
      id: { argument: 0, property: 'SecretId' },
    });
    expect(secretFetchCommand({ module: '@aws-sdk/client-ssm', path: ['GetParametersByPathCommand'] })?.id.property).toBe('Path');
    expect(secretFetchCommand({ module: '@aws-sdk/client-ssm', path: ['PutParameterCommand'] })).toBeUndefined();
    expect(secretFetchCommand({ module: './local-commands', path: ['GetSecretValueCommand'] })).toBeUndefined();
  });

  it('knows methods of SDK v3 aggregated clients and SDK v2 clients, default exports included', () => {
    expect(secretFetchMethod({ module: '@aws-sdk/client-secrets-manager', path: ['SecretsManager'] }, 'getSecretValue')?.store).toBe('secrets-manager');
    expect(secretFetchMethod({ module: 'aws-sdk', path: ['SSM'] }, 'getParameter')?.id.property).toBe('Name');
    expect(secretFetchMethod({ module: 'aws-sdk/clients/secretsmanager', path: [] }, 'getSecretValue')).toBeDefined();
    expect(secretFetchMethod({ module: 'aws-sdk', path: ['SSM'] }, 'putParameter')).toBeUndefined();
    expect(secretFetchMethod({ module: 'aws-sdk', path: ['S3'] }, 'getSecretValue')).toBeUndefined();
  });

  it('tells the caching helpers from the plain fetches', () => {
    const getSecret = secretFetchCall({ module: '@aws-lambda-powertools/parameters/secrets', path: ['getSecret'] });
    expect(getSecret?.cache).toEqual({ defaultSeconds: 5, option: 'maxAge', env: 'POWERTOOLS_PARAMETERS_MAX_AGE' });
    expect(secretFetchCommand({ module: '@aws-sdk/client-secrets-manager', path: ['GetSecretValueCommand'] })?.cache).toBeUndefined();
    expect(bypassesCache(getSecret!, new Map([['forceFetch', true]]))).toBe(true);
    expect(bypassesCache(getSecret!, new Map([['maxAge', 300]]))).toBe(false);
  });

  it('recognises the Parameters and Secrets extension and the AppConfig extension by URL', () => {
    expect(secretFetchUrl('http://localhost:2773/secretsmanager/get?secretId=prod%2Fdb')?.cache?.defaultSeconds).toBe(300);
    expect(secretFetchUrl('http://localhost:0/systemsmanager/parameters/get?name=%2Fapp%2Fkey')?.store).toBe('ssm-parameter-store');
    expect(secretFetchUrl('http://localhost:2772/applications/shop/environments/prod/configurations/flags')?.store).toBe('appconfig');
    expect(secretFetchUrl('https://secretsmanager.eu-west-1.amazonaws.com/secretsmanager/get?secretId=x')).toBeUndefined();
  });
});

describe('expiring credentials', () => {
  it('knows the RDS and DSQL signers, SDK v3 and v2', () => {
    expect(expiringCredentialMethod({ module: '@aws-sdk/rds-signer', path: ['Signer'] }, 'getAuthToken')?.lifetimeSeconds).toBe(900);
    expect(expiringCredentialMethod({ module: 'aws-sdk', path: ['RDS', 'Signer'] }, 'getAuthToken')?.describe).toMatch(/15 minutes/);
    expect(expiringCredentialMethod({ module: '@aws-sdk/dsql-signer', path: ['DsqlSigner'] }, 'getDbConnectAdminAuthToken')).toBeDefined();
    expect(expiringCredentialMethod({ module: '@aws-sdk/rds-signer', path: ['Signer'] }, 'toString')).toBeUndefined();
  });

  it('knows STS credentials in the result of a command or a method, and for how long', () => {
    expect(expiringCredentialCommand({ module: '@aws-sdk/client-sts', path: ['AssumeRoleCommand'] })).toMatchObject({ field: 'Credentials', lifetimeSeconds: 3600 });
    expect(expiringCredentialCommand({ module: '@aws-sdk/client-sts', path: ['GetSessionTokenCommand'] })?.lifetimeSeconds).toBe(43_200);
    expect(expiringCredentialMethod({ module: 'aws-sdk', path: ['STS'] }, 'assumeRoleWithSAML')?.field).toBe('Credentials');
    expect(expiringCredentialCommand({ module: '@aws-sdk/client-sts', path: ['GetCallerIdentityCommand'] })).toBeUndefined();
  });

  it('calls the SDK providers that refresh themselves safe', () => {
    expect(isRefreshingCredentialProvider({ module: '@aws-sdk/credential-providers', path: ['fromTemporaryCredentials'] })).toBe(true);
    expect(isRefreshingCredentialProvider({ module: 'aws-sdk', path: ['ChainableTemporaryCredentials'] })).toBe(true);
    expect(isRefreshingCredentialProvider({ module: '@aws-sdk/credential-providers', path: ['fromEnv'] })).toBe(false);
  });
});

describe('password hooks', () => {
  it('names every hooked resource as the catalogue does', () => {
    for (const hook of PASSWORD_HOOKS) {
      expect(CATALOGUE.some((entry) => entry.module === hook.module && entry.export === hook.export), `${hook.module} ${hook.export}`).toBe(true);
    }
  });

  it('writes the password function itself only for drivers that call it per connection', () => {
    expect(passwordHookFor({ module: 'pg', export: 'Pool' })).toMatchObject({ option: 'password', shape: 'function', automatic: true });
    expect(passwordHookFor({ module: 'postgres', export: 'default' })?.automatic).toBe(true);
    expect(passwordHookFor({ module: 'mysql2/promise', export: 'createConnection' })).toMatchObject({ shape: 'auth-plugin', automatic: false });
    expect(passwordHookFor({ module: 'sequelize', export: 'Sequelize' })?.option).toBe('hooks.beforeConnect');
    expect(passwordHookFor({ module: '@prisma/client', export: 'PrismaClient' })).toBeUndefined();
    expect(noPasswordHookAdvice({ module: '@prisma/client', export: 'PrismaClient' })).toMatch(/adapter-pg/);
  });
});

it('knows the caching middleware and the shutdown events', () => {
  expect(isCachingMiddleware('@middy/secrets-manager')).toBe(true);
  expect(isCachingMiddleware('@middy/core')).toBe(false);
  expect(isShutdownEvent('SIGTERM')).toBe(true);
  expect(isShutdownEvent('beforeExit')).toBe(true);
  expect(isShutdownEvent('uncaughtException')).toBe(false);
});
