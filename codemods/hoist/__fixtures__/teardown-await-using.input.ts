import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MongoClient } from 'mongodb';

export const handler = async (event: APIGatewayProxyEventV2) => {
  await using client = new MongoClient(process.env.MONGODB_URI!);
  const count = await client.db('app').collection('users').countDocuments({ plan: event.queryStringParameters?.plan });
  return { statusCode: 200, body: String(count) };
};
