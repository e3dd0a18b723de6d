/**
 * Citations: how a quoted passage names its source (document, section path, policy date, deep link).
 */
import type { AnswerPassage, PolicyDocument } from '../types.js';
import type { IndexedPassage } from '../search/passages.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats an ISO date as "March 17, 2022" (independent of the machine's locale); other strings pass through.
 *
 * @example
 * formatPolicyDate('2022-03-17') // => 'March 17, 2022'
 */
export function formatPolicyDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${month} ${Number(match[3])}, ${match[1]}`;
}

/**
 * Builds the citation parts of a passage: deep link and one-line citation.
 *
 * @example
 * citePassage(document, section)
 * // => { url: 'https://www.datarobot.com/privacy/#data-retention',
 * //      citation: '— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) https://www.datarobot.com/privacy/#data-retention' }
 */
export function citePassage(document: PolicyDocument, section: { id: string; path: readonly string[] }): { url: string; citation: string } {
  const url = `${document.url ?? ''}#${section.id}`;
  const updated = document.updated ? ` (updated ${formatPolicyDate(document.updated)})` : '';
  return { url, citation: `— ${document.title}, § ${section.path.join(' › ')}${updated} ${url}` };
}

/**
 * A passage as the answer quotes it: verbatim text, its answering sentences, ids, date and citation; `relevance` is
 * clamped to [0, 1].
 *
 * @example
 * toAnswerPassage(passages[0], 0.9).citation // => '— DataRobot Privacy Policy, § Introduction (updated March 17, 2022) https://…#introduction'
 */
export function toAnswerPassage(passage: IndexedPassage, relevance: number, confidence: AnswerPassage['confidence'] = 'high', highlights: AnswerPassage['highlights'] = []): AnswerPassage {
  const { url, citation } = citePassage(passage.document, passage.policySection);
  const quoted: AnswerPassage = {
    document: passage.document.title,
    documentId: passage.documentId,
    sectionId: passage.sectionId,
    section: [...passage.section],
    text: passage.text,
    highlights,
    score: Math.round(Math.min(1, Math.max(0, relevance)) * 1000) / 1000,
    url,
    citation,
    confidence,
  };
  if (passage.document.updated !== undefined) quoted.updated = passage.document.updated;
  if (passage.intro !== undefined) quoted.intro = passage.intro;
  return quoted;
}
