import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MongoClient } from 'mongodb';

export const handler = async (event: APIGatewayProxyEventV2) => {
  let client: MongoClient | undefined;
  try {
    client = await MongoClient.connect(process.env.MONGODB_URI!);
    const count = await client.db('app').collection('users').countDocuments({ plan: event.queryStringParameters?.plan });
    return { statusCode: 200, body: String(count) };
  } finally {
    await client?.close();
  }
};
