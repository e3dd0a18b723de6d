/**
 * The general knowledge tables of query understanding, read from the JSON data files beside this module:
 *
 * - privacy-pack.json: paraphrase families, how people ask about their data (`when`) and the words privacy policies
 *   use for it (`add`);
 * - phrasing.json: chat wrapping (filler phrases and words, aspect verbs, texting slang);
 * - not-stated.json: facts privacy policies rarely state, and other kinds of policy;
 * - places.json: European, Californian and other places;
 * - vocabulary.json: weak words and word prefixes;
 * - time-frames.json: time frames policies usually leave out (how fast a breach is notified);
 * - asked-numbers.json: how askers ask for a number ("how many", "minimum age"), and numbers written as words;
 * - asked-contacts.json: how askers ask for a phone number or an e-mail address to use;
 * - asked-names.json: how askers ask for a name ("the name of your DPO", "which company does…");
 * - definitions.json: how askers ask what a word means, and how policies define their words;
 * - troubleshooting.json: how askers report something broken and ask for a fix, or ask whether the service is down;
 * - job-openings.json: how askers ask whether the company is hiring, and the words of an applicant's own data;
 * - policy-changes.json: the words of a change to the policy itself ('when the privacy policy changes');
 * - data-locations.json: how askers ask in which country data is kept, and country names.
 *
 * Nothing here belongs to one company: a company's names, products and site menus live in the knowledge file
 * beside its policy (`<policy>.knowledge.json`, see `DocumentKnowledge`). test/core/knowledge.test.ts lints the
 * tables (shapes, no trigger that is also a not-stated detail, no trigger in two families, general targets).
 */
import askedContacts from './asked-contacts.json' with { type: 'json' };
import askedNames from './asked-names.json' with { type: 'json' };
import askedNumbers from './asked-numbers.json' with { type: 'json' };
import definitions from './definitions.json' with { type: 'json' };
import notStated from './not-stated.json' with { type: 'json' };
import phrasing from './phrasing.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };
import pack from './privacy-pack.json' with { type: 'json' };
import timeFrames from './time-frames.json' with { type: 'json' };
import legalBases from './legal-bases.json' with { type: 'json' };
import breachNotices from './breach-notices.json' with { type: 'json' };
import troubleshooting from './troubleshooting.json' with { type: 'json' };
import jobOpenings from './job-openings.json' with { type: 'json' };
import policyChanges from './policy-changes.json' with { type: 'json' };
import dataLocations from './data-locations.json' with { type: 'json' };
import vocabulary from './vocabulary.json' with { type: 'json' };

/** One paraphrase family: what askers write, and which policy words to look for as well. */
export interface SynonymRule {
  /** What the family is about, e.g. `retention` (for people and error messages). */
  readonly topic?: string;
  /** Words or phrases as askers write them (matched on stems). */
  readonly when: readonly string[];
  /** Policy wording to look for as well; each word becomes an alternative of the same query concept. Empty: the `when` phrases are only made known words of the topic. */
  readonly add: readonly string[];
  /** Weight of the added words, relative to the asker's own words (1). Default {@link DEFAULT_SYNONYM_WEIGHT}. */
  readonly weight?: number;
  /**
   * `false` for context words that rank passages but do not by themselves make a question about the policy
   * ("webinar", "app", "phone", "use"): "when is the next webinar" is not a privacy question.
   */
  readonly topical?: false;
  /** `true` for families that name a region or its law ("GDPR", "California"): see `QueryOptions` and ranking. */
  readonly jurisdiction?: true;
  /**
   * `true` for topics a policy either names or does not cover at all (cookies, California, children): a question
   * about one is not covered by a policy that has none of the family's words, however many of its other words match.
   */
  readonly decisive?: true;
  /**
   * Words of a decisive family's `add` that rank passages but do not show on their own that the policy names the
   * topic ("years" and "under" for children: "we keep logs for two years" says nothing about children).
   */
  readonly incidental?: readonly string[];
}

/** Default weight of words added by a rule. */
export const DEFAULT_SYNONYM_WEIGHT = 0.8;

function fail(file: string, what: string): never {
  throw new Error(`knowledge: ${file} ${what}`);
}

function wordCount(value: unknown, file: string, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 20) fail(file, `field "${field}" must be a whole number from 0 to 20`);
  return value;
}

function stemTwins(value: unknown): string[][] {
  if (!Array.isArray(value)) fail('vocabulary.json', 'stemTwins must be a list of word pairs');
  return value.map((pair: unknown, i) => {
    const words = stringList(pair, 'vocabulary.json', `stemTwins[${i}]`);
    if (words.length !== 2 || words.some((word) => word.includes(' '))) fail('vocabulary.json', `stemTwins[${i}] must be two single words`);
    return words;
  });
}

function stringList(value: unknown, file: string, field: string, allowEmpty = false): string[] {
  // An empty list is a mistake (a family that matches nothing, a table emptied by accident) except where it has a
  // meaning: a family that adds nothing makes its own phrases known words of the topic.
  if (!Array.isArray(value) || (value.length === 0 && !allowEmpty) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    fail(file, `field "${field}" must be a ${allowEmpty ? '' : 'non-empty '}list of non-empty strings`);
  }
  return value as string[];
}

/** Statements of an age below adulthood: "i'm 15", "my 12 year old", "under 16", "13 or older". */
function ageStatements(): string[] {
  const young = Array.from({ length: 10 }, (_, i) => String(8 + i));
  const any = Array.from({ length: 18 }, (_, i) => String(4 + i));
  return [
    ...young.flatMap((age) => [`turned ${age}`, `i'm ${age}`, `im ${age}`, `i am ${age}`, `aged ${age}`, `age ${age}`, `is ${age}`, `he's ${age}`, `she's ${age}`, `they're ${age}`, `theyre ${age}`, `they are ${age}`, `${age} yo`, `${age}yo`]),
    // An age with its unit or a bound ("my 15 year old", "over 18s", "18 or older"): the number is part of the age.
    ...any.flatMap((age) => [
      `${age} year old`, `${age} years old`, `${age} yr old`, `${age} yrs old`, `${age} year olds`, `under ${age}`, `over ${age}`,
      `${age} or older`, `${age} or over`, `${age} and over`, `${age} and up`, `${age} plus`,
    ]),
  ];
}

/** Californian cities and regions: a question naming one is about California residents' rights. */
export const CALIFORNIA_PLACES: readonly string[] = stringList(places.CALIFORNIA_PLACES, 'places.json', 'CALIFORNIA_PLACES');
/** Countries of the EEA, the UK and Switzerland, with their adjectives and capitals: where GDPR-style rights apply. */
export const EUROPEAN_PLACES: readonly string[] = stringList(places.EUROPEAN_PLACES, 'places.json', 'EUROPEAN_PLACES');
/** Countries outside Europe: place names, not people's names, in a question that tells a story. */
export const OTHER_COUNTRIES: readonly string[] = stringList(places.OTHER_COUNTRIES, 'places.json', 'OTHER_COUNTRIES');

/** How askers state someone's age ("my 14 year old", "i'm 15", "under 13s"): triggers of the children family. */
export const AGE_STATEMENTS: readonly string[] = ageStatements();
/** How askers ask for the age limit without a number ("is there an age requirement?", "am I old enough?"). */
export const AGE_ASKS: readonly string[] = stringList(askedNumbers.ageAsks, 'asked-numbers.json', 'ageAsks');

/**
 * Expands phrase grids: every combination of one entry per part, in order ("tweak" + "our" + "privacy policy"); an
 * empty entry leaves its part out.
 *
 * @example
 * readPhraseGrids({ EDITS: { about: '…', parts: [['update'], ['', 'the'], ['policy']] } }, 'pack.json')
 * // => { '@EDITS': ['update policy', 'update the policy'] }
 */
export function readPhraseGrids(value: unknown, file: string): Record<string, string[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(file, 'grids must be an object of { about, parts }');
  const grids: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Z][A-Z_]*$/.test(name)) fail(file, `grid name "${name}" must be upper case (it is used as @${name})`);
    const grid = raw as { about?: unknown; parts?: unknown };
    if (grid === null || typeof grid !== 'object' || typeof grid.about !== 'string' || !Array.isArray(grid.parts) || grid.parts.length < 2) {
      fail(file, `grid ${name} must have an "about" text and at least two "parts"`);
    }
    let phrases = [''];
    for (const [k, part] of (grid.parts as unknown[]).entries()) {
      if (!Array.isArray(part) || part.length === 0 || !part.every((entry) => typeof entry === 'string') || part.every((entry) => entry === '')) {
        fail(file, `grid ${name}: part ${k + 1} must be a non-empty list of strings with at least one word`);
      }
      phrases = phrases.flatMap((prefix) => (part as string[]).map((entry) => [prefix, entry.trim()].filter((words) => words !== '').join(' ')));
    }
    grids[`@${name}`] = [...new Set(phrases)].filter((phrase) => phrase.includes(' '));
  }
  return grids;
}

const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  '@EUROPEAN_PLACES': EUROPEAN_PLACES,
  '@CALIFORNIA_PLACES': CALIFORNIA_PLACES,
  '@AGE_STATEMENTS': AGE_STATEMENTS,
  '@AGE_ASKS': AGE_ASKS,
  ...readPhraseGrids(pack.grids, 'privacy-pack.json'),
};

/**
 * Validates paraphrase families as they come from a JSON file and expands `@NAME` references.
 *
 * @example
 * readSynonymRules([{ when: ['kids'], add: ['children'] }], 'acme.knowledge.json')[0].add // => ['children']
 */
export function readSynonymRules(value: unknown, file: string): SynonymRule[] {
  if (!Array.isArray(value)) fail(file, 'synonyms must be a list of { when, add, weight? } objects');
  return value.map((raw: unknown, i) => {
    if (raw === null || typeof raw !== 'object') fail(file, `family ${i + 1} is not an object`);
    const family = raw as Record<string, unknown>;
    for (const key of Object.keys(family)) if (!['topic', 'note', 'when', 'add', 'weight', 'topical', 'jurisdiction', 'decisive', 'incidental'].includes(key)) fail(file, `family ${i + 1} has an unknown field "${key}"`);
    const when = stringList(family.when, file, `when (family ${i + 1})`).flatMap((phrase) => EXPANSIONS[phrase] ?? [phrase]);
    const rule: { -readonly [K in keyof SynonymRule]: SynonymRule[K] } = { when, add: stringList(family.add, file, `add (family ${i + 1})`, true) };
    if (typeof family.topic === 'string') rule.topic = family.topic;
    if (family.weight !== undefined) {
      if (typeof family.weight !== 'number' || !(family.weight > 0 && family.weight <= 1)) fail(file, `family ${i + 1}: weight must be a number in (0, 1]`);
      rule.weight = family.weight;
    }
    if (family.topical !== undefined) {
      if (family.topical !== false) fail(file, `family ${i + 1}: topical may only be false`);
      rule.topical = false;
    }
    if (family.jurisdiction !== undefined) {
      if (family.jurisdiction !== true) fail(file, `family ${i + 1}: jurisdiction may only be true`);
      rule.jurisdiction = true;
    }
    if (family.decisive !== undefined) {
      if (family.decisive !== true) fail(file, `family ${i + 1}: decisive may only be true`);
      rule.decisive = true;
    }
    if (family.incidental !== undefined) {
      const incidental = stringList(family.incidental, file, `incidental (family ${i + 1})`);
      if (rule.decisive !== true) fail(file, `family ${i + 1}: incidental words need a decisive family`);
      const stray = incidental.filter((word) => !rule.add.includes(word));
      if (stray.length > 0) fail(file, `family ${i + 1}: incidental words must be in its add list: ${stray.join(', ')}`);
      rule.incidental = incidental;
    }
    return rule;
  });
}

/** The general paraphrase families (privacy-pack.json). */
export const SYNONYM_RULES: readonly SynonymRule[] = readSynonymRules(pack.families, 'privacy-pack.json');

/** Conversational wrappers removed from questions before matching (matched on stems, word by word). */
export const FILLER_PHRASES: readonly string[] = stringList(phrasing.fillerPhrases, 'phrasing.json', 'fillerPhrases');
/** Conversational words dropped from questions (query side only; the index keeps every word). */
export const FILLER_WORDS: readonly string[] = stringList(phrasing.fillerWords, 'phrasing.json', 'fillerWords');
/** Adverbs that only add emphasis ("where did you even get", "do you actually sell"): dropped before phrases. */
export const INTENSIFIERS: ReadonlySet<string> = new Set(stringList(phrasing.intensifiers, 'phrasing.json', 'intensifiers'));
/** Verbs that, before a gerund, mean "again and again" ("keeps sending", "kept asking"): dropped there. */
export const ASPECT_VERBS: ReadonlySet<string> = new Set(stringList(phrasing.aspectVerbs, 'phrasing.json', 'aspectVerbs'));
/** Chat and texting shorthand, rewritten to the full word(s) before anything else ("acct" → "account"). */
export const SLANG: Readonly<Record<string, string>> = phrasing.slang;
/** Phrases of a sentence after the question that says who asks or what for ("is asking", "for a #word"). */
export const RELAY_TAILS: readonly string[] = stringList(phrasing.relayTails, 'phrasing.json', 'relayTails');
/** Words that make such a sentence a question of its own ("legal wants to know if…"). */
export const RELAY_TAIL_ASKS: readonly string[] = stringList(phrasing.relayTailAsks, 'phrasing.json', 'relayTailAsks');

/** Kinds of policy other than a privacy policy: "<kind> policy" is an unknown concept ("refund policy"). */
export const OTHER_POLICY_KINDS: readonly string[] = stringList(notStated.otherPolicyKinds, 'not-stated.json', 'otherPolicyKinds');
/** Facts privacy policies rarely state ("SOC 2", "at rest", "how many days"): unknown concepts of double weight. */
export const UNSTATED_DETAILS: readonly string[] = stringList(notStated.details, 'not-stated.json', 'details');
/**
 * Details that name one fact in different words (["sso", "single sign on", "saml"]): a policy that states one member
 * states them all. Each group holds at least one not-stated detail.
 */
export const SAME_FACT_DETAILS: readonly (readonly string[])[] = sameFactGroups(notStated.sameFact);

function sameFactGroups(value: unknown): string[][] {
  if (!Array.isArray(value)) fail('not-stated.json', 'sameFact must be a list of phrase lists');
  return value.map((group, k) => {
    const phrases = stringList(group, 'not-stated.json', `sameFact[${k}]`);
    if (phrases.length < 2) fail('not-stated.json', `sameFact[${k}] must name at least two phrases`);
    return phrases;
  });
}

/** Words in almost every question about a privacy policy: they rank a little and count little toward coverage. */
export const WEAK_WORDS: readonly string[] = stringList(vocabulary.weakWords, 'vocabulary.json', 'weakWords');
/** Words that make a question about personal data ("my data", "my info"), whether or not a family names its topic. */
export const PRIVACY_WORDS: ReadonlySet<string> = new Set(stringList(vocabulary.privacyWords, 'vocabulary.json', 'privacyWords'));
/** Pairs of words of different meaning that share a stem ("paste" and "past"): never a single-word trigger or target. */
export const STEM_TWINS: ReadonlyArray<readonly string[]> = stemTwins(vocabulary.stemTwins);
/** Prefixes an unknown word may carry in front of a known word ("subcontractors", "resell", "pre-filled"). */
export const WORD_PREFIXES: readonly string[] = stringList(vocabulary.wordPrefixes, 'vocabulary.json', 'wordPrefixes');

// The European ones: the place tables read them as countries (places.json); other nationality words map to no section.
const LANGUAGES = 'english|french|german|spanish|italian|dutch|portuguese|polish|swedish|danish|norwegian|finnish|greek|czech';

/**
 * Rewrites applied to the raw question before tokenizing, for variants that only the original spelling or case
 * tells apart: "US"/"U.S." in capitals meaning the country rather than "us". ("e-mail" needs none: the tokenizer
 * joins it.)
 */
export const TEXT_REWRITES: ReadonlyArray<readonly [pattern: RegExp, replacement: string]> = [
  [/\bU\.?S\.?A?\b\.?/g, ' usa '],
  // "one of your webinars" is "your webinars"; "data sets" is "datasets".
  [/\bone of (your|the|our|their)\b/gi, '$1'],
  [/\bdata (sets?)\b/gi, 'data$1'],
  // A nationality word naming a language ("the site showed up in German", "the French copy") is no place: its
  // rights and laws are not what is asked. "German police", "in German law" stay places.
  [new RegExp(`\\b(in|into|to)\\s+(?:${LANGUAGES})\\b(?!\\s+(?:law|laws|police|authorit\\w*|users?|customers?|residents?|citizens?|compan\\w+|courts?|regulators?|government|agenc\\w+|office|entity))`, 'gi'), '$1 language'],
  [new RegExp(`\\b(?:${LANGUAGES})\\s+(versions?|cop(?:y|ies)|translations?|text|wording)\\b`, 'gi'), 'translated $1'],
  // "Controller" alone means the data controller in privacy talk; Porter stems it like "control" (cookie controls).
  [/\b(?<!data )controllers?\b/gi, 'data controller'],
  // Porter stems "customize" like "customer": the verb is about personalization, the noun about clients.
  [/\bcustomi[sz](e|es|ed|ing|ation)\b/gi, 'personaliz$1'],
  // A site typed as its web address ("lobste.rs", "letsencrypt.org"): the name is the word, the ending is no concept
  // ("com" had become "come", "rs" weighed as a rare word). Not ".gov" and ".io", which name services of their own
  // ("login.gov"; "github.io" is not "github.com").
  [/\b([a-z][a-z0-9-]*)\.(?:com|org|net|rs|edu|co|uk|de|app|dev|ai|me|eu)\b(?![.-]?[a-z0-9])/gi, '$1'],
];

/**
 * A topic whose time frame questions ask for ("how fast will you tell me about a breach"): its words, and the words
 * only its time frame is stated in (a cookie that lasts for the "session").
 */
export interface TimeFrameTopic {
  readonly topic: string;
  readonly words: readonly string[];
  readonly evidence: readonly string[];
}

/** Phrases asking for a time frame ("how soon", "within #number hours"). */
export const TIME_FRAME_ASKS: readonly string[] = stringList(timeFrames.asks, 'time-frames.json', 'asks');
/** Topics whose time frames policies usually leave out. */
export const TIME_FRAME_TOPICS: readonly TimeFrameTopic[] = (timeFrames.topics as unknown[]).map((entry, i) => {
  const { topic, words, evidence } = (entry ?? {}) as { topic?: unknown; words?: unknown; evidence?: unknown };
  if (typeof topic !== 'string' || topic.trim() === '') fail('time-frames.json', `topic ${i + 1} needs a "topic" name`);
  return { topic, words: stringList(words, 'time-frames.json', `topics[${i}].words`), evidence: evidence === undefined ? [] : stringList(evidence, 'time-frames.json', `topics[${i}].evidence`) };
});
/** The policy's words for a time frame, beside a number of hours, days or weeks ("without undue delay"). */
export const TIME_FRAME_EVIDENCE: readonly string[] = stringList(timeFrames.evidence, 'time-frames.json', 'evidence');
/** Phrases asking how long or how soon about anything ("how long", "retention period", "hang on to"). */
export const DURATION_ASKS: readonly string[] = stringList(timeFrames.durationAsks, 'time-frames.json', 'durationAsks');
/** The policy's words for how long it keeps something, besides a period ("as long as", "until you delete"). */
export const DURATION_EVIDENCE: readonly string[] = stringList(timeFrames.durationEvidence, 'time-frames.json', 'durationEvidence');

/** Phrases asking for the legal basis of some processing ("lawful basis", "on what grounds"). */
export const LEGAL_BASIS_ASKS: readonly string[] = stringList(legalBases.asks, 'legal-bases.json', 'asks');
/** The policy's words for a legal basis or a transfer mechanism ("legitimate interests", "standard contractual clauses"). */
export const LEGAL_BASIS_EVIDENCE: readonly string[] = stringList(legalBases.evidence, 'legal-bases.json', 'evidence');

/** Words for a breach, in a question and in a policy ("data breach", "hacked", "unauthorized access"). */
export const BREACH_WORDS: readonly string[] = stringList(breachNotices.breaches, 'breach-notices.json', 'breaches');
/** An asker's words for being told ("notify", "tell me", "let us know"). */
export const BREACH_NOTICE_ASKS: readonly string[] = stringList(breachNotices.asks, 'breach-notices.json', 'asks');
/** The policy's words for telling people ("notify", "inform", "let you know"). */
export const BREACH_NOTICE_EVIDENCE: readonly string[] = stringList(breachNotices.evidence, 'breach-notices.json', 'evidence');
/** An asker's phrases for the country data is kept in ("which countries are your data centers in"). */
export const DATA_LOCATION_ASKS: readonly string[] = stringList(dataLocations.asks, 'data-locations.json', 'asks');
/** Phrases about the asker's own country or a defined term ("what country I'm in"), which ask for no data location. */
export const DATA_LOCATION_EXCEPTIONS: readonly string[] = stringList(dataLocations.exceptions, 'data-locations.json', 'exceptions');
/** Country names as policies write them, in lower case ("united states", "ireland"). */
export const COUNTRY_NAMES: readonly string[] = stringList(dataLocations.countries, 'data-locations.json', 'countries');
/** Words of a report that something is broken ("crashes", "keeps failing", "502s"). */
export const MALFUNCTIONS: readonly string[] = stringList(troubleshooting.malfunctions, 'troubleshooting.json', 'malfunctions');
/** How askers ask for a fix ("any fix?", "how do I fix it"). */
export const FIX_ASKS: readonly string[] = stringList(troubleshooting.fixAsks, 'troubleshooting.json', 'fixAsks');
/** How askers ask whether the service is down, besides "is X down?" ("having an outage"). */
export const OUTAGE_PHRASES: readonly string[] = stringList(troubleshooting.outages, 'troubleshooting.json', 'outages');
/** Words that make "is X down" a state, not an outage ("the account is shut down", "the network is locked down"). */
export const NOT_OUTAGE_STATES: readonly string[] = stringList(troubleshooting.notOutageStates, 'troubleshooting.json', 'notOutageStates');

/** How askers ask about openings or pay ("open roles", "pay range", "still hiring"). */
export const JOB_OPENING_ASKS: readonly string[] = stringList(jobOpenings.asks, 'job-openings.json', 'asks');
/** Verbs of "is X hiring?" ("hiring", "recruiting"). */
export const HIRING_VERBS: readonly string[] = stringList(jobOpenings.hiringVerbs, 'job-openings.json', 'hiringVerbs');
/** Words of an applicant's own data ("my CV", "candidates", "background check"): the question is about their data. */
export const APPLICANT_WORDS: readonly string[] = stringList(jobOpenings.applicantWords, 'job-openings.json', 'applicantWords');

/** Words for changing ("update", "revised"), of a change to the policy itself. */
export const POLICY_CHANGE_WORDS: readonly string[] = stringList(policyChanges.changes, 'policy-changes.json', 'changes');
/** Words for the policy itself ("policy", "statement", "terms"). */
export const POLICY_SELF_WORDS: readonly string[] = stringList(policyChanges.policyWords, 'policy-changes.json', 'policyWords');
/** How many words may stand between a change word and a policy word ("changes to our privacy statement"). */
export const POLICY_CHANGE_MAX_GAP: number = wordCount(policyChanges.maxWordsBetween, 'policy-changes.json', 'maxWordsBetween');

/** Phrases asking for a number ("how many", "minimum age"). */
export const NUMBER_ASKS: readonly string[] = stringList(askedNumbers.asks, 'asked-numbers.json', 'asks');
/** Phrases asking for a period ("how many days"): answered by a number of that unit. */
export const PERIOD_ASKS: readonly string[] = stringList(askedNumbers.periodAsks, 'asked-numbers.json', 'periodAsks');
/** Words that make "how much" a price ("how much did it cost"): answered by an amount of money. */
export const MONEY_WORDS: readonly string[] = stringList(askedNumbers.moneyWords, 'asked-numbers.json', 'moneyWords');
/** Words that open a yes/no clause ("does it count how many…" asks whether, not how many). */
export const YES_NO_OPENERS: readonly string[] = stringList(askedNumbers.yesNoOpeners, 'asked-numbers.json', 'yesNoOpeners');
/** Numbers written as words ("thirteen", "twice"). */
export const NUMBER_WORDS: readonly string[] = stringList(askedNumbers.numberWords, 'asked-numbers.json', 'numberWords');
/** How askers ask for a phone number to call ("is there a phone number for the privacy team?"). */
export const PHONE_ASKS: readonly string[] = stringList(askedContacts.phoneAsks, 'asked-contacts.json', 'phoneAsks');
/** How askers ask for an e-mail address to write to ("what's the email for your DPO?"). */
export const EMAIL_ASKS: readonly string[] = stringList(askedContacts.emailAsks, 'asked-contacts.json', 'emailAsks');
/** How askers ask for a postal address to send a letter to ("what's the mailing address for privacy requests?"). */
export const POSTAL_ASKS: readonly string[] = stringList(askedContacts.postalAsks, 'asked-contacts.json', 'postalAsks');
/** Words that ask for an exact figure ("exactly how long…"). */
export const EXACT_WORDS: readonly string[] = stringList(askedNumbers.exactWords, 'asked-numbers.json', 'exactWords');
/** Words of a period something is kept or lasts ("how long", "expiry", "retention"). */
export const PERIOD_WORDS: readonly string[] = stringList(askedNumbers.periodWords, 'asked-numbers.json', 'periodWords');
/** Words of a question that asks how many over a past period ("last year", "so far"): a statistic. */
export const STATISTIC_WORDS: readonly string[] = stringList(askedNumbers.statisticWords, 'asked-numbers.json', 'statisticWords');
/** Words that make a number in a policy's sentence an age ("under 13", "at least 16 years old", "children under"). */
export const AGE_LIMIT_WORDS: readonly string[] = stringList(askedNumbers.ageLimitWords, 'asked-numbers.json', 'ageLimitWords');
/** Ages written as words, as a policy may state its age limit ("thirteen"). */
export const AGE_WORDS: readonly string[] = stringList(askedNumbers.ageWords, 'asked-numbers.json', 'ageWords');

/** Phrases asking for a name ("name of", "their name"); see src/query/asked-name.ts. */
export const NAME_ASKS: readonly string[] = stringList(askedNames.asks, 'asked-names.json', 'asks');
/** People a policy names by role, not by name ("data protection officer"). */
export const NAMED_ROLES: readonly string[] = stringList(askedNames.roles, 'asked-names.json', 'roles');
/** What "which …" asks for when it asks for an organisation ("company", "vendor"). */
export const ORGANISATION_NOUNS: readonly string[] = stringList(askedNames.organisationNouns, 'asked-names.json', 'organisationNouns');
/** Words that make "which/what … company" something else ("what kinds of vendors", "what does the company get"). */
export const NOT_BEFORE_ORGANISATION: readonly string[] = stringList(askedNames.notBeforeOrganisation, 'asked-names.json', 'notBeforeOrganisation');
/** What follows a company's name ("GmbH", "Inc."), as written. */
export const ORGANISATION_SUFFIXES: readonly string[] = stringList(askedNames.organisationSuffixes, 'asked-names.json', 'organisationSuffixes');
/** Phrases asking for a place ("which country are the servers in", "EU or US?"). */
export const PLACE_ASKS: readonly string[] = stringList(askedNames.placeAsks, 'asked-names.json', 'placeAsks');
/** Countries, regions and cities a passage names when it says where data is ("United States", "EU", "Frankfurt"). */
export const PLACE_NAMES: readonly string[] = stringList(askedNames.placeNames, 'asked-names.json', 'placeNames');

/** Phrases asking what a word means ("what do you mean by", "define"); see src/query/definition.ts. */
export const DEFINITION_ASKS: readonly string[] = stringList(definitions.asks, 'definitions.json', 'asks');
/** What "what does X …" ends with when it asks a meaning ("mean", "stand for"). */
export const MEANING_VERBS: readonly string[] = stringList(definitions.meaningVerbs, 'definitions.json', 'meaningVerbs');
/** What follows the term in a defining sentence ("are" in "Cookies are small text files"). */
export const DEFINING_VERBS: readonly string[] = stringList(definitions.definingVerbs, 'definitions.json', 'definingVerbs');
/** Words that open a sentence without naming a term ("We are…", "This is…"). */
export const NOT_TERMS: readonly string[] = stringList(definitions.notTerms, 'definitions.json', 'notTerms');
