import type { SQSEvent } from 'aws-lambda';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

let cachedDataSource: Promise<DataSource> | undefined;
const getDataSource = (): Promise<DataSource> =>
  (cachedDataSource ??= (async () => {
    const created = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Invoice] });
    await created.initialize();
    return created;
  })().catch((error: unknown) => {
    cachedDataSource = undefined;
    throw error;
  }));

@Entity()
class Invoice {
  @PrimaryColumn()
  id!: string;

  @Column()
  paid!: boolean;
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const dataSource = await getDataSource();
  const invoices = dataSource.getRepository(Invoice);
  for (const record of event.Records) {
    await invoices.update({ id: record.body }, { paid: true });
  }
};
