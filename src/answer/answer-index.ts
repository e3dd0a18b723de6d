/**
 * Stage 1 of the answerer, the index: passages of every section, a BM25F index over their text and headings, and
 * what query analysis and ranking need about the policy (vocabulary for spelling correction, heading words, facet
 * sections, section leads, headings that open with an interrogative, each document's contact section).
 */
import type { AnswerPassage, PolicyDocument, PolicySection } from '../types.js';
import { buildBm25Index, unitsWithTerm, type Bm25Index, type IndexedFields } from '../search/bm25.js';
import { HeadingMatcher, VocabularyCorrector } from '../search/fuzzy.js';
import { buildPassages, type IndexedPassage } from '../search/passages.js';
import { compileSynonyms, type CompiledSynonyms } from '../query/compile.js';
import { statesLegalBasis } from '../query/legal-basis.js';
import { statesDuration } from '../query/time-frame.js';
import { CONTACT_KINDS, givesContact, type AskedContact } from '../query/asked-contact.js';
import { definedTerms } from '../query/definition.js';
import type { QueryContext } from '../query/types.js';
import { FILLER_PHRASES, FILLER_WORDS, OTHER_POLICY_KINDS, SAME_FACT_DETAILS, SYNONYM_RULES, UNSTATED_DETAILS, WEAK_WORDS } from '../knowledge/tables.js';
import { policyNames } from './names.js';
import { namesPlace } from '../query/asked-name.js';
import { phraseFinder } from '../search/phrases.js';
import { stem } from '../search/stem.js';
import { sharedWordNet } from '../search/wordnet.js';
import { isEnglishWord } from '../search/english.js';
import { isStopword, normalizeText, STOPWORDS, tokenize } from '../search/tokenize.js';
import { findContactSection } from '../corpus/contact.js';
import { toAnswerPassage } from './cite.js';
import type { AnswererOptions } from './options.js';

/** Everything the later stages read; built once per corpus, immutable afterwards. */
export interface AnswerIndex {
  readonly documents: readonly PolicyDocument[];
  /** Every passage, in document order. */
  readonly passages: readonly IndexedPassage[];
  readonly bm25: Bm25Index;
  /** What query analysis needs from the index (vocabulary, idf, corrector, tables, heading matching). */
  readonly queryContext: QueryContext;
  /** The parent section of each facet section (see `RankingOptions.facetHeadingParents`). */
  readonly facetParentOf: ReadonlyMap<PolicySection, PolicySection>;
  /** 1 for the first passage of a section. */
  readonly leadPassage: Uint8Array;
  /**
   * The interrogatives a passage's own heading answers, as bits: {@link HOW} when it starts with "how", {@link WHAT}
   * with "what", {@link WHY} when it says "why" anywhere; else 0.
   */
  readonly headingInterrogative: Uint8Array;
  /** The same bits for every heading of the passage's path: what its section and the sections above it answer. */
  readonly pathInterrogative: Uint8Array;
  /** Term ids of such headings, by passage index. */
  readonly interrogativeHeadingTerms: ReadonlyMap<number, ReadonlySet<number>>;
  /** Term ids of the words a passage defines ("Cookies are small text files…"), by passage index. */
  readonly definedTerms: ReadonlyMap<number, ReadonlySet<number>>;
  /** 1 when a passage's section heading (or an ancestor's) names a region or its law: a regional addendum. */
  readonly regionalPassage: Uint8Array;
  /** 1 when a passage gives a contact detail of the kind ("call us at 1-877-…", "email dpo@…"), by kind. */
  readonly contactDetailPassage: Readonly<Record<AskedContact, Uint8Array>>;
  /** 1 when a passage says how long or how soon ("for seven years", "as long as your account is active"). */
  readonly durationPassage: Uint8Array;
  /** 1 when a passage states a legal basis or a transfer mechanism ("on the basis of your consent"). */
  readonly legalBasisPassage: Uint8Array;
  /** 1 for each passage that names a country, region or city. */
  readonly placePassage: Uint8Array;
  /** The contact passage of each document, cited, by document id. */
  readonly contactByDocument: ReadonlyMap<string, AnswerPassage>;
}

/** Bits of `AnswerIndex.headingInterrogative`. */
export const HOW = 1;
export const WHAT = 2;
export const WHY = 4;

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
  for (const token of tokens) if (!isStopword(token)) terms.push(stem(token));
  return terms;
}

const pathKey = (path: readonly string[]): string => path.join('\u0000');

/**
 * A heading repeated under several parents ("Legal basis for processing" under each purpose) is a facet of its
 * parent: its real title is "<parent>: <heading>". Returns the test for such sections.
 */
function facetTest(documents: readonly PolicyDocument[], minParents: number): (path: readonly string[]) => boolean {
  const parentsByHeading = new Map<string, Set<string>>();
  for (const document of documents) {
    for (const section of document.sections) {
      if (section.path.length < 2) continue;
      const heading = normalizeText(section.path[section.path.length - 1]!);
      let parents = parentsByHeading.get(heading);
      if (parents === undefined) parentsByHeading.set(heading, (parents = new Set()));
      parents.add(pathKey(section.path.slice(0, -1)));
    }
  }
  return (path) => minParents > 0 && path.length >= 2 && (parentsByHeading.get(normalizeText(path[path.length - 1]!))?.size ?? 0) >= minParents;
}

/**
 * Builds the index of a corpus.
 *
 * @example
 * const index = buildAnswerIndex(loadCorpus(['corpus']), mergeAnswererOptions());
 * index.passages.length // => 56
 */
export function buildAnswerIndex(documents: readonly PolicyDocument[], opts: AnswererOptions): AnswerIndex {
  const passages = buildPassages(documents, opts.maxPassageChars);
  const isFacet = facetTest(documents, opts.ranking.facetHeadingParents);
  const synonyms = compileKnowledge(documents, opts);
  // The rules' multi-word targets, and the multi-word details a policy may state ("do not track", "audit trail"), are
  // terms too.
  const sameFact = SAME_FACT_DETAILS.map((group) => group.map((phrase) => tokenize(phrase).map(stem).join(' ')));
  const details = new Set([...synonyms.unstated, ...sameFact.flat()].filter((key) => key.includes(' ')));
  const findPhrases = phraseFinder(new Set([...synonyms.phraseTargets, ...details]));
  // Which multi-word details the policy does state after all, in its text or headings: the details among the phrase
  // terms indexed.
  const statedDetails = new Set<string>();
  const phrases = (stems: readonly string[]): string[] => {
    const found = findPhrases(stems);
    for (const phrase of found) if (details.has(phrase)) statedDetails.add(phrase);
    return found;
  };
  const words = wordsOfHeadings();

  // Body, own heading, ancestor headings; the vocabulary (with frequencies) feeds spelling correction. A facet's
  // parent heading counts as its own heading, so "legal basis for personalization" prefers the facet under the
  // personalization purpose to that purpose itself. The rules' multi-word targets are terms of their own.
  const vocabulary = new Map<string, number>();
  const count = (token: string): void => void vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
  const headingTerms = (heading: string): string[] => {
    const { terms, stems } = words(heading);
    return [...terms, ...phrases(stems)];
  };
  // A document's opening passage is its overview ("what's the tl;dr of the policy?"), whatever its heading says.
  const overview = indexTerms('overview');
  const units: IndexedFields[] = passages.map((passage, i) => {
    const opening = i === 0 || passages[i - 1]!.documentId !== passage.documentId;
    const tokens = tokenize(passage.text);
    tokens.forEach(count);
    const stems = tokens.map(stem);
    for (const heading of passage.section) words(heading).tokens.forEach(count);
    const facet = isFacet(passage.section);
    const own = headingTerms(passage.section[passage.section.length - 1] ?? '');
    const parent = facet ? headingTerms(passage.section[passage.section.length - 2] ?? '') : [];
    return {
      body: [...stems.filter((_, i) => !isStopword(tokens[i]!)), ...phrases(stems)],
      heading: [...own, ...parent, ...(opening ? overview : [])],
      ancestors: passage.section.slice(0, facet ? -2 : -1).flatMap(headingTerms),
    };
  });
  const bm25 = buildBm25Index(units, opts.bm25);

  const facetParentOf = new Map<PolicySection, PolicySection>();
  for (const document of documents) {
    const byPath = new Map(document.sections.map((section) => [pathKey(section.path), section]));
    for (const section of document.sections) {
      const parent = isFacet(section.path) ? byPath.get(pathKey(section.path.slice(0, -1))) : undefined;
      if (parent !== undefined) facetParentOf.set(section, parent);
    }
  }

  const statedAlike = sameFactTerms(sameFact, (key) => (key.includes(' ') ? statedDetails.has(key) : bm25.terms.has(key)));
  const queryContext = buildQueryContext(passages, bm25, vocabulary, synonyms, statedDetails, statedAlike, opts);
  return {
    documents,
    passages,
    bm25,
    queryContext,
    regionalPassage: regionalPassages(passages, synonyms.jurisdictions, words),
    contactDetailPassage: Object.fromEntries(
      CONTACT_KINDS.map((kind) => [kind, Uint8Array.from(passages, (passage) => (givesContact(passage.text, kind) ? 1 : 0))]),
    ) as Record<AskedContact, Uint8Array>,
    durationPassage: Uint8Array.from(passages, (passage) => (statesDuration(passage.text) ? 1 : 0)),
    legalBasisPassage: Uint8Array.from(passages, (passage) => (statesLegalBasis(passage.text, passage.section) ? 1 : 0)),
    placePassage: Uint8Array.from(passages, (passage) => (namesPlace(passage.text) ? 1 : 0)),
    facetParentOf,
    ...headingSignals(passages, bm25),
    definedTerms: definedTermIds(passages, bm25),
    contactByDocument: contactPassages(passages),
  };
}

/** Tokens, stems and index terms of a heading. */
interface HeadingWords {
  tokens: readonly string[];
  stems: readonly string[];
  /** The stems of the tokens that are not stopwords, as {@link indexTerms} gives them. */
  terms: readonly string[];
}

/** The words of headings, memoized: every passage of a section repeats its heading path. */
function wordsOfHeadings(): (heading: string) => HeadingWords {
  const memo = new Map<string, HeadingWords>();
  return (heading) => {
    let words = memo.get(heading);
    if (words === undefined) {
      const tokens = tokenize(heading);
      const stems = tokens.map(stem);
      memo.set(heading, (words = { tokens, stems, terms: stems.filter((_, i) => !isStopword(tokens[i]!)) }));
    }
    return words;
  };
}

/**
 * A policy with hardly any headings (fewer distinct heading paths than a tenth of its passages: a flat page, a
 * one-section text) has no heading words to tell which questions are about it; there, the words of at least
 * `minPassages` passages stand in for them ("app", "test", "exposure" in an app's flat notice). Empty otherwise.
 */
function flatDocumentTopicalTerms(passages: readonly IndexedPassage[], bm25: Bm25Index, synonyms: CompiledSynonyms, minPassages: number): string[] {
  if (minPassages <= 0) return [];
  const headings = new Set(passages.map((passage) => passage.section.join('\u0000')));
  if (headings.size * 10 >= passages.length) return [];
  const terms: string[] = [];
  for (const [term, id] of bm25.terms) {
    if (unitsWithTerm(bm25, id) >= minPassages && !term.includes(' ') && !synonyms.weakStems.has(term) && !STOPWORDS.has(term)) terms.push(term);
  }
  return terms;
}

// A run of two or more capitalized words: with a word no dictionary has in it, a vendor's product ("Microsoft
// Clarity"), whose dictionary words ("clarity") name the thing as much as the vendor's does. Without one it may be a
// law ("Privacy Act"), whose words ("act") are ordinary ones.
const CAPITALIZED_RUN = /\p{Lu}[\p{L}\d]*(?: \p{Lu}[\p{L}\d]*)+/gu;
const MID_SENTENCE = /[\p{Ll}\d,;(] $/u;

/**
 * Index terms of the things a policy names in passing ("MUID", "bscookie", "Akismet", "Microsoft Clarity"): words no
 * dictionary has, and the words of capitalized names, in at most `maxPassages` passages, other than the policy's own
 * names (which say which company, not which section).
 */
function namedThingTerms(
  passages: readonly IndexedPassage[],
  bm25: Bm25Index,
  ownNames: ReadonlySet<string>,
  isWord: (word: string) => boolean,
  isDictionaryWord: (word: string) => boolean,
  maxPassages: number,
): string[] {
  if (maxPassages <= 0) return [];
  const terms = new Set<string>();
  const seen = new Set<string>();
  for (const passage of passages) {
    const inNames = new Set<string>();
    for (const run of passage.text.matchAll(CAPITALIZED_RUN)) {
      const words = tokenize(run[0]);
      if (words.every(isDictionaryWord)) continue;
      // At a sentence's start the first word is capitalized as any would be ("Different Automattic products…").
      const midSentence = MID_SENTENCE.test(passage.text.slice(Math.max(0, run.index - 2), run.index));
      for (const word of midSentence ? words : words.slice(1)) inNames.add(word);
    }
    for (const word of tokenize(passage.text)) {
      if (seen.has(word)) continue;
      if (word.length < 3 || !/^[a-z][a-z0-9_]*$/.test(word) || ownNames.has(word) || isStopword(word) || (isWord(word) && !inNames.has(word))) continue;
      seen.add(word);
      const term = stem(word);
      const id = bm25.terms.get(term);
      if (id !== undefined && unitsWithTerm(bm25, id) <= maxPassages) terms.add(term);
    }
  }
  return [...terms];
}

/**
 * For each detail the policy does not state in its own words, the index term of another member of its same-fact
 * group that it does state ("sso" → "saml" in a policy that names SAML).
 */
function sameFactTerms(groups: readonly (readonly string[])[], states: (key: string) => boolean): Map<string, string> {
  const alike = new Map<string, string>();
  for (const group of groups) {
    const stated = group.find(states);
    if (stated === undefined) continue;
    for (const key of group) if (!states(key)) alike.set(key, stated);
  }
  return alike;
}

function buildQueryContext(
  passages: readonly IndexedPassage[],
  bm25: Bm25Index,
  vocabulary: Map<string, number>,
  synonyms: CompiledSynonyms,
  statedPhrases: ReadonlySet<string>,
  statedAlike: ReadonlyMap<string, string>,
  opts: AnswererOptions,
): QueryContext {
  // Question-only words (stopwords, filler, synonym keys) are correction targets too, ranked below policy words.
  for (const word of [...STOPWORDS, ...synonyms.words]) if (!vocabulary.has(word)) vocabulary.set(word, 0);
  const wordnet = opts.features.wordnet ? sharedWordNet() : undefined;
  const corrector = new VocabularyCorrector(opts.features.spellingCorrection ? vocabulary : new Map(), wordnet === undefined ? {} : { isDictionaryWord: (word) => wordnet.lookup(word).known });
  const headingTerms = new Set(passages.flatMap((passage) => passage.section.flatMap(indexTerms)));
  for (const term of flatDocumentTopicalTerms(passages, bm25, synonyms, opts.query.flatTopicalPassages)) headingTerms.add(term);

  // Unknown words get a last, looser chance against the section headings (fuse.js), e.g. "retenshun" → "Data
  // retention": the heading's specific words become the concept's alternatives.
  const headingTermsByHeading = new Map<string, string[]>();
  for (const passage of passages) {
    const heading = passage.section[passage.section.length - 1] ?? '';
    if (!headingTermsByHeading.has(heading)) headingTermsByHeading.set(heading, indexTerms(heading).filter((term) => !synonyms.weakStems.has(term)));
  }
  const headingMatcher = new HeadingMatcher([...headingTermsByHeading.keys()]);
  const names = policyNames(documentsOf(passages), (word) => synonyms.words.has(word) || (wordnet?.lookup(word).known ?? false), {}, (word) => synonyms.words.has(word));
  if (wordnet !== undefined) {
    const isDictionaryWord = (word: string): boolean => wordnet.lookup(word).known || isEnglishWord(word);
    const isWord = (word: string): boolean => isDictionaryWord(word) || synonyms.words.has(word);
    for (const term of namedThingTerms(passages, bm25, names.words, isWord, isDictionaryWord, opts.query.namedThingPassages)) headingTerms.add(term);
  }
  const context: QueryContext = {
    terms: bm25.terms,
    idf: bm25.idf,
    rareIdf: bm25.rareIdf,
    corrector,
    synonyms,
    headingTerms,
    statedPhrases,
    statedAlike,
    nameStems: new Set([...names.words].map(stem)),
    joinedNames: names.joined,
    acronyms: names.acronyms,
  };
  if (wordnet !== undefined) context.lexicon = wordnet;
  if (opts.features.headingMatch) {
    context.headingFallback = (word) => {
      const heading = headingMatcher.matchWord(word);
      const terms = heading === null ? undefined : headingTermsByHeading.get(heading);
      return terms !== undefined && terms.length > 0 ? terms : null;
    };
  }
  return context;
}

/** Passages under a heading that names a region or its law ("California residents", "EEA and UK users"). */
function regionalPassages(passages: readonly IndexedPassage[], jurisdictions: ReadonlySet<string>, words: (heading: string) => HeadingWords): Uint8Array {
  const regional = new Uint8Array(passages.length);
  const findJurisdictions = phraseFinder(jurisdictions);
  const byPath = new Map<string, number>();
  passages.forEach((passage, i) => {
    const key = pathKey(passage.section);
    let flag = byPath.get(key);
    if (flag === undefined) {
      flag = passage.section.some((heading) => findJurisdictions(words(heading).stems).length > 0) ? 1 : 0;
      byPath.set(key, flag);
    }
    regional[i] = flag;
  });
  return regional;
}

function documentsOf(passages: readonly IndexedPassage[]): PolicyDocument[] {
  return [...new Set(passages.map((passage) => passage.document))];
}

/**
 * The general tables plus what the documents' knowledge files add (company paraphrases, things the policy does not
 * state); the general tables alone are compiled once per thread.
 */
function compileKnowledge(documents: readonly PolicyDocument[], opts: AnswererOptions): CompiledSynonyms {
  // Without synonyms (ablation), filler removal still applies: it is not paraphrase knowledge.
  if (!opts.features.synonyms) return compileSynonyms([]);
  const knowledge = documents.flatMap((document) => (document.knowledge ? [document.knowledge] : []));
  if (knowledge.length === 0) return compileSynonyms();
  const rules = knowledge.flatMap((k) => k.synonyms ?? []);
  const notStated = knowledge.flatMap((k) => k.notStated ?? []);
  return compileSynonyms([...SYNONYM_RULES, ...rules], FILLER_PHRASES, FILLER_WORDS, WEAK_WORDS, OTHER_POLICY_KINDS, [...UNSTATED_DETAILS, ...notStated]);
}

/** Section leads and interrogative headings ("How we collect", "What we collect"), per passage. */
function headingSignals(passages: readonly IndexedPassage[], bm25: Bm25Index): Pick<AnswerIndex, 'leadPassage' | 'headingInterrogative' | 'pathInterrogative' | 'interrogativeHeadingTerms'> {
  const leadPassage = new Uint8Array(passages.length);
  const headingInterrogative = new Uint8Array(passages.length);
  const pathInterrogative = new Uint8Array(passages.length);
  const interrogativeHeadingTerms = new Map<number, Set<number>>();
  passages.forEach((passage, i) => {
    const previous = passages[i - 1];
    leadPassage[i] = previous === undefined || previous.sectionId !== passage.sectionId || previous.documentId !== passage.documentId ? 1 : 0;
    const heading = passage.section[passage.section.length - 1] ?? '';
    const tokens = tokenize(heading);
    headingInterrogative[i] = interrogativeBits(tokens);
    pathInterrogative[i] = passage.section.reduce((bits, part) => bits | interrogativeBits(tokenize(part)), 0);
    if (headingInterrogative[i] === 0) return;
    // The bonus needs the question to reach the heading itself ("how do you protect my data" and "How we use your
    // data…" share only the weak word "data").
    interrogativeHeadingTerms.set(i, termIds(indexTerms(heading), bm25));
  });
  return { leadPassage, headingInterrogative, pathInterrogative, interrogativeHeadingTerms };
}

/** A heading's interrogative bits: "how" or "what" when it starts with it, "why" anywhere ("What we collect and why"). */
function interrogativeBits(tokens: readonly string[]): number {
  const first = tokens[0];
  return (first === 'how' ? HOW : first === 'what' ? WHAT : 0) | (tokens.includes('why') ? WHY : 0);
}

/** The ids of those terms the index has. */
function termIds(terms: readonly string[], bm25: Bm25Index): Set<number> {
  const ids = new Set<number>();
  for (const term of terms) {
    const id = bm25.terms.get(term);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** The words each passage defines (src/query/definition.ts), as index term ids. */
function definedTermIds(passages: readonly IndexedPassage[], bm25: Bm25Index): Map<number, Set<number>> {
  const defined = new Map<number, Set<number>>();
  passages.forEach((passage, i) => {
    const ids = termIds(definedTerms(passage.section[passage.section.length - 1] ?? '', passage.text).flatMap(indexTerms), bm25);
    if (ids.size > 0) defined.set(i, ids);
  });
  return defined;
}

/**
 * The contact passage of each document: in the contact section ingestion found (`PolicyDocument.contactSectionId`),
 * the passage that gives an e-mail or postal address, else its first passage.
 */
function contactPassages(passages: readonly IndexedPassage[]): Map<string, AnswerPassage> {
  const contactByDocument = new Map<string, AnswerPassage>();
  const chosen = new Map<string, IndexedPassage>();
  // Documents built by hand rather than loaded carry no contactSectionId: the same search ingestion runs.
  const contactOf = new Map<PolicyDocument, string | undefined>();
  for (const passage of passages) {
    const { document } = passage;
    if (!contactOf.has(document)) contactOf.set(document, document.contactSectionId ?? findContactSection(document.sections)?.id);
    if (passage.sectionId !== contactOf.get(document)) continue;
    const current = chosen.get(passage.documentId);
    if (current === undefined || (!givesAddress(current.text) && givesAddress(passage.text))) chosen.set(passage.documentId, passage);
  }
  for (const [documentId, passage] of chosen) contactByDocument.set(documentId, toAnswerPassage(passage, 0));
  return contactByDocument;
}

function givesAddress(text: string): boolean {
  return /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u.test(text) || /\b\d{1,5}\s+\p{Lu}\p{L}+\s+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Way|Drive|Dr\.?)\b/u.test(text);
}
