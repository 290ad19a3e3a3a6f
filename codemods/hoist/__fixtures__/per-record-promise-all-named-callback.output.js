const { DynamoDBClient, UpdateItemCommand } = require('@aws-sdk/client-dynamodb');

let cachedDynamoDBClient;
const getDynamoDBClient = () =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

async function processRecord(record) {
  const { sku, delta } = JSON.parse(record.body);
  const ddb = getDynamoDBClient();
  await ddb.send(
    new UpdateItemCommand({
      TableName: process.env.STOCK_TABLE,
      Key: { sku: { S: sku } },
      UpdateExpression: 'ADD quantity :delta',
      ExpressionAttributeValues: { ':delta': { N: String(delta) } },
    }),
  );
}

exports.handler = async (event) => {
  await Promise.all(event.Records.map(processRecord));
};
