/**
 * Stage 3 of the answerer, ranking: scores passages for the question's concepts with BM25F and reorders them by
 * how much of the question each covers.
 *
 * Each concept scores its best alternative plus a small share of the others; passages that cover more of the
 * question's concepts rank higher; a match only in an ancestor heading covers a concept at a discount; a section's
 * first passage (where policies state the rule) gets a small boost, and a heading that starts with the question's
 * interrogative ("how do you collect" and "How we collect") a small bonus, and so does a passage that defines a word
 * the question asks the meaning of ("Cookies are small text files…"); a facet ("Legal basis for processing")
 * that covers clearly more than its parent moves above it.
 */
import type { IndexedPassage } from '../search/passages.js';
import { spellsCodeName } from '../query/code-names.js';
import type { AnalyzedQuery } from '../query/types.js';
import { HOW, WHAT, WHY, type AnswerIndex } from './answer-index.js';
import type { RankingOptions } from './options.js';
import { nextEpoch } from '../search/epoch.js';

/** One ranked candidate with the signals behind it (for abstention, selection, evaluation and debugging). */
export interface RankedCandidate {
  passage: IndexedPassage;
  /** Final ranking value (not comparable across questions). */
  rank: number;
  /** Idf-weighted share of the question's concepts covered, in [0, 1]. */
  coverage: number;
  /** Idf mass of the question's concepts covered (coverage × total concept weight). */
  coveredWeight: number;
}

/**
 * Ranks passages of one index. Per-query scratch arrays are reused, so ranking allocates nothing proportional to
 * the number of passages; a ranker is therefore not reentrant (answering is synchronous).
 *
 * @example
 * const ranker = new Ranker(index, options.ranking);
 * ranker.rank(analyzeQuery('how long do you keep my data', index.queryContext), 12)[0].passage.section
 * // => ['Data retention']
 */
export class Ranker {
  private readonly score: Float64Array;
  private readonly covered: Float64Array;
  private readonly conceptMax: Float64Array;
  private readonly conceptSum: Float64Array;
  private readonly conceptHit: Float64Array;
  private readonly baseRank: Float64Array;
  private readonly plain: Float64Array;
  private readonly queryMark: Uint32Array;
  private readonly conceptMark: Uint32Array;
  private readonly touched: Int32Array;
  private readonly conceptTouched: Int32Array;
  private queryEpoch = 0;
  private conceptEpoch = 0;

  constructor(
    private readonly index: AnswerIndex,
    private readonly options: RankingOptions,
  ) {
    const size = index.passages.length;
    this.score = new Float64Array(size);
    this.covered = new Float64Array(size);
    this.conceptMax = new Float64Array(size);
    this.conceptSum = new Float64Array(size);
    this.conceptHit = new Float64Array(size);
    this.baseRank = new Float64Array(size);
    this.plain = new Float64Array(size);
    this.queryMark = new Uint32Array(size);
    this.conceptMark = new Uint32Array(size);
    this.touched = new Int32Array(size);
    this.conceptTouched = new Int32Array(size);
  }

  /** The best `poolSize` passages for the query, best first; empty when no concept matches anything. */
  rank(query: AnalyzedQuery, poolSize: number): RankedCandidate[] {
    const { touchedCount, totalCoverage } = this.accumulate(query);
    if (touchedCount === 0 || totalCoverage <= 0) return [];
    this.accumulatePlain(query, touchedCount);
    const pool = this.topByRank(query, touchedCount, totalCoverage, poolSize);
    this.promoteFacets(pool);
    if (query.asksDuration) this.promoteStatedAnswer(pool, this.index.durationPassage);
    if (query.asksLegalBasis) this.promoteStatedAnswer(pool, this.index.legalBasisPassage);
    if (query.askedName === 'place') this.promoteStatedAnswer(pool, this.index.placePassage);
    return pool;
  }

  /** Sums each touched passage's concept scores and coverage into the scratch arrays. */
  private accumulate(query: AnalyzedQuery): { touchedCount: number; totalCoverage: number } {
    const { bm25 } = this.index;
    const { score, covered, conceptMax, conceptSum, conceptHit, queryMark, conceptMark, touched, conceptTouched } = this;
    const queryEpoch = (this.queryEpoch = nextEpoch(this.queryEpoch, [queryMark]));
    let touchedCount = 0;
    let totalCoverage = 0;
    const beta = this.options.alternativeSumFactor;
    const ancestorCredit = this.options.ancestorCoverageCredit;
    for (const concept of query.concepts) {
      totalCoverage += concept.coverageWeight;
      if (concept.alternatives.length === 0) continue;
      const conceptEpoch = (this.conceptEpoch = nextEpoch(this.conceptEpoch, [conceptMark]));
      let conceptCount = 0;
      // Coverage credit is relative to the concept's strongest alternative (the asker's own word when known).
      let strongest = 0;
      for (const alternative of concept.alternatives) strongest = Math.max(strongest, alternative.weight);
      const credit = concept.coverageWeight / strongest;
      const own = concept.ownPhrase;
      for (const alternative of concept.alternatives) {
        const scored = own !== undefined && alternative.termId === own.termId ? Math.max(alternative.weight, own.weight) : alternative.weight;
        const weight = scored * bm25.idf[alternative.termId]!;
        const end = bm25.postingStart[alternative.termId + 1]!;
        for (let at = bm25.postingStart[alternative.termId]!; at < end; at++) {
          const p = bm25.postingUnit[at]!;
          const value = weight * bm25.postingWeight[at]!;
          const hit = bm25.postingAncestorOnly[at] === 1 ? alternative.weight * ancestorCredit : alternative.weight;
          if (conceptMark[p] !== conceptEpoch) {
            conceptMark[p] = conceptEpoch;
            conceptMax[p] = value;
            conceptSum[p] = value;
            conceptHit[p] = hit;
            conceptTouched[conceptCount++] = p;
          } else {
            if (value > conceptMax[p]!) conceptMax[p] = value;
            conceptSum[p] = conceptSum[p]! + value;
            if (hit > conceptHit[p]!) conceptHit[p] = hit;
          }
        }
      }
      for (let k = 0; k < conceptCount; k++) {
        const p = conceptTouched[k]!;
        if (queryMark[p] !== queryEpoch) {
          queryMark[p] = queryEpoch;
          score[p] = 0;
          covered[p] = 0;
          touched[touchedCount++] = p;
        }
        score[p] = score[p]! + conceptMax[p]! + beta * (conceptSum[p]! - conceptMax[p]!);
        covered[p] = covered[p]! + credit * conceptHit[p]!;
      }
    }
    return { touchedCount, totalCoverage };
  }

  /** Plain BM25 of the asker's own words, for the passages the concepts reached (the others cannot be candidates). */
  private accumulatePlain(query: AnalyzedQuery, touchedCount: number): void {
    const { bm25 } = this.index;
    const { plain, queryMark, touched } = this;
    for (let k = 0; k < touchedCount; k++) plain[touched[k]!] = 0;
    if (this.options.plainScoreWeight === 0) return;
    for (const { term, weight } of query.terms) {
      const id = bm25.terms.get(term);
      if (id === undefined) continue;
      const idf = weight * bm25.idf[id]!;
      const end = bm25.postingStart[id + 1]!;
      for (let at = bm25.postingStart[id]!; at < end; at++) {
        const p = bm25.postingUnit[at]!;
        if (queryMark[p] === this.queryEpoch) plain[p] = plain[p]! + idf * bm25.postingWeight[at]!;
      }
    }
  }

  /** Keeps the best `poolSize` touched passages by rank, with insertion into a short sorted list. */
  private topByRank(query: AnalyzedQuery, touchedCount: number, totalCoverage: number, poolSize: number): RankedCandidate[] {
    const { passages, leadPassage, headingInterrogative, pathInterrogative, regionalPassage, contactDetailPassage } = this.index;
    const regionalFactor = query.regional ? 1 : this.options.regionalFactor;
    const pool: RankedCandidate[] = [];
    const floor = this.options.coverageFloor;
    const lead = this.options.leadPassageBoost;
    const interrogative = query.interrogative === 'how' ? HOW : query.interrogative === 'what' ? WHAT : query.interrogative === 'why' ? WHY : 0;
    const interrogativeBonus = interrogative === WHY ? this.options.whyHeadingBonus : this.options.interrogativeHeadingBonus;
    const definitionBonus = this.options.definitionBonus;
    const conflictFactor = this.options.interrogativeConflictFactor;
    const unmarkedFactor = this.options.unmarkedWhyFactor;
    const givesAsked = query.askedContact === null ? null : contactDetailPassage[query.askedContact];
    const contactBonus = this.options.contactDetailBonus;
    const { baseRank, plain } = this;
    let bestBase = 0;
    let bestPlain = 0;
    const coverageOf = (p: number): number => Math.min(1, this.covered[p]! / totalCoverage);
    for (let k = 0; k < touchedCount; k++) {
      const p = this.touched[k]!;
      const coverage = coverageOf(p);
      const aligned = interrogative !== 0 && (headingInterrogative[p]! & interrogative) !== 0 && this.reachesHeading(query, p) ? interrogativeBonus : 0;
      const defines = query.asksDefinition && this.definesAsked(query, p) ? definitionBonus : 1;
      // A question opening with no interrogative ("does the app keep my name?") asks what is done, not why.
      const conflict = answersOther(interrogative === 0 ? WHAT : interrogative, pathInterrogative[p]!) ? (interrogative === 0 ? unmarkedFactor : conflictFactor) : 1;
      baseRank[p] = (this.score[p]! + aligned) * (floor + (1 - floor) * coverage) * (leadPassage[p] === 1 ? lead : 1) * (regionalPassage[p] === 1 ? regionalFactor : 1) * defines * conflict;
      bestBase = Math.max(bestBase, baseRank[p]!);
      bestPlain = Math.max(bestPlain, plain[p]!);
    }
    const plainWeight = bestPlain > 0 ? this.options.plainScoreWeight / bestPlain : 0;
    const baseWeight = bestBase > 0 ? 1 / bestBase : 0;
    for (let k = 0; k < touchedCount; k++) {
      const p = this.touched[k]!;
      const named = query.codeNames.length > 0 && spellsCodeName(passages[p]!.text, query.codeNames) ? this.options.codeNameBonus : 1;
      const rank = (baseRank[p]! * baseWeight + plain[p]! * plainWeight) * (givesAsked !== null && givesAsked[p] === 1 ? contactBonus : 1) * named;
      if (pool.length === poolSize && rank <= pool[pool.length - 1]!.rank) continue;
      let at = pool.length;
      while (at > 0 && pool[at - 1]!.rank < rank) at--;
      pool.splice(at, 0, { passage: passages[p]!, rank, coverage: coverageOf(p), coveredWeight: this.covered[p]! });
      if (pool.length > poolSize) pool.pop();
    }
    return pool;
  }

  /**
   * Whether the passage defines a word the question asks about: a word that is not weak, or two weak ones ("data"
   * alone is no term, "personal data" is).
   */
  private definesAsked(query: AnalyzedQuery, p: number): boolean {
    const ids = this.index.definedTerms.get(p);
    if (ids === undefined) return false;
    let weakDefined = 0;
    for (const concept of query.concepts) {
      if (!concept.alternatives.some((alternative) => ids.has(alternative.termId))) continue;
      if (!concept.weak || ++weakDefined >= 2) return true;
    }
    return false;
  }

  private reachesHeading(query: AnalyzedQuery, p: number): boolean {
    const ids = this.index.interrogativeHeadingTerms.get(p);
    if (ids === undefined) return false;
    return query.concepts.some((concept) => !concept.weak && concept.alternatives.some((alternative) => ids.has(alternative.termId)));
  }

  /**
   * A facet that covers clearly more of the question than its parent section comes first: "legal basis for
   * personalization" asks for the "Legal basis for processing" under the personalization purpose, even though the
   * purpose's own text says "personalize" more often. The facet's heading already includes its parent's, so it
   * can only cover more through the facet's own words.
   */
  private promoteFacets(pool: RankedCandidate[]): void {
    const margin = this.options.facetCoverageMargin;
    for (let i = 1; i < pool.length; i++) {
      const facet = pool[i]!;
      const parent = this.index.facetParentOf.get(facet.passage.policySection);
      if (parent === undefined) continue;
      const at = pool.findIndex((c, k) => k < i && c.passage.policySection === parent);
      if (at < 0 || facet.coverage < pool[at]!.coverage + margin) continue;
      // Just above the parent, so rank order (which later steps rely on) still holds.
      pool.splice(i, 1);
      pool.splice(at, 0, { ...facet, rank: pool[at]!.rank * 1.001 });
    }
  }

  /**
   * "How long do you hang on to my invoices?": the section that describes invoices at length ranks first, the one
   * that says how long they are kept just after it; "on what legal basis do you send marketing e-mails?": the
   * marketing purpose first, its legal basis just after it; "which country are the servers in?": the section about
   * the servers first, the one naming the country just after it. When the best passage does not state what is asked
   * (`states`, by passage), the first of the next two that does comes first if it ranks close enough
   * (`answerPromotionRatio`).
   */
  private promoteStatedAnswer(pool: RankedCandidate[], states: Uint8Array): void {
    const ratio = this.options.answerPromotionRatio;
    if (ratio <= 0 || pool.length < 2 || states[pool[0]!.passage.index] === 1) return;
    const at = pool.findIndex((c, k) => k >= 1 && k <= 2 && states[c.passage.index] === 1 && c.rank >= ratio * pool[0]!.rank);
    if (at < 0) return;
    const [stated] = pool.splice(at, 1);
    // Just above the best, so rank order (which later steps rely on) still holds.
    pool.unshift({ ...stated!, rank: pool[0]!.rank * 1.001 });
  }
}

/**
 * Reranks the first `depth` candidates by their best sentence (`sentenceScore`, e.g. the highlighter's), in place:
 * rank × (1 + weight × best sentence / best of them). The candidates past `depth` keep their order after them.
 *
 * @example
 * rerankBySentence(candidates, (passage) => highlighter.bestSentenceScore(question, query, passage), 0.3, 5);
 */
export function rerankBySentence(candidates: RankedCandidate[], sentenceScore: (passage: IndexedPassage) => number, weight: number, depth: number): void {
  if (!(weight > 0) || candidates.length < 2) return;
  const head = candidates.slice(0, Math.max(0, depth));
  const scores = head.map((candidate) => sentenceScore(candidate.passage));
  const best = Math.max(...scores);
  if (!(best > 0)) return;
  const reranked = head.map((candidate, i) => ({ ...candidate, rank: candidate.rank * (1 + (weight * scores[i]!) / best) }));
  // Ranks only grow, so the candidates past the head stay below it.
  reranked.sort((a, b) => b.rank - a.rank);
  candidates.splice(0, head.length, ...reranked);
}

/**
 * Whether a passage's headings answer what or why where the question asks the other ("what personal details go into
 * the rapid test profile?" and "Why is your data processed? > Rapid test profile"): a heading that answers both
 * ("What we collect and why") conflicts with neither.
 */
function answersOther(asked: number, pathBits: number): boolean {
  if (asked === WHAT) return (pathBits & WHY) !== 0 && (pathBits & WHAT) === 0;
  if (asked === WHY) return (pathBits & WHAT) !== 0 && (pathBits & WHY) === 0;
  return false;
}
