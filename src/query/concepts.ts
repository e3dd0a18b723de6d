/**
 * Stage 4 of query analysis: concepts. Each segment becomes a concept whose alternatives are the index terms that
 * express it: the asker's own word, the policy words of its paraphrase family, a shorter or unprefixed form
 * ("subcontractors" → "contractors"), WordNet synonyms the policy uses ("hurt" → "harm") or, for a word no
 * dictionary has, the words of a heading it fuzzily matches ("retenshun" → "Data retention"). What is left is an
 * unknown concept, weighed by what kind of word it is (see {@link weighConcepts}).
 */
import { WORD_PREFIXES } from '../knowledge/tables.js';
import { isEnglishWord, primaryWordClass, WordClass } from '../search/english.js';
import { stem } from '../search/stem.js';
import { isStopword } from '../search/tokenize.js';
import type { Segment } from './segment.js';
import type { QueryConcept, QueryContext, QueryOptions, UnknownKind } from './types.js';
import { isFiller, isWeak } from './words.js';

/** The concepts of one question, in order, one per key (a repeated word or phrase merges into its concept). */
export class ConceptList {
  readonly concepts: QueryConcept[] = [];
  private readonly bySource = new Map<string, QueryConcept>();
  /** Concepts of facts privacy policies rarely state ("SOC 2"), weighed as such. */
  readonly unstated = new Set<QueryConcept>();

  constructor(private readonly context: QueryContext) {}

  /** Adds (or merges into) the concept `source` with weighted alternatives given as stems or phrase keys. */
  add(source: string, weighted: ReadonlyMap<string, number>, fromRule: boolean, surface: string, topical = fromRule): QueryConcept {
    const { context } = this;
    const existing = this.bySource.get(source);
    const concept: QueryConcept = existing ?? { source, surface, alternatives: [], coverageWeight: 0, topical: false, weak: isWeak(source, context), fromRule };
    if ((topical || context.headingTerms.has(source)) && !isWeak(source, context)) concept.topical = true;
    if (fromRule) concept.fromRule = true;
    for (const [term, weight] of weighted) {
      const termId = context.terms.get(term);
      if (termId === undefined) continue;
      const alternative = concept.alternatives.find((a) => a.termId === termId);
      if (alternative === undefined) concept.alternatives.push({ termId, weight });
      else alternative.weight = Math.max(alternative.weight, weight);
    }
    if (existing === undefined) {
      this.bySource.set(source, concept);
      this.concepts.push(concept);
    }
    return concept;
  }
}

/** The words of a question as the concept stage reads them. */
export interface Words {
  tokens: readonly string[];
  stems: readonly string[];
  corrected: readonly boolean[];
}

/**
 * Adds the concept of one segment; returns the question words it contributes to the keywords.
 *
 * @example
 * addSegmentConcept(list, { kind: 'word', start: 3, length: 1 }, words, context, defaultQueryOptions) // => ['cookies']
 */
export function addSegmentConcept(list: ConceptList, segment: Segment, words: Words, context: QueryContext, options: QueryOptions): string[] {
  const { tokens, stems } = words;
  const span = tokens.slice(segment.start, segment.start + segment.length);
  switch (segment.kind) {
    case 'skip':
    case 'filler':
      return [];
    case 'unstated':
      // "refund policy", "SOC 2": as unknown as a word the policy never uses, whatever topic its words belong to.
      list.unstated.add(list.add(stems.slice(segment.start, segment.start + segment.length).join(' '), new Map(), false, span.join(' ')));
      return span;
    case 'stated': {
      // A detail this policy states ("do not track"): the phrase is a term of the index, and a privacy topic.
      const key = stems.slice(segment.start, segment.start + segment.length).join(' ');
      list.add(key, new Map([[segment.term, 1]]), false, span.join(' '), true);
      return span;
    }
    case 'word':
      return wordConcept(list, segment.start, words, context, options);
    case 'rule':
      return ruleConcept(list, segment, words, context, options);
  }
}

function wordConcept(list: ConceptList, at: number, words: Words, context: QueryContext, options: QueryOptions): string[] {
  const token = words.tokens[at]!;
  if (token.length < 2 || isStopword(token) || isFiller(token, context.synonyms)) return [];
  const own = words.stems[at]!;
  if (context.terms.has(own)) {
    list.add(own, new Map([[own, words.corrected[at] ? options.correctionWeight : 1]]), false, token);
    return [token];
  }
  const derived = deriveKnown(token, own, context, options);
  if (derived !== null) {
    list.add(own, derived.weighted, derived.fromRule, token);
    return [token];
  }
  const related = relatedKnownTerms(token, context);
  if (related.length > 0) {
    list.add(own, new Map(related.map((term) => [term, options.relatedWordWeight])), false, token);
    return [token];
  }
  const fallback = isEnglishWord(token) ? null : (context.headingFallback?.(token) ?? null);
  if (fallback === null) list.add(own, new Map(), false, token);
  else list.add(own, new Map(fallback.map((term) => [term, options.headingFallbackWeight])), true, token);
  return [token];
}

function ruleConcept(list: ConceptList, segment: Extract<Segment, { kind: 'rule' }>, words: Words, context: QueryContext, options: QueryOptions): string[] {
  const { tokens, stems, corrected } = words;
  const { synonyms } = context;
  // The asker's own content words count fully (or as corrections), the rule's words as alternatives.
  const weighted = new Map(segment.rule);
  const surface: string[] = [];
  const keywords: string[] = [];
  let anyCorrected = false;
  for (let k = segment.start; k < segment.start + segment.length; k++) {
    surface.push(tokens[k]!);
    anyCorrected ||= corrected[k]!;
    // The phrase's own function words ("gets bought", "how long") would match anywhere on their own.
    if (isStopword(tokens[k]!) || isFiller(tokens[k]!, synonyms)) continue;
    keywords.push(tokens[k]!);
    const own = (corrected[k] ? options.correctionWeight : 1) * (segment.length > 1 ? options.phraseWordWeight : 1);
    weighted.set(stems[k]!, Math.max(own, weighted.get(stems[k]!) ?? 0));
  }
  const key = stems.slice(segment.start, segment.start + segment.length).join(' ');
  const concept = list.add(key, weighted, true, surface.join(' '), !synonyms.contextual.has(key));
  const phraseTerm = segment.length > 1 && segment.rule.has(key) ? context.terms.get(key) : undefined;
  if (phraseTerm !== undefined) concept.ownPhrase = { termId: phraseTerm, weight: anyCorrected ? options.correctionWeight : 1 };
  return keywords;
}

/**
 * A policy word for an unknown word, by morphology: a shorter stem the index knows ("healthi" → "health"), or a
 * known word behind a prefix ("subcontractors" → "contractors" and its family, "resell" → "sell"). Returns the
 * weighted alternatives and whether they come from a paraphrase family.
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

/** Stems of the policy's words that WordNet relates to a word (synonyms and derived forms), weak words aside. */
function relatedKnownTerms(word: string, context: QueryContext): string[] {
  if (context.lexicon === undefined || word.includes(' ')) return [];
  const terms = new Set<string>();
  for (const related of context.lexicon.related(word)) {
    const term = stem(related);
    if (context.terms.has(term) && !isWeak(term, context) && !isStopword(related)) terms.add(term);
  }
  return [...terms];
}

function unknownKind(word: string, context: QueryContext): UnknownKind {
  if (/^\d+$/.test(word)) return 'number';
  const primary = primaryWordClass(word);
  const facts = context.lexicon?.lookup(word);
  // A name no dictionary has ("mailchimp", "fedramp") is what the question is about: a product, a vendor, a
  // programme the policy never mentions.
  if (facts !== undefined && !facts.known && primary === 0 && /^[a-z]{3,}$/.test(word)) {
    // "citable", "deletable", "shareable": an adjective the dictionary lacks, made from a verb it has.
    const base = ableBase(word, context);
    if (base === undefined) return 'name';
    return base.common ? 'common-modifier' : 'rare-modifier';
  }
  // A common English word the policy happens not to use ("mention", "count", "terms") is rarely what a question
  // is about; a rare one ("payday", "copilot") usually is.
  // A verb form the dictionary lists no base for is an irregular one ("told", "went", "wrote"), and irregular verbs
  // are everyday verbs.
  const common = (facts?.common ?? false) || (primary === WordClass.verb && facts !== undefined && !facts.known);
  if (primary !== 0 && primary !== WordClass.noun) return common ? 'common-modifier' : 'rare-modifier';
  return common ? 'common-noun' : 'rare-noun';
}

/** The dictionary facts of the verb an "-able"/"-ible" adjective is made from ("citable" → cite, "shareable" → share). */
function ableBase(word: string, context: QueryContext): { common: boolean } | undefined {
  const match = /^([a-z]{2,})(?:able|ible)$/.exec(word);
  if (match === null || context.lexicon === undefined) return undefined;
  const stem = match[1]!;
  for (const base of [stem, `${stem}e`]) {
    const facts = context.lexicon.lookup(base);
    if (facts.known && facts.verb) return { common: facts.common };
  }
  return undefined;
}

function unknownFactor(kind: UnknownKind, options: QueryOptions): number {
  switch (kind) {
    case 'unstated':
      return options.unstatedDetailFactor;
    case 'topic':
      return options.unknownTopicFactor;
    case 'number':
      return options.unknownNumberFactor;
    case 'name':
      return options.unknownNameFactor;
    case 'rare-noun':
      return 1;
    case 'common-noun':
      return options.commonWordFactor;
    case 'rare-modifier':
      return options.unknownModifierFactor;
    case 'common-modifier':
      return options.unknownModifierFactor * options.commonWordFactor;
  }
}

/**
 * Sets each concept's coverage weight: the idf of its best alternative, discounted for modifiers and common words
 * outside every privacy family and for weak words; for an unknown concept, the idf of the policy's rarest word
 * times a factor for its kind, so one unknown word cannot outweigh several specific words the policy does use.
 *
 * @example
 * weighConcepts(list, context, defaultQueryOptions); list.concepts[0].coverageWeight // => 2.9
 */
export function weighConcepts(list: ConceptList, context: QueryContext, options: QueryOptions): void {
  for (const concept of list.concepts) {
    let weight = 0;
    for (const alternative of concept.alternatives) weight = Math.max(weight, alternative.weight * context.idf[alternative.termId]!);
    // "Do you sell my data?" where the policy never says sell: the asker's own "data" does not make it stated, nor
    // does "two years" a question about children.
    const incidental = context.synonyms.decisive.get(concept.source);
    if (concept.alternatives.length > 0 && incidental !== undefined) {
      const incidentalIds = new Set([...incidental].map((word) => context.terms.get(word)));
      if (concept.alternatives.every(({ termId }) => weakTermIds(context).has(termId) || incidentalIds.has(termId))) concept.alternatives = [];
    }
    if (concept.alternatives.length === 0) {
      concept.unknown = list.unstated.has(concept) ? 'unstated' : concept.fromRule && concept.topical ? 'topic' : unknownKind(concept.surface, context);
      // "Do you use cookies?" where the policy never says cookie, tracking or pixel: it does not say.
      if (concept.unknown === 'topic' && context.synonyms.decisive.has(concept.source)) concept.unknown = 'unstated';
      weight = context.rareIdf * options.unknownWordFactor * unknownFactor(concept.unknown, options);
    } else if (!concept.topical) {
      const primary = primaryWordClass(concept.surface);
      if (primary !== 0 && primary !== WordClass.noun) weight *= options.knownModifierFactor;
      // Common words outside every privacy family ("point", "run", "line") frame a question more than they name it.
      else if (!concept.surface.includes(' ') && (context.lexicon?.lookup(concept.surface).common ?? false)) weight *= options.commonWordFactor;
    }
    if (isWeak(concept.source, context)) {
      weight *= options.weakWordFactor;
      for (const alternative of concept.alternatives) alternative.weight *= options.weakWordRankFactor;
    }
    concept.coverageWeight = weight;
  }
}

const weakIdsByContext = new WeakMap<QueryContext, ReadonlySet<number>>();

/** The index ids of the weak words ("data", "privacy", the company's name) in one policy's vocabulary. */
function weakTermIds(context: QueryContext): ReadonlySet<number> {
  let ids = weakIdsByContext.get(context);
  if (ids === undefined) {
    const found = new Set<number>();
    for (const term of [...context.synonyms.weakStems, ...(context.nameStems ?? [])]) {
      const id = context.terms.get(term);
      if (id !== undefined) found.add(id);
    }
    weakIdsByContext.set(context, (ids = found));
  }
  return ids;
}
