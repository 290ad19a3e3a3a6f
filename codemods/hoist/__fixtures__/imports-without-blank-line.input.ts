import { ECSClient, RunTaskCommand } from '@aws-sdk/client-ecs';
import type { ScheduledHandler } from 'aws-lambda';
export const handler: ScheduledHandler = async () => {
  const ecs = new ECSClient({});
  await ecs.send(new RunTaskCommand({ cluster: process.env.CLUSTER, taskDefinition: process.env.TASK_DEFINITION }));
};
