import { MongoClient } from 'mongodb';

export const handler = async (event) => {
  const client = await MongoClient.connect(process.env.MONGODB_URI, { maxPoolSize: 1 });
  const sessions = client.db('auth').collection('sessions');
  const session = await sessions.findOne({ token: event.headers.authorization });
  return { statusCode: session ? 200 : 401 };
};
