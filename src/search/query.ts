/**
 * Query understanding: turns a free-form question into weighted concepts over index terms.
 *
 * Steps: normalize and tokenize; correct unknown words (fuse.js over the vocabulary); drop conversational filler;
 * apply the synonym table (longest phrase first) so each concept carries the policy's own wording as
 * alternatives; unknown words become "unknown" concepts, which count against coverage (the abstention signal).
 */
import { stem } from './stem.js';
import { STOPWORDS, tokenize } from './tokenize.js';
import {
  DEFAULT_SYNONYM_WEIGHT,
  FILLER_PHRASES,
  FILLER_WORDS,
  SLANG,
  SYNONYM_RULES,
  TEXT_REWRITES,
  WEAK_WORDS,
  type SynonymRule,
} from './synonyms.js';
import type { VocabularyCorrector } from './fuzzy.js';
import { isEnglishWord, primaryWordClass, WordClass } from './english.js';

/** One policy term a concept may match, with its weight (1 = the asker's own word). */
export interface ConceptAlternative {
  termId: number;
  weight: number;
}

/** One idea of the question: the asker's word or phrase and the index terms that express it. */
export interface QueryConcept {
  /** The asker's word or phrase (after spelling correction). */
  source: string;
  /** Index terms matching the concept; empty when no known word expresses it. */
  alternatives: ConceptAlternative[];
  /** Weight of the concept in coverage (idf of its best alternative; a high fixed idf when unknown). */
  coverageWeight: number;
  /**
   * Whether the concept is about privacy-policy topics: reached through the synonym table, or a word of some
   * section heading. Questions with no topical concept ("how much does it cost") are not about the policy.
   */
  topical: boolean;
  /** Whether the concept is one of the WEAK_WORDS ("data", "privacy", the company name). */
  weak: boolean;
}

/** The analysed question. */
export interface AnalyzedQuery {
  concepts: QueryConcept[];
  /** Content words only (filler and stopwords removed, typos corrected), for fuzzy heading matching. */
  keywords: string;
}

/** Compiled synonym data: phrase (stems joined by spaces) → added stems with weights. */
export interface CompiledSynonyms {
  readonly rules: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly fillerPhrases: ReadonlySet<string>;
  readonly fillerWords: ReadonlySet<string>;
  readonly weakStems: ReadonlySet<string>;
  readonly maxPhraseWords: number;
  /** Every proper prefix of a rule or filler phrase, so phrase lookup stops as soon as no phrase can match. */
  readonly prefixes: ReadonlySet<string>;
  /** Every word the synonym data mentions, so spelling correction can target question-only words ("long"). */
  readonly words: ReadonlySet<string>;
}

function phraseKey(phrase: string): string[] {
  return tokenize(phrase).map(stem);
}

/**
 * Compiles the synonym and filler tables to stem form.
 *
 * @example
 * const compiled = compileSynonyms(); // uses SYNONYM_RULES, FILLER_PHRASES, FILLER_WORDS, WEAK_WORDS
 * compiled.rules.get('kid')?.get('children') // => 0.8
 */
export function compileSynonyms(
  rules: readonly SynonymRule[] = SYNONYM_RULES,
  fillerPhrases: readonly string[] = FILLER_PHRASES,
  fillerWords: readonly string[] = FILLER_WORDS,
  weakWords: readonly string[] = WEAK_WORDS,
): CompiledSynonyms {
  // The bundled tables are compiled once per process: every answerer (and every hot reload) shares them.
  const isDefault = rules === SYNONYM_RULES && fillerPhrases === FILLER_PHRASES && fillerWords === FILLER_WORDS && weakWords === WEAK_WORDS;
  if (isDefault && compiledDefaults !== undefined) return compiledDefaults;
  const compiled = compileTables(rules, fillerPhrases, fillerWords, weakWords);
  if (isDefault) compiledDefaults = compiled;
  return compiled;
}

let compiledDefaults: CompiledSynonyms | undefined;

function compileTables(
  rules: readonly SynonymRule[],
  fillerPhrases: readonly string[],
  fillerWords: readonly string[],
  weakWords: readonly string[],
): CompiledSynonyms {
  const compiled = new Map<string, Map<string, number>>();
  const words = new Set<string>();
  const weakStems = new Set(weakWords.map((word) => stem(word)));
  let maxPhraseWords = 1;
  for (const rule of rules) {
    const weight = rule.weight ?? DEFAULT_SYNONYM_WEIGHT;
    const added = new Map<string, number>();
    for (const phrase of rule.add) {
      const tokens = tokenize(phrase);
      for (const token of tokens) {
        words.add(token);
        // Generic words inside added phrases ("applicant privacy policy") would let any passage cover the concept.
        if (STOPWORDS.has(token) || (tokens.length > 1 && weakStems.has(stem(token)))) continue;
        added.set(stem(token), weight);
      }
    }
    for (const phrase of rule.when) {
      const tokens = tokenize(phrase);
      if (tokens.length === 0) continue;
      for (const token of tokens) words.add(token);
      maxPhraseWords = Math.max(maxPhraseWords, tokens.length);
      const key = tokens.map(stem).join(' ');
      let target = compiled.get(key);
      if (target === undefined) compiled.set(key, (target = new Map()));
      for (const [term, w] of added) target.set(term, Math.max(target.get(term) ?? 0, w));
    }
  }
  const fillerPhraseKeys = new Set<string>();
  for (const phrase of fillerPhrases) {
    const key = phraseKey(phrase);
    if (key.length === 0) continue;
    maxPhraseWords = Math.max(maxPhraseWords, key.length);
    fillerPhraseKeys.add(key.join(' '));
    for (const token of tokenize(phrase)) words.add(token);
  }
  for (const word of fillerWords) words.add(word);
  const prefixes = new Set<string>();
  for (const key of [...compiled.keys(), ...fillerPhraseKeys]) {
    const parts = key.split(' ');
    for (let length = 1; length < parts.length; length++) prefixes.add(parts.slice(0, length).join(' '));
  }
  return {
    prefixes,
    rules: compiled,
    fillerPhrases: fillerPhraseKeys,
    fillerWords: new Set(fillerWords),
    weakStems,
    maxPhraseWords,
    words,
  };
}

/** Tuning of query analysis. */
export interface QueryOptions {
  /** Weight of a word reached by spelling correction, relative to a correctly spelled one. */
  correctionWeight: number;
  /** Coverage weight multiplier for WEAK_WORDS concepts. */
  weakWordFactor: number;
  /** Ranking weight multiplier for WEAK_WORDS concepts: "DataRobot" in a question should not pick passages. */
  weakWordRankFactor: number;
  /** Coverage weight of an unknown word, as a multiple of the idf of a word that occurs nowhere. */
  unknownWordFactor: number;
  /** Coverage weight of an unknown number ("15 year old"), as a multiple of the unknown-word weight. */
  unknownNumberFactor: number;
  /**
   * Coverage weight of an unknown word that is mostly a verb, adjective or adverb ("gone", "watch", "relevant"),
   * as a multiple of the unknown-word weight. Paraphrases are full of such words; what makes a question
   * off-topic is usually an unknown thing (a noun: "payday", "webinar", "careers").
   */
  unknownModifierFactor: number;
  /**
   * Coverage weight multiplier for a known word outside the synonym table and headings that is mostly a verb,
   * adjective or adverb ("new", "full", "ever"): it qualifies the question more than it names its topic.
   */
  knownModifierFactor: number;
  /** Weight of heading words reached through the fuzzy heading fallback. */
  headingFallbackWeight: number;
  /** Weight of the asker's own words inside a matched phrase ("service emails"): the phrase, not each word, carries the meaning. */
  phraseWordWeight: number;
  /** Only this many characters of a question are read (a pasted 10 kB e-mail is not a question). */
  maxQuestionChars: number;
  /** At most this many concepts are kept. */
  maxConcepts: number;
}

export const defaultQueryOptions: QueryOptions = {
  correctionWeight: 0.85,
  weakWordFactor: 0.3,
  weakWordRankFactor: 0.2,
  unknownWordFactor: 1,
  unknownNumberFactor: 0.3,
  unknownModifierFactor: 0.35,
  knownModifierFactor: 0.5,
  phraseWordWeight: 0.6,
  headingFallbackWeight: 0.6,
  maxQuestionChars: 1000,
  maxConcepts: 24,
};

/** What query analysis needs from the index. */
export interface QueryContext {
  terms: ReadonlyMap<string, number>;
  idf: Float64Array;
  unknownIdf: number;
  corrector: VocabularyCorrector;
  synonyms: CompiledSynonyms;
  /** Stems occurring in section headings. */
  headingTerms: ReadonlySet<string>;
  /** Last resort for an unknown word: the specific stems of a heading it fuzzily matches, or null. */
  headingFallback?: (word: string) => readonly string[] | null;
}

function unknownWordFactor(word: string, options: QueryOptions): number {
  if (/^\d+$/.test(word)) return options.unknownNumberFactor;
  const primary = primaryWordClass(word);
  return primary !== 0 && primary !== WordClass.noun ? options.unknownModifierFactor : 1;
}


/**
 * Analyses a question into concepts.
 *
 * @example
 * const query = analyzeQuery('how lnog do you stroe my info', context);
 * query.concepts.map((c) => c.source) // => ['how long', 'store', 'info']
 */
export function analyzeQuery(question: string, context: QueryContext, options: QueryOptions = defaultQueryOptions): AnalyzedQuery {
  let text = question.slice(0, options.maxQuestionChars);
  // Before lower-casing: some variants are told apart only by case ("US" the country, "us" the pronoun).
  for (const [pattern, replacement] of TEXT_REWRITES) text = text.replace(pattern, replacement);
  const { synonyms, corrector, terms } = context;
  const tokens: string[] = [];
  for (const token of tokenize(text)) {
    const expansion = Object.hasOwn(SLANG, token) ? SLANG[token] : undefined;
    if (expansion === undefined) tokens.push(token);
    else for (const word of expansion.split(' ')) tokens.push(word);
  }
  // Spelling correction first, so corrected words can take part in phrases ("how lnog" → "how long").
  const corrected: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    corrected.push(false);
    if (STOPWORDS.has(token) || synonyms.words.has(token) || terms.has(stem(token))) continue;
    const fix = corrector.correct(token);
    if (fix !== null && fix.distance > 0) {
      tokens[i] = fix.word;
      corrected[i] = true;
    }
  }
  const stems = tokens.map(stem);
  const concepts: QueryConcept[] = [];
  const surfaceOf = new Map<QueryConcept, string>();
  const bySource = new Map<string, QueryConcept>();
  const keywords: string[] = [];
  const addConcept = (source: string, weighted: ReadonlyMap<string, number>, fromRule: boolean, surface: string): void => {
    const existing = bySource.get(source);
    const concept: QueryConcept = existing ?? { source, alternatives: [], coverageWeight: 0, topical: false, weak: synonyms.weakStems.has(source) };
    if ((fromRule || context.headingTerms.has(source)) && !synonyms.weakStems.has(source)) concept.topical = true;
    for (const [term, weight] of weighted) {
      const termId = terms.get(term);
      if (termId === undefined) continue;
      const alternative = concept.alternatives.find((a) => a.termId === termId);
      if (alternative === undefined) concept.alternatives.push({ termId, weight });
      else alternative.weight = Math.max(alternative.weight, weight);
    }
    if (existing === undefined) {
      bySource.set(source, concept);
      concepts.push(concept);
      surfaceOf.set(concept, surface);
    }
  };

  let i = 0;
  while (i < tokens.length && concepts.length < options.maxConcepts) {
    let matched = 0;
    let rule: ReadonlyMap<string, number> | undefined;
    let filler = false;
    // Longest phrase starting here: extend word by word while some phrase still has this prefix.
    let key = '';
    for (let length = 1; i + length <= tokens.length && length <= synonyms.maxPhraseWords; length++) {
      key = length === 1 ? stems[i]! : `${key} ${stems[i + length - 1]!}`;
      const found = synonyms.rules.get(key);
      // A lone stopword or filler word never triggers a rule, even when it shares a stem with one ("to" and
      // "ToS", "guys" and "GUI").
      const blocked = length === 1 && (STOPWORDS.has(tokens[i]!) || synonyms.fillerWords.has(tokens[i]!));
      if (found !== undefined && !blocked) {
        matched = length;
        rule = found;
        filler = false;
      } else if (length > 1 && synonyms.fillerPhrases.has(key)) {
        matched = length;
        rule = undefined;
        filler = true;
      }
      if (!synonyms.prefixes.has(key)) break;
    }
    if (filler) {
      i += matched;
      continue;
    }
    if (rule === undefined) {
      const token = tokens[i]!;
      i++;
      if (token.length < 2 || STOPWORDS.has(token) || synonyms.fillerWords.has(token)) continue;
      keywords.push(token);
      const own = stems[i - 1]!;
      const fallback = terms.has(own) || isEnglishWord(token) ? null : (context.headingFallback?.(token) ?? null);
      if (fallback === null) addConcept(own, new Map([[own, corrected[i - 1] ? options.correctionWeight : 1]]), false, token);
      else addConcept(own, new Map(fallback.map((term) => [term, options.headingFallbackWeight])), true, token);
      continue;
    }
    // The asker's own content words count fully (or as corrections), the rule's words as alternatives.
    const weighted = new Map<string, number>();
    for (const [term, weight] of rule) weighted.set(term, weight);
    const words: string[] = [];
    for (let k = i; k < i + matched; k++) {
      words.push(tokens[k]!);
      if (STOPWORDS.has(tokens[k]!)) continue;
      keywords.push(tokens[k]!);
      const own = (corrected[k] ? options.correctionWeight : 1) * (matched > 1 ? options.phraseWordWeight : 1);
      weighted.set(stems[k]!, Math.max(own, weighted.get(stems[k]!) ?? 0));
    }
    addConcept(stems.slice(i, i + matched).join(' '), weighted, true, words.join(' '));
    i += matched;
  }

  for (const concept of concepts) {
    let best = 0;
    for (const alternative of concept.alternatives) best = Math.max(best, alternative.weight * context.idf[alternative.termId]!);
    let weight = best;
    if (concept.alternatives.length === 0) {
      weight = context.unknownIdf * options.unknownWordFactor * unknownWordFactor(surfaceOf.get(concept) ?? concept.source, options);
    } else if (!concept.topical) {
      const primary = primaryWordClass(surfaceOf.get(concept) ?? '');
      if (primary !== 0 && primary !== WordClass.noun) weight *= options.knownModifierFactor;
    }
    if (synonyms.weakStems.has(concept.source)) {
      weight *= options.weakWordFactor;
      for (const alternative of concept.alternatives) alternative.weight *= options.weakWordRankFactor;
    }
    concept.coverageWeight = weight;
  }
  return { concepts, keywords: keywords.join(' ') };
}
