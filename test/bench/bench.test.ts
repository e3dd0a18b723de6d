import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as BenchModule from '../../scripts/bench.js';
import type { BenchReport, LatencyStats } from '../../scripts/bench.js';

// The bench is imported dynamically, after stdout is watched, by the first test: output printed while its module
// graph loads (e.g. the top-level 'natural' entry prints) would break `--json`.
async function loadBench(): Promise<typeof BenchModule> {
  return import('../../scripts/bench.js');
}

afterEach(() => {
  vi.restoreAllMocks();
});

function expectLatency(stats: LatencyStats): void {
  expect(stats.samples).toBeGreaterThan(0);
  for (const value of [stats.p50Ms, stats.p99Ms, stats.meanMs, stats.maxMs]) {
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  }
  expect(stats.p99Ms).toBeGreaterThanOrEqual(stats.p50Ms);
  expect(stats.maxMs).toBeGreaterThanOrEqual(stats.p99Ms);
}

describe('runBench (quick)', () => {
  // About 30 s on a quiet machine; 140 s were seen at load 12 on two cores. The timeout only guards against a hang.
  it('measures both corpora, fuse.js and MiniSearch and the processes, printing nothing', { timeout: 240_000 }, async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    // Vitest routes console.* around process.stdout, so watch those too.
    for (const method of ['log', 'info', 'debug', 'dir', 'table'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        written.push(args.map(String).join(' '));
      });
    }
    const { runBench, formatReport } = await loadBench();
    const progress: string[] = [];
    const report: BenchReport = await runBench({ quick: true, onProgress: (message) => progress.push(message) });
    vi.restoreAllMocks();
    // The bench (and whatever it imports) must leave stdout to the report.
    expect(written.join('')).toBe('');
    expect(progress.length).toBeGreaterThan(3);

    expect(report.quick).toBe(true);
    expect(report.queries.onTopic).toBeGreaterThanOrEqual(30);
    expect(report.queries.offTopic).toBeGreaterThan(0);
    expect(report.queries.typos).toBeGreaterThan(0);
    expect(report.queries.firstSeen[0]).toBeGreaterThan(0);
    expect(report.queries.firstSeen[1]).toBeGreaterThan(0);
    expect(report.bundled.documents).toBe(1);
    expect(report.bundled.passages).toBeGreaterThan(20);
    expect(report.scaled.documents).toBeGreaterThan(50);
    expect(report.scaled.passages).toBeGreaterThan(9_000);
    expect(report.scaled.passages).toBeLessThan(11_000);
    expect(report.scaled.generateMs).toBeGreaterThan(0);
    for (const corpus of [report.bundled, report.scaled]) {
      expect(corpus.minisearch.latency.samples).toBeGreaterThan(0);
      expect(corpus.minisearchRatio.p50).toBeGreaterThan(0);
      expect(corpus.build.ms).toBeGreaterThan(0);
      expect(Number.isFinite(corpus.build.heapUsedDeltaMb)).toBe(true);
      expect(Number.isFinite(corpus.build.externalDeltaMb)).toBe(true);
      expect(corpus.build.rssMb).toBeGreaterThan(0);
      expect(corpus.firstAnswerMs).toBeGreaterThan(0);
      expectLatency(corpus.latency);
      // First-seen questions are asked once each, so they are a separate distribution.
      expect(corpus.firstSeen).not.toBeNull();
      if (corpus.firstSeen !== null) expectLatency(corpus.firstSeen);
      // The later half is a part of the first-seen questions, timed on the same run, not another run.
      expect(corpus.firstSeenLaterHalf).not.toBeNull();
      if (corpus.firstSeen !== null && corpus.firstSeenLaterHalf !== null) {
        expectLatency(corpus.firstSeenLaterHalf);
        expect(corpus.firstSeenLaterHalf.samples).toBe(Math.floor(corpus.firstSeen.samples / 2));
        expect(corpus.firstSeenLaterHalf.maxMs).toBeLessThanOrEqual(corpus.firstSeen.maxMs);
      }
      expectLatency(corpus.fuse.latency);
      expect(corpus.fuse.build.ms).toBeGreaterThan(0);
      expect(corpus.speedup.p50).toBeGreaterThan(0);
      expect(corpus.speedup.p99).toBeGreaterThan(0);
      // Highlighting is measured against the same answerer without it, on the same questions.
      expectLatency(corpus.highlighting.repeated.with);
      expectLatency(corpus.highlighting.repeated.without);
      expect(corpus.highlighting.repeated.ratioP50).toBeCloseTo(corpus.highlighting.repeated.with.p50Ms / corpus.highlighting.repeated.without.p50Ms, 10);
      expect(corpus.highlighting.firstSeen).not.toBeNull();
    }
    expect(report.process.bareNode.p50Ms).toBeGreaterThan(0);
    expect(report.process.bareNode.maxMs).toBeGreaterThanOrEqual(report.process.bareNode.p50Ms);
    if (report.process.ask === null) expect(report.process.askSkipped).toMatch(/not found/);
    else expect(report.process.ask.p50Ms).toBeGreaterThan(0);
    expect(report.targets.map((t) => t.name)).toEqual([
      'bundled answer p99',
      '10k answer p99',
      'bundled first-seen p99',
      '10k first-seen p99',
      '10k speed-up vs fuse (p50)',
      '10k speed-up vs fuse (p99)',
      'bundled highlighting p50 ratio',
      '10k highlighting p50 ratio',
      'ask process p50',
      'ask process max',
    ]);

    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const text = formatReport(report);
    expect(text).toContain('QUICK');
    expect(text).toContain('10k scaled');
    expect(text).toMatch(/speed-up fuse\/ours p99/);
    expect(text).toMatch(/bundled answer p99 .*(PASS|FAIL)/);
    expect(text).toMatch(/bundled highlighting p50 ratio .*(PASS|FAIL)/);
  });
});

describe('bench helpers', () => {
  it('computes nearest-rank percentiles', async () => {
    const { percentile, summarize } = await loadBench();
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
    expect(() => percentile([], 50)).toThrow(/^bench: /);
    expect(summarize([3, 1, 2])).toMatchObject({ samples: 3, p50Ms: 2, maxMs: 3, meanMs: 2 });
  });

  it('adds exactly one typo to a word of four letters or more', async () => {
    const { addTypo } = await loadBench();
    const { createRandom } = await import('../../scripts/generate-corpus.js');
    const question = 'how long do you keep my data';
    const typo = addTypo(createRandom(5), question);
    expect(typo).not.toBe(question);
    const changed = typo.split(' ').filter((word, i) => word !== question.split(' ')[i]);
    expect(changed).toHaveLength(1);
    expect(addTypo(createRandom(5), 'a b c')).toBe('a b c');
  });

  it('parses its options and rejects unknown ones', async () => {
    const { parseBenchArgs } = await loadBench();
    expect(parseBenchArgs(['--quick', '--json'])).toEqual({ quick: true, json: true });
    expect(parseBenchArgs(['--passages', '500'])).toEqual({ targetPassages: 500 });
    expect(() => parseBenchArgs(['--fast'])).toThrow(/^bench: unknown option --fast/);
    expect(() => parseBenchArgs(['--passages', 'lots'])).toThrow(/^bench: --passages/);
  });
});

describe('selectQueries', () => {
  it('keeps first-seen questions out of the repeated mix and apart between corpora', async () => {
    const { selectQueries } = await loadBench();
    const { readFileSync } = await import('node:fs');
    const questions = JSON.parse(readFileSync(new URL('../../eval/sets/datarobot-privacy-policy.dev-rounds1-10.json', import.meta.url), 'utf8')) as {
      onTopic: { q: string }[];
      offTopic: { q: string }[];
    };
    const queries = selectQueries(questions, 1);
    expect(queries.onTopic).toHaveLength(40);
    expect(queries.all).toEqual([...queries.onTopic, ...queries.offTopic, ...queries.typos]);
    const mix = new Set(queries.all);
    const [bundled, scaled] = queries.firstSeen;
    expect(bundled.length).toBeGreaterThan(20);
    expect(scaled.length).toBeGreaterThan(20);
    for (const q of [...bundled, ...scaled]) expect(mix.has(q)).toBe(false);
    expect(bundled.filter((q) => scaled.includes(q))).toEqual([]);
    expect(selectQueries(questions, 1)).toEqual(queries);
  });
});

describe('the runtime the bench measures', () => {
  it('runs node with the V8 flags of `npm start`, so its latencies are the served process\'s', async () => {
    const { readFile } = await import('node:fs/promises');
    const scripts = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const v8Flags = (script: string | undefined): string[] => (script ?? '').split(/\s+/).filter((word) => word.startsWith('--v8-'));
    expect(v8Flags(scripts.start).length).toBeGreaterThan(0);
    expect(v8Flags(scripts.bench)).toEqual(v8Flags(scripts.start));
  });
});
