/**
 * Questions that ask for a name, and whether a passage gives one: the name of a person a policy names by role
 * ("what's the name of your data protection officer?"), or of an organisation ("which company does the ID
 * verification, is it LexisNexis?"). Policies give a role's contact (an email, a form) and often a vendor's kind
 * ("identity verification vendors") without the name, so the passage shares every other word of such a question
 * without answering it. The phrases are data (src/knowledge/asked-names.json).
 */
import { NAME_ASKS, NAMED_ROLES, NOT_BEFORE_ORGANISATION, ORGANISATION_NOUNS, ORGANISATION_SUFFIXES, PLACE_ASKS, PLACE_NAMES } from '../knowledge/tables.js';
import { escapeRegExp, phraseAlternatives, phrasePattern } from '../regexp.js';
import { isEnglishWord } from '../search/english.js';
import { clausesOf } from './words.js';

/** What kind of name a question asks for. */
export type AskedName = 'person' | 'organisation' | 'place';

const ASKS = phrasePattern(NAME_ASKS);
const ROLES = phrasePattern(NAMED_ROLES);
// "which payment companies", "what ID verification vendor"; not "what kinds of vendors", "what does the company get".
const ORGANISATION_ASK = new RegExp(
  `\\b(?:which|what)\\s+(?:(?!(?:${phraseAlternatives(NOT_BEFORE_ORGANISATION)})\\b)[\\w-]+\\s+){0,3}(?:${phraseAlternatives(ORGANISATION_NOUNS)})\\b`,
  'i',
);
// The person's name must be capitalized, so the pattern is case-sensitive and the roles spell out both cases.
const caseless = (phrase: string): string => escapeRegExp(phrase).replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`).replace(/ /g, '\\s+');
const ROLE_SOURCE = `(?:${NAMED_ROLES.map(caseless).join('|')})`;
// Two or three capitalized words; one joined by a hyphen reads as an institution ("Robert Koch-Institut").
const PERSON = String.raw`(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.|\s+[A-Z][a-z]+)?\s+[A-Z][a-z']+(?![\w-])`;
// "Data Protection Officer: Jane Smith", "our DPO is Dr. Ana Ruiz", "Jane Smith, our Data Protection Officer".
const NAMED_PERSON = new RegExp(String.raw`\b${ROLE_SOURCE}\b[^.]{0,40}?(?:\bis\b|:|,|[-–—])\s*${PERSON}|${PERSON},\s+(?:[Oo]ur|[Tt]he|[Ii]ts)\s+${ROLE_SOURCE}`);
const PLACE_ASK = phrasePattern(PLACE_ASKS);
const ASKERS_PLACE = /\b(?:i'?m|i am|we'?re|we are|they'?re|they are|i live|we live|they live|i'?m based|we'?re based)\s+in\b/i;
// Place names as written; the short ones ("EU", "US", "UK") only in capitals, so that "us" the pronoun is none.
const SHORT_PLACE_NAME = new RegExp(`(?<![\\p{L}.])(?:${PLACE_NAMES.filter((name) => name.length <= 3).map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');
const PLACE_NAME = new RegExp(`(?<!\\p{L})(?:${PLACE_NAMES.filter((name) => name.length > 3).map(escapeRegExp).join('|')})(?!\\p{L})`, 'iu');
// "T-Systems International GmbH", "Stripe, Inc.": a company suffix after a capitalized word.
const COMPANY_SUFFIX = new RegExp(`\\p{Lu}[\\p{L}-]*,?\\s+(?:${phraseAlternatives(ORGANISATION_SUFFIXES)})(?![\\p{L}])`, 'u');
// A capitalized word mid-sentence (after a lower-case word or a comma), with at least one lower-case letter.
const CAPITALIZED_INSIDE = /(?<=[\p{Ll},;(]\s)\p{Lu}[\p{L}-]*\p{Ll}[\p{L}-]*/gu;

/**
 * The kind of name some clause of the question asks for: a person the policy names by role, an organisation, or
 * null.
 *
 * @example
 * askedName("what's the name of GitHub's data protection officer?") // => 'person'
 * askedName('which company does the ID verification, is it LexisNexis?') // => 'organisation'
 * askedName("who's our DPO and what's their email?") // => null
 * askedName('what kinds of vendors get my data?') // => null
 */
export function askedName(question: string): AskedName | null {
  const clauses = clausesOf(question);
  if (clauses.some((clause) => ASKS.test(clause) && ROLES.test(clause))) return 'person';
  if (clauses.some((clause) => ORGANISATION_ASK.test(clause))) return 'organisation';
  // "how does it know what country I'm in?" asks about the asker's place, which no policy names.
  if (clauses.some((clause) => PLACE_ASK.test(clause) && !ASKERS_PLACE.test(clause))) return 'place';
  return null;
}

/**
 * Whether a passage gives a name of the asked kind. `ownWords` are the lower-case words of the policy's own names,
 * which name no other organisation.
 *
 * @example
 * statesName('Our Data Protection Officer is Jane Smith (dpo@example.com).', 'person', new Set()) // => true
 * statesName('Please contact our Data Protection Officer at dpo@example.com.', 'person', new Set()) // => false
 * statesName('Card payments are handled by PayPal and DonorBox.', 'organisation', new Set()) // => true
 * statesName('We use identity verification vendors to check your ID.', 'organisation', new Set()) // => false
 */
export function statesName(text: string, kind: AskedName, ownWords: ReadonlySet<string>): boolean {
  if (kind === 'person') return NAMED_PERSON.test(text);
  if (kind === 'place') return namesPlace(text);
  if (COMPANY_SUFFIX.test(text)) return true;
  for (const [word] of text.matchAll(CAPITALIZED_INSIDE)) {
    const parts = word.toLowerCase().split('-');
    if (ownWords.has(word.toLowerCase()) || parts.some((part) => ownWords.has(part))) continue;
    // "E-Government" is English words; "DonorBox", "LinkedIn" are names.
    if (parts.some((part) => part.length > 1 && !isEnglishWord(part))) return true;
  }
  return false;
}

/**
 * Whether a text names a country, region or city (asked-names.json `placeNames`): "EU" and "UK" in capitals only.
 *
 * @example
 * namesPlace('Our servers are in Ireland.') // => true
 * namesPlace('We may transfer data to other countries.') // => false
 */
export function namesPlace(text: string): boolean {
  return SHORT_PLACE_NAME.test(text) || PLACE_NAME.test(text);
}
