import type { SQSEvent } from 'aws-lambda';
import { Client } from 'pg';

class OrderStore {
  private readonly client: Client;

  constructor() {
    this.client = new Client({ connectionString: process.env.DATABASE_URL });
  }

  async save(body: string): Promise<void> {
    const client = this.client;
    await client.connect();
    await client.query('INSERT INTO orders (body) VALUES ($1)', [body]);
  }
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const store = new OrderStore();
  await store.save(event.Records[0]!.body);
};
