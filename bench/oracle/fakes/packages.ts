// The fake packages: which module specifiers the generated handlers import, what each exports, and the
// factory that builds a fresh instance of it for one job. The parent writes, for every job, a stub package
// per specifier into the job's node_modules (so the generated code imports the real names); the stub asks
// the child for an instance, so each job gets its own module state (mongoose's default connection, the
// databases' rows) and its own recorder.
import { clientDynamoDb, clientS3, libDynamoDb } from './aws.js';
import { mysql2Promise } from './mysql.js';
import { middyCore } from './middy.js';
import { mongodb, mongoose } from './mongo.js';
import { pg } from './pg.js';
import { powertoolsLogger } from './powertools.js';
import { prismaClient } from './prisma.js';
import { redis } from './redis.js';
import type { JobRecorder } from './recorder.js';

export interface FakePackage {
  /** The named exports (for the ESM stub: `export const { ... } = module.exports`). */
  named: readonly string[];
  build(recorder: JobRecorder): unknown;
}

export const FAKE_PACKAGES: Readonly<Record<string, FakePackage>> = {
  '@aws-sdk/client-s3': { named: ['S3Client', 'GetObjectCommand', 'PutObjectCommand'], build: clientS3 },
  '@aws-sdk/client-dynamodb': { named: ['DynamoDBClient', 'GetItemCommand', 'PutItemCommand'], build: clientDynamoDb },
  '@aws-sdk/lib-dynamodb': { named: ['DynamoDBDocumentClient', 'GetCommand', 'PutCommand'], build: libDynamoDb },
  pg: { named: ['Pool', 'Client', 'types'], build: pg },
  'mysql2/promise': { named: ['createPool', 'createConnection'], build: mysql2Promise },
  redis: { named: ['createClient'], build: redis },
  '@aws-lambda-powertools/logger': { named: ['Logger'], build: powertoolsLogger },
  '@prisma/client': { named: ['PrismaClient'], build: prismaClient },
  mongodb: { named: ['MongoClient'], build: mongodb },
  mongoose: { named: ['connect', 'connection', 'createConnection', 'disconnect', 'model', 'Schema'], build: mongoose },
  '@middy/core': { named: [], build: middyCore },
};

/** `@scope/name/sub` → package folder `@scope/name`, subpath `./sub` (or `.`). */
export function splitSpecifier(specifier: string): { packageName: string; subpath: string } {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(length).join('/');
  return { packageName: parts.slice(0, length).join('/'), subpath: rest ? `./${rest}` : '.' };
}
