import { FirehoseClient, PutRecordCommand } from '@aws-sdk/client-firehose';
import type { KinesisStreamEvent } from 'aws-lambda';

let cachedFirehoseClient: FirehoseClient | undefined;
const getFirehoseClient = (): FirehoseClient =>
  (cachedFirehoseClient ??= new FirehoseClient({}));

export const handler = async (event: KinesisStreamEvent): Promise<void> => {
  for (const record of event.Records) {
    const firehose = getFirehoseClient();
    await firehose.send(
      new PutRecordCommand({
        DeliveryStreamName: process.env.DELIVERY_STREAM,
        Record: { Data: Buffer.from(record.kinesis.data, 'base64') },
      }),
    );
  }
};
