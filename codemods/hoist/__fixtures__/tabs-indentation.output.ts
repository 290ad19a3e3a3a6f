import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: Pool | undefined;
const getPool = (): Pool =>
	(cachedPool ??= (() => {
		const created = new Pool({
			connectionString: process.env.DATABASE_URL,
			max: 1,
		});
		created.on('error', (error: unknown) => console.error(error));
		return created;
	})());

export const handler = async (event: SQSEvent): Promise<void> => {
	const pool = getPool();
	for (const record of event.Records) {
		await pool.query('INSERT INTO events (body) VALUES ($1)', [record.body]);
	}
};
