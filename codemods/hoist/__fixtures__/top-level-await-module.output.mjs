import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import pg from 'pg';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool;
const getPool = () =>
  (cachedPool ??= (() => {
    const created = new pg.Pool({ host: process.env.DB_HOST, user: 'app', password, max: 1 });
    created.on('error', (error) => console.error(error));
    return created;
  })());

const secrets = new SecretsManagerClient({});
const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ID }));
const { password } = JSON.parse(SecretString);

export const handler = async (event) => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT * FROM flags WHERE tenant = $1', [event.tenant]);
  return rows;
};
