import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

class OrderRepository {
  async save(id: string, total: number): Promise<void> {
    await this.client().send(
      new PutItemCommand({ TableName: process.env.ORDERS_TABLE, Item: { id: { S: id }, total: { N: String(total) } } }),
    );
  }

  private client(): DynamoDBClient {
    return new DynamoDBClient({});
  }
}

const orders = new OrderRepository();

export const handler = async (event: APIGatewayProxyEventV2) => {
  const { id, total } = JSON.parse(event.body ?? '{}') as { id: string; total: number };
  await orders.save(id, total);
  return { statusCode: 201 };
};
