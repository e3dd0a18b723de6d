/**
 * Questions that ask for a contact detail to use, a phone number to call ("is there a phone number for the privacy
 * team?"), an e-mail address to write to ("what's the email for your DPO?") or a postal address to send a letter to
 * ("what's the mailing address for privacy requests?"), and whether a passage gives one. The
 * sections that mention phones or e-mail ("we collect your phone number") share the question's words, so such a
 * question is answered only where a passage gives the detail, and those passages rank higher for it. The phrases are
 * data (src/knowledge/asked-contacts.json).
 */
import { EMAIL_ASKS, PHONE_ASKS, POSTAL_ASKS } from '../knowledge/tables.js';
import { phrasePattern } from '../regexp.js';
import { normalizeText } from '../search/tokenize.js';
import { clausesOf } from './words.js';

/** The contact detail a question asks for; `address` is a bare "what's the address?", which either kind answers. */
export type AskedContact = 'phone' | 'email' | 'postal' | 'address';

/** Every kind of contact detail, for indexing which passages give each. */
export const CONTACT_KINDS: readonly AskedContact[] = ['phone', 'email', 'postal', 'address'];

const PHONE_ASK = phrasePattern(PHONE_ASKS);
const EMAIL_ASK = phrasePattern(EMAIL_ASKS);
const POSTAL_ASK = phrasePattern(POSTAL_ASKS);
const BARE_ADDRESS_ASK = /\b(?:what's|whats|what is|what|which) (?:the |their |your |its )?address\b/;
const E_MAIL_WORD = /\bemail(?:s|ed|ing)?\b/;
// Words that make a bare "what's the address" one for letters: "by post", "mail it", "our office".
const POSTAL_WORD = /\b(?:post|postal|mail|mailing|letter|letters|street|office|headquarters|hq|snail)\b/;
// "1-877-273-3049", "+49 30 1234567", "(555) 010-0199": groups of digits joined by spaces, dots, dashes or brackets.
const PHONE_CANDIDATE = /(?<![\w.,/-])\+?\(?\d[\d\s().-]{5,}\d(?![\w/-]|[.,]\d)/g;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
// "privacy@example.com", and as pages write it against harvesting: "dpo[at]example[dot]com", "dpo (at) example.com".
const EMAIL_ADDRESS = /[\w.%+-]+(?:@|\s?[[(]at[\])]\s?)[\w-]+(?:(?:\.|\s?[[(]dot[\])]\s?)[\w-]+)*(?:\.|\s?[[(]dot[\])]\s?)[a-z]{2,}/i;
// A postal address as policies print one; each alternative needs a street, a box or a postcode in its place, so that
// "Section 22581" or "booking number 1234" is none.
const POSTAL_ADDRESS = new RegExp(
  [
    // "225 Franklin Street", "88 Colin P. Kelly Jr. St.", "2045 W Grand Ave", "60 29th Street #343"
    String.raw`\b\d{1,5}[a-z]?\s+(?:[A-Z0-9][\w.'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Square|Sq|Parkway|Pkwy|Highway|Hwy)\b`,
    // "Graurheindorfer Straße 153", "Prins Bernhardplein 200", "Rue de Rivoli 12" written street-first
    String.raw`\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|plein|laan|straat|gracht|kade|vej|gade|gate|gata|vägen|väg)\s+\d{1,4}[a-z]?\b`,
    // "Nordufer 20, 13353 Berlin", "no. 107, 6700 Måløy": a house number, then a postcode and its town
    String.raw`\b\d{1,4}[a-z]?,\s*(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}\p{L}+`,
    // "San Francisco, CA 94107", "Chicago, IL 60612-1234": a US state's code and ZIP code
    String.raw`\p{Lu}\p{L}+,?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b`,
    // "Amsterdam 1097JB", "1097 JB Amsterdam": a Dutch postcode beside its town ("In 2018 EU law" is a year)
    String.raw`\p{Lu}\p{L}+\s+(?!19\d\d|20\d\d)\d{4}\s?[A-Z]{2}\b|\b(?!19\d\d|20\d\d)\d{4}\s?[A-Z]{2}\s+\p{Lu}\p{Ll}+`,
    // "London EC1A 1BB": a British postcode
    String.raw`\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b`,
    // "P.O. Box 1234", "PO Box 12", "Postfach 65 02 61", "PMB 53289"
    String.raw`\b(?:P\.?\s?O\.?\s?Box|Postfach|Postbus|Boîte postale|PMB)\s*\d`,
  ].join('|'),
  'u',
);

/**
 * The contact detail some clause of the question asks for, or null.
 *
 * @example
 * askedContact('is there a phone number I can call about privacy?') // => 'phone'
 * askedContact("what's the email for your data protection officer?") // => 'email'
 * askedContact('what is the mailing address for privacy requests?') // => 'postal'
 * askedContact("I'd like to email your DPO. What's the address?") // => 'email'
 * askedContact("who is the DPO and what's the address to reach them?") // => 'address'
 * askedContact('do you keep my phone number?') // => null
 */
export function askedContact(question: string): AskedContact | null {
  const text = normalizeText(question);
  for (const clause of clausesOf(text)) {
    // "is there a phone number for the privacy team?" asks for one, though it opens with a yes/no word.
    if (PHONE_ASK.test(clause)) return 'phone';
    if (EMAIL_ASK.test(clause)) return 'email';
    if (POSTAL_ASK.test(clause)) {
      if (!BARE_ADDRESS_ASK.test(clause)) return 'postal';
      // "Customer wants to email our DPO. What's the address?": a bare address after e-mail is an e-mail address;
      // "who's the DPO and what's the address to reach them?" is answered by either kind.
      if (E_MAIL_WORD.test(text)) return 'email';
      return POSTAL_WORD.test(text) ? 'postal' : 'address';
    }
  }
  return null;
}

/**
 * Whether a passage gives a contact detail of the asked kind: a phone number (seven to fifteen digits in a phone
 * number's groups, not a date), an e-mail address, or a postal address (a street and number, a post-office box, or a
 * postcode beside its town).
 *
 * @example
 * givesContact('Call us at 1-877-273-3049.', 'phone') // => true
 * givesContact('Email our DPO at dpo[at]example[dot]com.', 'email') // => true
 * givesContact('Effective 2024-05-25.', 'phone') // => false
 * givesContact('Write to us at 225 Franklin Street, Boston.', 'postal') // => true
 * givesContact('Our DPO: dpo@example.com.', 'address') // => true
 */
export function givesContact(text: string, kind: AskedContact): boolean {
  if (kind === 'address') return EMAIL_ADDRESS.test(text) || POSTAL_ADDRESS.test(text);
  if (kind === 'email') return EMAIL_ADDRESS.test(text);
  if (kind === 'postal') return POSTAL_ADDRESS.test(text);
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, '').length;
    if (digits >= 7 && digits <= 15 && /[\s().-]/.test(candidate) && !DATE_LIKE.test(candidate)) return true;
  }
  return false;
}
