/**
 * Questions that ask whether people are told about a breach ("if you get hacked, will you tell me?"), and whether a
 * passage says so. Most policies do not: a security section that shares "data", "secure" and "notify" with the
 * question does not answer it. The words are data (src/knowledge/breach-notices.json).
 */
import { BREACH_NOTICE_ASKS, BREACH_NOTICE_EVIDENCE, BREACH_WORDS } from '../knowledge/tables.js';
import { phrasePattern } from '../regexp.js';

const BREACH = phrasePattern(BREACH_WORDS);
const ASKS = phrasePattern(BREACH_NOTICE_ASKS);
const EVIDENCE = phrasePattern(BREACH_NOTICE_EVIDENCE);
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

/**
 * Whether the question asks whether someone is told about a breach.
 *
 * @example
 * asksBreachNotice('if u get hacked will u actually tell me my data leaked') // => true
 * asksBreachNotice('can I tell a prospect our data can never be breached?') // => false
 */
export function asksBreachNotice(question: string): boolean {
  return BREACH.test(question) && ASKS.test(question);
}

/**
 * Whether one sentence of a passage names a breach and telling people about it.
 *
 * @example
 * statesBreachNotice("If we learn of a security breach, we'll notify you.") // => true
 * statesBreachNotice('We use encryption to protect your data. We notify you of policy changes by e-mail.') // => false
 */
export function statesBreachNotice(text: string): boolean {
  return text.split(SENTENCE_END).some((sentence) => BREACH.test(sentence) && EVIDENCE.test(sentence));
}
