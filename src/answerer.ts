/**
 * The answerer: ranks verbatim policy passages for a question and decides whether the policy covers it.
 *
 * Ranking is BM25F (passage text + its own heading + ancestor headings) over Porter stems, queried with the
 * concepts of query understanding (src/search/query.ts: chat-noise removal, filler removal, the synonym table,
 * spelling correction over the vocabulary, morphology for unknown words and fuse.js heading matching for words
 * nothing else recognises). Each concept scores its best alternative plus a small share of the others, and
 * passages that cover more of the question's concepts rank higher; a match only in an ancestor heading covers a
 * concept at a discount, a repeated sub-heading ("Legal basis for processing") takes its parent's heading as its
 * own, a section's first passage (where policies state the rule) gets a small boost, and a heading that starts
 * with the question's interrogative ("how do you collect" and "How we collect") a small bonus. Among the best
 * passages, distinct sections come first, and later passages must be relevant in their own right (ranked near the
 * best and covering a good share of what it covers).
 *
 * Whether to answer is decided with signals that are comparable across questions (raw BM25 is not): the
 * idf-weighted share of the question's concepts that a top passage with its headings covers, the idf mass it
 * covers, whether the question names any policy topic at all, and whether it is an instruction about product
 * objects ("how do I delete a project"). Thresholds live in
 * {@link defaultAbstentionThresholds}, calibrated with `npm run eval` on eval/questions.json.
 */
import type { Answer, AnswerPassage, Answerer, AskOptions, PolicyDocument, PolicySection } from './types.js';
import { buildBm25Index, defaultBm25Options, type Bm25Index, type Bm25Options, type IndexedFields } from './search/bm25.js';
import { HeadingMatcher, VocabularyCorrector } from './search/fuzzy.js';
import { buildPassages, type IndexedPassage } from './search/passages.js';
import {
  analyzeQuery,
  compileSynonyms,
  defaultQueryOptions,
  type AnalyzedQuery,
  type QueryContext,
  type QueryOptions,
} from './search/query.js';
import { stem } from './search/stem.js';
import { normalizeText, STOPWORDS, tokenize } from './search/tokenize.js';

/** When to decline ("the policy doesn't cover this"). */
export interface AbstentionThresholds {
  /** Minimum idf-weighted share of the question's concepts that the best passage (with its headings) covers. */
  minCoverage: number;
  /**
   * Long questions carry incidental words the policy never uses; if the best passage covers at least this much
   * idf mass (about two specific policy terms)...
   */
  minCoveredWeight: number;
  /** ...it answers from this coverage on. */
  coveredWeightCoverage: number;
  /**
   * Decline questions with no topical concept (no synonym-table or heading word, weak words aside), e.g. "how
   * much does it cost"...
   */
  requireTopical: boolean;
  /** ...unless at least this many concepts (weak words aside) occur together in one passage... */
  coOccurrenceConcepts: number;
  /** ...which covers at least this share of the question. */
  coOccurrenceCoverage: number;
  /** The signals above are taken as the best over this many top-ranked passages. */
  decisionDepth: number;
  /**
   * Decline instruction requests whose objects are all plain product words ("how do I deploy a model", "can I
   * export my model to python"); see `AnalyzedQuery.productHowTo`.
   */
  declineProductHowTo: boolean;
}

/** Ranking knobs. */
export interface RankingOptions {
  /** Share of each non-best alternative of a concept added to the concept's score. */
  alternativeSumFactor: number;
  /** Rank = score × (floor + (1 − floor) × coverage): how much coverage reorders BM25F. */
  coverageFloor: number;
  /** Passages ranked below this fraction of the best one are not returned. */
  relativeFloor: number;
  /** Passages after the first are returned only when ranked at least this fraction of the best one... */
  secondaryRankRatio: number;
  /** ...and covering at least this fraction of the best one's coverage. */
  secondaryCoverageRatio: number;
  /**
   * A heading that occurs under at least this many different parents is a facet of its parent ("Legal basis for
   * processing"): the parent's heading is indexed as part of its own heading. 0 disables.
   */
  facetHeadingParents: number;
  /**
   * Coverage credit of a concept a passage matches only through an ancestor heading, relative to a match in its
   * own text or heading: the top-level "… and legal basis for processing" does not make every purpose passage
   * about the legal basis.
   */
  ancestorCoverageCredit: number;
  /**
   * Rank multiplier for the first passage of a section: policies state the rule first ("We will retain your
   * personal data as needed…") and exceptions and procedures after it.
   */
  leadPassageBoost: number;
  /**
   * Score (BM25F units) added to a passage whose own heading starts with the question's interrogative ("how do
   * you collect…" and "How we collect"; "what do you collect" and "What we collect"): such headings differ only
   * in that word, a stopword the index drops. Only passages the question's concepts already reach get it.
   */
  interrogativeHeadingBonus: number;
  /**
   * A facet passage ("Legal basis for processing" under a purpose) ranked below its parent section's passage
   * moves above it when it covers at least this much more of the question. Infinity disables.
   */
  facetCoverageMargin: number;
}

/** Options of {@link createAnswerer}. */
export interface AnswererOptions {
  /** Passages per answer unless the question asks otherwise. */
  top: number;
  /** Passage size limit in characters (whole sentences; a single longer sentence stays whole). */
  maxPassageChars: number;
  thresholds: AbstentionThresholds;
  ranking: RankingOptions;
  bm25: Bm25Options;
  query: QueryOptions;
  /** Switches for ablation and baselines. */
  features: {
    /** The synonym table (filler removal stays on). */
    synonyms: boolean;
    /** fuse.js spelling correction against the vocabulary. */
    spellingCorrection: boolean;
    /** fuse.js matching of otherwise unknown words against section headings. */
    headingMatch: boolean;
    /** Declining; when off, every question with any match is answered. */
    abstention: boolean;
  };
}

/**
 * Calibrated on the dev questions (eval/questions.json: 1,557 on-topic, 434 off-topic): on-topic questions cover
 * at least half of their idf mass far more often than off-topic ones; 0.5 answers 99.2% of on-topic questions while
 * declining 95.4% of off-topic ones (0.45: 99.3% / 93.8%; 0.55 trades 1.7 points of the first for 0.9 of the second).
 */
export const defaultAbstentionThresholds: AbstentionThresholds = {
  minCoverage: 0.5,
  minCoveredWeight: 6,
  coveredWeightCoverage: 0.35,
  requireTopical: true,
  coOccurrenceConcepts: 2,
  coOccurrenceCoverage: 0.9,
  decisionDepth: 3,
  declineProductHowTo: true,
};

export const defaultRankingOptions: RankingOptions = {
  alternativeSumFactor: 0.25,
  coverageFloor: 0.3,
  relativeFloor: 0.3,
  secondaryRankRatio: 0.5,
  secondaryCoverageRatio: 0.5,
  facetHeadingParents: 3,
  ancestorCoverageCredit: 0.25,
  leadPassageBoost: 1.2,
  interrogativeHeadingBonus: 1.2,
  facetCoverageMargin: 0.03,
};

export const defaultAnswererOptions: AnswererOptions = {
  top: 3,
  maxPassageChars: 800,
  thresholds: defaultAbstentionThresholds,
  ranking: defaultRankingOptions,
  bm25: defaultBm25Options,
  query: defaultQueryOptions,
  features: { synonyms: true, spellingCorrection: true, headingMatch: true, abstention: true },
};

/** Options as callers pass them: any subset, nested objects merged with the defaults. */
export interface AnswererOptionsInput {
  top?: number;
  maxPassageChars?: number;
  thresholds?: Partial<AbstentionThresholds>;
  ranking?: Partial<RankingOptions>;
  bm25?: Partial<Bm25Options>;
  query?: Partial<QueryOptions>;
  features?: Partial<AnswererOptions['features']>;
}

/** One ranked candidate with the signals behind it (for evaluation and debugging). */
export interface RankedCandidate {
  passage: IndexedPassage;
  /** Final ranking value (not comparable across questions). */
  rank: number;
  /** Idf-weighted share of the question's concepts covered, in [0, 1]. */
  coverage: number;
  /** Idf mass of the question's concepts covered (coverage × total concept weight). */
  coveredWeight: number;
}

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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats an ISO date as "March 17, 2022" (independent of the machine's locale); other strings pass through.
 *
 * @example
 * formatPolicyDate('2022-03-17') // => 'March 17, 2022'
 */
export function formatPolicyDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${month} ${Number(match[3])}, ${match[1]}`;
}

/**
 * Builds the citation parts of a passage: deep link and one-line citation.
 *
 * @example
 * citePassage(document, section)
 * // => { url: 'https://www.datarobot.com/privacy/#data-retention',
 * //      citation: '— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) https://www.datarobot.com/privacy/#data-retention' }
 */
export function citePassage(document: PolicyDocument, section: { id: string; path: readonly string[] }): { url: string; citation: string } {
  const url = `${document.url ?? ''}#${section.id}`;
  const updated = document.updated ? ` (updated ${formatPolicyDate(document.updated)})` : '';
  return { url, citation: `— ${document.title}, § ${section.path.join(' › ')}${updated} ${url}` };
}

function mergeOptions(input: AnswererOptionsInput): AnswererOptions {
  const merged: AnswererOptions = {
    top: input.top ?? defaultAnswererOptions.top,
    maxPassageChars: input.maxPassageChars ?? defaultAnswererOptions.maxPassageChars,
    thresholds: { ...defaultAbstentionThresholds, ...input.thresholds },
    ranking: { ...defaultRankingOptions, ...input.ranking },
    bm25: { ...defaultBm25Options, ...input.bm25 },
    query: { ...defaultQueryOptions, ...input.query },
    features: { ...defaultAnswererOptions.features, ...input.features },
  };
  if (!Number.isInteger(merged.top) || merged.top < 1) throw new RangeError(`answerer: top must be a positive integer, got ${String(input.top)}`);
  if (!(merged.maxPassageChars >= 50)) throw new RangeError(`answerer: maxPassageChars must be at least 50, got ${String(input.maxPassageChars)}`);
  return merged;
}

/**
 * Stemmed content terms of a text (stopwords dropped), as the index stores them.
 *
 * @example
 * indexTerms('How long do we retain cookies?') // => ['long', 'retain', 'cooki']
 */
export function indexTerms(text: string): string[] {
  return termsOfTokens(tokenize(text));
}

function termsOfTokens(tokens: readonly string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) if (!STOPWORDS.has(token)) terms.push(stem(token));
  return terms;
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
  const opts = mergeOptions(options);
  const passages = buildPassages(documents, opts.maxPassageChars);

  // Index: body, own heading, ancestor headings; the vocabulary (with frequencies) feeds spelling correction.
  const vocabulary = new Map<string, number>();
  // A heading repeated under several parents ("Legal basis for processing" under each purpose) is a facet of its
  // parent: its real title is "<parent>: <heading>", so the parent's heading counts as its own heading too. Then
  // "legal basis for personalization" prefers the facet under "individualized experience" to that purpose itself.
  const parentsByHeading = new Map<string, Set<string>>();
  for (const document of documents) {
    for (const section of document.sections) {
      if (section.path.length < 2) continue;
      const heading = normalizeText(section.path[section.path.length - 1]!);
      let parents = parentsByHeading.get(heading);
      if (parents === undefined) parentsByHeading.set(heading, (parents = new Set()));
      parents.add(section.path.slice(0, -1).join('\u0000'));
    }
  }
  const isFacet = (path: readonly string[]): boolean =>
    opts.ranking.facetHeadingParents > 0 && path.length >= 2 && (parentsByHeading.get(normalizeText(path[path.length - 1]!))?.size ?? 0) >= opts.ranking.facetHeadingParents;
  const units: IndexedFields[] = passages.map((passage) => {
    // Tokenized once, for both the vocabulary and the postings.
    const tokens = tokenize(passage.text);
    for (const token of tokens) vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
    for (const heading of passage.section) for (const token of tokenize(heading)) vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
    const facet = isFacet(passage.section);
    const own = indexTerms(passage.section[passage.section.length - 1] ?? '');
    const parent = facet ? indexTerms(passage.section[passage.section.length - 2] ?? '') : [];
    return {
      body: termsOfTokens(tokens),
      heading: [...own, ...parent],
      ancestors: passage.section.slice(0, facet ? -2 : -1).flatMap(indexTerms),
    };
  });
  const index: Bm25Index = buildBm25Index(units, opts.bm25);
  // The parent section of each facet section, for promoting a facet above its parent (see `promoteFacets`).
  const facetParentOf = new Map<PolicySection, PolicySection>();
  for (const document of documents) {
    const byPath = new Map(document.sections.map((section) => [section.path.join('\u0000'), section]));
    for (const section of document.sections) {
      const parent = isFacet(section.path) ? byPath.get(section.path.slice(0, -1).join('\u0000')) : undefined;
      if (parent !== undefined) facetParentOf.set(section, parent);
    }
  }
  // Without synonyms (ablation), filler removal still applies: it is not paraphrase knowledge.
  const synonyms = opts.features.synonyms ? compileSynonyms() : compileSynonyms([]);
  // Question-only words (stopwords, filler, synonym keys) are correction targets too, ranked below policy words.
  for (const word of [...STOPWORDS, ...synonyms.words]) if (!vocabulary.has(word)) vocabulary.set(word, 0);
  const corrector = new VocabularyCorrector(opts.features.spellingCorrection ? vocabulary : new Map());
  const headingTerms = new Set(passages.flatMap((passage) => passage.section.flatMap(indexTerms)));

  // Unknown words get a last, looser chance against the section headings (fuse.js), e.g. "retenshun" → "Data
  // retention": the heading's specific words become the concept's alternatives.
  const headingTermsByHeading = new Map<string, string[]>();
  for (const passage of passages) {
    const heading = passage.section[passage.section.length - 1] ?? '';
    if (!headingTermsByHeading.has(heading)) headingTermsByHeading.set(heading, indexTerms(heading).filter((term) => !synonyms.weakStems.has(term)));
  }
  const headingMatcher = new HeadingMatcher([...headingTermsByHeading.keys()]);
  const headingFallback = opts.features.headingMatch
    ? (word: string): readonly string[] | null => {
        const heading = headingMatcher.matchWord(word);
        const terms = heading === null ? undefined : headingTermsByHeading.get(heading);
        return terms !== undefined && terms.length > 0 ? terms : null;
      }
    : undefined;
  const context: QueryContext = {
    terms: index.terms,
    idf: index.idf,
    unknownIdf: index.unknownIdf,
    corrector,
    synonyms,
    headingTerms,
    ...(headingFallback ? { headingFallback } : {}),
  };

  // The contact section of each document: first section whose heading says "contact", first passage of it.
  const contactByDocument = new Map<string, AnswerPassage>();
  for (const passage of passages) {
    const heading = passage.section[passage.section.length - 1] ?? '';
    if (!/contact/i.test(heading) || contactByDocument.has(passage.documentId)) continue;
    contactByDocument.set(passage.documentId, toAnswerPassage(passage, 0));
  }
  const defaultContact = contactByDocument.values().next().value;

  // Per-query scratch, reused: answering allocates nothing proportional to the number of passages.
  const size = passages.length;
  const leadPassage = new Uint8Array(size);
  passages.forEach((passage, i) => {
    const previous = passages[i - 1];
    leadPassage[i] = previous === undefined || previous.sectionId !== passage.sectionId || previous.documentId !== passage.documentId ? 1 : 0;
  });
  // 1 when the passage's own heading starts with "how", 2 with "what": see `interrogativeHeadingBonus`.
  const headingInterrogative = new Uint8Array(size);
  // Term ids of such a heading: the bonus needs the question to reach the heading itself ("how do you protect my
  // data" and "How we use your data…" share only the weak word "data").
  const interrogativeHeadingTerms = new Map<number, Set<number>>();
  passages.forEach((passage, i) => {
    const heading = passage.section[passage.section.length - 1] ?? '';
    const first = tokenize(heading)[0];
    headingInterrogative[i] = first === 'how' ? 1 : first === 'what' ? 2 : 0;
    if (headingInterrogative[i] === 0) return;
    const ids = new Set<number>();
    for (const term of indexTerms(heading)) {
      const id = index.terms.get(term);
      if (id !== undefined) ids.add(id);
    }
    interrogativeHeadingTerms.set(i, ids);
  });
  const score = new Float64Array(size);
  const covered = new Float64Array(size);
  const conceptMax = new Float64Array(size);
  const conceptSum = new Float64Array(size);
  const conceptHit = new Float64Array(size);
  const queryMark = new Uint32Array(size);
  const conceptMark = new Uint32Array(size);
  const touched = new Int32Array(size);
  const conceptTouched = new Int32Array(size);
  let queryEpoch = 0;
  let conceptEpoch = 0;

  function rankCandidates(query: AnalyzedQuery, poolSize: number): RankedCandidate[] {
    if (queryEpoch >= 0xfffffff0) {
      queryMark.fill(0);
      queryEpoch = 0;
    }
    queryEpoch++;
    let touchedCount = 0;
    let totalCoverage = 0;
    const beta = opts.ranking.alternativeSumFactor;
    const ancestorCredit = opts.ranking.ancestorCoverageCredit;
    for (const concept of query.concepts) {
      totalCoverage += concept.coverageWeight;
      if (concept.alternatives.length === 0) continue;
      if (conceptEpoch >= 0xfffffff0) {
        conceptMark.fill(0);
        conceptEpoch = 0;
      }
      conceptEpoch++;
      let conceptCount = 0;
      // Coverage credit is relative to the concept's strongest alternative (the asker's own word when known).
      let strongest = 0;
      for (const alternative of concept.alternatives) strongest = Math.max(strongest, alternative.weight);
      const credit = concept.coverageWeight / strongest;
      for (const alternative of concept.alternatives) {
        const weight = alternative.weight * index.idf[alternative.termId]!;
        const end = index.postingStart[alternative.termId + 1]!;
        for (let at = index.postingStart[alternative.termId]!; at < end; at++) {
          const p = index.postingUnit[at]!;
          const value = weight * index.postingWeight[at]!;
          const hit = index.postingAncestorOnly[at] === 1 ? alternative.weight * ancestorCredit : alternative.weight;
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
    if (touchedCount === 0 || totalCoverage <= 0) return [];

    // Keep the best `poolSize` by rank with insertion into a short sorted list.
    const pool: RankedCandidate[] = [];
    const floor = opts.ranking.coverageFloor;
    const lead = opts.ranking.leadPassageBoost;
    const interrogative = query.interrogative === 'how' ? 1 : query.interrogative === 'what' ? 2 : 0;
    const interrogativeBonus = opts.ranking.interrogativeHeadingBonus;
    for (let k = 0; k < touchedCount; k++) {
      const p = touched[k]!;
      const coverage = Math.min(1, covered[p]! / totalCoverage);
      const aligned = interrogative !== 0 && headingInterrogative[p] === interrogative && reachesHeading(query, p) ? interrogativeBonus : 0;
      const rank = (score[p]! + aligned) * (floor + (1 - floor) * coverage) * (leadPassage[p] === 1 ? lead : 1);
      if (pool.length === poolSize && rank <= pool[pool.length - 1]!.rank) continue;
      let at = pool.length;
      while (at > 0 && pool[at - 1]!.rank < rank) at--;
      pool.splice(at, 0, { passage: passages[p]!, rank, coverage, coveredWeight: covered[p]! });
      if (pool.length > poolSize) pool.pop();
    }
    promoteFacets(pool);
    return pool;
  }

  /**
   * A facet that covers clearly more of the question than its parent section comes first: "legal basis for
   * personalization" asks for the "Legal basis for processing" under the personalization purpose, even though the
   * purpose's own text says "personalize" more often. The facet's heading already includes its parent's, so it
   * can only cover more through the facet's own words.
   */
  function promoteFacets(pool: RankedCandidate[]): void {
    const margin = opts.ranking.facetCoverageMargin;
    for (let i = 1; i < pool.length; i++) {
      const facet = pool[i]!;
      const parent = facetParentOf.get(facet.passage.policySection);
      if (parent === undefined) continue;
      const at = pool.findIndex((c, k) => k < i && c.passage.policySection === parent);
      if (at < 0 || facet.coverage < pool[at]!.coverage + margin) continue;
      // Just above the parent, so rank order (which later steps rely on) still holds.
      pool.splice(i, 1);
      pool.splice(at, 0, { ...facet, rank: pool[at]!.rank * 1.001 });
    }
  }

  function reachesHeading(query: AnalyzedQuery, p: number): boolean {
    const ids = interrogativeHeadingTerms.get(p);
    if (ids === undefined) return false;
    return query.concepts.some((concept) => !concept.weak && concept.alternatives.some((alternative) => ids.has(alternative.termId)));
  }

  function decide(query: AnalyzedQuery, candidates: readonly RankedCandidate[]): boolean {
    if (candidates.length === 0) return false;
    if (!opts.features.abstention) return true;
    const t = opts.thresholds;
    const top = candidates.slice(0, Math.max(1, t.decisionDepth));
    // "how do I delete a project": an instruction about product objects, however many policy words it shares.
    if (t.declineProductHowTo && query.productHowTo) return false;
    if (t.requireTopical && !query.concepts.some((concept) => concept.topical)) {
      // Several specific words found together in one passage still show the policy talks about this.
      const specific = query.concepts.filter((concept) => !concept.weak && concept.alternatives.length > 0).length;
      return specific >= t.coOccurrenceConcepts && top.some((c) => c.coverage >= t.coOccurrenceCoverage);
    }
    return top.some(
      (c) =>
        c.coverage >= t.minCoverage || (c.coveredWeight >= t.minCoveredWeight && c.coverage >= t.coveredWeightCoverage),
    );
  }

  /** Picks up to `top` passages: distinct sections first, then more of the same sections. */
  function select(candidates: readonly RankedCandidate[], top: number): RankedCandidate[] {
    const best = candidates[0];
    if (best === undefined) return [];
    const { relativeFloor, secondaryRankRatio, secondaryCoverageRatio } = opts.ranking;
    // A later passage must be relevant in its own right: ranked near the best one and covering nearly as much of
    // the question, not just sharing one of its words ("record your consent" for "how long do you keep…").
    const relevant = candidates.filter(
      (c) =>
        c === best ||
        (c.rank >= best.rank * Math.max(relativeFloor, secondaryRankRatio) && c.coverage >= best.coverage * secondaryCoverageRatio),
    );
    const chosen: RankedCandidate[] = [];
    const sections = new Set<string>();
    for (const candidate of relevant) {
      if (chosen.length >= top) break;
      const key = `${candidate.passage.documentId}#${candidate.passage.sectionId}`;
      if (sections.has(key)) continue;
      sections.add(key);
      chosen.push(candidate);
    }
    for (const candidate of relevant) {
      if (chosen.length >= top) break;
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    return chosen;
  }

  function toAnswerPassage(passage: IndexedPassage, relevance: number): AnswerPassage {
    const { url, citation } = citePassage(passage.document, passage.policySection);
    return {
      document: passage.document.title,
      section: [...passage.section],
      text: passage.text,
      score: Math.round(Math.min(1, Math.max(0, relevance)) * 1000) / 1000,
      url,
      citation,
    };
  }

  function topOf(askOptions: AskOptions | undefined): number {
    const requested = askOptions?.top;
    if (typeof requested !== 'number' || !Number.isFinite(requested)) return opts.top;
    return Math.max(1, Math.min(50, Math.floor(requested)));
  }

  function explain(question: string, askOptions?: AskOptions): Explanation {
    const text = typeof question === 'string' ? question : String(question ?? '');
    const query = analyzeQuery(text, context, opts.query);
    const top = topOf(askOptions);
    const candidates = rankCandidates(query, Math.max(10, top * 4));
    return { query, candidates, answered: decide(query, candidates) };
  }

  function decline(question: string, documentId?: string): Answer {
    const contact = (documentId !== undefined ? contactByDocument.get(documentId) : undefined) ?? defaultContact;
    return contact === undefined ? { question, answered: false, passages: [] } : { question, answered: false, passages: [], contact };
  }

  function answer(question: string, askOptions?: AskOptions): Answer {
    const text = typeof question === 'string' ? question : String(question ?? '');
    try {
      const { candidates, answered } = explain(text, askOptions);
      if (!answered) return decline(text, candidates[0]?.passage.documentId);
      const chosen = select(candidates, topOf(askOptions)).sort((a, b) => b.rank - a.rank);
      const best = chosen[0];
      if (best === undefined) return decline(text);
      // The best passage scores its coverage (comparable across questions); the others are scaled by their rank
      // relative to it and never score above a better-ranked passage.
      let previous = best.coverage;
      const scored = chosen.map((c) => {
        const score = Math.min(previous, Math.min(c.coverage, best.coverage) * (0.5 + (0.5 * c.rank) / best.rank));
        previous = score;
        return toAnswerPassage(c.passage, score);
      });
      return { question: text, answered: true, passages: scored };
    } catch {
      // Answering must never throw for any input; a failure here is a bug, and declining is the safe reply.
      return decline(text);
    }
  }

  return { answer, explain, documents, passages, options: opts };
}
