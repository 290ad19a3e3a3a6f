import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
	(cachedPool ??= new Pool({
		connectionString: process.env.DATABASE_URL,
		max: 1,
	}));

export const handler = async (event: SQSEvent): Promise<void> => {
	const pool = getPool();
	for (const record of event.Records) {
		await pool.query('INSERT INTO events (body) VALUES ($1)', [record.body]);
	}
};
