import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { Client } from 'pg';

let cachedClient: Promise<Client> | undefined;
const getClient = (): Promise<Client> =>
  (cachedClient ??= (async () => {
    const created = new Client({ connectionString: process.env.DATABASE_URL });
    await created.connect();
    return created;
  })().catch((error: unknown) => {
    cachedClient = undefined;
    throw error;
  }));

export const handler = async (): Promise<APIGatewayProxyResultV2> => {
  let client: Client;
  try {
    client = await getClient();
  } catch (error) {
    console.error('database unavailable', error);
    return { statusCode: 503, body: 'try again later' };
  }
  const { rows } = await client.query<{ now: Date }>('SELECT now() AS now');
  return { statusCode: 200, body: JSON.stringify({ now: rows[0]!.now }) };
};
