import { ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

let s3Client: S3Client | undefined;
const getS3Client2 = (): S3Client =>
  (s3Client ??= new S3Client({}));

async function bucketNames(): Promise<string[]> {
  const s3 = getS3Client2();
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
  return Buckets.map((bucket) => bucket.Name ?? '');
}

async function objectCount(bucket: string): Promise<number> {
  const getS3Client = () => getS3Client2();
  const { KeyCount = 0 } = await getS3Client().send(new ListObjectsV2Command({ Bucket: bucket }));
  return KeyCount;
}

export const handler = async () => {
  const names = await bucketNames();
  return Promise.all(names.map(objectCount));
};
