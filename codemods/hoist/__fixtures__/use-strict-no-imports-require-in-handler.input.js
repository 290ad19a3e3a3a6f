'use strict';

exports.handler = async (event) => {
  const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
  const s3 = new S3Client({});
  const object = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
  return object.Body.transformToString();
};
