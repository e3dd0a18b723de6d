/**
 * Support questions about something broken ("the app crashes on startup, any fix?", "is it down rn?"). No privacy
 * policy answers them, yet they share its everyday words ("app", "log in", "update"), so coverage alone lets some
 * through. The words are data (src/knowledge/troubleshooting.json).
 */
import { FIX_ASKS, MALFUNCTIONS, NOT_OUTAGE_STATES, OUTAGE_PHRASES } from '../knowledge/tables.js';
import { phraseAlternatives, phrasePattern } from '../regexp.js';

const MALFUNCTION = phrasePattern(MALFUNCTIONS);
const FIX_ASK = phrasePattern(FIX_ASKS);
const OUTAGE_PHRASE = phrasePattern(OUTAGE_PHRASES);
// "is login.gov down rn?", "is the SaaS app down right now?": a name of up to three words, then "down" and a question
// mark or "right now"; not "the account is shut down" or "is my account locked down?".
const IS_DOWN = new RegExp(`\\b(?:is|are)\\s+(?:[\\w.'-]+\\s+){0,2}(?!(?:${phraseAlternatives(NOT_OUTAGE_STATES)})\\b)[\\w.'-]+\\s+down(?:\\s*\\?|\\s+(?:rn|right\\s+now|today|again)\\b)`, 'i');

/**
 * Whether the question reports something broken and asks for a fix, or asks whether the service is down.
 *
 * @example
 * asksForFix('Customer says the app crashes on startup after the latest update. Any fix?') // => true
 * asksForFix('is datarobot down rn? cant log in') // => true
 * asksForFix('my email is wrong in my account, how to fix') // => false (nothing is broken)
 * asksForFix('our network is locked down with a strict firewall, do we lose encryption?') // => false
 */
export function asksForFix(question: string): boolean {
  return IS_DOWN.test(question) || OUTAGE_PHRASE.test(question) || (MALFUNCTION.test(question) && FIX_ASK.test(question));
}
