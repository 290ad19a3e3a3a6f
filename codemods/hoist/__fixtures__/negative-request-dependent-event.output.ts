import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Handler } from 'aws-lambda';

interface ListRequest {
  region: string;
  bucket: string;
}

export const handler: Handler<ListRequest> = async (event) => {
  const s3 = new S3Client({ region: event.region });
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: event.bucket }));
  return Contents.map((object) => object.Key);
};
