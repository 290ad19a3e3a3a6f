import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

let cachedKmsClient: KMSClient | undefined;
const getKmsClient = (): KMSClient =>
  (cachedKmsClient ??= new KMSClient({ region: process.env.AWS_REGION }));

const decrypt = async (event: APIGatewayProxyEvent & { body: { blob: string } }): Promise<APIGatewayProxyResult> => {
  const kms = getKmsClient();
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(event.body.blob, 'base64') }));
  return { statusCode: 200, body: Buffer.from(Plaintext!).toString('utf8') };
};

export const handler = middy(decrypt).use(httpJsonBodyParser()).use(httpErrorHandler());
