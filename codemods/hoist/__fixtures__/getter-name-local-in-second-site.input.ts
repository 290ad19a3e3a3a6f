import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

async function tableNames(): Promise<string[]> {
  const ddb = new DynamoDBClient({});
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}));
  return TableNames;
}

async function itemCount(table: string): Promise<number> {
  const getDynamoDBClient = () => new DynamoDBClient({});
  const { Table } = await getDynamoDBClient().send(new DescribeTableCommand({ TableName: table }));
  return Table?.ItemCount ?? 0;
}

export const handler = async () => {
  const names = await tableNames();
  return Promise.all(names.map(itemCount));
};
