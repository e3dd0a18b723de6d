/**
 * Questions about jobs at the company ("are we still hiring frontend devs in Oslo?", "any open roles in Boston?",
 * "what's the pay range for a support role?"). No privacy policy answers them, yet they share its words (a team, an
 * office, a country), so coverage alone lets some through. A question about an applicant's own data ("how long do
 * you keep my CV?") is not one. The words are data (src/knowledge/job-openings.json).
 */
import { APPLICANT_WORDS, HIRING_VERBS, JOB_OPENING_ASKS } from '../knowledge/tables.js';
import { phraseAlternatives, phrasePattern } from '../regexp.js';

const JOB_OPENING_ASK = phrasePattern(JOB_OPENING_ASKS);
const APPLICANT_WORD = phrasePattern(APPLICANT_WORDS);
// "is the RKI hiring…", "are we still hiring…", "anyone know if we're hiring…": the company as the subject, then
// the verb within a few words. Not "our hiring flow" or "the candidates we hire".
const IS_HIRING = new RegExp(`(?:\\b(?:is|are)|'re)\\s+(?:[\\w.'-]+\\s+){0,4}(?:${phraseAlternatives(HIRING_VERBS)})\\b`, 'i');

/**
 * Whether the question asks whether the company is hiring, has openings, or what a role pays, and names no
 * applicant's data.
 *
 * @example
 * asksAboutJobOpenings('Are we still hiring frontend devs in the Oslo office?') // => true
 * asksAboutJobOpenings("What's the pay range for a support engineer role?") // => true
 * asksAboutJobOpenings('do you run background checks on candidates you are hiring?') // => false
 */
export function asksAboutJobOpenings(question: string): boolean {
  return (IS_HIRING.test(question) || JOB_OPENING_ASK.test(question)) && !APPLICANT_WORD.test(question);
}
