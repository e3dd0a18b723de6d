/**
 * Questions that ask for a number ("how many government requests did you get last year?", "what's the minimum
 * age?", "how many days do you keep logs?", "how much did the app cost?"), and whether a passage states one of the
 * asked kind. A policy that never states the number does not answer such a question, however many of its words the
 * passage shares. The phrases are data (src/knowledge/asked-numbers.json).
 */
import { EXACT_WORDS, MONEY_WORDS, NUMBER_ASKS, NUMBER_WORDS, PERIOD_ASKS, PERIOD_WORDS, STATISTIC_WORDS, YES_NO_OPENERS } from '../knowledge/tables.js';
import { phraseAlternatives, phrasePattern } from '../regexp.js';
import { clausesOf } from './words.js';

/** What kind of number a question asks for: a count or amount, a count over a past period, a period of time, or a price. */
export type AskedNumber = 'number' | 'statistic' | 'period' | 'money';

const ASKS = phrasePattern(NUMBER_ASKS);
const PERIOD_ASK = phrasePattern(PERIOD_ASKS);
const MONEY_WORD = phrasePattern(MONEY_WORDS);
const EXACT_WORD = phrasePattern(EXACT_WORDS);
const PERIOD_WORD = phrasePattern(PERIOD_WORDS);
const STATISTIC_WORD = phrasePattern(STATISTIC_WORDS);
// A year ("in 2023"), beside which a policy reports a statistic.
const YEAR = /(?<![\d.,/:-])(?:19|20)\d\d(?![\d/]|\.\d)/;
const YES_NO = new Set(YES_NO_OPENERS);
const WORD_NUMBER = `(?:${phraseAlternatives(NUMBER_WORDS)})`;
// Digits that are not part of a year, a date or a version ("2023", "1/2/2024", "3.1"), or a number word.
const STATED_NUMBER = new RegExp(`(?<![\\d.,/:-])(?!(?:19|20)\\d\\d(?!\\d))(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\d/]|\\.\\d)|\\b${WORD_NUMBER}\\b`, 'i');
// "72 hours", "thirty days", "2 business days", "12-month".
const STATED_PERIOD = new RegExp(`(?:\\b\\d+|\\b${WORD_NUMBER})[\\s-]*(?:business\\s+|calendar\\s+|working\\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\\b`, 'i');
// A period offered as a guess: "what's the deadline, 30 days?", "do you keep them 90 days or more?".
const GUESSED_PERIOD = new RegExp(`${STATED_PERIOD.source}\\s*(?:\\?|,?\\s*or\\b)`, 'i');
// "$5", "€ 20", "10 dollars", "USD 9".
const STATED_MONEY = /[$€£]\s?\d|\b\d[\d,.]*\s?(?:dollars?|euros?|pounds?|usd|eur|gbp)\b|\b(?:usd|eur|gbp)\s?\d/i;

/**
 * The kind of number some clause of the question asks for, other than inside a yes/no clause; null when none.
 *
 * @example
 * askedNumber('how many government data requests did you get last year?') // => 'number'
 * askedNumber('how many days do you keep my logs?') // => 'period'
 * askedNumber('does it count how many models we deploy?') // => null
 */
export function askedNumber(question: string): AskedNumber | null {
  if (GUESSED_PERIOD.test(question)) return 'period';
  for (const clause of clausesOf(question)) {
    // "how long exactly does the analytics cookie last?": a figure, not whether it is kept.
    if (EXACT_WORD.test(clause) && PERIOD_WORD.test(clause)) return 'period';
    if (!ASKS.test(clause)) continue;
    const first = /[a-z]+/i.exec(clause)?.[0]?.toLowerCase();
    if (first !== undefined && YES_NO.has(first)) continue;
    if (PERIOD_ASK.test(clause)) return 'period';
    if (/\bhow\s+much\b/i.test(clause) && MONEY_WORD.test(clause)) return 'money';
    if (STATISTIC_WORD.test(clause)) return 'statistic';
    return 'number';
  }
  return null;
}

/**
 * Whether a passage states a number of the asked kind: for a count, digits other than a year, a date or a version,
 * or a number word; for a period, a number of minutes to years; for a price, an amount of money.
 *
 * @example
 * statesNumber('You must be at least 13 years old.', 'number') // => true
 * statesNumber('We keep logs for 13 months.', 'period') // => true
 * statesNumber('Last updated March 2024.', 'number') // => false
 */
export function statesNumber(text: string, kind: AskedNumber): boolean {
  switch (kind) {
    case 'period':
      return STATED_PERIOD.test(text);
    case 'money':
      return STATED_MONEY.test(text);
    case 'number':
      return STATED_NUMBER.test(text);
    case 'statistic':
      return STATED_NUMBER.test(text) && (YEAR.test(text) || STATISTIC_WORD.test(text));
  }
}
