const { PublishCommand, SNSClient } = require('@aws-sdk/client-sns');
const { randomUUID } = require('node:crypto');

let cachedSnsClient;
const getSnsClient = () =>
  (cachedSnsClient ??= new SNSClient({}));

exports.handler = async (event) => {
  const sns = getSnsClient();
  const id = randomUUID();
  await sns.send(
    new PublishCommand({
      TopicArn: process.env.TOPIC_ARN,
      Message: JSON.stringify({ id, detail: event.detail }),
    }),
  );
  return { id };
};
