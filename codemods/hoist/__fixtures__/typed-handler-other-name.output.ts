import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SQSHandler } from 'aws-lambda';

let cachedSfnClient: SFNClient | undefined;
const getSfnClient = (): SFNClient =>
  (cachedSfnClient ??= new SFNClient({}));

export const startFulfilment: SQSHandler = async (event) => {
  const sfn = getSfnClient();
  for (const record of event.Records) {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: process.env.STATE_MACHINE_ARN,
        name: record.messageId,
        input: record.body,
      }),
    );
  }
};
