import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsEvent } from 'aws-lambda';

let cachedCloudWatchLogsClient: CloudWatchLogsClient | undefined;
const getCloudWatchLogsClient = (): CloudWatchLogsClient =>
  (cachedCloudWatchLogsClient ??= new CloudWatchLogsClient({}));

export const handler = async (event: CloudWatchLogsEvent): Promise<void> => {
  await getCloudWatchLogsClient().send(
    new PutLogEventsCommand({
      logGroupName: process.env.AUDIT_LOG_GROUP,
      logStreamName: 'forwarded',
      logEvents: [{ timestamp: Date.now(), message: event.awslogs.data }],
    }),
  );
};
