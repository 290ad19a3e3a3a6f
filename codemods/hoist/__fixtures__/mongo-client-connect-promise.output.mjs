import { MongoClient } from 'mongodb';

let cachedMongoClient;
const getMongoClient = () =>
  (cachedMongoClient ??= MongoClient.connect(process.env.MONGODB_URI, { maxPoolSize: 1 }).catch((error) => {
    cachedMongoClient = undefined;
    throw error;
  }));

export const handler = async (event) => {
  const client = await getMongoClient();
  const sessions = client.db('auth').collection('sessions');
  const session = await sessions.findOne({ token: event.headers.authorization });
  return { statusCode: session ? 200 : 401 };
};
