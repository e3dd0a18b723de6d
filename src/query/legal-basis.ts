/**
 * Questions that ask for the legal basis of some processing ("what's our lawful basis for the analytics cookies?",
 * "on what basis can their details go to the US?"), and whether a passage states one. A cookie table that says what
 * each cookie does but not on what basis does not answer such a question, however many of its words it shares. The
 * phrases are data (src/knowledge/legal-bases.json).
 */
import { LEGAL_BASIS_ASKS, LEGAL_BASIS_EVIDENCE } from '../knowledge/tables.js';
import { phrasePattern } from '../regexp.js';

const ASKS = phrasePattern(LEGAL_BASIS_ASKS);
const EVIDENCE = phrasePattern(LEGAL_BASIS_EVIDENCE);

/**
 * Whether the question asks for a legal basis.
 *
 * @example
 * asksLegalBasis("what's the GDPR lawful basis for the analytics cookies?") // => true
 * asksLegalBasis('do you use analytics cookies?') // => false
 */
export function asksLegalBasis(question: string): boolean {
  return ASKS.test(question);
}

/**
 * Whether a passage (its text and heading path) states a legal basis or a transfer mechanism.
 *
 * @example
 * statesLegalBasis('We process this data on the basis of your consent.', []) // => true
 * statesLegalBasis('This cookie counts visits to our pages.', ['Analytics cookies']) // => false
 */
export function statesLegalBasis(text: string, section: readonly string[]): boolean {
  return EVIDENCE.test(`${section.join(' ')} ${text}`);
}
