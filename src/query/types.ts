/**
 * The data model of query analysis: what a question becomes (concepts over index terms), what analysis needs from
 * the index (`QueryContext`) and its tuning (`QueryOptions`).
 */
import type { TimeFrameTopic } from '../knowledge/tables.js';
import type { AskedName } from './asked-name.js';
import type { AskedNumber } from './asked-number.js';
import type { VocabularyCorrector } from '../search/fuzzy.js';
import type { WordFacts } from '../search/wordnet.js';
import type { AskedContact } from './asked-contact.js';
import type { CompiledSynonyms } from './compile.js';

/** One policy term a concept may match, with its weight (1 = the asker's own word). */
export interface ConceptAlternative {
  termId: number;
  weight: number;
}

/** One idea of the question: the asker's word or phrase and the index terms that express it. */
export interface QueryConcept {
  /** The concept's key: the stems of the asker's word or phrase (after spelling correction). */
  source: string;
  /** The asker's word or phrase as typed (lower case, after spelling correction). */
  surface: string;
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
  /** For a concept no policy word expresses: what kind of word it is. */
  unknown?: UnknownKind;
  /**
   * When the asker typed a phrase its family lists as policy wording ("ip address", "local storage"): that phrase's
   * index term, and the weight of the asker's own words that ranking scores it with. Coverage keeps the family's
   * weight: a phrase is rarer than its words, and weighed as the asker's own it would outweigh the rest of the
   * question ("is there a phone number I can call").
   */
  ownPhrase?: ConceptAlternative;
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
   * ("how do you collect…", "in which ways…", "when do you collect…") or "what" ("what do you collect"), or the
   * reason for it: "why" ("why do you need my address?"). Headings such as "How we collect" and "What we collect"
   * differ only in that word, which is a stopword everywhere else; "What we collect and why" says why. Null for
   * quantity questions ("how long", "how many") and instruction requests ("how do I…").
   */
  interrogative: 'how' | 'what' | 'why' | null;
  /** Whether the question names a region or its law ("GDPR", "in California", "a user in Germany"). */
  regional: boolean;
  /**
   * Whether the question names personal data ("my data", "their info", "privacy"): it is about the policy even when
   * no family of the tables names its topic ("who is in charge of my data on the forum?").
   */
  namesPersonalData: boolean;
  /**
   * The topic the question asks a time frame about, when policies usually leave it out ("if you get hacked, how fast
   * will you tell me?"): answered only from a passage that states one (src/query/time-frame.ts). Null otherwise.
   */
  timeFrameTopic: TimeFrameTopic | null;
  /**
   * Whether the question asks how long or how soon about anything ("how long do you hang on to my invoices?"):
   * ranking prefers a passage that says how long (src/query/time-frame.ts).
   */
  asksDuration: boolean;
  /**
   * The kind of number the question asks for ("how many requests did you get last year?", "how many days…", "how much
   * did it cost"), or null: answered only when the passage it leads with states one (src/query/asked-number.ts).
   */
  askedNumber: AskedNumber | null;
  /**
   * The kind of name the question asks for ("what's the name of your data protection officer?", "which company does
   * the ID check?"), or null: answered only from a passage that gives one (src/query/asked-name.ts).
   */
  askedName: AskedName | null;
  /**
   * The contact detail the question asks for ("is there a phone number I can call?", "what's the email for your
   * DPO?"), or null: answered only from a passage that gives one (src/query/asked-contact.ts).
   */
  askedContact: AskedContact | null;
  /**
   * Whether the question asks for the legal basis of some processing ("what's our lawful basis for the analytics
   * cookies?"): answered only from a passage that states one (src/query/legal-basis.ts).
   */
  asksLegalBasis: boolean;
  /**
   * Whether the question asks whether people are told about a breach ("if you get hacked, will you tell me?"):
   * answered only from a passage that says so (src/query/breach-notice.ts).
   */
  asksBreachNotice: boolean;
  /**
   * Whether the question asks in which country data is kept or where the servers are ("which countries are your data
   * centers in?"): answered only from a passage that names a country (src/query/data-location.ts).
   */
  asksDataLocation: boolean;
  /** Names the question writes as code ("user_session", "_gh_sess"), lower case: a cookie or a setting, by name. */
  codeNames: string[];
  /**
   * Whether the question reports something broken and asks for a fix, or asks whether the service is down ("the app
   * crashes on startup, any fix?", "is it down rn?"): a support question (src/query/troubleshooting.ts).
   */
  asksForFix: boolean;
  /**
   * Whether the question asks whether the company is hiring, has openings or what a role pays, naming no applicant's
   * data ("are we still hiring frontend devs in Oslo?"): not a privacy question (src/query/job-openings.ts).
   */
  asksAboutJobOpenings: boolean;
  /**
   * Whether the question names a change to the policy itself ("will you email me when the privacy policy changes?"):
   * answered only from a policy that says something about its changes (src/query/policy-change.ts).
   */
  asksPolicyChange: boolean;
  /** Whether the question asks what a word means ("what do you mean by a cookie?"): see src/query/definition.ts. */
  asksDefinition: boolean;
  /**
   * Whether the question states someone's age ("my 14 year old wants an account, is that allowed?") or asks for the
   * age limit ("is there an age requirement to join?"): a passage that states an age limit answers it
   * (src/query/stated-age.ts).
   */
  concernsAge: boolean;
  /**
   * The asker's own words as index stems (typos corrected, repeated as typed), for the plain lexical score that
   * ranking blends in (`RankingOptions.plainScoreWeight`): stop words and chat filler dropped, weak words discounted.
   */
  terms: PlainTerm[];
}

/** One of the asker's own words in the plain lexical score. */
export interface PlainTerm {
  /** The word's stem. */
  term: string;
  /** 1, or `weakWordRankFactor` for a weak word ("data", the company's name). */
  weight: number;
}

/** What kind of word an unknown concept is; it decides how much the word counts against coverage. */
export type UnknownKind = 'unstated' | 'topic' | 'number' | 'name' | 'rare-noun' | 'common-noun' | 'rare-modifier' | 'common-modifier';

/** Tuning of query analysis. */
export interface QueryOptions {
  /** Weight of a word reached by spelling correction, relative to a correctly spelled one. */
  correctionWeight: number;
  /** Coverage weight multiplier for WEAK_WORDS concepts. */
  weakWordFactor: number;
  /**
   * In a policy with hardly any headings, a word found in at least this many passages makes a question about the
   * policy, as heading words do elsewhere; 0 disables. 5: the flat check of corona-warn-app (headings stripped)
   * 65.7 → 72.7% of answers in the top 5; 2 and 3 give 73.1 and 72.7.
   */
  flatTopicalPassages: number;
  /**
   * A word no dictionary has that the policy uses in at most this many passages names a thing the policy mentions
   * (a cookie, a vendor, a product: "MUID", "bscookie", "Akismet"), so a question naming it is about the policy, as
   * heading words are; 0 disables. 2: dev +7 hit@1 (github-cookies "wtf is MUID", automattic "SMS") and +6 answered,
   * no not-covered question answered; 3 gives the same.
   */
  namedThingPassages: number;
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
  /** Weight of a policy word that WordNet relates to a question word the policy never uses ("hurt" → "harm"). */
  relatedWordWeight: number;
  /**
   * Coverage weight of a word of a privacy family none of whose words the policy uses ("advertisers" in a policy
   * that never says "advertising"), as a multiple of the unknown-word weight: the asker names a privacy topic the
   * policy does not single out, which the rest of the question may still find answered.
   */
  unknownTopicFactor: number;
  /** Coverage weight of an unknown word that no dictionary has (a product or vendor name), as a multiple of the unknown-word weight. */
  unknownNameFactor: number;
  /** A common English word ("mention", "count": src/knowledge/common-words.json) weighs this much of an unknown word. */
  commonWordFactor: number;
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
  flatTopicalPassages: 5,
  namedThingPassages: 2,
  weakWordRankFactor: 0.2,
  unknownWordFactor: 1,
  unstatedDetailFactor: 2,
  unknownNumberFactor: 0.3,
  unknownModifierFactor: 0.35,
  knownModifierFactor: 0.5,
  phraseWordWeight: 0.6,
  relatedWordWeight: 0.6,
  unknownTopicFactor: 0.5,
  unknownNameFactor: 2,
  commonWordFactor: 0.5,
  headingFallbackWeight: 0.6,
  derivedWeight: 0.75,
  maxQuestionChars: 1000,
  maxConcepts: 24,
};

/** What query analysis needs from the index. */
export interface QueryContext {
  terms: ReadonlyMap<string, number>;
  idf: Float64Array;
  /** IDF of the rarest word the policy has: the reference weight of a word it never uses. */
  rareIdf: number;
  corrector: VocabularyCorrector;
  synonyms: CompiledSynonyms;
  /** Stems occurring in section headings. */
  headingTerms: ReadonlySet<string>;
  /** Last resort for an unknown word: the specific stems of a heading it fuzzily matches, or null. */
  headingFallback?: (word: string) => readonly string[] | null;
  /** Not-stated phrases (keys of `synonyms.unstated`) that the policy's text does contain. */
  statedPhrases?: ReadonlySet<string>;
  /** Not-stated details the policy states in other words, with the index term it uses ("sso" → "saml"). */
  statedAlike?: ReadonlyMap<string, string>;
  /** Stems of the names the policy uses for its company and products: weak words in questions. */
  nameStems?: ReadonlySet<string>;
  /** Such names as askers type them apart ("data robot" → "datarobot"). */
  joinedNames?: ReadonlyMap<string, string>;
  /** Acronyms of the policy's names with their long forms ("cwa" → "corona warn app", "dpf" → "data privacy framework"). */
  acronyms?: ReadonlyMap<string, string>;
  /** General English knowledge (WordNet): synonyms and frequency of words the policy never uses. */
  lexicon?: { lookup(word: string): WordFacts; related(word: string): readonly string[] };
}
