// Legacy function: everything is required lazily below the handler.
module.exports.handler = async (event) => {
  const sns = getSns();
  await sns.publish({ TopicArn: process.env.TOPIC_ARN, Message: JSON.stringify(event) }).promise();
};

const { SNS } = require('aws-sdk');

let cachedSns;
const getSns = () =>
  (cachedSns ??= new SNS({ apiVersion: '2010-03-31' }));
