import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (event: SQSEvent): Promise<void> => {
	const pool = new Pool({
		connectionString: process.env.DATABASE_URL,
		max: 1,
	});
	try {
		for (const record of event.Records) {
			await pool.query('INSERT INTO events (body) VALUES ($1)', [record.body]);
		}
	} finally {
		await pool.end();
	}
};
