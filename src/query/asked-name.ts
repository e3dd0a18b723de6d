/**
 * Questions that ask for a person by name ("what's the name of your data protection officer?"), and whether a
 * passage names one. Policies give a role's contact (an email, a form) and rarely the person's name, so the contact
 * section shares every word of such a question without answering it. The phrases are data
 * (src/knowledge/asked-names.json).
 */
import { NAME_ASKS, NAMED_ROLES } from '../knowledge/tables.js';
import { escapeRegExp, phrasePattern } from '../regexp.js';

const ASKS = phrasePattern(NAME_ASKS);
const ROLES = phrasePattern(NAMED_ROLES);
// Clauses end at sentence punctuation, a colon or a dash between spaces (as in asked-number.ts).
const CLAUSE_END = /[.?!;:]+(?:\s+|$)|\s+[-–—]\s+/;
// The person's name must be capitalized, so the pattern is case-sensitive and the roles spell out both cases.
const caseless = (phrase: string): string => escapeRegExp(phrase).replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`).replace(/ /g, '\\s+');
const ROLE_SOURCE = `(?:${NAMED_ROLES.map(caseless).join('|')})`;
// Two or three capitalized words; one joined by a hyphen reads as an institution ("Robert Koch-Institut").
const PERSON = String.raw`(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.|\s+[A-Z][a-z]+)?\s+[A-Z][a-z']+(?![\w-])`;
// "Data Protection Officer: Jane Smith", "our DPO is Dr. Ana Ruiz", "Jane Smith, our Data Protection Officer".
const NAMED_PERSON = new RegExp(String.raw`\b${ROLE_SOURCE}\b[^.]{0,40}?(?:\bis\b|:|,|[-–—])\s*${PERSON}|${PERSON},\s+(?:[Oo]ur|[Tt]he|[Ii]ts)\s+${ROLE_SOURCE}`);

/**
 * Whether some clause of the question asks for the name of a person the policy names by role.
 *
 * @example
 * asksPersonName("what's the name of GitHub's data protection officer?") // => true
 * asksPersonName("who's our DPO and what's their email?") // => false
 * asksPersonName('what is the name of the login cookie?') // => false
 */
export function asksPersonName(question: string): boolean {
  return question.split(CLAUSE_END).some((clause) => ASKS.test(clause) && ROLES.test(clause));
}

/**
 * Whether a passage names a person beside a role ("Data Protection Officer: Jane Smith").
 *
 * @example
 * namesPerson('Our Data Protection Officer is Jane Smith (dpo@example.com).') // => true
 * namesPerson('Please contact our Data Protection Officer at dpo@example.com.') // => false
 */
export function namesPerson(text: string): boolean {
  return NAMED_PERSON.test(text);
}
