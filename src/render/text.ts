/**
 * Renders answers as paste-ready plain text (support tickets, terminals) and as Markdown (chat, web).
 * Pure functions of the answer: nothing here looks anything up.
 */
import type { Answer, AnswerPassage } from '../types.js';

/** The sentence shown when the policy does not cover a question. */
export const NOT_COVERED_MESSAGE = "The policy doesn't cover this question.";

/**
 * Plain text: each passage in quotation marks, followed by its citation line; passages separated by a blank
 * line. When the question is not covered: {@link NOT_COVERED_MESSAGE} and the contact section's citation.
 *
 * @example
 * renderPlainText(answer)
 * // => '“We will retain your personal data as needed…”\n— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) https://www.datarobot.com/privacy/#data-retention'
 */
export function renderPlainText(answer: Answer): string {
  if (!answer.answered || answer.passages.length === 0) {
    const lines = [NOT_COVERED_MESSAGE];
    if (answer.contact) lines.push(`For other privacy questions, see the policy's contact section:`, answer.contact.citation);
    return lines.join('\n');
  }
  return answer.passages.map((passage) => `“${passage.text}”\n${passage.citation}`).join('\n\n');
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~]/g;

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

function escapeUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (ch) => encodeURIComponent(ch));
}

/** The "(updated …)" part of a citation, recovered from the citation line itself. */
function updatedPart(passage: AnswerPassage): string {
  const match = / \(updated [^)]*\)(?= \S*$)/.exec(passage.citation);
  return match ? match[0] : '';
}

function markdownCitation(passage: AnswerPassage): string {
  const section = escapeMarkdown(`§ ${passage.section.join(' › ')}`);
  return `— ${escapeMarkdown(passage.document)}, [${section}](${escapeUrl(passage.url)})${updatedPart(passage)}`;
}

function markdownQuote(text: string): string {
  // Each line quoted; a line starting like a heading or list marker is escaped so it stays literal text.
  return text
    .split('\n')
    .map((line) => {
      const escaped = escapeMarkdown(line).replace(/^(\s*)([#+-]|\d+\.)(?=\s)/, (_m, space: string, marker: string) => `${space}\\${marker}`);
      return escaped === '' ? '>' : `> ${escaped}`;
    })
    .join('\n');
}

/**
 * Markdown: each passage as a `>` block quote, followed by a citation line linking `[§ Section](url)`.
 * When the question is not covered: {@link NOT_COVERED_MESSAGE} and a link to the contact section.
 *
 * @example
 * renderMarkdown(answer)
 * // => '> We will retain your personal data as needed…\n\n— DataRobot Privacy Policy, [§ Data retention](https://www.datarobot.com/privacy/#data-retention) (updated March 17, 2022)'
 */
export function renderMarkdown(answer: Answer): string {
  if (!answer.answered || answer.passages.length === 0) {
    const lines = [NOT_COVERED_MESSAGE];
    if (answer.contact) lines.push('', `For other privacy questions, see the policy's contact section: ${markdownCitation(answer.contact)}`);
    return lines.join('\n');
  }
  return answer.passages.map((passage) => `${markdownQuote(passage.text)}\n\n${markdownCitation(passage)}`).join('\n\n');
}
