import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { analyzeModule } from '../../core/index.js';
import { configFor, OUR_PLUGINS, OUR_RULES, virtualFilename } from '../lint-setup.js';
import { generateCorpus, generateLongHandler, PER_INVOCATION_PLACEMENTS } from './index.js';
import type { GeneratedFile } from './index.js';

// The generated corpus is what bench:lint-speed's headline measures: it must be what it says. Every file
// parses; every handler module is recognised as one and is reported exactly when the generator put a
// resource where it runs per invocation; no other module has a handler. The same seed gives the same files.

const corpus = generateCorpus();
const linter = new Linter({ configType: 'flat' });

/** Our rules on a generated file: the fatal parse message if any, the handlers the analysis finds, our reports. */
function lint(file: GeneratedFile) {
  const messages = linter.verify(file.text, configFor(file.path, file.sourceType, OUR_RULES, { plugins: OUR_PLUGINS }), virtualFilename(file.path));
  const fatal = messages.find((message) => message.fatal)?.message;
  if (fatal) return { fatal, handlers: 0, reports: 0 };
  const sourceCode = linter.getSourceCode();
  const { handlers } = analyzeModule(sourceCode.ast as never, { scopeManager: sourceCode.scopeManager as never });
  return { fatal, handlers: handlers.length, reports: messages.filter((message) => message.ruleId?.startsWith('lambda-hygiene/')).length };
}

describe('the generated corpus (bench/corpus)', () => {
  it('is the same for the same seed, and different for another', () => {
    expect(generateCorpus({ handlers: 20, others: 20 })).toEqual(generateCorpus({ handlers: 20, others: 20 }));
    expect(generateCorpus({ seed: 14, handlers: 20, others: 0 }).handlers.map((file) => file.text)).not.toEqual(
      generateCorpus({ handlers: 20, others: 0 }).handlers.map((file) => file.text),
    );
  });

  it('varies what the rules meet: languages, module systems, handler shapes, placements, sizes', () => {
    const extensions = new Set(corpus.handlers.map((file) => file.path.split('.').pop()));
    expect([...extensions].sort()).toEqual(['cjs', 'js', 'mjs', 'mts', 'ts']);
    expect(new Set(corpus.handlers.map((file) => file.sourceType))).toEqual(new Set(['module', 'commonjs']));
    expect(new Set(corpus.handlers.map((file) => file.shape)).size).toBe(11);
    expect(new Set(corpus.handlers.flatMap((file) => file.placements)).size).toBe(12);
    expect(new Set(corpus.others.map((file) => file.kind)).size).toBe(7);
    const lengths = corpus.handlers.map((file) => file.text.split('\n').length);
    expect(Math.min(...lengths)).toBeLessThan(20);
    expect(Math.max(...lengths)).toBeGreaterThan(800);
  });

  it('parses, recognises every handler module, and reports exactly the per-invocation placements', () => {
    const results = corpus.handlers.map((file) => ({ file, ...lint(file) }));
    expect(results.filter((result) => result.fatal).map((result) => `${result.file.path}: ${result.fatal}`)).toEqual([]);
    // Every handler type aws-lambda exports counts, `APIGatewayProxyHandlerV2` included.
    expect(results.filter((result) => result.handlers === 0).map((result) => result.file.path)).toEqual([]);
    const misjudged = results
      .filter((result) => result.reports > 0 !== result.file.placements.some((placement) => PER_INVOCATION_PLACEMENTS.has(placement)))
      .map((result) => `${result.file.path} (${result.file.placements.join(', ')}): ${result.reports} reports`);
    expect(misjudged).toEqual([]);
  }, 60_000);

  it('has no handler in the other modules', () => {
    const results = corpus.others.map((file) => ({ file, ...lint(file) }));
    expect(results.filter((result) => result.fatal || result.handlers > 0 || result.reports > 0).map((result) => result.file.path)).toEqual([]);
  }, 60_000);

  it('writes a long handler module of the length asked for, with sites to report', () => {
    const file = generateLongHandler(2000);
    expect(Math.abs(file.text.split('\n').length - 2000)).toBeLessThanOrEqual(40);
    expect(file.path.endsWith('.ts')).toBe(true);
    expect(lint(file)).toMatchObject({ fatal: undefined, handlers: 1, reports: expect.any(Number) });
    expect(lint(file).reports).toBeGreaterThan(0);
  });
});
