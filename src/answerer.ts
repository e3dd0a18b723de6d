/**
 * The answerer: ranks verbatim policy passages for a question and decides whether the policy covers it.
 *
 * A pipeline of named stages, each in its own module under src/answer/:
 * 1. **index** (`answer-index.ts`): passages of every section, BM25F over their text and headings, vocabulary;
 * 2. **query analysis** (`src/query/`): the question's concepts, each with the policy terms that express it;
 * 3. **rank** (`rank.ts`): BM25F over the concepts, reordered by how much of the question each passage covers, then
 *    the top few by their best sentence as the highlighter scores it;
 * 4. **abstain** (`abstain.ts`): whether the best passages cover enough of the question to answer at all;
 * 5. **select** (`select.ts`): which passages to quote, with scores comparable across questions;
 * 6. **highlight** (`highlight.ts`): which sentences of each quoted passage answer the question;
 * then **cite** (`cite.ts`) turns each into a quoted passage with its citation.
 */
import type { Answer, Answerer, AskOptions, PolicyDocument } from './types.js';
import type { IndexedPassage } from './search/passages.js';
import { analyzeQuery } from './query/analyze.js';
import type { AnalyzedQuery } from './query/types.js';
import { shouldAnswer } from './answer/abstain.js';
import { buildAnswerIndex } from './answer/answer-index.js';
import { toAnswerPassage } from './answer/cite.js';
import { SentenceHighlighter } from './answer/highlight.js';
import { mergeAnswererOptions, type AnswererOptions, type AnswererOptionsInput } from './answer/options.js';
import { Ranker, rerankBySentence, type RankedCandidate } from './answer/rank.js';
import { selectPassages } from './answer/select.js';

export { citePassage, formatPolicyDate } from './answer/cite.js';
export { indexTerms } from './answer/answer-index.js';
export {
  defaultAbstentionThresholds,
  defaultAnswererOptions,
  defaultRankingOptions,
  type AbstentionThresholds,
  type AnswererOptions,
  type AnswererOptionsInput,
  type RankingOptions,
} from './answer/options.js';
export type { RankedCandidate } from './answer/rank.js';

/** Why the answerer answered the way it did. */
export interface Explanation {
  query: AnalyzedQuery;
  candidates: RankedCandidate[];
  answered: boolean;
}

/** An {@link Answerer} with access to its passages and an explanation hook. */
export interface PolicyAnswerer extends Answerer {
  /** Every indexed passage, in document order. */
  readonly passages: readonly IndexedPassage[];
  /** The effective options. */
  readonly options: AnswererOptions;
  /** Ranks passages and reports the signals behind the decision. */
  explain(question: string, options?: AskOptions): Explanation;
}

function validateDocuments(documents: readonly PolicyDocument[]): void {
  if (!Array.isArray(documents)) throw new TypeError('answerer: documents must be an array of PolicyDocument');
  documents.forEach((document, i) => {
    if (document === null || typeof document !== 'object' || !Array.isArray(document.sections)) {
      throw new TypeError(`answerer: document ${i} has no sections array`);
    }
    if (typeof document.title !== 'string') throw new TypeError(`answerer: document ${i} has no title`);
  });
}

/**
 * Builds an answerer over policy documents. Building indexes every section; answering is synchronous.
 *
 * @example
 * const answerer = createAnswerer(loadCorpus([bundledCorpusDir]));
 * const answer = answerer.answer('how long do you keep my data?', { top: 2 });
 * answer.passages[0]?.citation // => '— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) https://…#data-retention'
 */
export function createAnswerer(documents: readonly PolicyDocument[], options: AnswererOptionsInput = {}): PolicyAnswerer {
  validateDocuments(documents);
  const opts = mergeAnswererOptions(options);
  const index = buildAnswerIndex(documents, opts);
  const ranker = new Ranker(index, opts.ranking);
  // Sentences are scored for ranking whether or not highlights are shown, so turning them off never changes the answer.
  const sentenceScorer = new SentenceHighlighter(index.bm25.terms, index.passages.length, opts.highlight);
  const highlighter = opts.features.highlights ? sentenceScorer : undefined;
  const defaultContact = index.contactByDocument.values().next().value;

  function topOf(askOptions: AskOptions | undefined): number {
    const requested = askOptions?.top;
    if (typeof requested !== 'number' || !Number.isFinite(requested)) return opts.top;
    return Math.max(1, Math.min(50, Math.floor(requested)));
  }

  function explain(question: string, askOptions?: AskOptions): Explanation {
    const text = typeof question === 'string' ? question : String(question ?? '');
    const query = analyzeQuery(text, index.queryContext, opts.query);
    const candidates = ranker.rank(query, Math.max(10, topOf(askOptions) * 4));
    // A time frame asked about a topic ("if you get hacked, how long before you tell me?") is left to the time-frame
    // rules, which know the topic: the highlighter's period cue would favour any sentence that gives a period.
    if (query.timeFrameTopic === null) {
      rerankBySentence(candidates, (passage) => sentenceScorer.bestSentenceScore(text, query, passage), opts.ranking.sentenceRerankWeight, opts.ranking.sentenceRerankDepth);
    }
    const answered = candidates.length > 0 && (!opts.features.abstention || shouldAnswer(query, candidates, opts.thresholds, index.bm25.rareIdf));
    return { query, candidates, answered };
  }

  function decline(question: string, documentId?: string): Answer {
    const contact = (documentId !== undefined ? index.contactByDocument.get(documentId) : undefined) ?? defaultContact;
    return contact === undefined ? { question, answered: false, passages: [] } : { question, answered: false, passages: [], contact };
  }

  function answer(question: string, askOptions?: AskOptions): Answer {
    const text = typeof question === 'string' ? question : String(question ?? '');
    try {
      const { query, candidates, answered } = explain(text, askOptions);
      if (!answered) return decline(text, candidates[0]?.passage.documentId);
      const selected = selectPassages(candidates, topOf(askOptions), opts.ranking);
      if (selected.length === 0) return decline(text);
      const passages = selected.map(({ candidate, relevance, confidence }) => toAnswerPassage(candidate.passage, relevance, confidence, highlighter?.highlight(text, query, candidate.passage)));
      return { question: text, answered: true, passages };
    } catch {
      // Answering must never throw for any input; a failure here is a bug, and declining is the safe reply.
      return decline(text);
    }
  }

  return { answer, explain, documents, passages: index.passages, options: opts };
}
