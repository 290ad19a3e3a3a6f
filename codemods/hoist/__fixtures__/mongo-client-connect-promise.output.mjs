import { MongoClient } from 'mongodb';

let mongoClient;
const getMongoClient = () =>
  (mongoClient ??= MongoClient.connect(process.env.MONGODB_URI, { maxPoolSize: 1 }).catch((error) => {
    mongoClient = undefined;
    throw error;
  }));

export const handler = async (event) => {
  const client = await getMongoClient();
  const sessions = client.db('auth').collection('sessions');
  const session = await sessions.findOne({ token: event.headers.authorization });
  return { statusCode: session ? 200 : 401 };
};
