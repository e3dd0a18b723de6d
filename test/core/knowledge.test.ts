/**
 * Lints the general knowledge tables (src/knowledge/*.json): they must stay general, consistent and free of one
 * company's wording, whatever gets added to them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/corpus/load.js';
import {
  FILLER_PHRASES,
  INTENSIFIERS,
  FILLER_WORDS,
  DEFINING_VERBS,
  DURATION_ASKS,
  DURATION_EVIDENCE,
  DEFINITION_ASKS,
  MEANING_VERBS,
  NAME_ASKS,
  NOT_TERMS,
  SAME_FACT_DETAILS,
  NAMED_ROLES,
  NUMBER_ASKS,
  NUMBER_WORDS,
  OTHER_POLICY_KINDS,
  PHONE_ASKS,
  EMAIL_ASKS,
  POSTAL_ASKS,
  PRIVACY_WORDS,
  readPhraseGrids,
  readSynonymRules,
  SLANG,
  SYNONYM_RULES,
  LEGAL_BASIS_ASKS,
  LEGAL_BASIS_EVIDENCE,
  BREACH_WORDS,
  BREACH_NOTICE_ASKS,
  BREACH_NOTICE_EVIDENCE,
  FIX_ASKS,
  MALFUNCTIONS,
  NOT_OUTAGE_STATES,
  JOB_OPENING_ASKS,
  HIRING_VERBS,
  APPLICANT_WORDS,
  POLICY_CHANGE_WORDS,
  POLICY_SELF_WORDS,
  DATA_LOCATION_ASKS,
  DATA_LOCATION_EXCEPTIONS,
  COUNTRY_NAMES,
  STEM_TWINS,
  RELAY_TAILS,
  RELAY_TAIL_ASKS,
  OUTAGE_PHRASES,
  TIME_FRAME_ASKS,
  TIME_FRAME_EVIDENCE,
  TIME_FRAME_TOPICS,
  UNSTATED_DETAILS,
  WEAK_WORDS,
  YES_NO_OPENERS,
} from '../../src/knowledge/tables.js';
import { bundledCorpusDir, projectRoot } from '../../src/paths.js';
import { isEnglishWord } from '../../src/search/english.js';
import { stem } from '../../src/search/stem.js';
import { tokenize } from '../../src/search/tokenize.js';
import { sharedWordNet } from '../../src/search/wordnet.js';

// Expansions made of words too small for the dictionary's word list.
const STOPWORD_LIKE = new Set(['you', 'your', 'are', 'with', 'of', 'the', 'at', 'as', 'about', 'through', 'though', 'what', 'why', 'before', 'because', 'something']);
const key = (phrase: string): string => tokenize(phrase).map(stem).join(' ');
/** Entries that are not a trimmed, lower-case phrase. */
const notLowerCase = (phrases: readonly string[]): string[] => phrases.filter((phrase) => phrase !== phrase.toLowerCase() || phrase.trim() !== phrase);
/** Entries listed more than once. */
const repeated = (phrases: readonly string[]): string[] => phrases.filter((phrase, i) => phrases.indexOf(phrase) !== i);

/** Stem sequences of every policy we have: the bundled one and the twelve open ones. */
function policyTexts(): string[] {
  const dir = join(projectRoot, 'eval', 'policies', 'open');
  const files = [join(bundledCorpusDir, 'datarobot-privacy-policy.md'), ...readdirSync(dir).filter((f) => !f.startsWith('README')).map((f) => join(dir, f))];
  return files.map((file) => {
    const document = loadDocument(file);
    return ` ${key(document.sections.map((s) => `${s.path.join(' ')} ${s.text}`).join(' '))} `;
  });
}

// Abbreviations of privacy law and practice that dictionaries lack but every privacy policy may use.
const PRIVACY_TERMS: ReadonlySet<string> = new Set([
  'gdpr', 'ccpa', 'cpra', 'eea', 'coppa', 'dpo', 'eu', 'uk', 'ip', 'sms', 'email', 'emails', 'online', 'app', 'website', 'websites',
  'login', 'username', 'admin', 'analytics', 'plugins', 'unsubscribe', 'transactional', 'pseudonymized', 'deidentified', 'anonymize',
  'anonymized', 'personalize', 'personalized', 'personalization', 'subprocessors', 'geolocation', 'opt', '13', '16', '18',
]);
// Names of standards and legal terms: general by definition, however few of our policies use them.
const STANDARD_TERMS: ReadonlySet<string> = new Set(['global privacy control', 'opt out preference signal', 'standard contractual clauses', 'european economic area', 'data protection officer', 'data protection authority']);

describe('general knowledge tables', () => {
  it('hear and add a word that shares its stem with a word of another meaning only inside a phrase', () => {
    const twinStems = new Set(STEM_TWINS.map(([word, twin]) => {
      expect(stem(word!)).toBe(stem(twin!));
      return stem(word!);
    }));
    const alone = SYNONYM_RULES.flatMap((rule) => [...rule.when, ...rule.add].filter((word) => !word.includes(' ') && twinStems.has(stem(word))).map((word) => `"${word}" in ${rule.topic}`));
    expect(alone).toEqual([]);
  });

  it('give each trigger to one family only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const rule of SYNONYM_RULES) {
      for (const phrase of rule.when) {
        const k = key(phrase);
        const previous = owner.get(k);
        if (previous !== undefined && previous !== rule.topic) clashes.push(`"${phrase}" in ${previous} and ${rule.topic}`);
        owner.set(k, rule.topic ?? '?');
      }
    }
    expect(clashes).toEqual([]);
  });

  it('hold intensifiers as single lower-case words, and no phrase one of them would make unreachable', () => {
    expect([...INTENSIFIERS].filter((word) => !/^[a-z]+$/.test(word))).toEqual([]);
    // Intensifiers are dropped before phrases are matched: a phrase with one in it could never match.
    const phrases = [...SYNONYM_RULES.flatMap((rule) => rule.when), ...FILLER_PHRASES, ...UNSTATED_DETAILS];
    expect(phrases.filter((phrase) => phrase.split(' ').some((word) => INTENSIFIERS.has(word)))).toEqual([]);
  });

  it('group same-fact details as lower-case phrases, each group with a not-stated detail and no phrase in two groups', () => {
    const details = new Set(UNSTATED_DETAILS.map(key));
    expect(SAME_FACT_DETAILS.filter((group) => !group.some((phrase) => details.has(key(phrase))))).toEqual([]);
    const phrases = SAME_FACT_DETAILS.flat();
    expect(phrases.filter((phrase) => phrase !== phrase.toLowerCase().trim())).toEqual([]);
    expect(phrases.filter((phrase, at) => phrases.findIndex((other) => key(other) === key(phrase)) !== at)).toEqual([]);
  });

  it('hold filler words as single lower-case words, since a phrase there would never match (phrases go to the filler phrases)', () => {
    expect(FILLER_WORDS.filter((word) => !/^[a-z0-9']+$/.test(word))).toEqual([]);
  });

  it('never make a word both a trigger and a not-stated detail, nor filler and a trigger', () => {
    const triggers = new Set(SYNONYM_RULES.flatMap((rule) => rule.when.map(key)));
    expect(UNSTATED_DETAILS.filter((detail) => triggers.has(key(detail)))).toEqual([]);
    expect(FILLER_PHRASES.filter((phrase) => triggers.has(key(phrase)))).toEqual([]);
    expect(FILLER_WORDS.filter((word) => triggers.has(key(word)))).toEqual([]);
    expect(OTHER_POLICY_KINDS.filter((kind) => triggers.has(key(`${kind} policy`)))).toEqual([]);
  });

  it('point only to general privacy vocabulary: general words, short phrases, and longer ones at least two policies use', () => {
    const texts = policyTexts();
    const wordnet = sharedWordNet();
    const general = (word: string): boolean => isEnglishWord(word) || wordnet.lookup(word).known || PRIVACY_TERMS.has(word);
    const notGeneral: string[] = [];
    for (const rule of SYNONYM_RULES) {
      for (const target of rule.add) {
        const words = tokenize(target);
        if (!words.every(general)) notGeneral.push(`${rule.topic}: "${target}" has a word no dictionary has`);
        // A long phrase is most likely one policy's sentence ("not be able to fulfill"), unless it names a standard.
        if (words.length >= 3 && !STANDARD_TERMS.has(target)) {
          const uses = texts.filter((text) => text.includes(` ${key(target)} `)).length;
          if (uses < 2) notGeneral.push(`${rule.topic}: "${target}" (in ${uses} of our policies)`);
        }
      }
    }
    expect(notGeneral).toEqual([]);
  });

  it('keep the personal-data words among the weak words, so naming them makes a question topical but picks no passage', () => {
    expect([...PRIVACY_WORDS].filter((word) => !WEAK_WORDS.includes(word))).toEqual([]);
  });

  it('list time frames as lower-case phrases, with no duplicate, one table row per topic', () => {
    const phrases = [...TIME_FRAME_ASKS, ...TIME_FRAME_EVIDENCE, ...TIME_FRAME_TOPICS.flatMap((topic) => [...topic.words, ...topic.evidence])];
    expect(notLowerCase(phrases)).toEqual([]);
    expect(repeated(phrases)).toEqual([]);
    expect(new Set(TIME_FRAME_TOPICS.map((topic) => topic.topic)).size).toBe(TIME_FRAME_TOPICS.length);
    for (const list of [DURATION_ASKS, DURATION_EVIDENCE]) {
      expect(notLowerCase(list)).toEqual([]);
      expect(repeated(list)).toEqual([]);
    }
  });

  it('list legal-basis, breach-notice, troubleshooting, job-opening, policy-change, relay-tail and data-location phrases in lower case with no duplicate', () => {
    for (const phrases of [LEGAL_BASIS_ASKS, LEGAL_BASIS_EVIDENCE, BREACH_WORDS, BREACH_NOTICE_ASKS, BREACH_NOTICE_EVIDENCE, MALFUNCTIONS, FIX_ASKS, OUTAGE_PHRASES, NOT_OUTAGE_STATES, JOB_OPENING_ASKS, HIRING_VERBS, APPLICANT_WORDS, POLICY_CHANGE_WORDS, POLICY_SELF_WORDS, RELAY_TAILS, RELAY_TAIL_ASKS, DATA_LOCATION_ASKS, DATA_LOCATION_EXCEPTIONS, COUNTRY_NAMES]) {
      expect(phrases.length).toBeGreaterThan(0);
      expect(notLowerCase(phrases)).toEqual([]);
      expect(repeated(phrases)).toEqual([]);
    }
  });

  it('expand chat shorthand into English words, one lower-case token at a time', () => {
    const entries = Object.entries(SLANG);
    expect(entries.filter(([short]) => tokenize(short).join(' ') !== short || short.includes(' '))).toEqual([]);
    expect(entries.filter(([, long]) => long !== long.toLowerCase() || !long.split(' ').every((word) => isEnglishWord(word) || STOPWORD_LIKE.has(word)))).toEqual([]);
  });

  it('list asked numbers as lower-case phrases with no duplicate, and yes/no openers and number words as single words', () => {
    const phrases = [...NUMBER_ASKS, ...YES_NO_OPENERS, ...NUMBER_WORDS];
    expect(notLowerCase(phrases)).toEqual([]);
    expect(repeated(phrases)).toEqual([]);
    expect([...YES_NO_OPENERS, ...NUMBER_WORDS].filter((word) => !/^[a-z]+$/.test(word))).toEqual([]);
  });

  it('list definition phrases in lower case with no duplicate', () => {
    const phrases = [...DEFINITION_ASKS, ...MEANING_VERBS, ...DEFINING_VERBS, ...NOT_TERMS];
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.filter((phrase) => phrase !== phrase.toLowerCase() || phrase.trim() !== phrase || !/^[a-z' ]+$/.test(phrase))).toEqual([]);
    for (const list of [DEFINITION_ASKS, MEANING_VERBS, DEFINING_VERBS, NOT_TERMS]) expect(repeated(list)).toEqual([]);
  });

  it('list contact-detail asks as lower-case phrases, none asking for two kinds', () => {
    const phrases = [...PHONE_ASKS, ...EMAIL_ASKS, ...POSTAL_ASKS];
    expect(POSTAL_ASKS.length).toBeGreaterThan(0);
    expect(notLowerCase(phrases)).toEqual([]);
    expect(repeated(phrases)).toEqual([]);
  });

  it('list asked names as lower-case phrases with no duplicate', () => {
    const phrases = [...NAME_ASKS, ...NAMED_ROLES];
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.filter((phrase) => phrase !== phrase.toLowerCase() || phrase.trim() !== phrase || !/^[a-z' ]+$/.test(phrase))).toEqual([]);
    expect(repeated(phrases)).toEqual([]);
  });

  it('name no company: no trigger, target or weak word mentions a policy’s own names', () => {
    const companyNames = ['datarobot', 'github', 'basecamp', 'automattic', 'mozilla', 'whereby', 'letsencrypt', 'login.gov', 'lobsters', 'readthedocs', 'corona'];
    const everything = [
      ...SYNONYM_RULES.flatMap((rule) => [...rule.when, ...rule.add]),
      ...UNSTATED_DETAILS,
      ...WEAK_WORDS,
      ...FILLER_PHRASES,
      ...TIME_FRAME_ASKS,
      ...TIME_FRAME_EVIDENCE,
      ...TIME_FRAME_TOPICS.flatMap((topic) => [...topic.words, ...topic.evidence]),
      ...DURATION_ASKS,
      ...DURATION_EVIDENCE,
      ...NUMBER_ASKS,
      ...LEGAL_BASIS_ASKS,
      ...LEGAL_BASIS_EVIDENCE,
      ...BREACH_WORDS,
      ...BREACH_NOTICE_ASKS,
      ...BREACH_NOTICE_EVIDENCE,
      ...MALFUNCTIONS,
      ...FIX_ASKS,
      ...OUTAGE_PHRASES,
    ];
    expect(everything.filter((entry) => companyNames.some((name) => entry.toLowerCase().includes(name)))).toEqual([]);
  });

  it('expand a phrase grid to every combination of its parts, an empty entry leaving its part out', () => {
    const grids = readPhraseGrids({ EDITS: { about: 'editing the policy', parts: [['update', 'tweak'], ['', 'the'], ['policy']] } }, 'pack.json');
    expect(grids).toEqual({ '@EDITS': ['update policy', 'update the policy', 'tweak policy', 'tweak the policy'] });
    expect(SYNONYM_RULES.find((rule) => rule.topic === 'policy changes')?.when).toContain('tweak our privacy policy');
    expect(() => readPhraseGrids({ edits: { about: 'x', parts: [['a'], ['b']] } }, 'pack.json')).toThrow(/knowledge: pack\.json.*upper case/);
    expect(() => readPhraseGrids({ EDITS: { about: 'x', parts: [['a']] } }, 'pack.json')).toThrow(/at least two "parts"/);
    expect(() => readPhraseGrids({ EDITS: { about: 'x', parts: [['a'], ['']] } }, 'pack.json')).toThrow(/part 2 must be/);
    expect(() => readPhraseGrids([], 'pack.json')).toThrow(/grids must be an object/);
  });

  it('validate paraphrase families and name the file and family of a mistake', () => {
    expect(() => readSynonymRules([{ when: ['kids'], add: ['children'], weight: 2 }], 'acme.knowledge.json')).toThrow(/knowledge: acme\.knowledge\.json family 1: weight/);
    expect(() => readSynonymRules([{ when: 'kids', add: ['children'] }], 'acme.knowledge.json')).toThrow(/when/);
    expect(() => readSynonymRules([{ when: ['kids'], add: ['children'], colour: 'red' }], 'x.json')).toThrow(/unknown field "colour"/);
    expect(() => readSynonymRules([{ when: ['cookies'], add: ['cookie'], decisive: 'yes' }], 'x.json')).toThrow(/decisive may only be true/);
    expect(readSynonymRules([{ when: ['cookies'], add: ['cookie'], decisive: true }], 'x.json')[0]?.decisive).toBe(true);
    expect(() => readSynonymRules([{ when: ['kids'], add: ['children', 'years'], incidental: ['years'] }], 'x.json')).toThrow(/incidental words need a decisive family/);
    expect(() => readSynonymRules([{ when: ['kids'], add: ['children'], decisive: true, incidental: ['years'] }], 'x.json')).toThrow(/must be in its add list: years/);
    expect(readSynonymRules([{ when: ['kids'], add: ['children', 'years'], decisive: true, incidental: ['years'] }], 'x.json')[0]?.incidental).toEqual(['years']);
  });
});
