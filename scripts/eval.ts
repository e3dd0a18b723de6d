/**
 * `npm run eval [-- --json] [-- --verbose] [-- --split dev|heldout|all] [-- --policy <name>]`: scores the answerer on every policy that has
 * question sets (eval/sets/, see scripts/eval-sets.ts), per policy and as the macro average over policies, next to
 * two baselines over the same passages: plain BM25 (stems, no synonyms, no spelling correction, never declines) and
 * plain fuse.js (default options, passage text + heading). Each policy gets its own answerer, as an install would.
 *
 * Metrics: section hit@1 and hit@3 and MRR over answerable questions (a declined answer is a miss), the share of
 * answerable questions answered, and the share of not-covered questions declined. A "flat" check strips the
 * headings of each long policy (one section, passages of the same size) and compares how often the top 5 passages
 * contain an answering sentence, answerer against BM25.
 *
 * Highlights (scripts/eval-highlights.ts): how often the first highlighted sentence of the top passage is a gold
 * sentence, beside the passage's first sentence and the best plain-BM25 sentence.
 *
 * Always exits 0 (2 for bad arguments); test/core/eval.test.ts asserts the dev targets so regressions fail CI.
 * Scores the dev sets unless `--split heldout` or `--split all` asks for the held-out ones (measured once per round).
 * `--verbose` lists the dev misses; held-out misses need `--verbose-heldout`, so tuning never shows them.
 */
import Fuse from 'fuse.js';
import { createAnswerer, indexTerms, type AnswererOptionsInput, type PolicyAnswerer } from '../src/answerer.js';
import { loadDocument } from '../src/corpus/load.js';
import { isEntryPoint } from '../src/paths.js';
import { buildBm25Index, scoreTerms } from '../src/search/bm25.js';
import type { IndexedPassage } from '../src/search/passages.js';
import type { PolicyDocument } from '../src/types.js';
import { evaluateHighlights, formatHighlights, highlightTargetLines, macroHighlights, type HighlightReport } from './eval-highlights.js';
import {
  containsSentence,
  discoverPolicySets,
  goldSections,
  matchText,
  mergeSets,
  percent,
  sectionKey,
  type OnTopicItem,
  type PolicySets,
  type QuestionSet,
  type Split,
} from './eval-sets.js';

/** What a system under evaluation returns for one question. */
export interface SystemReply {
  answered: boolean;
  /** The returned passages, best first (what scoring reads of them). */
  passages: ReadonlyArray<Pick<IndexedPassage, 'documentId' | 'sectionId' | 'section' | 'text'>>;
}

/** A system: a name and a function answering with at most `top` passages. */
export interface EvaluatedSystem {
  name: string;
  ask(question: string, top: number): SystemReply;
}

/** Scores of one system on one set; shares in [0, 1]. */
export interface SystemScores {
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  onTopicAnswered: number;
  offTopicDeclined: number;
}

/** A question a system got wrong. */
export interface Miss {
  kind: 'on-topic' | 'off-topic';
  q: string;
  expect?: string[][];
  answered: boolean;
  got: string[][];
}

/** Targets for held-out sets, macro over policies (issue #9). */
export const evalTargets: Readonly<SystemScores> = { hitAt1: 0.85, hitAt3: 0.95, mrr: 0, onTopicAnswered: 0.95, offTopicDeclined: 0.85 };
/** Targets for the bundled policy on its own. */
export const bundledTargets: Readonly<SystemScores> = { hitAt1: 0.9, hitAt3: 0.97, mrr: 0, onTopicAnswered: 0.97, offTopicDeclined: 0.9 };
/** The bundled policy's name in reports. */
export const bundledPolicy = 'datarobot-privacy-policy';

const TARGET_KEYS = ['hitAt1', 'hitAt3', 'onTopicAnswered', 'offTopicDeclined'] as const;
const METRICS = ['hitAt1', 'hitAt3', 'mrr', 'onTopicAnswered', 'offTopicDeclined'] as const;

/**
 * Scores one system on one question set of one document.
 *
 * @example
 * const { scores } = scoreSystem(answererSystem(document), document, set);
 * scores.hitAt1 // => 0.91
 */
export function scoreSystem(system: EvaluatedSystem, document: PolicyDocument, set: QuestionSet): { scores: SystemScores; misses: Miss[] } {
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let answered = 0;
  let declined = 0;
  const misses: Miss[] = [];
  for (const item of set.onTopic) {
    const gold = goldSections(document, item);
    const reply = system.ask(item.q, 3);
    if (reply.answered) answered++;
    const passages = reply.answered ? reply.passages.slice(0, 3) : [];
    const rank = passages.findIndex((p) => gold.has(sectionKey(p.documentId, p.sectionId)));
    if (rank === 0) hit1++;
    if (rank >= 0) {
      hit3++;
      reciprocal += 1 / (rank + 1);
    }
    if (rank !== 0) misses.push({ kind: 'on-topic', q: item.q, expect: item.expect, answered: reply.answered, got: passages.map((p) => p.section) });
  }
  for (const item of set.offTopic) {
    const reply = system.ask(item.q, 3);
    if (!reply.answered) declined++;
    else misses.push({ kind: 'off-topic', q: item.q, answered: true, got: reply.passages.slice(0, 3).map((p) => p.section) });
  }
  const on = Math.max(1, set.onTopic.length);
  const off = Math.max(1, set.offTopic.length);
  return {
    scores: { hitAt1: hit1 / on, hitAt3: hit3 / on, mrr: reciprocal / on, onTopicAnswered: answered / on, offTopicDeclined: declined / off },
    misses,
  };
}

/**
 * Plain fuse.js over passage text and heading path (default options): the fuzzy baseline.
 *
 * @example
 * fuseBaseline(answerer.passages).ask('cookies', 3).passages[0]
 */
export function fuseBaseline(passages: readonly IndexedPassage[]): EvaluatedSystem {
  const fuse = new Fuse(
    passages.map((passage) => ({ passage, text: passage.text, heading: passage.section.join(' ') })),
    { keys: ['text', 'heading'] },
  );
  return {
    name: 'fuse.js (plain)',
    ask(question, top) {
      const results = fuse.search(question, { limit: top });
      return { answered: results.length > 0, passages: results.map((r) => r.item.passage) };
    },
  };
}

/**
 * Plain BM25 over stems of passage text + heading path: no synonyms, no spelling correction, never declines.
 *
 * @example
 * bm25Baseline(answerer.passages).ask('how long do you keep my data', 3).passages[0]
 */
export function bm25Baseline(passages: readonly IndexedPassage[]): EvaluatedSystem {
  const index = buildBm25Index(passages.map((passage) => ({ body: indexTerms(`${passage.text} ${passage.section.join(' ')}`), heading: [], ancestors: [] })));
  return {
    name: 'BM25 (plain)',
    ask(question, top) {
      const scores = scoreTerms(index, indexTerms(question));
      const order = [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]!);
      return { answered: true, passages: order.slice(0, top).map((i) => passages[i]!) };
    },
  };
}

/**
 * The answerer as an evaluated system.
 *
 * @example
 * answererSystem(createAnswerer([document])).ask('gdpr?', 3).answered // => true
 */
export function answererSystem(answerer: PolicyAnswerer): EvaluatedSystem & { passages: readonly IndexedPassage[] } {
  return {
    name: 'answerer',
    passages: answerer.passages,
    ask(question, top) {
      const answer = answerer.answer(question, { top });
      return { answered: answer.answered, passages: answer.passages };
    },
  };
}

/** The baselines: plain BM25 and plain fuse.js over the answerer's passages. */
export type Baseline = 'bm25' | 'fuse';

/** Results of one split of one policy. */
export interface PolicyReport {
  policy: string;
  split: Split;
  onTopic: number;
  offTopic: number;
  systems: Array<{ name: string; scores: SystemScores; misses: Miss[] }>;
  /** Answerable questions whose gold resolves to no section (a heading or sentence the ingester lost). */
  unresolved: string[];
}

/**
 * Evaluates the answerer and both baselines on one split of one policy.
 *
 * @example
 * const report = evaluatePolicy(document, 'dev', mergeSets(sets.dev), createAnswerer([document]));
 * report.systems[0].scores.hitAt1 // => 0.9
 */
export function evaluatePolicy(
  document: PolicyDocument,
  split: Split,
  set: QuestionSet,
  policyAnswerer: PolicyAnswerer,
  baselines: readonly Baseline[] = ['bm25', 'fuse'],
): PolicyReport {
  const answerer = answererSystem(policyAnswerer);
  const evaluated = [answerer, ...baselines.map((baseline) => (baseline === 'bm25' ? bm25Baseline : fuseBaseline)(answerer.passages))];
  const systems = evaluated.map((system) => ({ name: system.name, ...scoreSystem(system, document, set) }));
  return {
    policy: document.id,
    split,
    onTopic: set.onTopic.length,
    offTopic: set.offTopic.length,
    systems,
    unresolved: set.onTopic.filter((item) => goldSections(document, item).size === 0).map((item) => item.q),
  };
}

/**
 * Macro average over policies (every policy counts once, whatever its number of questions).
 *
 * @example
 * macroAverage(reports, 'answerer').hitAt1 // => 0.88
 */
export function macroAverage(reports: readonly PolicyReport[], system: string): SystemScores {
  const sum: SystemScores = { hitAt1: 0, hitAt3: 0, mrr: 0, onTopicAnswered: 0, offTopicDeclined: 0 };
  const counts = { on: 0, off: 0 };
  // Declines are scored over not-covered questions, everything else over answerable ones.
  const side = (metric: (typeof METRICS)[number]): 'on' | 'off' => (metric === 'offTopicDeclined' ? 'off' : 'on');
  for (const report of reports) {
    const scores = report.systems.find((s) => s.name === system)?.scores;
    if (scores === undefined) continue;
    const has = { on: report.onTopic > 0, off: report.offTopic > 0 };
    if (has.on) counts.on++;
    if (has.off) counts.off++;
    for (const metric of METRICS) if (has[side(metric)]) sum[metric] += scores[metric];
  }
  for (const metric of METRICS) sum[metric] /= Math.max(1, counts[side(metric)]);
  return sum;
}

/** The flat check of one long policy: its headings stripped, top 5 passages against plain BM25's. */
export interface FlatReport {
  policy: string;
  passages: number;
  questions: number;
  /** Share of answerable questions whose top 5 passages contain an answering sentence. */
  answererTop5: number;
  bm25Top5: number;
}

/** Policies with at least this many passages count as long for the flat check. */
export const flatMinPassages = 25;

/**
 * The document with every heading removed: one section holding all its text, so structure cannot help ranking.
 *
 * @example
 * flatten(document).sections.length // => 1
 */
export function flatten(document: PolicyDocument): PolicyDocument {
  const text = document.sections.map((section) => section.text).filter((t) => t.trim() !== '').join('\n\n');
  return { id: document.id, title: document.title, sections: [{ id: 'policy', path: [document.title], text }] };
}

/**
 * Runs the flat check on one policy: how often `--top 5` contains a passage with an answering sentence, for the
 * answerer (declines count as misses) and for plain BM25, over the same passages. Null for a policy too short to
 * check (under {@link flatMinPassages} passages once flattened).
 *
 * @example
 * flatCheck(document, mergeSets(sets.dev).onTopic)?.answererTop5 // => 0.8
 */
export function flatCheck(document: PolicyDocument, items: readonly OnTopicItem[], options: AnswererOptionsInput = {}): FlatReport | null {
  const answerer = answererSystem(createAnswerer([flatten(document)], options));
  if (answerer.passages.length < flatMinPassages) return null;
  const bm25 = bm25Baseline(answerer.passages);
  const withSentences = items.filter((item) => (item.sentences ?? []).length > 0);
  const contains = (reply: SystemReply, sentences: readonly string[]): boolean =>
    reply.answered && reply.passages.slice(0, 5).some((p) => sentences.some((s) => containsSentence(matchText(p.text), s)));
  let ours = 0;
  let theirs = 0;
  for (const item of withSentences) {
    const sentences = item.sentences!.map(matchText);
    if (contains(answerer.ask(item.q, 5), sentences)) ours++;
    if (contains(bm25.ask(item.q, 5), sentences)) theirs++;
  }
  const n = Math.max(1, withSentences.length);
  return { policy: document.id, passages: answerer.passages.length, questions: withSentences.length, answererTop5: ours / n, bm25Top5: theirs / n };
}

/** Everything one eval run measures. */
export interface EvalRun {
  reports: PolicyReport[];
  macro: Record<Split, Array<{ name: string; scores: SystemScores }>>;
  flat: FlatReport[];
  /** Highlight precision and recall per policy and split (answerer and both sentence baselines). */
  highlights: HighlightReport[];
  /** Policies whose file could not be loaded, with the reason. */
  failed: Array<{ policy: string; error: string }>;
}

/** Options of {@link runEval}. */
export interface EvalOptions {
  /** Options of the answerer under evaluation. */
  answerer: AnswererOptionsInput;
  /** Which splits to score. */
  splits: readonly Split[];
  /** Baselines scored beside the answerer (fuse.js is slow: 5 to 10 ms a question). */
  baselines: readonly Baseline[];
  /** Run the flat check (dev questions of long policies, headings stripped). */
  flat: boolean;
  /** Score the highlighted sentences against the gold ones. */
  highlights: boolean;
}

export const defaultEvalOptions: Readonly<EvalOptions> = { answerer: {}, splits: ['dev', 'heldout'], baselines: ['bm25', 'fuse'], flat: true, highlights: true };

/**
 * Runs the evaluation over the given policies (default: every policy with question sets).
 *
 * @example
 * const run = runEval();
 * run.macro.heldout[0].scores.hitAt1 // => 0.87
 */
export function runEval(policies: readonly PolicySets[] = discoverPolicySets(), options: Partial<EvalOptions> = {}): EvalRun {
  const settings = { ...defaultEvalOptions, ...options };
  const reports: PolicyReport[] = [];
  const flat: FlatReport[] = [];
  const highlights: HighlightReport[] = [];
  const failed: EvalRun['failed'] = [];
  for (const policy of policies) {
    let document: PolicyDocument;
    try {
      document = loadDocument(policy.file);
    } catch (error) {
      failed.push({ policy: policy.policy, error: (error as Error).message });
      continue;
    }
    // One answerer per policy, as an install would have, for every split and the highlights.
    const answerer = createAnswerer([document], settings.answerer);
    for (const split of settings.splits) {
      if (policy.sets[split].length === 0) continue;
      const set = mergeSets(policy.sets[split]);
      reports.push(evaluatePolicy(document, split, set, answerer, settings.baselines));
      if (settings.highlights) highlights.push(evaluateHighlights(document, split, set.onTopic, answerer));
      if (split !== 'dev' || !settings.flat || set.onTopic.length === 0) continue;
      const flatReport = flatCheck(document, set.onTopic, settings.answerer);
      if (flatReport !== null) flat.push(flatReport);
    }
  }
  const macro = {} as EvalRun['macro'];
  for (const split of ['dev', 'heldout'] as const) {
    const ofSplit = reports.filter((r) => r.split === split);
    macro[split] = (ofSplit[0]?.systems ?? []).map(({ name }) => ({ name, scores: macroAverage(ofSplit, name) }));
  }
  return { reports, macro, flat, highlights, failed };
}

function scoreRow(label: string, scores: SystemScores): string {
  return `  ${label.padEnd(44)} ${METRICS.map((m) => (m === 'mrr' ? scores.mrr.toFixed(3).padStart(6) : percent(scores[m]))).join(' ')}`;
}

function targetLines(label: string, scores: SystemScores, targets: Readonly<SystemScores>): string[] {
  return TARGET_KEYS.map((m) => `  ${scores[m] >= targets[m] ? 'PASS' : 'FAIL'} ${label} ${m} ${percent(scores[m]).trim()}% (target ≥ ${percent(targets[m]).trim()}%)`);
}

function printMisses(report: PolicyReport): void {
  const misses = report.systems[0]!.misses;
  console.log(`  misses of the answerer on ${report.policy} (${report.split}, ${misses.length}):`);
  for (const miss of misses) {
    const got = miss.answered ? miss.got.map((p) => p.join(' › ')).join(' | ') || '(nothing)' : '(declined)';
    const expected = miss.expect ? ` expected ${miss.expect.map((p) => p.join(' › ') || '(intro)').join(' | ')};` : '';
    console.log(`   - [${miss.kind}] ${JSON.stringify(miss.q)}:${expected} got ${got}`);
  }
}

function printHighlightMisses(report: HighlightReport): void {
  console.log(`  highlight misses on ${report.policy} (${report.split}, ${report.misses.length}):`);
  for (const miss of report.misses) console.log(`   - ${JSON.stringify(miss.q)}: highlighted ${JSON.stringify(miss.highlighted[0] ?? '(nothing)')}; gold ${JSON.stringify(miss.gold[0] ?? '')}`);
}

function printRun(run: EvalRun, listMisses: (report: { split: Split }) => boolean): void {
  const header = `  ${'policy (on-topic/not-covered)'.padEnd(44)}  hit@1  hit@3    MRR answrd declnd`;
  for (const split of ['dev', 'heldout'] as const) {
    const reports = run.reports.filter((r) => r.split === split);
    if (reports.length === 0) continue;
    console.log(`\n${split} sets\n${header}`);
    for (const report of reports) {
      const [ours, bm25, fuse] = report.systems;
      console.log(scoreRow(`${report.policy} (${report.onTopic}/${report.offTopic})`, ours!.scores));
      if (bm25 && fuse) console.log(`  ${''.padEnd(44)} BM25 ${percent(bm25.scores.hitAt1)} ${percent(bm25.scores.hitAt3)}  fuse.js ${percent(fuse.scores.hitAt1)} ${percent(fuse.scores.hitAt3)}`);
      if (report.unresolved.length > 0) console.log(`  WARNING ${report.unresolved.length} question(s) whose gold names no section, e.g. ${JSON.stringify(report.unresolved[0])}`);
    }
    for (const { name, scores } of run.macro[split]) console.log(scoreRow(`macro over ${reports.length} policies: ${name}`, scores));
    const ours = run.macro[split][0]?.scores;
    if (split === 'heldout' && ours) for (const line of targetLines('held-out macro', ours, evalTargets)) console.log(line);
    const bundled = reports.find((r) => r.policy === bundledPolicy)?.systems[0]?.scores;
    if (split === 'heldout' && bundled) for (const line of targetLines('held-out bundled', bundled, bundledTargets)) console.log(line);
    for (const report of reports) if (listMisses(report)) printMisses(report);
    const highlighted = run.highlights.filter((h) => h.split === split);
    if (highlighted.length > 0) {
      console.log(`\nhighlights (${split}): first highlighted sentence of the top passage is gold (P) / some highlight is gold (R), where the top passage holds a gold sentence`);
      for (const line of formatHighlights(highlighted)) console.log(line);
      if (split === 'heldout') for (const line of highlightTargetLines('held-out macro', macroHighlights(highlighted))) console.log(line);
      for (const h of highlighted) if (listMisses(h)) printHighlightMisses(h);
    }
  }
  if (run.flat.length > 0) {
    console.log('\nflat check: long policies with headings stripped, top 5 passages contain an answering sentence (dev questions)');
    for (const f of run.flat) {
      console.log(`  ${`${f.policy} (${f.passages} passages, ${f.questions} questions)`.padEnd(64)} answerer ${percent(f.answererTop5)}  BM25 ${percent(f.bm25Top5)}  ${f.answererTop5 >= f.bm25Top5 ? 'PASS' : 'FAIL'}`);
    }
  }
  for (const f of run.failed) console.log(`\nERROR ${f.policy}: ${f.error}`);
}

/**
 * Command-line entry point; returns the exit code (0, or 2 for bad arguments).
 *
 * @example
 * process.exitCode = main(['--verbose', '--policy', 'basecamp-privacy-policy']);
 */
export function main(argv: readonly string[]): number {
  const args = [...argv];
  const only: string[] = [];
  const flags = new Set<string>();
  // Held-out sets are scored only when asked for: each round's sets are measured once, after tuning is done.
  let splits: Split[] = ['dev'];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--policy' && args[0] !== undefined) only.push(args.shift()!);
    else if (arg === '--split' && (args[0] === 'dev' || args[0] === 'heldout')) splits = [args.shift() as Split];
    else if (arg === '--split' && args[0] === 'all') {
      args.shift();
      splits = ['dev', 'heldout'];
    }
    else if (['--json', '--verbose', '--verbose-heldout'].includes(arg)) flags.add(arg);
    else {
      console.error(`eval: unknown argument ${arg}; usage: npm run eval -- [--json] [--verbose] [--verbose-heldout] [--split dev|heldout|all] [--policy <name>]…`);
      return 2;
    }
  }
  const started = performance.now();
  let policies = discoverPolicySets();
  if (only.length > 0) {
    const unknown = only.filter((name) => !policies.some((p) => p.policy === name));
    if (unknown.length > 0) {
      console.error(`eval: no question sets for ${unknown.join(', ')}; known: ${policies.map((p) => p.policy).join(', ')}`);
      return 2;
    }
    policies = policies.filter((p) => only.includes(p.policy));
  }
  const run = runEval(policies, { splits });
  // Held-out misses are listed only on explicit request: whoever tunes the answerer must not read them, or the
  // sets stop measuring generalization.
  const listMisses = (report: { split: Split }): boolean => (report.split === 'dev' ? flags.has('--verbose') || flags.has('--verbose-heldout') : flags.has('--verbose-heldout'));
  if (flags.has('--json')) {
    const reports = run.reports.map((r) => (listMisses(r) ? r : { ...r, systems: r.systems.map(({ name, scores }) => ({ name, scores })) }));
    const highlights = run.highlights.map((h) => (listMisses(h) ? h : { ...h, misses: [] }));
    console.log(JSON.stringify({ ...run, reports, highlights }));
  } else {
    printRun(run, listMisses);
    console.log(`\ndone in ${Math.round(performance.now() - started)} ms`);
  }
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
