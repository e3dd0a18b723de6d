/**
 * Benchmark of the answerer: index build time and memory, answer latency (p50/p99) on the bundled policy and on a
 * generated ~10,000-passage corpus, side by side with a fuse.js baseline over the same passages, the cost of
 * highlighting (answering with and without it, interleaved), plus the wall time of the whole `ask` CLI process next
 * to a bare `node -e 0`. Questions come from the bundled policy's dev set (never from a held-out set).
 *
 * Run: `npm run build && npm run bench` (`--quick` for a smoke run, `--json` for one JSON object on stdout).
 * Only the report goes to stdout; nothing here imports the top-level 'natural' (it prints on import).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { createAnswerer } from '../src/answerer.js';
import { loadCorpus } from '../src/corpus/load.js';
import { isEntryPoint, projectRoot } from '../src/paths.js';
import { splitPassages } from '../src/search/passages.js';
import type { Answerer, PolicyDocument } from '../src/types.js';
import { readQuestionSet } from './eval-sets.js';
import { createRandom, defaultGenerateCorpusOptions, generateCorpus } from './generate-corpus.js';
import type { Random } from './generate-corpus.js';

/** Iteration counts of one benchmark run. */
export interface BenchIterations {
  /** Unmeasured passes over the query mix before measuring (JIT warm-up). */
  warmupRounds: number;
  /** Measured passes over the query mix, bundled policy. */
  bundledRounds: number;
  /** Measured passes over the query mix, scaled corpus. */
  scaledRounds: number;
  /** Measured passes of fuse.js over the query mix, bundled policy. */
  fuseBundledRounds: number;
  /** Measured fuse.js queries at 10k (fuse is slow there; ≥ 100 keeps p99 meaningful). */
  fuseScaledQueries: number;
  /** Measured `ask` / `node -e 0` process runs, after one warm-up run each. */
  processRuns: number;
  /** First-seen questions per corpus (at most; the question file decides). */
  firstSeenQueries: number;
  /** Other questions a separate answerer answers first, so the process is warm as a served one is. */
  firstSeenWarmupQueries: number;
}

/** Options of {@link runBench}; see {@link parseBenchArgs} for the command line. */
export interface BenchOptions {
  /** Fewer iterations: a smoke run for tests, numbers only indicative. */
  quick: boolean;
  /** Print one JSON object instead of the table. */
  json: boolean;
  /** Passages of the scaled corpus. */
  targetPassages: number;
  /** Seed of the corpus generator and of the typo'd queries. */
  seed: number;
  /** The bundled policy file. */
  corpusPath: string;
  /** Questions the query mix is taken from (`{ onTopic: [{ q }], offTopic: [{ q }] }`). */
  questionsPath: string;
  /** The built `ask` CLI, timed as a whole process. */
  askScriptPath: string;
  /** The question the `ask` process answers. */
  askQuestion: string;
  /** Called at each phase (the CLI writes these to stderr: the full run takes minutes, fuse at 10k most of it). */
  onProgress: (message: string) => void;
}

/** Full-run iteration counts. */
export const fullIterations: BenchIterations = {
  warmupRounds: 20,
  bundledRounds: 50,
  scaledRounds: 20,
  fuseBundledRounds: 10,
  fuseScaledQueries: 100,
  processRuns: 10,
  firstSeenQueries: 1000,
  firstSeenWarmupQueries: 1000,
};

/** Quick-run iteration counts (smoke test: structure, not numbers). */
export const quickIterations: BenchIterations = {
  warmupRounds: 2,
  bundledRounds: 3,
  scaledRounds: 2,
  fuseBundledRounds: 1,
  fuseScaledQueries: 2,
  processRuns: 2,
  firstSeenQueries: 20,
  firstSeenWarmupQueries: 20,
};

/** Defaults: full run, table output, ~10,000 passages. */
export const defaultBenchOptions: BenchOptions = {
  quick: false,
  json: false,
  targetPassages: 10_000,
  seed: defaultGenerateCorpusOptions.seed,
  corpusPath: join(projectRoot, 'corpus', 'datarobot-privacy-policy.md'),
  questionsPath: join(projectRoot, 'eval', 'sets', 'datarobot-privacy-policy.dev-rounds1-10.json'),
  askScriptPath: join(projectRoot, 'dist', 'src', 'cli', 'ask.js'),
  askQuestion: 'how long do you keep my data',
  onProgress: () => {},
};

/** The performance targets the report checks. */
export const benchTargets = {
  bundledP99Ms: 1,
  scaledP99Ms: 5,
  fuseSpeedupAtScale: 20,
  askProcessMs: 1000,
  /** Highlighting may add less than 20 % to the answer's p50 (issue #11). */
  highlightingRatioP50: 1.2,
} as const;

/** Latency distribution of one measured phase, in milliseconds. */
export interface LatencyStats {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /**
   * The question with the highest median over the measured rounds: robust to a preempted sample, so it tells
   * an inherently slow query from scheduler noise in p99/max.
   */
  slowestQuery?: { question: string; medianMs: number };
}

/** Cost of building an index: wall time and what stayed allocated after a GC. */
export interface BuildStats {
  ms: number;
  /** Heap used by the index (difference before/after, after GC when available). */
  heapUsedDeltaMb: number;
  /** Off-heap memory of the index (typed arrays' buffers live here, not in the heap). */
  externalDeltaMb: number;
  /** RSS growth while building (noisy: the allocator keeps pages). */
  rssDeltaMb: number;
  /** Process totals after the build. */
  heapUsedMb: number;
  rssMb: number;
}

/** One corpus: our answerer and the fuse.js baseline on the same passages and queries. */
export interface CorpusBench {
  name: 'bundled' | 'scaled';
  documents: number;
  /** Passages in the answerer's index. */
  passages: number;
  /** `answerer` when the answerer exposes its passages, `estimate` when counted with `splitPassages`. */
  passageSource: 'answerer' | 'estimate';
  /** Time to generate the documents (scaled corpus only). */
  generateMs?: number;
  build: BuildStats;
  /** The first answer after building, measured alone (lazy work shows here). */
  firstAnswerMs: number;
  /** The query mix, repeated: what a warm cache of words sees. */
  latency: LatencyStats;
  /**
   * Questions this answerer has not answered before, each asked once (after the mix), half of them misspelt: per-word
   * caches miss, as they do on live traffic. A separate answerer first answers other questions about the policy, so
   * the process is warm as a served one is (V8 has compiled the paths new words take). Empty when there were none.
   */
  firstSeen: LatencyStats | null;
  /**
   * The second half of the first-seen questions alone: this answerer's caches are warmer by then. Null when there
   * were none.
   */
  firstSeenLaterHalf: LatencyStats | null;
  /** Questions a separate answerer answered before the first-seen ones were timed. */
  firstSeenWarmup: number;
  /** Those questions' own latency: first-seen questions in a process that had answered only the repeated mix. */
  firstSeenColdProcess: LatencyStats | null;
  fuse: { build: BuildStats; latency: LatencyStats };
  /** fuse / ours: how many times faster the answerer is. */
  speedup: { p50: number; p99: number };
  /** MiniSearch (BM25 with prefix and fuzzy terms), a second baseline on the same passages and the answerer's queries. */
  minisearch: { build: BuildStats; latency: LatencyStats };
  /** MiniSearch / ours at p50 and p99: above 1 means the answerer is faster. */
  minisearchRatio: { p50: number; p99: number };
  /** What highlighting the answering sentences costs. */
  highlighting: HighlightingCost;
}

/** Latency with and without highlighting on the same questions, and the ratio of the p50s. */
export interface HighlightingPair {
  with: LatencyStats;
  without: LatencyStats;
  /** with / without at p50: 1.10 means highlighting adds 10 % to an answer. */
  ratioP50: number;
}

/**
 * Answering with highlighting (the measured answerer) and without (a second answerer over the same documents with
 * `features.highlights` off), interleaved question by question with the order alternating, so both see the same
 * machine load and the same shared caches.
 */
export interface HighlightingCost {
  /** The repeated query mix. */
  repeated: HighlightingPair;
  /** Questions neither answerer has seen, each asked once of both; null when there were none. */
  firstSeen: HighlightingPair | null;
}

/** Wall time of a whole process, in milliseconds. */
export interface ProcessStats {
  command: string;
  runs: number;
  p50Ms: number;
  maxMs: number;
}

/** One target check line. */
export interface TargetCheck {
  name: string;
  target: string;
  actual: number | null;
  unit: 'ms' | '×';
  pass: boolean | null;
}

/** Everything one run measured. */
export interface BenchReport {
  environment: {
    node: string;
    platform: string;
    cpu: string;
    cores: number;
    gcExposed: boolean;
    /** The node flags the bench runs with (`npm run bench` passes those of `npm start`, `--v8-pool-size=1`). */
    nodeFlags: string[];
    /** 1-minute load average at start and end: above the core count, latency tails measure the scheduler. */
    loadAverage: { start: number; end: number };
  };
  quick: boolean;
  iterations: BenchIterations;
  queries: { onTopic: number; offTopic: number; typos: number; total: number; firstSeen: [number, number]; firstSeenWarmup: number };
  bundled: CorpusBench;
  scaled: CorpusBench;
  process: { ask: ProcessStats | null; askSkipped?: string; bareNode: ProcessStats };
  targets: TargetCheck[];
}

interface QuestionFile {
  onTopic: { q: string }[];
  offTopic: { q: string }[];
}

/** A passage as the fuse.js baseline indexes it. */
interface FusePassage {
  text: string;
  section: string[];
}

/**
 * Nearest-rank percentile of an ascending array.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // => 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('bench: percentile of no samples');
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/**
 * Summarizes latency samples (ms).
 *
 * @example
 * summarize([0.2, 0.1, 0.4]).p50Ms // => 0.2
 */
export function summarize(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    samples: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sum / sorted.length,
    maxMs: sorted[sorted.length - 1] as number,
  };
}

/**
 * A realistic misspelling: one adjacent swap, dropped or doubled letter in a word of four letters or more.
 *
 * @example
 * addTypo(createRandom(1), 'how long do you keep my data') // e.g. "how lnog do you keep my data"
 */
export function addTypo(random: Random, question: string): string {
  const words = question.split(' ');
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => /^[a-z]{4,}$/i.test(word));
  if (candidates.length === 0) return question;
  const { word, index } = candidates[Math.floor(random() * candidates.length)] as { word: string; index: number };
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  let typo: string;
  if (kind === 0) typo = word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  else if (kind === 1) typo = word.slice(0, at) + word.slice(at + 1);
  else typo = word.slice(0, at) + (word[at] ?? '') + word.slice(at);
  words[index] = typo;
  return words.join(' ');
}

// Typos people actually make, on top of the generated ones.
const HANDWRITTEN_TYPOS = [
  'how lng do u keep my dta',
  'delet my acount pls',
  'do u sel my informations',
  'cokies turn of',
  'gdrp rigths europe',
];

/**
 * The fixed query mix: ~40 on-topic and ~10 off-topic questions (evenly spaced, so every topic is in),
 * plus typo'd variants.
 *
 * @example
 * selectQueries(JSON.parse(readFileSync('eval/sets/datarobot-privacy-policy.dev-rounds1-10.json', 'utf8')), 1).all.length // => about 60
 */
export function selectQueries(
  questions: QuestionFile,
  seed: number,
): { onTopic: string[]; offTopic: string[]; typos: string[]; all: string[]; firstSeen: [string[], string[]] } {
  const spaced = (items: readonly { q: string }[], count: number): string[] => {
    if (items.length <= count) return items.map((item) => item.q);
    const step = items.length / count;
    return Array.from({ length: count }, (_, i) => (items[Math.floor(i * step)] as { q: string }).q);
  };
  const onTopic = spaced(questions.onTopic, 40);
  const offTopic = spaced(questions.offTopic, 10);
  const random = createRandom(seed);
  const typos = [...spaced(questions.onTopic.slice(1), 8).map((q) => addTypo(random, q)), ...HANDWRITTEN_TYPOS];
  const all = [...onTopic, ...offTopic, ...typos];
  // First-seen questions: the questions outside the mix, half for each corpus, each with a double-typo'd
  // twin (misspellings are words no cache has seen).
  const inMix = new Set(all);
  const unseen = [...questions.onTopic, ...questions.offTopic].map((item) => item.q).filter((q) => !inMix.has(q));
  const firstSeen: [string[], string[]] = [[], []];
  unseen.forEach((q, i) => {
    const set = firstSeen[i % 2] as string[];
    set.push(q, addTypo(random, addTypo(random, q)));
  });
  return { onTopic, offTopic, typos, all, firstSeen };
}

/** The question set the bench and the stress run draw from, read and checked as `npm run eval` reads it. */
export function readBenchQuestions(path: string): QuestionFile {
  const set = readQuestionSet(path);
  if (set.onTopic.length === 0) throw new Error(`bench: ${path} has no on-topic questions`);
  return set;
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

function collectGarbage(): void {
  // Twice: the first pass can leave objects with finalizers for the second.
  gc?.();
  gc?.();
}

const MB = 1024 * 1024;

function measureBuild<T>(build: () => T): { value: T; stats: BuildStats } {
  collectGarbage();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  const value = build();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  collectGarbage();
  const after = process.memoryUsage();
  return {
    value,
    stats: {
      ms,
      heapUsedDeltaMb: (after.heapUsed - before.heapUsed) / MB,
      externalDeltaMb: (after.external - before.external) / MB,
      rssDeltaMb: (after.rss - before.rss) / MB,
      heapUsedMb: after.heapUsed / MB,
      rssMb: after.rss / MB,
    },
  };
}

function timeOnce(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function timeQueries(
  run: (query: string) => unknown,
  queries: readonly string[],
  rounds: number,
  warmupRounds: number,
  /** Receives every sample, in the order taken. */
  samplesOut?: number[],
): LatencyStats {
  for (let round = 0; round < warmupRounds; round++) for (const query of queries) run(query);
  const samples: number[] = [];
  const perQuery = queries.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    queries.forEach((query, i) => {
      const ms = timeOnce(() => run(query));
      samples.push(ms);
      perQuery[i]?.push(ms);
    });
  }
  let slowestQuery: LatencyStats['slowestQuery'];
  perQuery.forEach((times, i) => {
    if (times.length === 0) return;
    const medianMs = percentile(times.sort((a, b) => a - b), 50);
    if (slowestQuery === undefined || medianMs > slowestQuery.medianMs) slowestQuery = { question: queries[i] ?? '', medianMs };
  });
  samplesOut?.push(...samples);
  return { ...summarize(samples), ...(slowestQuery === undefined ? {} : { slowestQuery }) };
}

/** Times two answerers on the same questions, alternating which goes first. */
function timePair(withHighlights: Answerer, without: Answerer, queries: readonly string[], rounds: number, warmupRounds: number): HighlightingPair {
  for (let round = 0; round < warmupRounds; round++) {
    for (const query of queries) {
      withHighlights.answer(query);
      without.answer(query);
    }
  }
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    queries.forEach((query, i) => {
      if ((i + round) % 2 === 0) {
        withMs.push(timeOnce(() => withHighlights.answer(query)));
        withoutMs.push(timeOnce(() => without.answer(query)));
      } else {
        withoutMs.push(timeOnce(() => without.answer(query)));
        withMs.push(timeOnce(() => withHighlights.answer(query)));
      }
    });
  }
  const pair = { with: summarize(withMs), without: summarize(withoutMs) };
  return { ...pair, ratioP50: pair.with.p50Ms / pair.without.p50Ms };
}

/**
 * The cost of highlighting: `answerer` (highlighting on) against a second answerer over the same documents with
 * highlighting off, on the repeated mix and on questions neither has seen.
 */
function measureHighlighting(answerer: Answerer, documents: PolicyDocument[], queries: readonly string[], rounds: number, warmupRounds: number, unseen: readonly string[]): HighlightingCost {
  const without = createAnswerer(documents, { features: { highlights: false } });
  const repeated = timePair(answerer, without, queries, rounds, warmupRounds);
  collectGarbage();
  return { repeated, firstSeen: unseen.length === 0 ? null : timePair(answerer, without, unseen, 1, 0) };
}

/** Passages the answerer exposes, if it does (`passages` array or `passageCount`), else undefined. */
function exposedPassages(answerer: Answerer): { count: number; passages?: FusePassage[] } | undefined {
  const candidate = answerer as unknown as { passages?: unknown; passageCount?: unknown };
  if (Array.isArray(candidate.passages)) {
    const passages = candidate.passages as { text?: unknown; section?: unknown }[];
    const usable = passages.every((p) => typeof p.text === 'string' && Array.isArray(p.section));
    return { count: passages.length, passages: usable ? (passages as FusePassage[]) : undefined };
  }
  if (typeof candidate.passageCount === 'number') return { count: candidate.passageCount };
  return undefined;
}

/** The same cut the answerer makes (`splitPassages`), for fuse when the answerer does not expose its passages. */
function cutPassages(documents: readonly PolicyDocument[]): FusePassage[] {
  const passages: FusePassage[] = [];
  for (const document of documents) {
    for (const section of document.sections) {
      for (const span of splitPassages(section.text)) {
        passages.push({ text: section.text.slice(span.start, span.end), section: section.path });
      }
    }
  }
  return passages;
}

function benchCorpus(
  name: CorpusBench['name'],
  documents: PolicyDocument[],
  queries: readonly string[],
  rounds: {
    ours: number;
    warmup: number;
    firstSeen: readonly string[];
    /** Questions a separate answerer over the same documents answers before the first-seen ones are timed. */
    firstSeenWarmup: readonly string[];
    /** Other unseen questions, for the first-seen cost of highlighting. */
    highlightFirstSeen: readonly string[];
    fuseQueries: readonly string[];
    fuseRounds: number;
    fuseWarmup: number;
  },
  generateMs?: number,
): CorpusBench {
  const { value: answerer, stats: build } = measureBuild(() => createAnswerer(documents));
  const firstStart = process.hrtime.bigint();
  answerer.answer(queries[0] ?? 'data retention');
  const firstAnswerMs = Number(process.hrtime.bigint() - firstStart) / 1e6;
  const latency = timeQueries((query) => answerer.answer(query), queries, rounds.ours, rounds.warmup);
  // The repeated mix leaves thousands of answers' garbage behind; collected here, it is not billed to the first
  // first-seen questions (live traffic spreads that cost over all questions).
  collectGarbage();
  // A served process has answered other new questions before: V8 has compiled the paths new words take. Another
  // answerer does the warming, so this one's caches are still cold for the timed questions.
  const firstSeenWarmup = rounds.firstSeenWarmup.length;
  let firstSeenColdProcess: LatencyStats | null = null;
  if (firstSeenWarmup > 0) {
    // Timed too: these are first-seen questions in a process that has seen none before.
    const warm = createAnswerer(documents);
    firstSeenColdProcess = timeQueries((query) => warm.answer(query), rounds.firstSeenWarmup, 1, 0);
    collectGarbage();
  }
  const firstSeenSamples: number[] = [];
  const firstSeen = rounds.firstSeen.length === 0 ? null : timeQueries((query) => answerer.answer(query), rounds.firstSeen, 1, 0, firstSeenSamples);
  const laterHalf = firstSeenSamples.slice(Math.ceil(firstSeenSamples.length / 2));
  const firstSeenLaterHalf = laterHalf.length === 0 ? null : summarize(laterHalf);
  collectGarbage();
  const highlighting = measureHighlighting(answerer, documents, queries, rounds.ours, rounds.warmup, rounds.highlightFirstSeen);
  collectGarbage();
  const exposed = exposedPassages(answerer);
  const fusePassages = exposed?.passages ?? cutPassages(documents);
  collectGarbage();

  // Baseline: Fuse defaults (threshold 0.6, location 0, distance 100, ignoreLocation false) with keys text and
  // section: what a team reaching for fuzzy search would write first. Not tuned, deliberately.
  const { value: fuse, stats: fuseBuild } = measureBuild(() => new Fuse(fusePassages, { keys: ['text', 'section'] }));
  const fuseLatency = timeQueries((query) => fuse.search(query, { limit: 3 }), rounds.fuseQueries, rounds.fuseRounds, rounds.fuseWarmup);
  collectGarbage();

  // Second baseline: MiniSearch over the same passages, text and section path, with its documented "search as you
  // type" options (prefix and fuzzy 0.2), on the same query mix as the answerer: a fast lexical index built for this.
  const { value: minisearch, stats: minisearchBuild } = measureBuild(() => {
    const index = new MiniSearch<FusePassage & { id: number }>({ fields: ['text', 'section'], extractField: (doc, field) => (field === 'section' ? doc.section.join(' ') : String(doc[field as keyof typeof doc])) });
    index.addAll(fusePassages.map((passage, id) => ({ ...passage, id })));
    return index;
  });
  const minisearchLatency = timeQueries((query) => minisearch.search(query, { prefix: true, fuzzy: 0.2 }).slice(0, 3), queries, rounds.ours, rounds.warmup);
  collectGarbage();
  return {
    name,
    documents: documents.length,
    passages: exposed?.count ?? fusePassages.length,
    passageSource: exposed === undefined ? 'estimate' : 'answerer',
    ...(generateMs === undefined ? {} : { generateMs }),
    build,
    firstAnswerMs,
    latency,
    firstSeen,
    firstSeenLaterHalf,
    firstSeenWarmup,
    firstSeenColdProcess,
    fuse: { build: fuseBuild, latency: fuseLatency },
    speedup: { p50: fuseLatency.p50Ms / latency.p50Ms, p99: fuseLatency.p99Ms / latency.p99Ms },
    minisearch: { build: minisearchBuild, latency: minisearchLatency },
    minisearchRatio: { p50: minisearchLatency.p50Ms / latency.p50Ms, p99: minisearchLatency.p99Ms / latency.p99Ms },
    highlighting,
  };
}

function timeProcess(command: string, args: readonly string[], runs: number): ProcessStats {
  const once = (): number => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error !== undefined || result.status !== 0) {
      const detail = result.error?.message ?? result.stderr.trim().split('\n').slice(-3).join(' / ');
      throw new Error(`bench: \`${command}\` failed (exit ${result.status}): ${detail}`);
    }
    return ms;
  };
  once(); // warm the file system cache and compile cache
  const samples = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { command, runs, p50Ms: percentile(samples, 50), maxMs: samples[samples.length - 1] as number };
}

function check(name: string, target: string, actual: number | null, unit: TargetCheck['unit'], pass: (value: number) => boolean): TargetCheck {
  return { name, target, actual, unit, pass: actual === null ? null : pass(actual) };
}

/**
 * Runs the whole benchmark and returns the numbers (prints nothing).
 *
 * @example
 * const report = await runBench({ quick: true });
 * console.log(formatReport(report));
 */
export async function runBench(options: Partial<BenchOptions> = {}): Promise<BenchReport> {
  const settings: BenchOptions = { ...defaultBenchOptions, ...options };
  const loadAtStart = loadavg()[0] ?? 0;
  const iterations = settings.quick ? quickIterations : fullIterations;
  const queries = selectQueries(readBenchQuestions(settings.questionsPath), settings.seed);
  // Each corpus times one half of the unseen questions and warms up on the other half's highlighting questions: a
  // served process has answered other questions about its policy before (V8 has compiled the paths new words
  // take, the thread's word caches hold the policy's words), while the timed answerer's own caches stay cold.
  const warmupQuestions = (half: 0 | 1): string[] => queries.firstSeen[half].slice(2 * iterations.firstSeenQueries - iterations.firstSeenWarmupQueries).slice(0, iterations.firstSeenWarmupQueries);

  const progress = settings.onProgress;
  progress(`bench: loading ${settings.corpusPath}`);
  const bundledDocuments = loadCorpus([settings.corpusPath]);
  const fuseScaledQueries = Array.from(
    { length: Math.max(1, iterations.fuseScaledQueries) },
    (_, i) => queries.all[i % queries.all.length] as string,
  );
  progress('bench: bundled policy (ours, then fuse.js)');
  const bundled = benchCorpus('bundled', bundledDocuments, queries.all, {
    ours: iterations.bundledRounds,
    warmup: iterations.warmupRounds,
    firstSeen: queries.firstSeen[0].slice(0, iterations.firstSeenQueries),
    firstSeenWarmup: warmupQuestions(1),
    highlightFirstSeen: queries.firstSeen[0].slice(iterations.firstSeenQueries, 2 * iterations.firstSeenQueries),
    fuseQueries: queries.all,
    fuseRounds: iterations.fuseBundledRounds,
    fuseWarmup: settings.quick ? 0 : 1,
  });

  progress(`bench: generating ~${settings.targetPassages} passages`);
  const generateStart = process.hrtime.bigint();
  const scaledDocuments = generateCorpus(bundledDocuments, { targetPassages: settings.targetPassages, seed: settings.seed });
  const generateMs = Number(process.hrtime.bigint() - generateStart) / 1e6;
  progress(`bench: scaled corpus (ours, then ${fuseScaledQueries.length} fuse.js queries: the slow part)`);
  const scaled = benchCorpus(
    'scaled',
    scaledDocuments,
    queries.all,
    {
      ours: iterations.scaledRounds,
      warmup: Math.max(1, Math.ceil(iterations.warmupRounds / 4)),
      firstSeen: queries.firstSeen[1].slice(0, iterations.firstSeenQueries),
      firstSeenWarmup: warmupQuestions(0),
      highlightFirstSeen: queries.firstSeen[1].slice(iterations.firstSeenQueries, 2 * iterations.firstSeenQueries),
      fuseQueries: fuseScaledQueries,
      fuseRounds: 1,
      fuseWarmup: 0,
    },
    generateMs,
  );

  progress('bench: process start-up (node -e 0, ask)');
  const bareNode = timeProcess('node -e 0', ['-e', '0'], iterations.processRuns);
  let ask: ProcessStats | null = null;
  let askSkipped: string | undefined;
  if (existsSync(settings.askScriptPath)) {
    ask = timeProcess(`node dist/src/cli/ask.js "${settings.askQuestion}"`, [settings.askScriptPath, settings.askQuestion], iterations.processRuns);
  } else {
    askSkipped = `${settings.askScriptPath} not found (run npm run build)`;
  }

  const targets: TargetCheck[] = [
    check('bundled answer p99', `< ${benchTargets.bundledP99Ms} ms`, bundled.latency.p99Ms, 'ms', (v) => v < benchTargets.bundledP99Ms),
    check('10k answer p99', `< ${benchTargets.scaledP99Ms} ms`, scaled.latency.p99Ms, 'ms', (v) => v < benchTargets.scaledP99Ms),
    check('bundled first-seen p99', `< ${benchTargets.bundledP99Ms} ms`, bundled.firstSeen?.p99Ms ?? null, 'ms', (v) => v < benchTargets.bundledP99Ms),
    check('10k first-seen p99', `< ${benchTargets.scaledP99Ms} ms`, scaled.firstSeen?.p99Ms ?? null, 'ms', (v) => v < benchTargets.scaledP99Ms),
    check('10k speed-up vs fuse (p50)', `≥ ${benchTargets.fuseSpeedupAtScale}×`, scaled.speedup.p50, '×', (v) => v >= benchTargets.fuseSpeedupAtScale),
    check('10k speed-up vs fuse (p99)', `≥ ${benchTargets.fuseSpeedupAtScale}×`, scaled.speedup.p99, '×', (v) => v >= benchTargets.fuseSpeedupAtScale),
    check('bundled highlighting p50 ratio', `< ${benchTargets.highlightingRatioP50}×`, bundled.highlighting.repeated.ratioP50, '×', (v) => v < benchTargets.highlightingRatioP50),
    check('10k highlighting p50 ratio', `< ${benchTargets.highlightingRatioP50}×`, scaled.highlighting.repeated.ratioP50, '×', (v) => v < benchTargets.highlightingRatioP50),
    check('ask process p50', `< ${benchTargets.askProcessMs} ms`, ask?.p50Ms ?? null, 'ms', (v) => v < benchTargets.askProcessMs),
    check('ask process max', `< ${benchTargets.askProcessMs} ms`, ask?.maxMs ?? null, 'ms', (v) => v < benchTargets.askProcessMs),
  ];

  return {
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      gcExposed: gc !== undefined,
      nodeFlags: [...process.execArgv],
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    },
    quick: settings.quick,
    iterations,
    queries: { onTopic: queries.onTopic.length, offTopic: queries.offTopic.length, typos: queries.typos.length, total: queries.all.length, firstSeen: [bundled.firstSeen?.samples ?? 0, scaled.firstSeen?.samples ?? 0], firstSeenWarmup: bundled.firstSeenWarmup },
    bundled,
    scaled,
    process: { ask, ...(askSkipped === undefined ? {} : { askSkipped }), bareNode },
    targets,
  };
}

function fmt(value: number, digits = 3): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(digits);
}

function fmtOpt(value: number | undefined): string {
  return value === undefined ? '-' : fmt(value);
}

function highlightCells(pair: HighlightingPair | null): string {
  return pair === null ? '-' : `${fmt(pair.with.p50Ms)} / ${fmt(pair.without.p50Ms)}`;
}

function ratioCell(pair: HighlightingPair | null): string {
  return pair === null ? '-' : `${fmt(pair.ratioP50)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '))
    .join('\n');
}

/**
 * Renders a report as a readable plain-text table with the target checks.
 *
 * @example
 * process.stdout.write(formatReport(await runBench({ quick: true })));
 */
export function formatReport(report: BenchReport): string {
  const { bundled, scaled } = report;
  const lines: string[] = [];
  lines.push(`Benchmark${report.quick ? ' (QUICK: smoke run, numbers indicative only)' : ''}`);
  lines.push(
    `node ${report.environment.node} ${report.environment.platform}, ${report.environment.cores}× ${report.environment.cpu}, gc ${report.environment.gcExposed ? 'exposed' : 'NOT exposed (memory deltas include garbage)'}, node flags: ${report.environment.nodeFlags.join(' ') || 'none'}`,
  );
  const { loadAverage, cores } = report.environment;
  lines.push(`load average (1 min): ${loadAverage.start.toFixed(2)} at start, ${loadAverage.end.toFixed(2)} at end`);
  if (Math.max(loadAverage.start, loadAverage.end) > cores) {
    lines.push(`WARNING: load above ${cores} cores: other processes compete for the CPU, so p99/max measure preemption too.`);
  }
  lines.push(
    `query mix: ${report.queries.total} (${report.queries.onTopic} on-topic, ${report.queries.offTopic} off-topic, ${report.queries.typos} typo'd), repeated; ` +
      `first-seen: ${report.queries.firstSeen[0]} + ${report.queries.firstSeen[1]} other dev questions (half misspelt), once each, after a separate answerer has answered ${report.queries.firstSeenWarmup} others (a served process's warm state; the timed answerer's caches cold)`,
  );
  lines.push('');
  lines.push(
    table([
      ['', 'bundled', '10k scaled'],
      ['documents', String(bundled.documents), String(scaled.documents)],
      ['passages', `${bundled.passages} (${bundled.passageSource})`, `${scaled.passages} (${scaled.passageSource})`],
      ['corpus generation ms', '-', scaled.generateMs === undefined ? '-' : fmt(scaled.generateMs)],
      ['ours: build ms', fmt(bundled.build.ms), fmt(scaled.build.ms)],
      ['ours: index heap used MB', fmt(bundled.build.heapUsedDeltaMb, 2), fmt(scaled.build.heapUsedDeltaMb, 2)],
      ['ours: index external MB', fmt(bundled.build.externalDeltaMb, 2), fmt(scaled.build.externalDeltaMb, 2)],
      ['ours: RSS growth MB', fmt(bundled.build.rssDeltaMb, 2), fmt(scaled.build.rssDeltaMb, 2)],
      ['ours: process RSS / heap MB', `${fmt(bundled.build.rssMb, 1)} / ${fmt(bundled.build.heapUsedMb, 1)}`, `${fmt(scaled.build.rssMb, 1)} / ${fmt(scaled.build.heapUsedMb, 1)}`],
      ['ours: first answer ms', fmt(bundled.firstAnswerMs), fmt(scaled.firstAnswerMs)],
      ['ours: answer p50 ms', fmt(bundled.latency.p50Ms), fmt(scaled.latency.p50Ms)],
      ['ours: answer p99 ms', fmt(bundled.latency.p99Ms), fmt(scaled.latency.p99Ms)],
      ['ours: answer max ms', fmt(bundled.latency.maxMs), fmt(scaled.latency.maxMs)],
      ['ours: slowest query, median ms', fmt(bundled.latency.slowestQuery?.medianMs ?? 0), fmt(scaled.latency.slowestQuery?.medianMs ?? 0)],
      ['ours: samples', String(bundled.latency.samples), String(scaled.latency.samples)],
      ['ours: first-seen p50 ms', fmtOpt(bundled.firstSeen?.p50Ms), fmtOpt(scaled.firstSeen?.p50Ms)],
      ['ours: first-seen p99 ms', fmtOpt(bundled.firstSeen?.p99Ms), fmtOpt(scaled.firstSeen?.p99Ms)],
      ['ours: first-seen max ms', fmtOpt(bundled.firstSeen?.maxMs), fmtOpt(scaled.firstSeen?.maxMs)],
      ['ours: first-seen p99 ms, later half only', fmtOpt(bundled.firstSeenLaterHalf?.p99Ms), fmtOpt(scaled.firstSeenLaterHalf?.p99Ms)],
      ['ours: first-seen p99 ms, cold process (warm-up)', fmtOpt(bundled.firstSeenColdProcess?.p99Ms), fmtOpt(scaled.firstSeenColdProcess?.p99Ms)],
      ['ours: first-seen samples', String(bundled.firstSeen?.samples ?? 0), String(scaled.firstSeen?.samples ?? 0)],
      ['fuse: build ms', fmt(bundled.fuse.build.ms), fmt(scaled.fuse.build.ms)],
      ['fuse: index heap used MB', fmt(bundled.fuse.build.heapUsedDeltaMb, 2), fmt(scaled.fuse.build.heapUsedDeltaMb, 2)],
      ['fuse: search p50 ms', fmt(bundled.fuse.latency.p50Ms), fmt(scaled.fuse.latency.p50Ms)],
      ['fuse: search p99 ms', fmt(bundled.fuse.latency.p99Ms), fmt(scaled.fuse.latency.p99Ms)],
      ['fuse: samples', String(bundled.fuse.latency.samples), String(scaled.fuse.latency.samples)],
      ['speed-up fuse/ours p50', `${fmt(bundled.speedup.p50, 1)}×`, `${fmt(scaled.speedup.p50, 1)}×`],
      ['speed-up fuse/ours p99', `${fmt(bundled.speedup.p99, 1)}×`, `${fmt(scaled.speedup.p99, 1)}×`],
      ['minisearch: build ms', fmt(bundled.minisearch.build.ms), fmt(scaled.minisearch.build.ms)],
      ['minisearch: index heap used MB', fmt(bundled.minisearch.build.heapUsedDeltaMb, 2), fmt(scaled.minisearch.build.heapUsedDeltaMb, 2)],
      ['minisearch: search p50 ms', fmt(bundled.minisearch.latency.p50Ms), fmt(scaled.minisearch.latency.p50Ms)],
      ['minisearch: search p99 ms', fmt(bundled.minisearch.latency.p99Ms), fmt(scaled.minisearch.latency.p99Ms)],
      ['minisearch/ours p50', `${fmt(bundled.minisearchRatio.p50, 2)}×`, `${fmt(scaled.minisearchRatio.p50, 2)}×`],
      ['minisearch/ours p99', `${fmt(bundled.minisearchRatio.p99, 2)}×`, `${fmt(scaled.minisearchRatio.p99, 2)}×`],
      ['highlighting: p50 ms with / without', highlightCells(bundled.highlighting.repeated), highlightCells(scaled.highlighting.repeated)],
      ['highlighting: p50 ratio', `${fmt(bundled.highlighting.repeated.ratioP50)}×`, `${fmt(scaled.highlighting.repeated.ratioP50)}×`],
      ['highlighting first-seen: p50 ms with / without', highlightCells(bundled.highlighting.firstSeen), highlightCells(scaled.highlighting.firstSeen)],
      ['highlighting first-seen: p50 ratio', ratioCell(bundled.highlighting.firstSeen), ratioCell(scaled.highlighting.firstSeen)],
    ]),
  );
  lines.push('');
  const processRows = [['process wall time', 'runs', 'p50 ms', 'max ms']];
  processRows.push([report.process.bareNode.command, String(report.process.bareNode.runs), fmt(report.process.bareNode.p50Ms, 1), fmt(report.process.bareNode.maxMs, 1)]);
  if (report.process.ask !== null) {
    processRows.push([report.process.ask.command, String(report.process.ask.runs), fmt(report.process.ask.p50Ms, 1), fmt(report.process.ask.maxMs, 1)]);
  }
  lines.push(table(processRows));
  if (report.process.askSkipped !== undefined) lines.push(`ask process: skipped, ${report.process.askSkipped}`);
  lines.push('');
  lines.push('Targets');
  lines.push(
    table(
      report.targets.map((target) => [
        target.name,
        target.target,
        target.actual === null ? 'n/a' : target.unit === '×' ? `${fmt(target.actual, 1)}×` : `${fmt(target.actual)} ms`,
        target.pass === null ? 'SKIP' : target.pass ? 'PASS' : 'FAIL',
      ]),
    ),
  );
  lines.push('');
  for (const corpus of [bundled, scaled]) {
    const slowest = corpus.latency.slowestQuery;
    if (slowest !== undefined) lines.push(`slowest query (${corpus.name}): ${fmt(slowest.medianMs)} ms median, "${slowest.question}"`);
    const slowestNew = corpus.firstSeen?.slowestQuery;
    if (slowestNew !== undefined) lines.push(`slowest first-seen question (${corpus.name}): ${fmt(slowestNew.medianMs)} ms, "${slowestNew.question}"`);
  }
  lines.push('fuse.js baseline: new Fuse(passages, { keys: [\'text\', \'section\'] }) with Fuse defaults, search(q, { limit: 3 }).');
  lines.push('MiniSearch baseline: fields text and section, search(q, { prefix: true, fuzzy: 0.2 }), top 3, on the repeated query mix.');
  return `${lines.join('\n')}\n`;
}

/**
 * Reads `--quick`, `--json` and `--passages <n>` from the command line.
 *
 * @example
 * parseBenchArgs(['--quick', '--json']) // => { quick: true, json: true }
 */
export function parseBenchArgs(argv: readonly string[]): Partial<BenchOptions> {
  const options: Partial<BenchOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--passages') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`bench: --passages needs a positive integer, got ${argv[i] ?? 'nothing'}`);
      options.targetPassages = value;
    } else throw new Error(`bench: unknown option ${arg} (use --quick, --json, --passages <n>)`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const report = await runBench({ ...options, onProgress: (message) => process.stderr.write(`${message}\n`) });
  process.stdout.write(options.json === true ? `${JSON.stringify(report)}\n` : formatReport(report));
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
