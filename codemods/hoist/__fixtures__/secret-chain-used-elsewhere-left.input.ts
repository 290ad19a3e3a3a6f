import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Client } from 'pg';

const secrets = new SecretsManagerClient({});

export const handler = async () => {
  const response = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ID }));
  const secret = JSON.parse(response.SecretString!) as { host: string; password: string };
  console.log({ ...secret, password: '***' });
  const client = new Client({ host: secret.host, password: secret.password });
  await client.connect();
  const { rows } = await client.query('SELECT 1');
  await client.end();
  return rows;
};
