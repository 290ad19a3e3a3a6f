import { ECSClient, RunTaskCommand } from '@aws-sdk/client-ecs';
import type { ScheduledHandler } from 'aws-lambda';

let cachedEcsClient: ECSClient | undefined;
const getEcsClient = (): ECSClient =>
  (cachedEcsClient ??= new ECSClient({}));

export const handler: ScheduledHandler = async () => {
  const ecs = getEcsClient();
  await ecs.send(new RunTaskCommand({ cluster: process.env.CLUSTER, taskDefinition: process.env.TASK_DEFINITION }));
};
