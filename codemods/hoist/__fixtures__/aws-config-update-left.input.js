const AWS = require('aws-sdk');

exports.handler = async (event) => {
  AWS.config.update({ region: event.region });
  const s3 = new AWS.S3();
  const { Buckets } = await s3.listBuckets().promise();
  return Buckets.map((bucket) => bucket.Name);
};
