const { KinesisClient, PutRecordsCommand } = require('@aws-sdk/client-kinesis');

let cachedKinesisClient;
const getKinesisClient = () =>
  (cachedKinesisClient ??= new KinesisClient({ maxAttempts: 5 }));

async function forwardEvents(event) {
  const kinesis = getKinesisClient();
  const Records = event.Records.map((record) => ({
    Data: Buffer.from(record.body),
    PartitionKey: record.messageId,
  }));
  await kinesis.send(new PutRecordsCommand({ StreamName: process.env.STREAM_NAME, Records }));
}

module.exports = { handler: forwardEvents };
