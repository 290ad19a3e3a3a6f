import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { createClient } from 'redis';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedClient: Promise<ReturnType<typeof createClient>> | undefined;
const getClient2 = (): Promise<ReturnType<typeof createClient>> =>
  (cachedClient ??= (async () => {
    const created: ReturnType<typeof createClient> = createClient({ url: process.env.REDIS_URL });
    await created.connect();
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })().catch((error: unknown) => {
    cachedClient = undefined;
    throw error;
  }));

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const client = await getClient2();
  // "client" as in customer: the CRM record cached in Redis.
  const getClient = (id: string) => client.hGetAll(`crm:client:${id}`);
  const record = await getClient(event.pathParameters!.clientId!);
  return { statusCode: 200, body: JSON.stringify(record) };
};
