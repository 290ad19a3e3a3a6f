import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { ScheduledEvent } from 'aws-lambda';

async function main(event: ScheduledEvent): Promise<void> {
  const cloudWatch = new CloudWatchClient({});
  const open = Number((event.detail as { openTickets?: number }).openTickets ?? 0);
  await cloudWatch.send(
    new PutMetricDataCommand({
      Namespace: 'Support',
      MetricData: [{ MetricName: 'OpenTickets', Value: open, Timestamp: new Date(event.time) }],
    }),
  );
}

export { main as handler };
