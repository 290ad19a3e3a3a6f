// Codemod robustness: run the hoist codemod, as a dry run, over every .js/.mjs/.cjs/.ts file under
// node_modules/ (files nobody wrote for us). It must never crash, never produce an output that does not
// parse, and never change a file that has no handler. Exits 1 when any of these happens.
//
//   npx tsx bench/codemod-robustness.ts [--stress] [root]      (default root: node_modules)
//
// `--stress` (see bench/stress.ts) treats common export names as handlers and every imported name as a
// resource, so that the planner and its edits run on real code, not only the analysis.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hoistSource, parseModule } from '../codemods/hoist/hoist-source.js';
import type { HoistSourceOptions } from '../codemods/hoist/hoist-source.js';
import { repoRoot, sourceFiles } from './source-files.js';
import { STRESS_HANDLER_NAMES, STRESS_RESOURCES } from './stress.js';

const SHOW = 10;
const args = process.argv.slice(2);
const stress = args.includes('--stress');
const rootDir = resolve(repoRoot, args.find((arg) => !arg.startsWith('--')) ?? 'node_modules');
const options: HoistSourceOptions = stress
  ? { settings: { handlerNames: STRESS_HANDLER_NAMES }, additionalResources: STRESS_RESOURCES }
  : {};

const started = performance.now();
const { files, skipped } = await sourceFiles(rootDir);
const crashes: string[] = [];
const unparsable: string[] = [];
const changedWithoutHandler: string[] = [];
const counts = { changed: 0, unchanged: 0, skipped: 0, failed: 0, hoisted: 0, left: 0 };

for (const file of files) {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  try {
    const { output, result } = hoistSource(text, file, options);
    counts[result.status]++;
    counts.hoisted += result.hoisted.length;
    counts.left += result.left.length;
    // The codemod refuses to write what does not parse ('failed'); a changed output is parsed once more here.
    if (result.status === 'failed') unparsable.push(`${file}: ${result.message}`);
    if (output !== text) {
      try {
        parseModule(output, file);
      } catch (error) {
        unparsable.push(`${file}: ${(error as Error).message}`);
      }
      if (result.hoisted.length === 0) changedWithoutHandler.push(file);
    }
  } catch (error) {
    crashes.push(`${file}\n${((error as Error).stack ?? String(error)).split('\n').slice(0, 8).join('\n')}`);
  }
}

const seconds = (performance.now() - started) / 1000;
const show = (title: string, items: string[]) => {
  if (items.length === 0) return;
  console.log(`\n${title} (first ${Math.min(SHOW, items.length)} of ${items.length}):`);
  for (const item of items.slice(0, SHOW)) console.log(`  ${item}`);
};
show('Crashes', crashes);
show('Outputs that do not parse', unparsable);
show('Changed files with nothing hoisted', changedWithoutHandler);
console.log(
  `\n(${stress ? 'stress mode; ' : ''}${files.length} files under ${relative(repoRoot, rootDir) || '.'}/, ${skipped} over 1 MB skipped; ` +
    `changed ${counts.changed}, unchanged ${counts.unchanged}, not parsed ${counts.skipped}; sites hoisted ${counts.hoisted}, left ${counts.left})`,
);
console.log(
  `files: ${files.length}, crashes: ${crashes.length}, unparsable outputs: ${unparsable.length}, ` +
    `changed without a handler: ${changedWithoutHandler.length}, time: ${seconds.toFixed(1)}s`,
);
process.exitCode = crashes.length + unparsable.length + changedWithoutHandler.length > 0 ? 1 : 0;
