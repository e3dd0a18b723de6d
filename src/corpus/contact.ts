import type { PolicySection } from '../types.js';
import { trimTrailing } from './strings.js';

/**
 * Patterns that find a policy's contact section. General English wording only: no company, street or site is named
 * here (company-specific knowledge lives in the document's `<name>.knowledge.json`).
 */
export interface ContactPatterns {
  /** A heading that is about reaching the company as a whole: "Contact us", "How to reach us", "Questions?". */
  strongHeading: RegExp;
  /** A heading that mentions contact among other things: "Changes and questions", "Data protection officer". */
  weakHeading: RegExp;
  /** Headings that use the word "contact" for something else: a contact journal, contact tracing, contact data. */
  notContact: RegExp;
  email: RegExp;
  /** A postal address: a street with its number, a PO box, a postcode with its city or state. */
  postalAddress: readonly RegExp[];
  phone: RegExp;
  /** Wording that invites the reader to get in touch. */
  invitation: RegExp;
}

/** Defaults of {@link findContactSection}. */
export const defaultContactPatterns: ContactPatterns = {
  strongHeading:
    /^(?:(?:how|where|whom|who)\b[^.]{0,30}\b(?:contact|reach|write to)|(?:contact(?:ing)?|reach(?:ing)?|get(?:ting)? in touch|write to)\b|(?:any |more |further |other )?(?:questions|enquiries|inquiries)\b[^.]{0,30}$|(?:comments|feedback)(?: and| or|,) questions)|\b(?:and|&)\s+contact(?:s|\s+(?:us|details|information))?$/i,
  weakHeading: /\b(?:contact(?:ing|s)?|reach(?:ing)? us|get in touch|questions|enquiries|inquiries|(?:data protection|privacy) officer|dpo)\b/i,
  notContact: /\bcontact(?:s)?\s+(?:journal|diary|tracing|list|lists|data|details we|information we|persons?|lenses?|tracking)\b|\bfrequently asked questions\b|\bfaqs?\b/i,
  email: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u,
  postalAddress: [
    /\b\d{1,6}[a-z]?,?\s+(?:[\p{Lu}\d][\p{L}\d.'’-]*\s+){0,4}(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|lane|drive|way|place|square|parkway|highway|court)\b/iu,
    /(?:straße|strasse|str\.|weg|platz|gasse|allee|ufer|damm|gate|vei|veien|gata|gatan|vej|laan|straat|rue|via|calle)\s+\d{1,5}[a-z]?\b/iu,
    /\bp\.?\s?o\.?\s+box\s+\d+/i,
    /\b(?:[A-Z]{2}|[A-Z][a-z]+)\s+\d{5}(?:-\d{4})?\b/,
    /,\s*(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}\p{L}+/u,
    /\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/,
  ],
  phone: /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{3,4}\b/,
  invitation: /\b(?:contact us|e-?mail us|write to us|reach us|call us|get in touch|send (?:us|them) (?:an? )?(?:e-?mail|letter|message)|by e-?mail(?:ing)?)\b/i,
};

// "1.", "2.3", "a)", "iv.", "§ 4" before a heading's words.
const NUMBERING = /^(?:§\s*)?(?:\d+(?:\.\d+)*\.?|[a-z][.)]|[ivxlc]+[.)])\s+/i;

interface Candidate {
  index: number;
  heading: number;
  evidence: number;
}

/** How much a text says about how to reach someone: an e-mail address counts most, then an address or a phone. */
function evidenceOf(text: string, patterns: ContactPatterns): { score: number; addressOrEmail: boolean } {
  // Cheap checks first: most sections have no "@" and many no digit, and these patterns scan every position.
  const email = text.includes('@') && patterns.email.test(text);
  const digits = /\d/.test(text);
  const address = digits && patterns.postalAddress.some((pattern) => pattern.test(text));
  const score = (email ? 2 : 0) + (address ? 1 : 0) + (digits && patterns.phone.test(text) ? 1 : 0) + (patterns.invitation.test(text) ? 1 : 0);
  return { score, addressOrEmail: email || address };
}

function headingScore(heading: string, patterns: ContactPatterns): number {
  const bare = trimTrailing(heading.replace(NUMBERING, ''), (ch) => '?!.:'.includes(ch)).trim();
  if (patterns.notContact.test(bare)) return 0;
  const long = bare.split(/\s+/).length > 8 ? 1 : 0;
  if (patterns.strongHeading.test(bare)) return 3 - long;
  if (patterns.weakHeading.test(bare)) return 2 - long;
  return 0;
}

/**
 * Finds the section to point askers to when the policy does not answer them. First choice: a section whose heading
 * is about contact ("Contact us", "How to reach us", "Questions?", "Data protection officer and contact"), best
 * supported by an e-mail address, postal address or phone in its text; a heading that only mentions contact needs
 * such evidence. Else the section whose paragraphs give an e-mail or postal address. Ties go to the later section
 * (contact details usually close a policy). A heading section without text of its own hands over to its first
 * sub-section with text. `undefined` when nothing qualifies.
 *
 * @example
 * findContactSection([
 *   { id: 'retention', path: ['Retention'], text: 'We keep data for 30 days.' },
 *   { id: 'contact-us', path: ['Contact us'], text: 'Write to privacy@acme.example.' },
 * ])?.id // => 'contact-us'
 */
export function findContactSection(
  sections: readonly PolicySection[],
  patterns: ContactPatterns = defaultContactPatterns,
): PolicySection | undefined {
  // Text of a section and its sub-sections, for evidence under a heading whose details sit one level down.
  const subtreeText = (index: number): string => {
    const path = sections[index]?.path ?? [];
    const texts: string[] = [];
    for (let next = index; next < sections.length; next += 1) {
      const section = sections[next];
      if (!section || (next > index && (section.path.length <= path.length || section.path.slice(0, path.length).join('\u0000') !== path.join('\u0000')))) break;
      texts.push(section.text);
    }
    return texts.join('\n\n');
  };

  const byHeading: Candidate[] = [];
  const byText: Candidate[] = [];
  sections.forEach((section, index) => {
    const heading = headingScore(section.path[section.path.length - 1] ?? '', patterns);
    if (heading > 0) {
      const evidence = evidenceOf(subtreeText(index), patterns).score;
      if (heading >= 3 || evidence > 0) byHeading.push({ index, heading, evidence });
      return;
    }
    const own = evidenceOf(section.text, patterns);
    if (own.addressOrEmail) byText.push({ index, heading: 0, evidence: own.score });
  });

  const best = (candidates: Candidate[]): Candidate | undefined =>
    candidates.reduce<Candidate | undefined>((top, candidate) => {
      if (!top) return candidate;
      const score = (entry: Candidate): number => entry.heading * 2 + entry.evidence;
      return score(candidate) >= score(top) ? candidate : top;
    }, undefined);
  const chosen = best(byHeading) ?? best(byText);
  if (!chosen) return undefined;
  // A heading without text of its own: its first sub-section with text.
  const section = sections[chosen.index];
  if (!section || section.text.length > 0) return section;
  const prefix = section.path.join('\u0000');
  return sections.slice(chosen.index + 1).find((next) => next.path.slice(0, section.path.length).join('\u0000') === prefix && next.text.length > 0) ?? section;
}
