/**
 * Questions that ask what a word of the policy means ("what do you mean by a cookie?", "how does the policy define
 * User Personal Information?"), and the words a passage defines. Policies define their words in a few set ways: a
 * heading that asks it ("What is a cookie?"), a term quoted in parentheses ("(“Personal Data”)"), "the term “X”",
 * or a sentence that opens with the term and a defining verb ("Cookies are small text files…"). Ranking prefers
 * the passage that defines a word the question asks about. The phrases are data (src/knowledge/definitions.json).
 */
import { DEFINING_VERBS, DEFINITION_ASKS, MEANING_VERBS, NOT_TERMS } from '../knowledge/tables.js';
import { phraseAlternatives, phrasePattern } from '../regexp.js';
import { clausesOf } from './words.js';

const ASKS = phrasePattern(DEFINITION_ASKS);
// "what does 'inference' mean here?", "what do they refer to"
const WHAT_DOES_MEAN = new RegExp(`\\bwhat\\s+(?:does|do|did)\\b.*\\b(?:${phraseAlternatives(MEANING_VERBS)})\\b`, 'i');
// "what a cookie actually is"
const WHAT_A_X_IS = /\bwhat\s+(?:a|an)\s+[\w'’ -]{1,40}?\s+(?:is|are)\b/i;
const NOT_TERM = new Set(NOT_TERMS);

const QUOTE_OPEN = `["“‘']`;
const QUOTE_CLOSE = `["”’']`;
// "What is a cookie?", "5. What do we mean by “personal information”?", "Definition of processing"
const DEFINING_HEADING = new RegExp(
  `^\\s*(?:[a-z0-9]{1,3}[.)]\\s*)?(?:what\\s+(?:is|are)\\s+(?:a\\s+|an\\s+|the\\s+)?|what\\s+do\\s+we\\s+mean\\s+by\\s+|definitions?\\s+of\\s+)${QUOTE_OPEN}?(.{2,60}?)${QUOTE_CLOSE}?\\s*\\??\\s*$`,
  'i',
);
// ("Personal Data"), (collectively, the “Services”)
const QUOTED_IN_PARENTHESES = new RegExp(`\\((?:collectively,?\\s+|together,?\\s+)?(?:the\\s+)?${QUOTE_OPEN}([^"”’]{2,60})${QUOTE_CLOSE}\\)`, 'gi');
const THE_TERM = new RegExp(`\\bthe\\s+term\\s+${QUOTE_OPEN}([^"”’]{2,60})${QUOTE_CLOSE}`, 'gi');
// "Cookies are small text files…", "A “transmission risk value” is…": the term is up to four words.
const DEFINING_SENTENCE = new RegExp(
  `^\\s*(?:[-*•]\\s*)?(?:(?:a|an|the)\\s+)?${QUOTE_OPEN}?((?:[A-Za-z][\\w-]*\\s+){0,3}[A-Za-z][\\w-]*)${QUOTE_CLOSE}?\\s+(?:${phraseAlternatives(DEFINING_VERBS)})\\s+(?:a|an|any|small|information|data|the|all|pieces?)\\b`,
  'i',
);

/**
 * Whether some clause of the question asks what a word means.
 *
 * @example
 * asksDefinition('what do you mean by a cookie in this policy?') // => true
 * asksDefinition("what does 'inference' mean here?") // => true
 * asksDefinition('how long do you keep cookies?') // => false
 */
export function asksDefinition(question: string): boolean {
  return clausesOf(question).some((clause) => ASKS.test(clause) || WHAT_DOES_MEAN.test(clause) || WHAT_A_X_IS.test(clause));
}

/**
 * The words a passage defines, as written: from its own heading and from its text.
 *
 * @example
 * definedTerms('What is a cookie?', 'A cookie is a small text file stored by your browser.') // => ['cookie']
 * definedTerms('Accounts', 'We keep your account data (“User Personal Information”) safe.') // => ['User Personal Information']
 */
export function definedTerms(heading: string, text: string): string[] {
  const terms = new Set<string>();
  const fromHeading = DEFINING_HEADING.exec(heading)?.[1];
  if (fromHeading !== undefined) terms.add(fromHeading);
  for (const match of text.matchAll(QUOTED_IN_PARENTHESES)) terms.add(match[1]!);
  for (const match of text.matchAll(THE_TERM)) terms.add(match[1]!);
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const term = DEFINING_SENTENCE.exec(sentence)?.[1];
    if (term !== undefined && !NOT_TERM.has(term.split(/\s+/)[0]!.toLowerCase())) terms.add(term);
  }
  return [...terms];
}
