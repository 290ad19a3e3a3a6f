export const handler = async (event) => {
  const { SQSClient, DeleteMessageCommand } = await import('@aws-sdk/client-sqs');
  const sqs = new SQSClient({});
  for (const record of event.Records) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: process.env.QUEUE_URL, ReceiptHandle: record.receiptHandle }));
  }
};
