import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { ScheduledEvent } from 'aws-lambda';

let cachedCloudWatchClient: CloudWatchClient | undefined;
const getCloudWatchClient = (): CloudWatchClient =>
  (cachedCloudWatchClient ??= new CloudWatchClient({}));

async function main(event: ScheduledEvent): Promise<void> {
  const cloudWatch = getCloudWatchClient();
  const open = Number((event.detail as { openTickets?: number }).openTickets ?? 0);
  await cloudWatch.send(
    new PutMetricDataCommand({
      Namespace: 'Support',
      MetricData: [{ MetricName: 'OpenTickets', Value: open, Timestamp: new Date(event.time) }],
    }),
  );
}

export { main as handler };
