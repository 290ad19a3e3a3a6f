import type { SQSEvent } from 'aws-lambda';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

@Entity()
class Invoice {
  @PrimaryColumn()
  id!: string;

  @Column()
  paid!: boolean;
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Invoice] });
  await dataSource.initialize();
  const invoices = dataSource.getRepository(Invoice);
  for (const record of event.Records) {
    await invoices.update({ id: record.body }, { paid: true });
  }
  await dataSource.destroy();
};
