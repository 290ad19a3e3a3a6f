const AWS = require('aws-sdk');

let cachedSes;
const getSes = () =>
  (cachedSes ??= new AWS.SES({ apiVersion: '2010-12-01' }));

module.exports.handler = async function handler(event) {
  const ses = getSes();
  await ses
    .sendEmail({
      Source: process.env.FROM_ADDRESS,
      Destination: { ToAddresses: [event.email] },
      Message: { Subject: { Data: 'Welcome' }, Body: { Text: { Data: 'Hello!' } } },
    })
    .promise();
};
