const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');

exports.handler = async function () {
  const [event] = arguments;
  const s3 = new S3Client({ region: event.region });
  const object = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
  return object.ContentLength;
};
