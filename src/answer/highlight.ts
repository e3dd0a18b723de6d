/**
 * After selection, highlighting: which sentences of a quoted passage answer the question.
 *
 * Each sentence (src/search/passages.ts `splitSentences`, so list items are sentences too) is scored by how much of the
 * question it covers, with the query analysis's own concepts and paraphrases (the term ids and weights the ranker uses,
 * multi-word terms such as "personal data" included): concepts of the clause that asks count fully, those of the
 * clauses around it ("Customer in Virginia had their request turned down. Can they challenge that?") as context, at a
 * discount; one word of a sentence stands for one concept only. A sentence whose wording gives the kind of answer the
 * question asks for (a duration for "how long", a party for "who", a right, a choice or a refusal for "can I", a
 * negation for "do you sell", an address for "where do I write"; highlight-cues.json) gets a bonus, a larger one when
 * it all but states it ("30 days", an e-mail address). A name the question writes as code (`user_session`) counts
 * whole, and so does an acronym that the tokenizer drops as a stop word ("the US"). The question's own words break
 * ties. A fragment (a heading inside the text), a sentence that only introduces a list or one that only points
 * elsewhere ("To learn more, visit…") scores less. Context that the passage's heading already names counts less again:
 * every sentence under that heading is about it, so the clause that asks decides.
 *
 * The best sentence comes first; up to two more follow when they score nearly as well. Sentences are cut, tokenized and
 * stemmed once per passage and kept, so highlighting costs a few array lookups per sentence.
 */
import type { TextSpan } from '../search/passages.js';
import { splitSentences } from '../search/passages.js';
import type { AnalyzedQuery } from '../query/types.js';
import { stem } from '../search/stem.js';
import { STOPWORDS, tokenize } from '../search/tokenize.js';
import { codeNameOffsets } from '../query/code-names.js';
import { answerKindsOf, askingClause, defaultAnswerKinds, endsUnfinished, pointsElsewhere, type AnswerKinds, type SentenceKinds } from './highlight-cues.js';
import { nextEpoch } from '../search/epoch.js';
import { phraseFinder } from '../search/phrases.js';

/** Tuning of {@link SentenceHighlighter}. */
export interface HighlightOptions {
  /** At most this many sentences per passage. */
  maxSentences: number;
  /** A further sentence is highlighted when it scores at least this share of the best sentence. */
  followerRatio: number;
  /**
   * Bonus, in shares of the question's coverage, for a sentence giving the kind of answer the question asks for; a
   * question may ask for two ("can I opt out?": a right, or that one cannot), and each kind given counts.
   */
  kindBonus: number;
  /** Bonus for a sentence all but stating that kind of answer ("30 days" for "how long", an address for "who do I write to"). */
  strongKindBonus: number;
  /** Sentences with fewer words than this are fragments (a heading inside the text, a menu line). */
  fragmentWords: number;
  /** Score multiplier of a fragment. */
  fragmentFactor: number;
  /**
   * Score multiplier of a sentence that only points elsewhere ("To learn more, visit…", highlight-cues.json
   * `pointers`) without giving an address: it repeats the topic's words, the answer is elsewhere.
   */
  pointerFactor: number;
  /**
   * Score multiplier of a sentence that ends with a colon or unfinished ("…when you.", highlight-cues.json
   * `unfinished`): it introduces the answer (a list), it is not one.
   */
  introducerFactor: number;
  /**
   * Weight of concepts outside the clause that asks ("Customer in Virginia had their request turned down. Can they
   * challenge that?": the first sentence is context), relative to those inside it.
   */
  contextWeight: number;
  /** Weight of the share of the question's own words (negations included) that a sentence repeats: a tie-breaker. */
  echoWeight: number;
  /**
   * Multiplier of a context concept that the passage's heading names ("A partner asked us for customer data. Is
   * purchase history shared?" under "Sharing with partners"): every sentence under that heading is about it, so the
   * clause that asks decides more.
   */
  headingFactor: number;
  /** Two concepts stand for one idea when this share of the smaller one's policy terms are also the other's. */
  sameIdeaOverlap: number;
  /**
   * Bonus for a sentence that spells whole a name the question writes as code (`user_session`, `_cs_id`: a cookie, a
   * setting): the tokenizer cuts such a name into common words, which many sentences share.
   */
  identifierBonus: number;
  /**
   * Bonus for a sentence that spells, in capitals, an acronym of the question that reads as a stop word in lower case
   * ("the US", "IT"): the tokenizer drops it, so no concept stands for it.
   */
  acronymBonus: number;
  /**
   * Share of the sentence before that a sentence going on from it gets ("When you sign up, we require certain minimum
   * personal information. This includes your name and email address."): what the first announces, the second
   * gives. 0.3: dev (rounds 1–24) highlight precision 82.3 → 82.8, 11 of 13 policies equal or better (GitHub general
   * −0.2); 0.2 and 0.5: 82.7 and 82.6. Any sentence opening with "this" (or "These cookies", "This Policy") lost 0.2.
   */
  continuationWeight: number;
}

/**
 * Tuned on the dev sets (`npm run eval -- --split dev`, highlight block): each value is the best of a small grid,
 * kept only where neighbouring values agree.
 */
export const defaultHighlightOptions: HighlightOptions = {
  maxSentences: 3,
  followerRatio: 0.85,
  kindBonus: 0.15,
  strongKindBonus: 0.5,
  fragmentWords: 4,
  fragmentFactor: 0.5,
  pointerFactor: 0.7,
  introducerFactor: 0.5,
  contextWeight: 0.3,
  echoWeight: 0.1,
  sameIdeaOverlap: 0.8,
  headingFactor: 0.5,
  identifierBonus: 0.5,
  acronymBonus: 0.3,
  continuationWeight: 0.3,
};

/** What the highlighter keeps about one sentence. */
interface SentenceFeatures {
  span: TextSpan;
  /** Distinct index term ids of its content words. */
  terms: Int32Array;
  /** The answer kinds its wording gives. */
  kinds: SentenceKinds;
  /** Whether it says "not", "never", "no"…: the question's own negation counts as one of its words. */
  negated: boolean;
  /** Score multiplier for its form: a fragment, a sentence introducing a list, or 1. */
  form: number;
  /** Whether it goes on from the sentence before ("This includes…"; highlight-cues.json `continuations`). */
  continues: boolean;
}

/** What the highlighter keeps about one passage. */
interface PassageFeatures {
  sentences: SentenceFeatures[];
  /** Distinct index term ids of the content words of its heading path. */
  heading: Int32Array;
}

/** A question prepared for scoring. Concepts by term id live in the highlighter's epoch-stamped arrays. */
interface PreparedQuestion {
  query: AnalyzedQuery;
  question: string;
  /** Coverage weight of each concept (context discounted), divided by the question's total; a scratch array. */
  conceptWeight: Float64Array;
  conceptCount: number;
  askedBit: number;
  /** Number of the question's own words known to the index, plus one for a negation. */
  echoCount: number;
  negated: boolean;
}

/** What a question's wording says, before any query analysis (see {@link SentenceHighlighter.questionCues}). */
interface QuestionCues {
  askedBit: number;
  /** Stems of the clause that asks; null when no clause asks in a way the table knows. */
  focus: readonly string[] | null;
  /** Index term ids of the question's own content words. */
  echo: Int32Array;
  negated: boolean;
  /** Acronyms that read as stop words in lower case ("US"), as written. */
  acronyms: readonly string[];
}

/** An acronym: two or more capitals. */
const ACRONYM = /\b[A-Z]{2,}\b/g;

/** The start of a sentence that continues a table row: a dash or a bar, then a space. */
const CONTINUATION = /^[\u2014\u2013|-]\s/;

/** Questions whose cues a highlighter keeps. */
const QUESTION_MEMO_SIZE = 1000;

/** A passage as the highlighter needs it: its text and, when it is indexed, its position in the index. */
export interface HighlightedPassage {
  text: string;
  /** Heading path of its section. */
  section?: readonly string[];
  /** Position in the index's passage array; sentences of indexed passages are computed once and kept. */
  index?: number;
}

/**
 * Picks the sentences of a passage that answer a question. One per index (term ids are the index's). Per-question
 * scratch arrays are reused, so a highlighter is not reentrant (answering is synchronous).
 *
 * @example
 * const highlighter = new SentenceHighlighter(index.bm25.terms, index.passages.length);
 * const spans = highlighter.highlight('how long do you keep my data', query, passage);
 * spans.map((s) => passage.text.slice(s.start, s.end)) // => ['We will retain your personal data as needed…']
 */
export class SentenceHighlighter {
  private readonly options: HighlightOptions;
  private readonly kinds: AnswerKinds;
  private readonly featuresByPassage: Array<PassageFeatures | undefined>;
  private prepared: PreparedQuestion | undefined;
  // Sentence scores of the indexed passages scored for `scoredFor`, by passage index (see scoreSentences).
  private scoredFor: PreparedQuestion | undefined;
  private readonly scoredPassages = new Map<number, Float64Array>();
  // Per term id, valid when stamped with the current epoch: its first concept entry, and whether it is an echo word.
  private readonly termEpoch: Uint32Array;
  private readonly termEntry: Int32Array;
  private readonly echoEpoch: Uint32Array;
  private epoch = 0;
  // Concept entries as linked lists: a term may express several concepts.
  private entryConcept: Int32Array = new Int32Array(64);
  private entryShare: Float64Array = new Float64Array(64);
  private entryNext: Int32Array = new Int32Array(64);
  private hits: Float64Array = new Float64Array(32);
  private conceptWeight: Float64Array = new Float64Array(32);
  private scores: Float64Array = new Float64Array(32);
  private passageWeight: Float64Array = new Float64Array(32);
  private readonly shared: number[] = [];
  private inFocus: Uint8Array = new Uint8Array(32);
  private contextOnly: Uint8Array = new Uint8Array(32);
  private shares: Int32Array = new Int32Array(32);
  private readonly cuesByQuestion = new Map<string, QuestionCues>();
  // Finds the index's multi-word terms in a sentence's stems; built on first use.
  private findPhrases: ((stems: readonly string[]) => string[]) | undefined;

  constructor(
    private readonly terms: ReadonlyMap<string, number>,
    passageCount: number,
    options: Partial<HighlightOptions> = {},
    kinds: AnswerKinds = defaultAnswerKinds(),
  ) {
    this.options = { ...defaultHighlightOptions, ...options };
    this.kinds = kinds;
    this.featuresByPassage = new Array<PassageFeatures | undefined>(passageCount);
    this.termEpoch = new Uint32Array(terms.size);
    this.termEntry = new Int32Array(terms.size);
    this.echoEpoch = new Uint32Array(terms.size);
  }

  /**
   * The score of a passage's best-answering sentence (0 when none answers), comparable across the passages of one
   * question: what reranks the top passages (`RankingOptions.sentenceRerankWeight`).
   *
   * @example
   * highlighter.bestSentenceScore('how long do you keep my data', query, passage) // => 2.4
   */
  bestSentenceScore(question: string, query: AnalyzedQuery, passage: HighlightedPassage): number {
    const { sentences, scores } = this.scoreSentences(question, query, passage);
    let best = 0;
    for (let i = 0; i < sentences.length; i++) best = Math.max(best, scores[i]!);
    return best;
  }

  /** A passage's sentences and their scores for the question (in the shared scratch array, valid until the next call). */
  private scoreSentences(question: string, query: AnalyzedQuery, passage: HighlightedPassage): { sentences: readonly SentenceFeatures[]; scores: Float64Array } {
    const { sentences, heading } = this.passageOf(passage);
    if (sentences.length === 0) return { sentences, scores: this.scores };
    const prepared = this.prepare(question, query);
    // The answerer scores its top passages to rerank them, then highlights the ones it returns: the same question
    // and passages, so the second pass copies the first one's scores instead of scoring again.
    if (this.scoredFor !== prepared) {
      this.scoredFor = prepared;
      this.scoredPassages.clear();
    }
    const known = passage.index === undefined ? undefined : this.scoredPassages.get(passage.index);
    if (known !== undefined) {
      this.scores.set(known);
      return { sentences, scores: this.scores };
    }
    const scores = this.score(sentences, prepared, this.headingWeights(heading, prepared));
    if (passage.index !== undefined) this.scoredPassages.set(passage.index, scores.slice(0, sentences.length));
    return { sentences, scores };
  }

  /**
   * The answering sentences of a passage as character ranges into its text, best first; empty when no sentence
   * scores better than the others.
   */
  highlight(question: string, query: AnalyzedQuery, passage: HighlightedPassage): TextSpan[] {
    const { sentences, scores } = this.scoreSentences(question, query, passage);
    const count = sentences.length;
    if (count === 0) return [];
    const { acronyms } = this.questionCues(question);
    if (query.codeNames.length > 0) this.addIdentifierBonus(passage.text.toLowerCase(), sentences, query.codeNames, scores, this.options.identifierBonus);
    if (acronyms.length > 0) this.addIdentifierBonus(passage.text, sentences, acronyms, scores, this.options.acronymBonus);
    // Backwards, so each sentence adds the score of the one before as scored, not as raised by this loop.
    for (let i = count - 1; i > 0; i--) if (sentences[i]!.continues) scores[i] = scores[i]! + this.options.continuationWeight * scores[i - 1]!;
    let best = 0;
    let lowest = Infinity;
    for (let i = 0; i < count; i++) {
      if (scores[i]! > scores[best]!) best = i;
      if (scores[i]! < lowest) lowest = scores[i]!;
    }
    const top = scores[best]!;
    if (top <= 0 || (count > 1 && top === lowest)) return [];
    const spans: TextSpan[] = [{ start: sentences[best]!.span.start, end: sentences[best]!.span.end }];
    // Followers, best first (earlier first among equals): a few passes over a handful of sentences.
    const floor = top * this.options.followerRatio;
    let taken = 1 << best;
    // Never every sentence of a passage: a highlight says which of them answers.
    const most = Math.min(this.options.maxSentences, Math.max(1, count - 1));
    while (spans.length < most) {
      let next = -1;
      for (let i = 0; i < count && i < 31; i++) {
        if ((taken & (1 << i)) !== 0 || scores[i]! <= 0 || scores[i]! < floor) continue;
        if (next < 0 || scores[i]! > scores[next]!) next = i;
      }
      if (next < 0) break;
      taken |= 1 << next;
      spans.push({ start: sentences[next]!.span.start, end: sentences[next]!.span.end });
    }
    return spans;
  }

  /** Adds `identifierBonus` to each sentence of `text` (lower case for code names) that spells one of `identifiers` whole. */
  private addIdentifierBonus(text: string, sentences: readonly SentenceFeatures[], identifiers: readonly string[], scores: Float64Array, identifierBonus: number): void {
    for (const identifier of identifiers) {
      for (const at of codeNameOffsets(text, identifier)) {
        const i = sentences.findIndex((sentence) => sentence.span.start <= at && at < sentence.span.end);
        if (i >= 0) scores[i] = scores[i]! + identifierBonus * sentences[i]!.form;
      }
    }
  }

  /**
   * The question's concept weights for one passage: a context concept that the passage's heading path already names
   * is shared by all of its sentences, so it tells them apart less ({@link HighlightOptions.headingFactor}). A scratch
   * array, or the question's own weights when the heading names none of its context concepts.
   */
  private headingWeights(heading: Int32Array, prepared: PreparedQuestion): Float64Array {
    const { conceptWeight, conceptCount } = prepared;
    let out: Float64Array | undefined;
    for (const id of heading) {
      if (this.termEpoch[id] !== this.epoch) continue;
      if (out === undefined) {
        if (this.passageWeight.length < conceptCount) this.passageWeight = new Float64Array(conceptCount * 2);
        out = this.passageWeight;
        out.set(conceptWeight.subarray(0, conceptCount));
      }
      for (let entry = this.termEntry[id]!; entry !== -1; entry = this.entryNext[entry]!) {
        const c = this.entryConcept[entry]!;
        if (this.contextOnly[c] === 1) out[c] = conceptWeight[c]! * this.options.headingFactor;
      }
    }
    return out ?? conceptWeight;
  }

  /** Scores of the sentences, in a scratch array valid until the next call. */
  private score(sentences: readonly SentenceFeatures[], prepared: PreparedQuestion, weight: Float64Array): Float64Array {
    if (this.scores.length < sentences.length) this.scores = new Float64Array(sentences.length * 2);
    const { kindBonus, strongKindBonus, echoWeight } = this.options;
    const { termEpoch, termEntry, echoEpoch, entryConcept, entryShare, entryNext, epoch, shared, hits, scores } = this;
    const { conceptCount: concepts, askedBit, echoCount, negated } = prepared;
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      hits.fill(0, 0, concepts);
      shared.length = 0;
      let echoed = negated && sentence.negated ? 1 : 0;
      const terms = sentence.terms;
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k]!;
        if (echoEpoch[term] === epoch) echoed++;
        if (termEpoch[term] !== epoch) continue;
        const entry = termEntry[term]!;
        if (entryNext[entry] !== -1) {
          shared.push(term);
          continue;
        }
        const concept = entryConcept[entry]!;
        if (entryShare[entry]! > hits[concept]!) hits[concept] = entryShare[entry]!;
      }
      // One word answers one concept: "applies" may stand for "cover" or for "application", not both, or a sentence
      // repeating one paraphrase would outscore the sentence that says what was asked. A word that expresses several
      // concepts goes where it adds most.
      for (const term of shared) {
        let bestEntry = -1;
        let bestGain = 0;
        for (let entry = termEntry[term]!; entry !== -1; entry = entryNext[entry]!) {
          const gain = weight[entryConcept[entry]!]! * (entryShare[entry]! - hits[entryConcept[entry]!]!);
          if (gain > bestGain) {
            bestGain = gain;
            bestEntry = entry;
          }
        }
        if (bestEntry >= 0) hits[entryConcept[bestEntry]!] = entryShare[bestEntry]!;
      }
      let coverage = 0;
      for (let c = 0; c < concepts; c++) coverage += weight[c]! * hits[c]!;
      const echo = echoCount > 0 ? (echoWeight * echoed) / echoCount : 0;
      const strongBits = sentence.kinds.strong & askedBit;
      const kind = bitCount(strongBits) * strongKindBonus + bitCount(sentence.kinds.kinds & askedBit & ~strongBits) * kindBonus;
      scores[i] = (coverage + echo + kind) * sentence.form;
    }
    return scores;
  }

  private prepare(question: string, query: AnalyzedQuery): PreparedQuestion {
    const cached = this.prepared;
    if (cached !== undefined && cached.query === query && cached.question === question) return cached;
    const epoch = (this.epoch = nextEpoch(this.epoch, [this.termEpoch, this.echoEpoch]));
    const cues = this.questionCues(question);
    const { focus } = cues;
    const concepts = query.concepts;
    if (this.inFocus.length < concepts.length) {
      this.inFocus = new Uint8Array(concepts.length * 2);
      this.contextOnly = new Uint8Array(concepts.length * 2);
    }
    // A clause that asks about nothing the policy knows ("Do we?") leaves every concept in focus.
    let focused = false;
    for (let c = 0; c < concepts.length; c++) {
      const { source, alternatives } = concepts[c]!;
      const inside = focus !== null && (source.includes(' ') ? source.split(' ').every((word) => focus.includes(word)) : focus.includes(source));
      this.inFocus[c] = inside ? 1 : 0;
      if (inside && alternatives.length > 0) focused = true;
    }
    if (this.hits.length < concepts.length) {
      this.hits = new Float64Array(concepts.length * 2);
      this.conceptWeight = new Float64Array(concepts.length * 2);
    }
    const conceptWeight = this.conceptWeight;
    conceptWeight.fill(0, 0, concepts.length);
    if (this.shares.length < concepts.length) this.shares = new Int32Array(concepts.length * 2);
    const { contextWeight, sameIdeaOverlap } = this.options;
    let total = 0;
    let entries = 0;
    for (let c = 0; c < concepts.length; c++) {
      const { coverageWeight, alternatives } = concepts[c]!;
      const context = focused && this.inFocus[c] === 0;
      const weight = coverageWeight * (context ? contextWeight : 1);
      const g = this.sameIdea(concepts, c, sameIdeaOverlap);
      // An idea is context when none of its concepts is in the clause that asks.
      this.contextOnly[g] = (g === c || this.contextOnly[g] === 1) && context ? 1 : 0;
      // Two concepts for one idea ("how long" and "keep" both look for retain, retention…) count once.
      total += Math.max(0, weight - conceptWeight[g]!);
      conceptWeight[g] = Math.max(conceptWeight[g]!, weight);
      let strongest = 0;
      for (const alternative of alternatives) strongest = Math.max(strongest, alternative.weight);
      this.reserveEntries(entries + alternatives.length);
      for (const alternative of alternatives) {
        const termId = alternative.termId;
        if (termId < 0 || termId >= this.termEpoch.length) continue;
        this.entryConcept[entries] = g;
        this.entryShare[entries] = alternative.weight / strongest;
        // Newest first: a term's list is short, its order does not matter.
        this.entryNext[entries] = this.termEpoch[termId] === epoch ? this.termEntry[termId]! : -1;
        this.termEntry[termId] = entries;
        this.termEpoch[termId] = epoch;
        entries++;
      }
    }
    if (total > 0) for (let c = 0; c < concepts.length; c++) conceptWeight[c] = conceptWeight[c]! / total;
    for (const id of cues.echo) this.echoEpoch[id] = epoch;
    const { negated } = cues;
    const echoCount = cues.echo.length;
    const prepared: PreparedQuestion = { query, question, conceptWeight, conceptCount: concepts.length, askedBit: cues.askedBit, echoCount: echoCount + (negated ? 1 : 0), negated };
    this.prepared = prepared;
    return prepared;
  }

  /**
   * What the question's wording says, independent of the query analysis: the asked kind and clause, its own words
   * as index terms, and whether it negates. Memoized by question text (people ask the same questions again), at most
   * {@link QUESTION_MEMO_SIZE} questions.
   */
  private questionCues(question: string): QuestionCues {
    const known = this.cuesByQuestion.get(question);
    if (known !== undefined) return known;
    const asked = askingClause(this.kinds, question);
    // The question's own words, as written (context and all), and whether it negates ("what if I don't agree").
    const echo = new Set<number>();
    let negated = false;
    for (const token of asked.tokens) {
      if (this.kinds.negations.has(token)) negated = true;
      if (STOPWORDS.has(token)) continue;
      const id = this.terms.get(stem(token));
      if (id !== undefined) echo.add(id);
    }
    const acronyms = [...new Set((question.match(ACRONYM) ?? []).filter((word) => STOPWORDS.has(word.toLowerCase())))];
    const cues: QuestionCues = { askedBit: asked.bits, focus: asked.focus, echo: Int32Array.from(echo), negated, acronyms };
    if (this.cuesByQuestion.size >= QUESTION_MEMO_SIZE) this.cuesByQuestion.clear();
    this.cuesByQuestion.set(question, cues);
    return cues;
  }

  /**
   * The concept that concept `c` is the same idea as: the first earlier concept (standing for itself) most of whose
   * policy terms (`overlap` of the smaller set) are also `c`'s, read from the entries already made; else `c`.
   * "How long do you keep…" gives two concepts, "how long" and "keep", that both look for retain, retention, period…
   */
  private sameIdea(concepts: AnalyzedQuery['concepts'], c: number, overlap: number): number {
    const mine = concepts[c]!.alternatives;
    if (mine.length === 0 || c === 0) return c;
    const shares = this.shares;
    shares.fill(0, 0, c);
    for (const { termId } of mine) {
      if (termId < 0 || termId >= this.termEpoch.length || this.termEpoch[termId] !== this.epoch) continue;
      // Each earlier concept counts a term once, however many entries it has there.
      let seen = -1;
      for (let entry = this.termEntry[termId]!; entry !== -1; entry = this.entryNext[entry]!) {
        const d = this.entryConcept[entry]!;
        if (d === seen) continue;
        seen = d;
        shares[d] = shares[d]! + 1;
      }
    }
    for (let d = 0; d < c; d++) {
      const theirs = concepts[d]!.alternatives.length;
      if (shares[d]! > 0 && shares[d]! >= overlap * Math.min(mine.length, theirs)) return d;
    }
    return c;
  }

  private reserveEntries(size: number): void {
    if (size <= this.entryConcept.length) return;
    const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(size * 2);
      next.set(array);
      return next;
    };
    this.entryConcept = grow(this.entryConcept, (n) => new Int32Array(n));
    this.entryShare = grow(this.entryShare, (n) => new Float64Array(n));
    this.entryNext = grow(this.entryNext, (n) => new Int32Array(n));
  }

  /** A passage's sentences and heading terms, computed once per indexed passage. */
  private passageOf(passage: HighlightedPassage): PassageFeatures {
    const at = passage.index;
    const indexed = at !== undefined && at >= 0 && at < this.featuresByPassage.length;
    const cached = indexed ? this.featuresByPassage[at] : undefined;
    if (cached !== undefined) return cached;
    const sentences = splitSentences(passage.text).map((span) => this.features(passage.text, span));
    // A table cell cut off by the sentence splitter ("GitHub — user_session — Logs you in." then "— Two weeks") gives
    // the answer of its row: the row's sentence gives that kind of answer too.
    for (let i = 1; i < sentences.length; i++) {
      if (!CONTINUATION.test(passage.text.slice(sentences[i]!.span.start, sentences[i]!.span.start + 2))) continue;
      const row = sentences[i - 1]!.kinds;
      const cell = sentences[i]!.kinds;
      sentences[i - 1]!.kinds = { kinds: row.kinds | cell.kinds, strong: row.strong | cell.strong };
    }
    const heading = new Set<number>();
    for (const line of passage.section ?? []) this.contentTerms(tokenize(line), heading);
    const features: PassageFeatures = { sentences, heading: Int32Array.from(heading) };
    if (indexed) this.featuresByPassage[at] = features;
    return features;
  }

  /** Adds the index term ids of the content words among `tokens` to `into`. */
  private contentTerms(tokens: readonly string[], into: Set<number>, stems: readonly string[] = tokens.map(stem)): Set<number> {
    tokens.forEach((token, i) => {
      if (STOPWORDS.has(token)) return;
      const id = this.terms.get(stems[i]!);
      if (id !== undefined) into.add(id);
    });
    return into;
  }

  private features(text: string, span: TextSpan): SentenceFeatures {
    const slice = text.slice(span.start, span.end);
    const tokens = tokenize(slice);
    const stems = tokens.map(stem);
    const negated = tokens.some((token) => this.kinds.negations.has(token));
    const ids = this.contentTerms(tokens, new Set<number>(), stems);
    this.phraseTerms(stems, ids);
    const terms = Int32Array.from(ids);
    // "This includes…" goes on from the sentence before; "This Policy…" names the document.
    const opening = /^\s*(\S+)\s+(\S)/u.exec(slice);
    const continues = opening !== null && this.kinds.continuations.has(opening[1]!.toLowerCase()) && /\p{Ll}/u.test(opening[2]!);
    return { span, terms, kinds: answerKindsOf(this.kinds, slice, stems), negated, form: this.formFactor(slice, tokens), continues };
  }

  /**
   * Adds the index's multi-word terms ("person data", "third parti") that occur in `stems`: the query analysis's
   * paraphrases point at them, as the ranker's index has them.
   */
  private phraseTerms(stems: readonly string[], into: Set<number>): void {
    this.findPhrases ??= phraseFinder(new Set([...this.terms.keys()].filter((term) => term.includes(' '))));
    for (const phrase of this.findPhrases(stems)) into.add(this.terms.get(phrase)!);
  }

  private formFactor(sentence: string, tokens: readonly string[]): number {
    const { fragmentWords, fragmentFactor, introducerFactor, pointerFactor } = this.options;
    if (tokens.length < fragmentWords) return fragmentFactor;
    // "We may collect your data when you." introduces a list as a colon does, when the colon was lost.
    if (sentence.endsWith(':') || endsUnfinished(this.kinds, tokens)) return introducerFactor;
    if (pointsElsewhere(this.kinds, sentence, tokens)) return pointerFactor;
    return 1;
  }
}

/** Number of set bits (asked kinds a sentence gives). */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}
