import { FirehoseClient, PutRecordCommand } from '@aws-sdk/client-firehose';
import type { KinesisStreamEvent } from 'aws-lambda';

export const handler = async (event: KinesisStreamEvent): Promise<void> => {
  for (const record of event.Records) {
    const firehose = new FirehoseClient({});
    await firehose.send(
      new PutRecordCommand({
        DeliveryStreamName: process.env.DELIVERY_STREAM,
        Record: { Data: Buffer.from(record.kinesis.data, 'base64') },
      }),
    );
  }
};
