// The runtime oracle: fast-check generates Lambda modules from the grammar (grammar/), each is judged
// (evaluate.ts), and every kind of disagreement found is shrunk by fast-check to a small reproducer.
//
// The scan never fails the property: it records each case's findings, so that one run counts them all.
// A finding is then replayed from its seed and path, and shrunk with a property that fails while a finding
// of the same side and kind remains.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Finding, Side } from './compare.js';
import { evaluateModule } from './evaluate.js';
import type { OracleModule, Verdict } from './evaluate.js';
import { caseArbitrary } from './grammar/case.js';
import type { Case, SiteChoice } from './grammar/case.js';
import { DEFAULT_TAGS, renderCase } from './grammar/render.js';
import type { RenderedCase } from './grammar/render.js';
import { OracleRunner } from './runner.js';

export interface OracleOptions {
  runs: number;
  seed: number;
  /** Shrink one reproducer per kind of finding, within this many milliseconds in total (0: none). */
  shrinkBudgetMs: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ShapeCounts {
  runs: number;
  disagreements: number;
  crashes: number;
  codemodMismatches: number;
}

/** One distinct bug: a side and kind of finding, with the shapes its (shrunk) reproducer needs. */
export interface Reproducer {
  name: string;
  signature: string;
  side: Side;
  kind: string;
  /** How many scanned cases had a finding of this side and kind with the same shapes. */
  count: number;
  seed: number;
  /** fast-check's path of the scanned case it was reduced from (replay: the same seed and this path). */
  path: string;
  shrunk: boolean;
  tags: string[];
  findings: Finding[];
  module: OracleModule;
  output: string;
}

export interface OracleReport {
  runs: number;
  seed: number;
  /** Cases where the rules and the runtime disagree. */
  disagreements: number;
  /** Cases where the analysis, the plan or a quick fix crashed, or produced a file that does not parse. */
  crashes: number;
  /** Cases where the codemod's output behaves differently from the original. */
  codemodMismatches: number;
  /** Cases the grammar rendered wrong (the original does not parse or load): the oracle's own bugs. */
  invalid: number;
  shapes: Record<string, ShapeCounts>;
  /** Findings by `side:kind`, counted once per case. */
  kinds: Record<string, number>;
  reproducers: Reproducer[];
  /** What the rule judgement could decide: sites built again, sites built once, sites it could not judge. */
  judged: { again: number; once: number; unjudged: number };
  seconds: number;
}

export function moduleOf(rendered: RenderedCase): OracleModule {
  const { source, filename, format, exportName, invocations, creationLines } = rendered;
  return { source, filename, format, exportName, invocations, creationLines };
}

/** The shapes a finding depends on: the case's non-default tags, and for a rule finding its site's. */
function signatureTags(rendered: RenderedCase, finding: Finding): string[] {
  const caseTags = rendered.tags.filter((tag) => !rendered.siteTags.flat().includes(tag));
  const siteTags = finding.site !== undefined && finding.side === 'rule' ? rendered.siteTags[finding.site] ?? [] : rendered.siteTags.flat();
  // The file extension and the module system follow from the language and the export form: a shrunk case
  // changes them together, so they are not shapes of their own here.
  return [...new Set([...caseTags, ...siteTags])].filter((tag) => !DEFAULT_TAGS.has(tag) && !/^(extension|module):/.test(tag)).sort();
}

function reproducerName(side: Side, kind: string, tags: readonly string[], signature: string): string {
  const hash = createHash('sha1').update(signature).digest('hex').slice(0, 6);
  const words = tags
    .filter((tag) => !/^(language|module|extension|export|wrapper|env):/.test(tag) && !/#\d+$/.test(tag))
    .map((tag) => tag.split(':')[1]!)
    .slice(0, 3);
  return [side, kind, ...words, hash].join('-').replace(/[^a-z0-9-]+/gi, '-');
}

interface Scanned {
  /** The scanned case's place in the seeded run (fast-check's path to replay it). */
  index: number;
  choice: Case;
  rendered: RenderedCase;
  verdict: Verdict;
}

interface Group {
  scanned: Scanned;
  finding: Finding;
  count: number;
  tags: string[];
}

export async function runOracle(options: OracleOptions): Promise<OracleReport> {
  const started = performance.now();
  const runner = OracleRunner.create();
  const report: OracleReport = {
    runs: 0,
    seed: options.seed,
    disagreements: 0,
    crashes: 0,
    codemodMismatches: 0,
    invalid: 0,
    shapes: {},
    kinds: {},
    reproducers: [],
    judged: { again: 0, once: 0, unjudged: 0 },
    seconds: 0,
  };
  try {
    const firstOfGroup = new Map<string, Group>();
    let index = 0;
    const scan = await fc.check(
      fc.asyncProperty(caseArbitrary, async (choice: Case) => {
        const rendered = renderCase(choice);
        const verdict = await evaluateModule(moduleOf(rendered), runner);
        const scanned = { index: index++, choice, rendered, verdict };
        tally(report, scanned);
        for (const finding of primaryFindings(verdict.findings)) {
          const tags = signatureTags(rendered, finding);
          const group = `${finding.side}:${finding.kind}|${tags.join(' ')}`;
          const existing = firstOfGroup.get(group);
          if (existing) existing.count++;
          else firstOfGroup.set(group, { scanned, finding, count: 1, tags });
        }
        options.onProgress?.(index, options.runs);
        return true;
      }),
      { seed: options.seed, numRuns: options.runs, endOnFailure: true },
    );
    // The property itself never fails: a failure is the oracle breaking, which must not pass as a clean run.
    if (scan.failed) throw new Error(`the oracle failed on case ${index - 1} (seed ${options.seed}, path ${scan.counterexamplePath}): ${String(scan.errorInstance)}`);

    const bySignature = await reduce([...firstOfGroup.values()], runner, options.seed, performance.now() + options.shrinkBudgetMs);
    report.reproducers = [...bySignature.values()].sort((a, b) => a.signature.localeCompare(b.signature));
    return report;
  } finally {
    runner.close();
    report.seconds = (performance.now() - started) / 1000;
  }
}

/** Most telling first: one behaviour change usually shows in several observations at once. */
const PRIORITY = [
  'load',
  'timeout',
  'error',
  'unhandled',
  'result',
  'database',
  'response-waits',
  'calls',
  'constructed-again',
  'type-comment-detached',
  'quick-fixes-differ',
  'codemod-threw',
  'lint-threw',
  'codemod-output-does-not-parse',
  'codemod-cannot-parse',
  'quick-fix-does-not-parse',
];

/**
 * The findings a case is grouped by: each rule finding (one per site), and the most telling finding of
 * each other side, so that one behaviour change seen as an error, a different result and missing calls
 * is one reproducer, not three.
 */
export function primaryFindings(findings: readonly Finding[]): Finding[] {
  const rank = (finding: Finding) => (PRIORITY.includes(finding.kind) ? PRIORITY.indexOf(finding.kind) : PRIORITY.length);
  const primary: Finding[] = findings.filter((finding) => finding.side === 'rule');
  for (const side of ['codemod', 'crash', 'invalid'] as const) {
    const first = findings.filter((finding) => finding.side === side).sort((a, b) => rank(a) - rank(b))[0];
    if (first) primary.push(first);
  }
  return primary;
}

function tally(report: OracleReport, { rendered, verdict }: Scanned): void {
  report.runs++;
  const sides = new Set(verdict.findings.map((finding) => finding.side));
  const counts = {
    disagreements: sides.has('rule') ? 1 : 0,
    crashes: sides.has('crash') ? 1 : 0,
    codemodMismatches: sides.has('codemod') ? 1 : 0,
  };
  report.disagreements += counts.disagreements;
  report.crashes += counts.crashes;
  report.codemodMismatches += counts.codemodMismatches;
  report.invalid += sides.has('invalid') ? 1 : 0;
  for (const kind of new Set(verdict.findings.map((finding) => `${finding.side}:${finding.kind}`))) report.kinds[kind] = (report.kinds[kind] ?? 0) + 1;
  for (const tag of rendered.tags) {
    const shape = (report.shapes[tag] ??= { runs: 0, disagreements: 0, crashes: 0, codemodMismatches: 0 });
    shape.runs++;
    shape.disagreements += counts.disagreements;
    shape.crashes += counts.crashes;
    shape.codemodMismatches += counts.codemodMismatches;
  }
  report.judged.again += verdict.rules.again;
  report.judged.once += verdict.rules.once;
  report.judged.unjudged += verdict.rules.unjudged;
}

/** A finding's shapes without template variants: what a reduced case may keep, never add to. */
const identityTags = (rendered: RenderedCase, finding: Finding) => signatureTags(rendered, finding).filter((tag) => !/#\d+$/.test(tag));

/**
 * Does the case still show the bug: a finding of the same side and kind, with no shape the case it was
 * reduced from did not have? Without the second condition shrinking drifts from one bug to another that
 * shows the same kind of finding with a simpler shape (a Prisma hook to a duplicate SDK middleware).
 */
function showsSameBug(evaluated: Scanned, finding: Finding, allowed: ReadonlySet<string>): boolean {
  return evaluated.verdict.findings.some(
    (candidate) =>
      candidate.side === finding.side &&
      candidate.kind === finding.kind &&
      identityTags(evaluated.rendered, candidate).every((tag) => allowed.has(tag)),
  );
}

async function evaluateCase(runner: OracleRunner, index: number, choice: Case): Promise<Scanned> {
  const rendered = renderCase(choice);
  return { index, choice, rendered, verdict: await evaluateModule(moduleOf(rendered), runner) };
}

/**
 * One reproducer per distinct bug. Groups with the fewest shapes go first; a group whose shapes include
 * those of a reproducer already made for the same side and kind counts as that bug. Otherwise the case is
 * cut down to the one site that still shows the finding, if there is one (a few evaluations), checked
 * again against the reproducers, and shrunk by fast-check within the time left.
 */
async function reduce(groups: Group[], runner: OracleRunner, seed: number, deadline: number): Promise<Map<string, Reproducer>> {
  const bySignature = new Map<string, Reproducer>();
  // Template variants aside: a variant of a template whose bug is already reduced is that bug.
  const explaining = (finding: Finding, tags: readonly string[]) =>
    [...bySignature.values()].find(
      (reproducer) =>
        reproducer.side === finding.side &&
        reproducer.kind === finding.kind &&
        reproducer.tags.every((tag) => /#\d+$/.test(tag) || tags.includes(tag)),
    );
  const add = (reproducer: Reproducer) => {
    const existing = bySignature.get(reproducer.signature);
    if (existing) existing.count += reproducer.count;
    else bySignature.set(reproducer.signature, reproducer);
  };
  for (const { scanned, finding, count, tags } of [...groups].sort((a, b) => a.tags.length - b.tags.length || b.count - a.count)) {
    const explained = explaining(finding, tags);
    if (explained) {
      explained.count += count;
      continue;
    }
    if (performance.now() > deadline) {
      add(toReproducer(scanned, finding, seed, false, count));
      continue;
    }
    const isolated = await isolate(runner, scanned, finding);
    if (isolated) {
      const again = explaining(finding, signatureTags(isolated.rendered, primaryFindings(isolated.verdict.findings).find((candidate) => candidate.side === finding.side) ?? finding));
      if (again) {
        again.count += count;
        continue;
      }
    }
    const start = isolated ?? scanned;
    const shrunk = await shrink(runner, seed, start, finding, deadline);
    add(toReproducer(shrunk ?? start, finding, seed, shrunk !== undefined || isolated !== undefined, count));
  }
  return bySignature;
}

/** The simplest site: an S3 client in the handler, every choice its default. */
const DEFAULT_SITE: SiteChoice = { kind: 'generic', resource: 's3', placement: 'direct', lazy: 'nullish-assign', config: 'empty', teardown: 'none' };

/**
 * The case with only one of its sites, the first that still shows the bug; then, if that site is a
 * template, the simplest site instead when the bug does not need the template (a handler that is not
 * recognised misses any site). fast-check's shrinking does not cross from a template to a generic site
 * when it shrinks a case given as an example.
 */
async function isolate(runner: OracleRunner, scanned: Scanned, finding: Finding): Promise<Scanned | undefined> {
  const sites = scanned.choice.sites.filter((site) => site !== null);
  const allowed = new Set(identityTags(scanned.rendered, finding));
  let reduced: Scanned | undefined;
  for (const site of sites.length > 1 ? sites : []) {
    const alone = await evaluateCase(runner, scanned.index, { ...scanned.choice, sites: [site, null, null] });
    if (showsSameBug(alone, finding, allowed)) {
      reduced = alone;
      break;
    }
  }
  const single = reduced ?? (sites.length === 1 ? scanned : undefined);
  if (single?.choice.sites.find((site) => site !== null)?.kind === 'template') {
    // In the language the template was rendered in (some force JavaScript or TypeScript).
    const language = single.rendered.tags.includes('language:ts') ? 'ts' : 'js';
    const plain = await evaluateCase(runner, scanned.index, { ...single.choice, language, sites: [DEFAULT_SITE, null, null] });
    if (showsSameBug(plain, finding, allowed)) return plain;
  }
  return reduced;
}

/** fast-check's shrinking, from the given case, while a finding of the same side and kind remains. */
async function shrink(runner: OracleRunner, seed: number, start: Scanned, finding: Finding, deadline: number): Promise<Scanned | undefined> {
  let last: Scanned | undefined;
  const startFinding = start.verdict.findings.find((candidate) => candidate.side === finding.side && candidate.kind === finding.kind) ?? finding;
  const allowed = new Set(identityTags(start.rendered, startFinding));
  const result = await fc.check(
    fc.asyncProperty(caseArbitrary, async (choice: Case) => {
      if (performance.now() > deadline) return true;
      const evaluated = await evaluateCase(runner, start.index, choice);
      if (!showsSameBug(evaluated, finding, allowed)) return true;
      last = evaluated;
      return false;
    }),
    // The case is given as the only example: fast-check shrinks it without its generation context.
    { seed, examples: [[start.choice]], numRuns: 1 },
  );
  return result.failed ? last : undefined;
}

function toReproducer(scanned: Scanned, original: Finding, seed: number, shrunk: boolean, count: number): Reproducer {
  // Named after the shrunk case's own most telling finding of that side: shrinking for missing calls may
  // end on a case whose first difference is an error, and that error is what the bug is.
  const sameKind = scanned.verdict.findings.find((candidate) => candidate.side === original.side && candidate.kind === original.kind);
  const finding = (original.side === 'rule' ? sameKind : primaryFindings(scanned.verdict.findings).find((candidate) => candidate.side === original.side)) ?? sameKind ?? original;
  const tags = signatureTags(scanned.rendered, finding);
  const signature = `${finding.side}:${finding.kind}|${tags.join(' ')}`;
  return {
    name: reproducerName(finding.side, finding.kind, tags, signature),
    signature,
    side: finding.side,
    kind: finding.kind,
    count,
    seed,
    path: String(scanned.index),
    shrunk,
    tags,
    findings: scanned.verdict.findings,
    module: moduleOf(scanned.rendered),
    output: scanned.verdict.output,
  };
}
