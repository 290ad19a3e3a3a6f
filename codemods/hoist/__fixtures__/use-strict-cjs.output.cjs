'use strict';

const { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');

let cachedSsmClient;
const getSsmClient = () =>
  (cachedSsmClient ??= new SSMClient({}));

module.exports.handler = async (event) => {
  const ssm = getSsmClient();
  const { Parameter } = await ssm.send(
    new GetParameterCommand({ Name: `/config/${process.env.STAGE}/feature-flags`, WithDecryption: true }),
  );
  return JSON.parse(Parameter.Value)[event.flag] === true;
};
