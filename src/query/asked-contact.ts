/**
 * Questions that ask for a contact detail to use, a phone number to call ("is there a phone number for the privacy
 * team?") or an e-mail address to write to ("what's the email for your DPO?"), and whether a passage gives one. The
 * sections that mention phones or e-mail ("we collect your phone number") share the question's words, so such a
 * question is answered only where a passage gives the detail, and those passages rank higher for it. The phrases are
 * data (src/knowledge/asked-contacts.json).
 */
import { EMAIL_ASKS, PHONE_ASKS } from '../knowledge/tables.js';
import { phrasePattern } from '../regexp.js';
import { normalizeText } from '../search/tokenize.js';
import { clausesOf } from './words.js';

/** The contact detail a question asks for. */
export type AskedContact = 'phone' | 'email';

const PHONE_ASK = phrasePattern(PHONE_ASKS);
const EMAIL_ASK = phrasePattern(EMAIL_ASKS);
// "1-877-273-3049", "+49 30 1234567", "(555) 010-0199": groups of digits joined by spaces, dots, dashes or brackets.
const PHONE_CANDIDATE = /(?<![\w.,/-])\+?\(?\d[\d\s().-]{5,}\d(?![\w/-]|[.,]\d)/g;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
// "privacy@example.com", and as pages write it against harvesting: "dpo[at]example[dot]com", "dpo (at) example.com".
const EMAIL_ADDRESS = /[\w.%+-]+(?:@|\s?[[(]at[\])]\s?)[\w-]+(?:(?:\.|\s?[[(]dot[\])]\s?)[\w-]+)*(?:\.|\s?[[(]dot[\])]\s?)[a-z]{2,}/i;

/**
 * The contact detail some clause of the question asks for, or null.
 *
 * @example
 * askedContact('is there a phone number I can call about privacy?') // => 'phone'
 * askedContact("what's the email for your data protection officer?") // => 'email'
 * askedContact('do you keep my phone number?') // => null
 */
export function askedContact(question: string): AskedContact | null {
  for (const clause of clausesOf(normalizeText(question))) {
    // "is there a phone number for the privacy team?" asks for one, though it opens with a yes/no word.
    if (PHONE_ASK.test(clause)) return 'phone';
    if (EMAIL_ASK.test(clause)) return 'email';
  }
  return null;
}

/**
 * Whether a passage gives a contact detail of the asked kind: a phone number (seven to fifteen digits in a phone
 * number's groups, not a date) or an e-mail address.
 *
 * @example
 * givesContact('Call us at 1-877-273-3049.', 'phone') // => true
 * givesContact('Email our DPO at dpo[at]example[dot]com.', 'email') // => true
 * givesContact('Effective 2024-05-25.', 'phone') // => false
 */
export function givesContact(text: string, kind: AskedContact): boolean {
  if (kind === 'email') return EMAIL_ADDRESS.test(text);
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, '').length;
    if (digits >= 7 && digits <= 15 && /[\s().-]/.test(candidate) && !DATE_LIKE.test(candidate)) return true;
  }
  return false;
}
