import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { createClient } from 'redis';

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  // "client" as in customer: the CRM record cached in Redis.
  const getClient = (id: string) => client.hGetAll(`crm:client:${id}`);
  const record = await getClient(event.pathParameters!.clientId!);
  return { statusCode: 200, body: JSON.stringify(record) };
};
