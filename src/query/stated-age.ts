/**
 * Questions that state someone's age ("my 14 year old wants to sign up, is that allowed?", "a member says they're
 * 12") or ask for the age limit ("is there an age requirement?"), and whether a passage states an age limit. The asker compares the age with the policy's limit, so the passage
 * that states the limit answers, however many words of the story around the age ("homework calls", "his minecraft
 * mod") it lacks: in a short policy those words otherwise outweigh the age. Query analysis reads an age statement
 * where the children family's `@AGE_STATEMENTS` or `@AGE_ASKS` triggers match (`CompiledSynonyms.agePhrases`); the words of an
 * age limit are data (src/knowledge/asked-numbers.json).
 */
import { AGE_LIMIT_WORDS, AGE_WORDS } from '../knowledge/tables.js';
import { phraseAlternatives, phrasePattern } from '../regexp.js';

// A number a person's age can be a limit at: 10 to 21, in digits or words.
const AGE_NUMBER = new RegExp(`(?<![\\d.,/:$€£-])(?:1\\d|2[01])(?![\\d/:%]|\\.\\d)|\\b(?:${phraseAlternatives(AGE_WORDS)})\\b`, 'i');
const AGE_LIMIT_WORD = phrasePattern(AGE_LIMIT_WORDS);
// Not at semicolons: "You must be at least 13 to use it; we delete accounts of anyone younger" is one rule.
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

/**
 * Whether a passage states an age limit: one of its sentences gives a number of 10 to 21 (not an amount, a time
 * or a date) beside a word that makes it an age.
 *
 * @example
 * statesAgeLimit('Our services are not directed to children under 13.') // => true
 * statesAgeLimit('We keep logs for 18 months.') // => false
 */
export function statesAgeLimit(text: string): boolean {
  return text.split(SENTENCE_END).some((sentence) => AGE_NUMBER.test(sentence) && AGE_LIMIT_WORD.test(sentence.replace(AGE_NUMBER, ' ')));
}
