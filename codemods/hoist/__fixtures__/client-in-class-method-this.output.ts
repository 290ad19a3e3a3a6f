import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

class OrderRepository {
  async save(id: string, total: number): Promise<void> {
    await this.client().send(
      new PutItemCommand({ TableName: process.env.ORDERS_TABLE, Item: { id: { S: id }, total: { N: String(total) } } }),
    );
  }

  private client(): DynamoDBClient {
    return getDynamoDBClient();
  }
}

const orders = new OrderRepository();

export const handler = async (event: APIGatewayProxyEventV2) => {
  const { id, total } = JSON.parse(event.body ?? '{}') as { id: string; total: number };
  await orders.save(id, total);
  return { statusCode: 201 };
};
