import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MongoClient } from 'mongodb';

let cachedMongoClient: MongoClient | undefined;
const getMongoClient = (): MongoClient =>
  (cachedMongoClient ??= new MongoClient(process.env.MONGODB_URI!));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const client = getMongoClient();
  const count = await client.db('app').collection('users').countDocuments({ plan: event.queryStringParameters?.plan });
  return { statusCode: 200, body: String(count) };
};
