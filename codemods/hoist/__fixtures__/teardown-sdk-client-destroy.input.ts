import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';

export const handler = async (_event: unknown, context: Context) => {
  const secrets = new SecretsManagerClient({});
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY_SECRET }));
  secrets.destroy();
  console.log(`${context.functionName}: key loaded`);
  return { configured: Boolean(SecretString) };
};
