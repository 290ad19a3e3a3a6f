import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { Redis } from 'ioredis';

let sqs: SQSClient | undefined;
let redis: Redis | null = null;
const s3ByRegion = new Map<string, S3Client>();

function s3For(region: string): S3Client {
  if (!s3ByRegion.has(region)) s3ByRegion.set(region, new S3Client({ region }));
  return s3ByRegion.get(region)!;
}

export const handler = async (event: SQSEvent): Promise<void> => {
  sqs ||= new SQSClient({});
  if (!redis) {
    redis = new Redis(process.env.REDIS_URL!);
  }
  await redis.incrby('received', event.Records.length);
  console.log(sqs.config.region, s3For('eu-west-1').config.region);
};
