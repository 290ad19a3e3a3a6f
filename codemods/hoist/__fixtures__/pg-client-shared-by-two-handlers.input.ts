import type { SQSEvent } from 'aws-lambda';
import { Client } from 'pg';

export const recordPayments = async (event: SQSEvent): Promise<void> => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const record of event.Records) {
      await client.query('INSERT INTO payments (body) VALUES ($1)', [record.body]);
    }
  } finally {
    await client.end();
  }
};

export const recordRefunds = async (event: SQSEvent): Promise<void> => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const record of event.Records) {
      await client.query('INSERT INTO refunds (body) VALUES ($1)', [record.body]);
    }
  } finally {
    await client.end();
  }
};
