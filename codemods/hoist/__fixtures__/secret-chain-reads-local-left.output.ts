import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Client } from 'pg';

const secrets = new SecretsManagerClient({});

export const handler = async () => {
  const stage = process.env.STAGE === 'prod' ? 'prod' : 'dev';
  let secretId = `${stage}/db`;
  if (process.env.SECRET_OVERRIDE) secretId = process.env.SECRET_OVERRIDE;
  const response = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
  const client = new Client(JSON.parse(response.SecretString!) as { host: string });
  await client.connect();
  const { rows } = await client.query('SELECT 1');
  await client.end();
  return rows;
};
