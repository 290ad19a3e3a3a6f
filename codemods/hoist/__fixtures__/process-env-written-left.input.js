const { S3Client, ListObjectsV2Command } = require('@aws-sdk/client-s3');

exports.handler = async (event) => {
  process.env.AWS_REGION = event.region;
  const s3 = new S3Client({});
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: event.bucket }));
  return Contents.length;
};
