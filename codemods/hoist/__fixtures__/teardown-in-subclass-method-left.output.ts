import type { SQSEvent } from 'aws-lambda';
import * as mysql from 'mysql2/promise';

async function closeAll(connections: mysql.Connection[]): Promise<void> {
  for (const connection of connections) await connection.end();
}

class Repository {
  protected readonly connection: Promise<mysql.Connection>;

  constructor() {
    this.connection = mysql.createConnection({ host: process.env.MYSQL_HOST });
  }
}

class OrderRepository extends Repository {
  async save(body: string): Promise<void> {
    const connection = await this.connection;
    await connection.execute('INSERT INTO orders (body) VALUES (?)', [body]);
    await closeAll([connection]);
  }
}

export const handler = async (event: SQSEvent): Promise<void> => {
  await new OrderRepository().save(event.Records[0]!.body);
};
