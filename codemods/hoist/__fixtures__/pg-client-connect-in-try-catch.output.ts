import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { Client } from 'pg';

// A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
// next invocation opens a new one. Its errors are logged: an `error` event nobody listens to ends the process.
let cachedClient: Promise<Client> | undefined;
const getClient = (): Promise<Client> =>
  (cachedClient ??= (async () => {
    const created = new Client({ connectionString: process.env.DATABASE_URL });
    await created.connect();
    const connected = cachedClient;
    const forget = (error?: unknown) => {
      if (error) console.error(error);
      if (cachedClient === connected) cachedClient = undefined;
    };
    created.on('error', forget).on('end', forget);
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
