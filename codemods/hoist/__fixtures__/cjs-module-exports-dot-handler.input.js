const AWS = require('aws-sdk');

module.exports.handler = async function handler(event) {
  const ses = new AWS.SES({ apiVersion: '2010-12-01' });
  await ses
    .sendEmail({
      Source: process.env.FROM_ADDRESS,
      Destination: { ToAddresses: [event.email] },
      Message: { Subject: { Data: 'Welcome' }, Body: { Text: { Data: 'Hello!' } } },
    })
    .promise();
};
