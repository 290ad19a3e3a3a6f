const DynamoDB = require('aws-sdk/clients/dynamodb');

exports.handler = async (event) => {
  const documentClient = new DynamoDB.DocumentClient({ convertEmptyValues: true });
  await documentClient
    .put({ TableName: process.env.TABLE_NAME, Item: { pk: event.id, payload: event.payload } })
    .promise();
};
