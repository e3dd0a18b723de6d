/**
 * Highlight quality for `npm run eval`: does the first highlighted sentence of the top passage answer the question?
 *
 * Measured over answerable questions with gold sentences (the `sentences` of eval/sets/*.json, verbatim policy
 * sentences) whose top passage contains one of them (the "passage hits"): precision is the share whose first
 * highlighted sentence is a gold sentence, recall the share with some gold sentence among the highlighted ones.
 * Questions whose top passage is in a gold section but holds no gold sentence are counted apart: no choice of
 * sentence could be right there, so they would only measure ranking. Two baselines pick one sentence of the same
 * passage: its first sentence, and the sentence with the best plain BM25 score against the question (idf over all
 * sentences of the policy, no synonyms).
 *
 * A sentence "is" a gold sentence (words compared after `matchText`) when it contains a gold sentence, or a gold
 * sentence contains it (our splitter may cut a gold sentence in two, e.g. at a list), or the two share a run of 12
 * words (`containsSentence`: a long gold sentence with a word changed or cut differently).
 */
import { indexTerms, type PolicyAnswerer } from '../src/answerer.js';
import { buildBm25Index, scoreTerms } from '../src/search/bm25.js';
import { splitSentences, type TextSpan } from '../src/search/passages.js';
import type { PolicyDocument } from '../src/types.js';
import { containsSentence, goldSections, matchText, percent, sectionKey, type OnTopicItem, type Split } from './eval-sets.js';

/** Precision and recall of one way of picking sentences; shares in [0, 1]. */
export interface HighlightScores {
  /** The first highlighted sentence is a gold sentence. */
  precision: number;
  /** Some highlighted sentence is a gold sentence. */
  recall: number;
}

/** The highlighter and both baselines, in report order. */
export const highlightSystems = ['answerer', 'first sentence', 'BM25 sentence'] as const;
export type HighlightSystem = (typeof highlightSystems)[number];

/** Highlight results of one split of one policy. */
export interface HighlightReport {
  policy: string;
  split: Split;
  /** Answerable questions with gold sentences. */
  questions: number;
  /** Of those, questions whose top passage is in a gold section. */
  sectionHits: number;
  /** Of those, questions whose top passage contains a gold sentence: the questions scored. */
  scored: number;
  /** Mean number of highlighted sentences per scored question (answerer). */
  meanHighlights: number;
  scores: Record<HighlightSystem, HighlightScores>;
  /** Scored questions whose first highlight is not gold. */
  misses: HighlightMiss[];
}

/** A question whose first highlighted sentence is not gold. */
export interface HighlightMiss {
  q: string;
  highlighted: string[];
  gold: string[];
}

/**
 * Whether a sentence is one of the gold sentences (both already reduced by `matchText`); see the module comment.
 *
 * @example
 * isGoldSentence('we never sell your data', ['we promise we never sell your data never have never will']) // => true
 */
export function isGoldSentence(sentence: string, gold: readonly string[]): boolean {
  if (sentence === '') return false;
  const padded = ` ${sentence} `;
  return gold.some((g) => g !== '' && (padded.includes(` ${g} `) || ` ${g} `.includes(padded) || containsSentence(sentence, g)));
}

/** Plain BM25 over every sentence of a document's passages: the second baseline. */
function sentenceBaseline(passageTexts: readonly string[]): (question: string, passageText: string) => TextSpan | undefined {
  const units: string[][] = [];
  const firstUnit = new Map<string, number>();
  for (const text of passageTexts) {
    if (!firstUnit.has(text)) firstUnit.set(text, units.length);
    for (const span of splitSentences(text)) units.push(indexTerms(text.slice(span.start, span.end)));
  }
  const index = buildBm25Index(units.map((body) => ({ body, heading: [], ancestors: [] })));
  return (question, passageText) => {
    const spans = splitSentences(passageText);
    const first = firstUnit.get(passageText);
    if (first === undefined) return spans[0];
    const scores = scoreTerms(index, indexTerms(question));
    let best = 0;
    for (let i = 1; i < spans.length; i++) if (scores[first + i]! > scores[first + best]!) best = i;
    return spans[best];
  };
}

/**
 * Scores the highlights of the answerer and both baselines on one policy's questions.
 *
 * @example
 * evaluateHighlights(document, 'dev', mergeSets(sets.dev).onTopic, createAnswerer([document])).scores.answerer.precision // => 0.9
 */
export function evaluateHighlights(document: PolicyDocument, split: Split, items: readonly OnTopicItem[], answerer: PolicyAnswerer): HighlightReport {
  const bm25Sentence = sentenceBaseline(answerer.passages.map((p) => p.text));
  const hits: Record<HighlightSystem, { precision: number; recall: number }> = {
    answerer: { precision: 0, recall: 0 },
    'first sentence': { precision: 0, recall: 0 },
    'BM25 sentence': { precision: 0, recall: 0 },
  };
  const misses: HighlightMiss[] = [];
  let questions = 0;
  let sectionHits = 0;
  let scored = 0;
  let highlighted = 0;
  for (const item of items) {
    const gold = (item.sentences ?? []).map(matchText).filter((s) => s !== '');
    if (gold.length === 0) continue;
    questions++;
    const answer = answerer.answer(item.q, { top: 3 });
    const top = answer.answered ? answer.passages[0] : undefined;
    if (top === undefined || !goldSections(document, item).has(sectionKey(top.documentId, top.sectionId))) continue;
    sectionHits++;
    const isGold = (span: TextSpan | undefined): boolean => span !== undefined && isGoldSentence(matchText(top.text.slice(span.start, span.end)), gold);
    if (!splitSentences(top.text).some(isGold)) continue;
    scored++;
    highlighted += top.highlights.length;
    const picks: Record<HighlightSystem, TextSpan[]> = {
      answerer: top.highlights,
      'first sentence': splitSentences(top.text).slice(0, 1),
      'BM25 sentence': [bm25Sentence(item.q, top.text)].filter((span) => span !== undefined),
    };
    for (const system of highlightSystems) {
      if (isGold(picks[system][0])) hits[system].precision++;
      if (picks[system].some(isGold)) hits[system].recall++;
    }
    if (!isGold(top.highlights[0])) {
      misses.push({ q: item.q, highlighted: top.highlights.map((span) => top.text.slice(span.start, span.end)), gold: item.sentences ?? [] });
    }
  }
  const n = Math.max(1, scored);
  const scores = Object.fromEntries(highlightSystems.map((system) => [system, { precision: hits[system].precision / n, recall: hits[system].recall / n }])) as HighlightReport['scores'];
  return { policy: document.id, split, questions, sectionHits, scored, meanHighlights: highlighted / n, scores, misses };
}

/**
 * Macro average over policies with at least one scored question.
 *
 * @example
 * macroHighlights(reports).answerer.precision // => 0.88
 */
export function macroHighlights(reports: readonly HighlightReport[]): Record<HighlightSystem, HighlightScores> {
  const counted = reports.filter((report) => report.scored > 0);
  const n = Math.max(1, counted.length);
  const mean = (system: HighlightSystem, metric: keyof HighlightScores): number => counted.reduce((sum, report) => sum + report.scores[system][metric], 0) / n;
  return Object.fromEntries(highlightSystems.map((system) => [system, { precision: mean(system, 'precision'), recall: mean(system, 'recall') }])) as Record<HighlightSystem, HighlightScores>;
}

/** Targets on the held-out sets, macro over policies (issue #11): precision, and its margins over both baselines. */
export const highlightTargets = { precision: 0.85, overFirstSentence: 0.2, overBm25Sentence: 0.1 } as const;

/**
 * The target check lines of a macro average.
 *
 * @example
 * highlightTargetLines('held-out macro', macroHighlights(reports)) // => ['  PASS held-out macro highlight precision 87.0% (target ≥ 85%)', …]
 */
export function highlightTargetLines(label: string, macro: Record<HighlightSystem, HighlightScores>): string[] {
  const ours = macro.answerer.precision;
  const lines: Array<[boolean, string]> = [
    [ours >= highlightTargets.precision, `highlight precision ${pct(ours)}% (target ≥ ${pct(highlightTargets.precision)}%)`],
    [ours - macro['first sentence'].precision >= highlightTargets.overFirstSentence, `over first sentence +${pct(ours - macro['first sentence'].precision)} points (target ≥ +${pct(highlightTargets.overFirstSentence)})`],
    [ours - macro['BM25 sentence'].precision >= highlightTargets.overBm25Sentence, `over BM25 sentence +${pct(ours - macro['BM25 sentence'].precision)} points (target ≥ +${pct(highlightTargets.overBm25Sentence)})`],
  ];
  return lines.map(([pass, text]) => `  ${pass ? 'PASS' : 'FAIL'} ${label} ${text}`);
}

function pct(value: number): string {
  return (value * 100).toFixed(1).replace(/\.0$/, '');
}

/**
 * The report block of one split: per policy and macro, precision / recall of the answerer and both baselines.
 *
 * @example
 * console.log(formatHighlights(reports).join('\n'));
 */
export function formatHighlights(reports: readonly HighlightReport[]): string[] {
  const cell = (scores: HighlightScores): string => `${percent(scores.precision)} ${percent(scores.recall)}`;
  const lines = [`  ${'policy (scored/section hits/with gold)'.padEnd(48)}   answerer P/R   first sent. P/R   BM25 sent. P/R  highlights`];
  for (const report of reports) {
    const label = `${report.policy} (${report.scored}/${report.sectionHits}/${report.questions})`;
    lines.push(`  ${label.padEnd(48)} ${highlightSystems.map((system) => cell(report.scores[system])).join('   ')}  ${report.meanHighlights.toFixed(2).padStart(6)}`);
  }
  const macro = macroHighlights(reports);
  lines.push(`  ${`macro over ${reports.filter((r) => r.scored > 0).length} policies`.padEnd(48)} ${highlightSystems.map((system) => cell(macro[system])).join('   ')}`);
  return lines;
}
