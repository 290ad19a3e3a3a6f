'use strict';

const { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');

module.exports.handler = async (event) => {
  const ssm = new SSMClient({});
  const { Parameter } = await ssm.send(
    new GetParameterCommand({ Name: `/config/${process.env.STAGE}/feature-flags`, WithDecryption: true }),
  );
  return JSON.parse(Parameter.Value)[event.flag] === true;
};
