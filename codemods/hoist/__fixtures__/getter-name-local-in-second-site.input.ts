import { ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

async function bucketNames(): Promise<string[]> {
  const s3 = new S3Client({});
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
  return Buckets.map((bucket) => bucket.Name ?? '');
}

async function objectCount(bucket: string): Promise<number> {
  const getS3Client = () => new S3Client({});
  const { KeyCount = 0 } = await getS3Client().send(new ListObjectsV2Command({ Bucket: bucket }));
  return KeyCount;
}

export const handler = async () => {
  const names = await bucketNames();
  return Promise.all(names.map(objectCount));
};
