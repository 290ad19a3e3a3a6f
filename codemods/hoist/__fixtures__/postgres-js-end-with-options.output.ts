import type { SQSEvent } from 'aws-lambda';
import postgres from 'postgres';

let cachedSql: ReturnType<typeof postgres> | undefined;
const getSql = (): ReturnType<typeof postgres> =>
  (cachedSql ??= postgres(process.env.DATABASE_URL!, { max: 1, idle_timeout: 20 }));

export const handler = async (event: SQSEvent): Promise<void> => {
  const sql = getSql();
  const ids = event.Records.map((record) => record.body);
  await sql`UPDATE emails SET sent_at = now() WHERE id IN ${sql(ids)}`;
};
