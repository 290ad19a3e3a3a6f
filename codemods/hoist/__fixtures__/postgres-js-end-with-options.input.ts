import type { SQSEvent } from 'aws-lambda';
import postgres from 'postgres';

export const handler = async (event: SQSEvent): Promise<void> => {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, idle_timeout: 20 });
  const ids = event.Records.map((record) => record.body);
  await sql`UPDATE emails SET sent_at = now() WHERE id IN ${sql(ids)}`;
  await sql.end({ timeout: 5 });
};
