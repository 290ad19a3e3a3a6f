import { CreateInvalidationCommand, CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { S3Handler } from 'aws-lambda';

let cachedCloudFrontClient: CloudFrontClient | undefined;
const getCloudFrontClient = (): CloudFrontClient =>
  (cachedCloudFrontClient ??= new CloudFrontClient({}));

const invalidate: S3Handler = async (event) => {
  const cloudFront = getCloudFrontClient();
  const Items = event.Records.map((record) => `/${record.s3.object.key}`);
  await cloudFront.send(
    new CreateInvalidationCommand({
      DistributionId: process.env.DISTRIBUTION_ID,
      InvalidationBatch: { CallerReference: String(Date.now()), Paths: { Quantity: Items.length, Items } },
    }),
  );
};

export default invalidate;
