import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (_event: ScheduledEvent): Promise<void> => {
  // A fresh client per run on purpose: the warmer must not reuse sockets.
  // eslint-disable-next-line lambda-hygiene/no-per-invocation-client
  const lambda = new LambdaClient({});
  await lambda.send(new InvokeCommand({ FunctionName: process.env.TARGET, InvocationType: 'Event' }));

  /* eslint-disable lambda-hygiene/no-per-invocation-pool -- nightly job, one run per container */
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('REFRESH MATERIALIZED VIEW daily_totals');
  await pool.end();
};
