// npm run bench:oracle -- [--runs N] [--seed S] [--json] [--shrink-budget SECONDS] [--out DIR]
// npm run bench:oracle -- --keep NAME [NAME...]
//
// Generates N Lambda modules from the oracle's grammar (seeded: the same seed gives the same modules),
// judges each (rules vs runtime, codemod vs original) and writes one shrunk reproducer per distinct
// finding into the output folder (bench/oracle/reproducers/, git-ignored). `--json` prints
// { runs, disagreements, crashes, codemodMismatches, shapes, ... } instead of tables.
// `--keep NAME` copies reproducers of the last run into tests/oracle-cases/, where tests/oracle.test.ts
// replays them as regression tests. Exits 1 when anything was found.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runOracle } from './oracle.js';
import type { OracleReport, Reproducer } from './oracle.js';

const ORACLE_DIR = fileURLToPath(new URL('./', import.meta.url));
const KEPT_DIR = fileURLToPath(new URL('../../tests/oracle-cases/', import.meta.url));

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    'shrink-budget': { type: 'string', default: '300' },
    out: { type: 'string', default: path.join(ORACLE_DIR, 'reproducers') },
    keep: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

function keep(names: string[]): void {
  mkdirSync(KEPT_DIR, { recursive: true });
  for (const name of names) {
    const file = path.join(values.out, `${name.replace(/\.json$/, '')}.json`);
    if (!existsSync(file)) {
      console.error(`no reproducer ${file}; run the oracle first, then name one of: ${readdirSync(values.out).filter((entry) => entry.endsWith('.json')).join(', ')}`);
      process.exitCode = 2;
      continue;
    }
    copyFileSync(file, path.join(KEPT_DIR, path.basename(file)));
    console.log(`kept ${path.relative(process.cwd(), path.join(KEPT_DIR, path.basename(file)))}`);
  }
}

/** The report without the reproducers' modules: what `--json` prints, also kept beside the reproducers. */
function summaryOf(report: OracleReport) {
  const { reproducers, ...summary } = report;
  return { ...summary, reproducers: reproducers.map(({ name, signature, count, shrunk }) => ({ name, signature, count, shrunk })) };
}

function writeReproducers(report: OracleReport): void {
  rmSync(values.out, { recursive: true, force: true });
  mkdirSync(values.out, { recursive: true });
  writeFileSync(path.join(values.out, 'summary.json'), `${JSON.stringify(summaryOf(report), null, 2)}\n`);
  for (const reproducer of report.reproducers) {
    const extension = path.extname(reproducer.module.filename);
    writeFileSync(path.join(values.out, `${reproducer.name}.json`), `${JSON.stringify(reproducer, null, 2)}\n`);
    writeFileSync(path.join(values.out, `${reproducer.name}${extension}`), reproducer.module.source);
    if (reproducer.output !== reproducer.module.source) writeFileSync(path.join(values.out, `${reproducer.name}.output${extension}`), reproducer.output);
  }
}

function printTables(report: OracleReport): void {
  console.log(`oracle: ${report.runs} generated handlers, seed ${report.seed}, ${report.seconds.toFixed(1)} s`);
  console.log(`  disagreements (rules vs runtime): ${report.disagreements}`);
  console.log(`  crashes:                          ${report.crashes}`);
  console.log(`  codemod mismatches:               ${report.codemodMismatches}`);
  console.log(`  invalid generated modules:        ${report.invalid}`);
  console.log(`  sites judged: ${report.judged.again} built per invocation, ${report.judged.once} built once, ${report.judged.unjudged} not judged`);
  if (report.reproducers.length) {
    console.log(`\n${report.reproducers.length} distinct findings (reproducers in ${path.relative(process.cwd(), values.out)}/):`);
    const rows = report.reproducers.map((reproducer: Reproducer) => [
      reproducer.name,
      String(reproducer.count),
      reproducer.shrunk ? 'yes' : 'no',
      reproducer.findings.find((finding) => finding.side === reproducer.side && finding.kind === reproducer.kind)?.detail ?? '',
    ]);
    printRows(['reproducer', 'cases', 'shrunk', 'what differs'], rows);
  }
  console.log('\nshapes:');
  printRows(
    ['shape', 'runs', 'disagree', 'crash', 'codemod'],
    Object.entries(report.shapes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([shape, counts]) => [shape, String(counts.runs), String(counts.disagreements), String(counts.crashes), String(counts.codemodMismatches)]),
  );
}

function printRows(header: string[], rows: string[][]): void {
  const clipped = rows.map((row) => row.map((cell) => (cell.length > 140 ? `${cell.slice(0, 140)}…` : cell)));
  const widths = header.map((title, column) => Math.max(title.length, ...clipped.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')}`;
  console.log(line(header));
  for (const row of clipped) console.log(line(row));
}

if (values.keep) {
  keep(positionals);
} else {
  const runs = Number(values.runs);
  const report = await runOracle({
    runs,
    seed: Number(values.seed),
    shrinkBudgetMs: Number(values['shrink-budget']) * 1000,
    onProgress: values.json || !process.stderr.isTTY ? undefined : (done, total) => process.stderr.write(`\r  ${done}/${total}`),
  });
  if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
  writeReproducers(report);
  if (values.json) console.log(JSON.stringify(summaryOf(report), null, 2));
  else printTables(report);
  if (report.disagreements + report.crashes + report.codemodMismatches + report.invalid > 0) process.exitCode = 1;
}
