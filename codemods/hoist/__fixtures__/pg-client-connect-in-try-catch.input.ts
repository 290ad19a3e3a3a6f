import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { Client } from 'pg';

export const handler = async (): Promise<APIGatewayProxyResultV2> => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  try {
    await client.connect();
  } catch (error) {
    console.error('database unavailable', error);
    return { statusCode: 503, body: 'try again later' };
  }
  const { rows } = await client.query<{ now: Date }>('SELECT now() AS now');
  await client.end();
  return { statusCode: 200, body: JSON.stringify({ now: rows[0]!.now }) };
};
