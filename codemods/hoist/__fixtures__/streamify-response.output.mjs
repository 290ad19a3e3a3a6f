import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

let cachedS3Client;
const getS3Client = () =>
  (cachedS3Client ??= new S3Client({}));

export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const s3 = getS3Client();
  const { Body } = await s3.send(
    new GetObjectCommand({ Bucket: process.env.EXPORTS_BUCKET, Key: event.rawPath.slice(1) }),
  );
  await pipeline(Body, responseStream);
});
