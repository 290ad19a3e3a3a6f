const DynamoDB = require('aws-sdk/clients/dynamodb');

let cachedDocumentClient;
const getDocumentClient = () =>
  (cachedDocumentClient ??= new DynamoDB.DocumentClient({ convertEmptyValues: true }));

exports.handler = async (event) => {
  const documentClient = getDocumentClient();
  await documentClient
    .put({ TableName: process.env.TABLE_NAME, Item: { pk: event.id, payload: event.payload } })
    .promise();
};
