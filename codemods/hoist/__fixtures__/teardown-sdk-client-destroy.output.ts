import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';

let cachedSecretsManagerClient: SecretsManagerClient | undefined;
const getSecretsManagerClient = (): SecretsManagerClient =>
  (cachedSecretsManagerClient ??= new SecretsManagerClient({}));

export const handler = async (_event: unknown, context: Context) => {
  const secrets = getSecretsManagerClient();
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY_SECRET }));
  console.log(`${context.functionName}: key loaded`);
  return { configured: Boolean(SecretString) };
};
