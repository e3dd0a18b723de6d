/**
 * Query understanding: turns a free-form question into weighted concepts over index terms.
 *
 * Steps: strip chat noise (mentions, addresses, URLs, ticket and phone numbers); normalize and tokenize; correct
 * unknown words (symmetric-delete index over the vocabulary); drop conversational filler and aspect verbs before
 * gerunds ("keeps sending"); apply the synonym table (longest phrase first) so each concept carries the policy's
 * own wording as alternatives; read other unknown words through morphology ("healthy" → "health",
 * "subcontractors" → "contractors") or, last, fuzzy heading matching; what is still unknown becomes an "unknown"
 * concept, which counts against coverage (the abstention signal). Also flags instruction requests about product
 * objects ("how do I deploy a model").
 */
import { stripChatNoise } from './noise.js';
import { stem } from './stem.js';
import { STOPWORDS, tokenize } from './tokenize.js';
import {
  ASPECT_VERBS,
  DEFAULT_SYNONYM_WEIGHT,
  FILLER_PHRASES,
  FILLER_WORDS,
  OTHER_POLICY_KINDS,
  UNSTATED_DETAILS,
  SLANG,
  SYNONYM_RULES,
  TEXT_REWRITES,
  WEAK_WORDS,
  WORD_PREFIXES,
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
  /** Whether the concept came from the synonym table (or the heading fallback), rather than a plain word. */
  fromRule: boolean;
}

/** The analysed question. */
export interface AnalyzedQuery {
  concepts: QueryConcept[];
  /** Content words only (filler and stopwords removed, typos corrected), for fuzzy heading matching. */
  keywords: string;
  /**
   * An instruction request about product objects: "how do I <action> <object>" (or "can I …") where every object
   * is a plain word outside the synonym table and weak words ("how do I delete a project", "can I export my model
   * to python"). Privacy questions name a data-subject concept as the object ("my data", "my account", "cookies").
   */
  productHowTo: boolean;
  /**
   * The interrogative the question opens with, when it asks about the manner or the kind of something: "how"
   * ("how do you collect…", "in which ways…", "when do you collect…") or "what" ("what do you collect"). Headings
   * such as "How we collect" and "What we collect" differ only in that word, which is a stopword everywhere
   * else. Null for quantity questions ("how long", "how many") and instruction requests ("how do I…").
   */
  interrogative: 'how' | 'what' | null;
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
  /** Rule phrases that only come from rules marked `topical: false` (they rank, but name no policy topic). */
  readonly contextual: ReadonlySet<string>;
  /** Phrases naming another kind of policy ("refund policy"): an unknown concept, whatever words they share. */
  readonly otherPolicies: ReadonlySet<string>;
  /**
   * Phrases asking for a specific fact that privacy policies rarely state ("SOC 2", "encrypted at rest", "by
   * name", "ever had a breach"): an unknown concept, whatever family their words belong to, unless (single words)
   * the policy itself uses the word.
   */
  readonly unstated: ReadonlySet<string>;
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
  otherPolicyKinds: readonly string[] = OTHER_POLICY_KINDS,
  unstatedDetails: readonly string[] = UNSTATED_DETAILS,
): CompiledSynonyms {
  // The bundled tables are compiled once per process: every answerer (and every hot reload) shares them.
  const isDefault =
    rules === SYNONYM_RULES && fillerPhrases === FILLER_PHRASES && fillerWords === FILLER_WORDS && weakWords === WEAK_WORDS && otherPolicyKinds === OTHER_POLICY_KINDS && unstatedDetails === UNSTATED_DETAILS;
  if (isDefault && compiledDefaults !== undefined) return compiledDefaults;
  const compiled = compileTables(rules, fillerPhrases, fillerWords, weakWords, otherPolicyKinds, unstatedDetails);
  if (isDefault) compiledDefaults = compiled;
  return compiled;
}

let compiledDefaults: CompiledSynonyms | undefined;

function compileTables(
  rules: readonly SynonymRule[],
  fillerPhrases: readonly string[],
  fillerWords: readonly string[],
  weakWords: readonly string[],
  otherPolicyKinds: readonly string[],
  unstatedDetails: readonly string[],
): CompiledSynonyms {
  const compiled = new Map<string, Map<string, number>>();
  const topicalKeys = new Set<string>();
  const contextualKeys = new Set<string>();
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
      if (rule.topical === false) contextualKeys.add(key);
      else topicalKeys.add(key);
      let target = compiled.get(key);
      if (target === undefined) compiled.set(key, (target = new Map()));
      for (const [term, w] of added) target.set(term, Math.max(target.get(term) ?? 0, w));
    }
  }
  // Phrase lists without added words (filler phrases, unstated details): stem keys, and their words as correction targets.
  const phraseKeys = (phrases: readonly string[]): Set<string> => {
    const keys = new Set<string>();
    for (const phrase of phrases) {
      const key = phraseKey(phrase);
      if (key.length === 0) continue;
      maxPhraseWords = Math.max(maxPhraseWords, key.length);
      keys.add(key.join(' '));
      for (const token of tokenize(phrase)) words.add(token);
    }
    return keys;
  };
  const fillerPhraseKeys = phraseKeys(fillerPhrases);
  for (const word of fillerWords) words.add(word);
  const otherPolicies = new Set<string>();
  for (const kind of otherPolicyKinds) {
    for (const noun of ['policy', 'policies']) {
      const key = phraseKey(`${kind} ${noun}`);
      maxPhraseWords = Math.max(maxPhraseWords, key.length);
      otherPolicies.add(key.join(' '));
    }
    for (const token of tokenize(kind)) words.add(token);
  }
  const unstated = phraseKeys(unstatedDetails);
  // A phrase is contextual only if no topical rule lists it too.
  for (const key of topicalKeys) contextualKeys.delete(key);
  const prefixes = new Set<string>();
  for (const key of [...compiled.keys(), ...fillerPhraseKeys, ...otherPolicies, ...unstated]) {
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
    contextual: contextualKeys,
    otherPolicies,
    unstated,
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
  /**
   * Coverage weight of another kind of policy ("refund policy") or a detail privacy policies rarely state ("SOC 2",
   * "how many days", "google analytics"), as a multiple of the unknown-word weight: the question asks for that
   * fact, so the topic words around it ("keep", "backups") should not carry the answer on their own.
   */
  unstatedDetailFactor: number;
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
  /**
   * Weight of a policy word reached from an unknown word by morphology: a derived form ("healthy" → "health")
   * or a prefixed compound ("subcontractors" → "contractors", "resell" → "sell").
   */
  derivedWeight: number;
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
  unstatedDetailFactor: 2,
  unknownNumberFactor: 0.3,
  unknownModifierFactor: 0.35,
  knownModifierFactor: 0.5,
  phraseWordWeight: 0.6,
  headingFallbackWeight: 0.6,
  derivedWeight: 0.75,
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
 * A policy word for an unknown word, by morphology: a shorter stem the index knows ("healthi" → "health",
 * "physicali" → "physic"), or a known word behind a prefix ("subcontractors" → "contractors" and its synonym
 * rule, "resell" → "sell"). Returns the weighted alternatives and whether they come from the synonym table.
 */
function deriveKnown(token: string, own: string, context: QueryContext, options: QueryOptions): { weighted: Map<string, number>; fromRule: boolean } | null {
  const { terms, synonyms } = context;
  for (let cut = 1; cut <= 2; cut++) {
    const shorter = own.slice(0, own.length - cut);
    if (shorter.length >= 5 && terms.has(shorter)) return { weighted: new Map([[shorter, options.derivedWeight]]), fromRule: false };
  }
  for (const prefix of WORD_PREFIXES) {
    if (!token.startsWith(prefix) || token.length - prefix.length < 4) continue;
    const rest = token.slice(prefix.length).replace(/^-/, '');
    const restStem = stem(rest);
    const rule = synonyms.rules.get(restStem);
    if (rule !== undefined && !synonyms.contextual.has(restStem)) {
      const weighted = new Map<string, number>();
      for (const [term, weight] of rule) weighted.set(term, weight * options.derivedWeight);
      weighted.set(restStem, options.derivedWeight);
      return { weighted, fromRule: true };
    }
    if (restStem.length >= 4 && terms.has(restStem)) return { weighted: new Map([[restStem, options.derivedWeight]]), fromRule: false };
  }
  return null;
}

// Interjections that may precede the opener ("ok so how do I …").
const LEADING_INTERJECTIONS: ReadonlySet<string> = new Set(['hey', 'hi', 'hello', 'so', 'ok', 'okay', 'quick', 'question', 'um', 'uh', 'also', 'and', 'but', 'please', 'pls', 'plz']);
const HOW_TO_OPENERS: ReadonlySet<string> = new Set(['how', 'can', 'could', 'may']);
const HOW_TO_MODALS: ReadonlySet<string> = new Set(['do', 'can', 'could', 'should', 'would', 'to']);
const HOW_TO_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'one', 'my', 'our']);

/**
 * Whether the question opens as an instruction request: "how do I …", "how can we …", "how to …", "can I …".
 * Returns the index of the first token after the opener, or -1.
 */
function instructionStart(tokens: readonly string[]): number {
  let at = 0;
  while (at < tokens.length && LEADING_INTERJECTIONS.has(tokens[at]!)) at++;
  const first = tokens[at];
  if (first === undefined || !HOW_TO_OPENERS.has(first)) return -1;
  if (first === 'how') {
    if (tokens[at + 1] === 'to') return at + 2;
    if (HOW_TO_MODALS.has(tokens[at + 1] ?? '') && HOW_TO_SUBJECTS.has(tokens[at + 2] ?? '')) return at + 3;
    return -1;
  }
  return HOW_TO_SUBJECTS.has(tokens[at + 1] ?? '') ? at + 2 : -1;
}


// "how long", "how much": a quantity, not a manner.
const QUANTITY_AFTER_HOW: ReadonlySet<string> = new Set(['long', 'much', 'many', 'often', 'old', 'soon', 'far', 'quickly', 'fast', 'safe', 'secure']);

/**
 * The interrogative a question opens with, as a heading would start: "how" (also "when", "in which/what way(s)",
 * "by what means", which ask for the circumstances a "How we …" section lists) or "what" (also "which").
 */
function leadInterrogative(tokens: readonly string[], instruction: boolean): 'how' | 'what' | null {
  if (instruction) return null;
  let at = 0;
  while (at < tokens.length && (LEADING_INTERJECTIONS.has(tokens[at]!) || tokens[at] === 'in' || tokens[at] === 'by')) at++;
  const first = tokens[at];
  const next = tokens[at + 1] ?? '';
  if (first === 'how' || first === "how's" || first === 'hows') return QUANTITY_AFTER_HOW.has(next) ? null : 'how';
  if (first === 'when') return 'how';
  if ((first === 'which' || first === 'what') && /^(ways?|manner|means|methods?)$/.test(next)) return 'how';
  if (first === 'what' || first === 'which' || first === "what's" || first === 'whats') return 'what';
  return null;
}

// Adverbs that only add emphasis; dropped from questions before phrases are matched.
const INTENSIFIERS: ReadonlySet<string> = new Set(['even', 'actually', 'really', 'just', 'truly', 'literally', 'basically', 'seriously', 'honestly']);

const BRITISH_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2'],
  [/(.{2,})ys(e|es|ed|ing|er|ers)$/, '$1yz$2'],
  [/(.{2,})our(s|ed|ing)?$/, '$1or$2'],
  [/(.{2,})ence$/, '$1ense'],
  [/(.{2,})tre(s)?$/, '$1ter$2'],
];

/**
 * The American spelling of a British-spelled word ("analysing" → "analyzing", "licence" → "license"), or null
 * when no British ending applies.
 */
function americanSpelling(token: string): string | null {
  for (const [pattern, replacement] of BRITISH_ENDINGS) if (pattern.test(token)) return token.replace(pattern, replacement);
  return null;
}

/** Whether a word is most often an adjective, or a participle used as one ("related", "second", "new"). */
function isModifier(word: string): boolean {
  const primary = primaryWordClass(word);
  return primary === WordClass.adjective || ((primary === WordClass.verb || primary === 0) && /(?:ed|en)$/.test(word));
}

/** Whether a word is most often a verb ("add", "join", "become"). */
function isVerb(word: string): boolean {
  return primaryWordClass(word) === WordClass.verb;
}

/** Whether a token reads as a gerund or present participle ("sending", "showing"). */
function isGerund(token: string): boolean {
  return token.length > 4 && token.endsWith('ing') && !STOPWORDS.has(token);
}

/**
 * Analyses a question into concepts.
 *
 * @example
 * const query = analyzeQuery('how lnog do you stroe my info', context);
 * query.concepts.map((c) => c.source) // => ['how long', 'store', 'info']
 */
export function analyzeQuery(question: string, context: QueryContext, options: QueryOptions = defaultQueryOptions): AnalyzedQuery {
  // Mentions, e-mail addresses, URLs, ticket and phone numbers are chat noise, not content.
  let text = stripChatNoise(question.slice(0, options.maxQuestionChars));
  // Before lower-casing: some variants are told apart only by case ("US" the country, "us" the pronoun).
  for (const [pattern, replacement] of TEXT_REWRITES) text = text.replace(pattern, replacement);
  const { synonyms, corrector, terms } = context;
  const tokens: string[] = [];
  for (const raw of tokenize(text)) {
    // "under 18s", "over-16s": the age, not an unknown word.
    const token = /^\d+s$/.test(raw) ? raw.slice(0, -1) : raw;
    // After a number, "yr" is a year ("my 14 yr old"), not texting for "your".
    const afterNumber = /^\d+$/.test(tokens[tokens.length - 1] ?? '');
    const expansion = afterNumber && /^yrs?$/.test(token) ? 'year' : Object.hasOwn(SLANG, token) ? SLANG[token] : undefined;
    if (expansion === undefined) tokens.push(token);
    else for (const word of expansion.split(' ')) tokens.push(word);
  }
  // Intensifiers inside a phrase ("where did you even get", "do you actually sell") say nothing and break it up.
  for (let i = tokens.length - 1; i >= 0; i--) if (INTENSIFIERS.has(tokens[i]!)) tokens.splice(i, 1);
  // Spelling correction first, so corrected words can take part in phrases ("how lnog" → "how long").
  const corrected: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    corrected.push(false);
    if (STOPWORDS.has(token) || synonyms.words.has(token) || terms.has(stem(token))) continue;
    // British spellings of words known in American spelling ("analysing", "licence", "customise").
    const american = americanSpelling(token);
    if (american !== null && (synonyms.words.has(american) || terms.has(stem(american)))) {
      tokens[i] = american;
      continue;
    }
    const fix = corrector.correct(token);
    if (fix !== null && fix.distance > 0) {
      tokens[i] = fix.word;
      corrected[i] = true;
    }
  }
  // "keeps sending", "kept asking": an aspect verb before a gerund says "again and again", not "retain".
  const skip: boolean[] = tokens.map((token, i) => ASPECT_VERBS.has(token) && isGerund(tokens[i + 1] ?? ''));
  const stems = tokens.map(stem);
  const concepts: QueryConcept[] = [];
  const surfaceOf = new Map<QueryConcept, string>();
  const bySource = new Map<string, QueryConcept>();
  const keywords: string[] = [];
  const unknownNouns = new Set<QueryConcept>();
  const howToStart = instructionStart(tokens);
  let howToObjectsFrom = -1;
  const addConcept = (source: string, weighted: ReadonlyMap<string, number>, fromRule: boolean, surface: string, topical = fromRule): QueryConcept => {
    const existing = bySource.get(source);
    const concept: QueryConcept = existing ?? { source, alternatives: [], coverageWeight: 0, topical: false, weak: synonyms.weakStems.has(source), fromRule };
    if ((topical || context.headingTerms.has(source)) && !synonyms.weakStems.has(source)) concept.topical = true;
    if (fromRule) concept.fromRule = true;
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
    return concept;
  };

  let i = 0;
  while (i < tokens.length && concepts.length < options.maxConcepts) {
    if (skip[i]) {
      i++;
      continue;
    }
    // The first concept after "how do I" is the action; the ones after it are its objects.
    if (howToStart >= 0 && i >= howToStart && howToObjectsFrom < 0 && concepts.length > 0) howToObjectsFrom = concepts.length - 1;
    let matched = 0;
    let rule: ReadonlyMap<string, number> | undefined;
    let filler = false;
    let otherPolicy = false;
    // Longest phrase starting here: extend word by word while some phrase still has this prefix.
    let key = '';
    for (let length = 1; i + length <= tokens.length && length <= synonyms.maxPhraseWords; length++) {
      key = length === 1 ? stems[i]! : `${key} ${stems[i + length - 1]!}`;
      const found = synonyms.rules.get(key);
      // A lone stopword or filler word never triggers a rule, even when it shares a stem with one ("to" and
      // "ToS", "guys" and "GUI").
      const blocked = length === 1 && (STOPWORDS.has(tokens[i]!) || synonyms.fillerWords.has(tokens[i]!));
      // A single word the policy itself uses is stated after all ("hipaa" in a policy that names HIPAA).
      const unstated = synonyms.unstated.has(key) && (length > 1 || !terms.has(key));
      if ((length > 1 && synonyms.otherPolicies.has(key)) || unstated) {
        matched = length;
        rule = undefined;
        filler = false;
        otherPolicy = true;
      } else if (found !== undefined && !blocked) {
        matched = length;
        rule = found;
        filler = false;
        otherPolicy = false;
      } else if (length > 1 && synonyms.fillerPhrases.has(key)) {
        matched = length;
        rule = undefined;
        filler = true;
        otherPolicy = false;
      }
      if (!synonyms.prefixes.has(key)) break;
    }
    if (filler) {
      i += matched;
      continue;
    }
    if (otherPolicy) {
      // "refund policy", "travel policy": another policy altogether, as unknown as a word the policy never uses;
      // likewise a fact policies rarely state ("SOC 2", "at rest"), even when its words belong to a policy topic.
      const words = tokens.slice(i, i + matched);
      unknownNouns.add(addConcept(stems.slice(i, i + matched).join(' '), new Map(), false, words.join(' ')));
      keywords.push(...words);
      i += matched;
      continue;
    }
    if (rule === undefined) {
      const token = tokens[i]!;
      i++;
      if (token.length < 2 || STOPWORDS.has(token) || synonyms.fillerWords.has(token)) continue;
      keywords.push(token);
      const own = stems[i - 1]!;
      if (terms.has(own)) {
        addConcept(own, new Map([[own, corrected[i - 1] ? options.correctionWeight : 1]]), false, token);
        continue;
      }
      const derived = deriveKnown(token, own, context, options);
      if (derived !== null) {
        addConcept(own, derived.weighted, derived.fromRule, token);
        continue;
      }
      const fallback = isEnglishWord(token) ? null : (context.headingFallback?.(token) ?? null);
      if (fallback === null) addConcept(own, new Map(), false, token);
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
    const ruleKey = stems.slice(i, i + matched).join(' ');
    addConcept(ruleKey, weighted, true, words.join(' '), !synonyms.contextual.has(ruleKey));
    i += matched;
  }

  for (const concept of concepts) {
    let best = 0;
    for (const alternative of concept.alternatives) best = Math.max(best, alternative.weight * context.idf[alternative.termId]!);
    let weight = best;
    if (concept.alternatives.length === 0) {
      const factor = unknownNouns.has(concept) ? options.unstatedDetailFactor : unknownWordFactor(surfaceOf.get(concept) ?? concept.source, options);
      weight = context.unknownIdf * options.unknownWordFactor * factor;
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
  let productHowTo = false;
  if (howToStart >= 0 && howToObjectsFrom >= 0) {
    const action = concepts[howToObjectsFrom]!;
    const objects = concepts.slice(howToObjectsFrom + 1).filter((concept) => !concept.weak);
    // Modifiers before the object ("service related emails", "a second dataset") are not the object.
    const direct = objects.find((concept) => !isModifier(surfaceOf.get(concept) ?? '')) ?? objects[0];
    // The direct object must be a plain product word; after it, context words of the synonym table ("app",
    // "tool") are product words too: they name no policy topic, so "how do I delete a project in the app" stays an
    // instruction about the product, while "can I opt in to emails" (emails as the object) does not.
    const productObject = direct !== undefined && !direct.fromRule && objects.every((concept) => !concept.topical);
    // An action verb the policy never uses ("how do I add a user", "how do I join two datasets") is an instruction
    // about the product, whatever its object: privacy requests use the policy's own verbs (delete, opt out,
    // access, contact, turn off).
    const productAction = objects.length > 0 && action.alternatives.length === 0 && isVerb(surfaceOf.get(action) ?? '');
    // A privacy phrase as the action ("sign up to get emails", "opt out of marketing") already names its topic.
    const privacyPhraseAction = action.topical && action.source.includes(' ');
    productHowTo = !privacyPhraseAction && (productObject || productAction);
  }
  return { concepts, keywords: keywords.join(' '), productHowTo, interrogative: leadInterrogative(tokens, howToStart >= 0) };
}
