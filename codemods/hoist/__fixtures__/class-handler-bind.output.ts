import { AthenaClient, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import type { ScheduledEvent } from 'aws-lambda';

let cachedAthenaClient: AthenaClient | undefined;
const getAthenaClient = (): AthenaClient =>
  (cachedAthenaClient ??= new AthenaClient({}));

class DailyReport {
  public async handler(event: ScheduledEvent): Promise<string | undefined> {
    const athena = getAthenaClient();
    const { QueryExecutionId } = await athena.send(
      new StartQueryExecutionCommand({
        QueryString: `SELECT count(*) FROM orders WHERE day = date '${event.time.slice(0, 10)}'`,
        WorkGroup: process.env.WORKGROUP,
      }),
    );
    return QueryExecutionId;
  }
}

const report = new DailyReport();
export const handler = report.handler.bind(report);
