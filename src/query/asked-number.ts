/**
 * Questions that ask for a number ("how many government requests did you get last year?", "what's the minimum
 * age?"), and whether a passage states one. A policy that never states the number does not answer such a question,
 * however many of its words the passage shares. The phrases are data (src/knowledge/asked-numbers.json).
 */
import { NUMBER_ASKS, NUMBER_WORDS, YES_NO_OPENERS } from '../knowledge/tables.js';
import { escapeRegExp } from '../regexp.js';

const ASKS = new RegExp(`\\b(?:${NUMBER_ASKS.map((phrase) => phrase.split(' ').map(escapeRegExp).join('\\s+')).join('|')})\\b`, 'i');
const YES_NO = new Set(YES_NO_OPENERS);
// Clauses end at sentence punctuation, a colon ("Customer asks: can they…") or a dash between spaces.
const CLAUSE_END = /[.?!;:]+(?:\s+|$)|\s+[-–—]\s+/;
// Digits that are not part of a year, a date or a version ("2023", "1/2/2024", "3.1"), or a number word.
const STATED_NUMBER = new RegExp(
  `(?<![\\d.,/:-])(?!(?:19|20)\\d\\d(?!\\d))(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\d/]|\\.\\d)|\\b(?:${NUMBER_WORDS.map(escapeRegExp).join('|')})\\b`,
  'i',
);

/**
 * Whether some clause of the question asks how many, how much or what age, other than inside a yes/no clause.
 *
 * @example
 * asksForNumber('how many government data requests did you get last year?') // => true
 * asksForNumber('does it count how many models we deploy?') // => false
 */
export function asksForNumber(question: string): boolean {
  for (const clause of question.split(CLAUSE_END)) {
    if (!ASKS.test(clause)) continue;
    const first = /[a-z]+/i.exec(clause)?.[0]?.toLowerCase();
    if (first === undefined || !YES_NO.has(first)) return true;
  }
  return false;
}

/**
 * Whether a passage states a number: digits other than a year, a date or a version, or a number word.
 *
 * @example
 * statesNumber('You must be at least 13 years old.') // => true
 * statesNumber('Last updated March 2024.') // => false
 */
export function statesNumber(text: string): boolean {
  return STATED_NUMBER.test(text);
}
