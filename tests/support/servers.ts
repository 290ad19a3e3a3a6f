import { missingBackends } from '../../bench/backends/index.js';
import type { RunnableScenario } from '../../bench/scenarios.js';

/**
 * The scenarios whose server can run on this machine. Redis and MariaDB come from the system's packages
 * (scripts/install-test-servers.sh), not from `npm ci`: where they are missing, their scenarios are not
 * run, and this says so on the console, with why and what to do.
 */
export function scenariosWithServers(scenarios: readonly RunnableScenario[], suite: string): RunnableScenario[] {
  const missing = missingBackends();
  for (const [backend, why] of missing) {
    const names = scenarios.filter((scenario) => scenario.backend === backend).map((scenario) => scenario.name);
    if (names.length > 0) console.warn(`${suite}: NOT RUN here: ${names.join(', ')} (${backend}: ${why}).`);
  }
  return scenarios.filter((scenario) => !missing.has(scenario.backend));
}
