// A corpus of real Lambda handler files, taken from public sample repositories already on this machine
// (git directories, as the search tool's `fetch` leaves them under /work/.mirror/<owner>+<name>/repo):
// every JavaScript or TypeScript file that exports a handler the way Lambda code does, outside
// node_modules, build output, tests and CDK code. The files keep their repositories' licences and stay
// out of this repository: they are written under .bench-out/ (ignored by git). The generated corpus
// (bench/corpus/index.ts) is the reproducible one; this one checks that it is not far from real code:
//
//   npx tsx bench/corpus/from-mirrors.ts [--mirrors /work/.mirror] [--out .bench-out/public-corpus]
//   npx tsx bench/lint-speed.ts --no-node-modules --dir .bench-out/public-corpus
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringArgument } from '../measure.js';
import { repoRoot } from '../source-files.js';

const mirrors = path.resolve(stringArgument('mirrors') ?? '/work/.mirror');
const out = path.resolve(stringArgument('out') ?? path.join(repoRoot, '.bench-out', 'public-corpus'));
const MAX_BYTES = 64 * 1024;

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const EXCLUDED = /(^|\/)(node_modules|cdk\.out|dist|build|\.aws-sam|coverage|tests?|__tests__|bin)\/|\.d\.ts$|\.(test|spec)\.|jest\.config|-stack\.ts$|(^|\/)cdk\/|webpack|rollup|eslint|prettier/;
// What a Lambda entry point looks like in source: an exported `handler`/`lambdaHandler`, CommonJS or ESM.
const HANDLER_EXPORT = /\bexports\.(handler|lambdaHandler)\s*=|module\.exports\s*=\s*\{[^}]*\bhandler\b|export\s+(const|let|async\s+function|function)\s+(handler|lambdaHandler)\b|export\s*\{[^}]*\bas\s+handler\b/;

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

if (!existsSync(mirrors)) {
  console.error(`No ${mirrors}: fetch some public Lambda sample repositories first (aws-samples/serverless-patterns, serverless/examples, ...).`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
let total = 0;
for (const entry of readdirSync(mirrors).sort()) {
  const gitDir = path.join(mirrors, entry, 'repo');
  if (!existsSync(path.join(gitDir, 'HEAD'))) continue;
  const listing = git(gitDir, ['ls-tree', '-r', '-l', 'HEAD'])
    .split('\n')
    .map((line) => /^\d+ blob [0-9a-f]+ +(\d+)\t(.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .filter(([, size, file]) => Number(size) <= MAX_BYTES && SOURCE.test(file!) && !EXCLUDED.test(file!));
  let taken = 0;
  for (const [, , file] of listing) {
    const text = git(gitDir, ['show', `HEAD:${file}`]);
    if (!HANDLER_EXPORT.test(text)) continue;
    const target = path.join(out, entry, file!);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    taken++;
  }
  console.log(`${entry}: ${taken} handler files`);
  total += taken;
}
console.log(`${total} files written under ${path.relative(process.cwd(), out)}`);
