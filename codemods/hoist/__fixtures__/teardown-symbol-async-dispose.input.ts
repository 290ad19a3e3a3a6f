import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MongoClient } from 'mongodb';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const client = new MongoClient(process.env.MONGODB_URI!);
  try {
    const count = await client.db('app').collection('users').countDocuments({ plan: event.queryStringParameters?.plan });
    return { statusCode: 200, body: String(count) };
  } finally {
    await client[Symbol.asyncDispose]();
  }
};
