import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const sts = new STSClient({});

export const handler = async (event: APIGatewayProxyEventV2) => {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.TENANT_ROLE_ARN, RoleSessionName: 'tenant' }),
  );
  const ddb = new DynamoDBClient({
    credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken },
  });
  const { Items } = await ddb.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: event.requestContext.accountId } } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
