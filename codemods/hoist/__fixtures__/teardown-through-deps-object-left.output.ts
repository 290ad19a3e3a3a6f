import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

interface Deps {
  db: Pool;
}

async function saveAll(deps: Deps, bodies: string[]): Promise<void> {
  for (const body of bodies) await deps.db.query('INSERT INTO inbox (body) VALUES ($1)', [body]);
  await deps.db.end();
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const db = new Pool({ connectionString: process.env.DATABASE_URL });
  await saveAll({ db }, event.Records.map((record) => record.body));
};
