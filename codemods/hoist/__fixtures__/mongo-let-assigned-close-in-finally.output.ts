import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MongoClient } from 'mongodb';

let cachedMongoClient: Promise<MongoClient> | undefined;
const getMongoClient = (): Promise<MongoClient> =>
  (cachedMongoClient ??= MongoClient.connect(process.env.MONGODB_URI!).catch((error: unknown) => {
    cachedMongoClient = undefined;
    throw error;
  }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  let client: MongoClient | undefined;
  client = await getMongoClient();
  const count = await client.db('app').collection('users').countDocuments({ plan: event.queryStringParameters?.plan });
  return { statusCode: 200, body: String(count) };
};
