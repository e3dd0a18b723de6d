/**
 * Renders answers as paste-ready plain text (support tickets, terminals) and as Markdown (chat, web).
 * Pure functions of the answer: nothing here looks anything up.
 */
import { formatPolicyDate } from '../answer/cite.js';
import type { Answer, AnswerPassage } from '../types.js';
import { highlightedLines, highlightedText } from './highlights.js';

/**
 * The passages a reader is shown: those that answer in their own right (`confidence: 'high'`), the best always.
 * Lower-confidence passages stay in the answer's JSON; renderers with little room, and copies for tickets, leave
 * them out.
 *
 * @example
 * shownPassages(answerer.answer('how long do you keep my data', { top: 5 })).length // => 2
 */
export function shownPassages(answer: Answer): AnswerPassage[] {
  if (!answer.answered) return [];
  return answer.passages.filter((passage, i) => i === 0 || passage.confidence === 'high');
}

/** What stands between a list's introducing sentence and the items a passage quotes: the policy's other items. */
export const INTRO_GAP = '[…]';

/**
 * The line that goes before a passage quoting list items: the sentence that introduces the list, then {@link INTRO_GAP}.
 * Undefined for a passage that is not a list item. Renderers escape it as they escape policy text.
 *
 * @example
 * introLine({ intro: 'We may share your data with:' }) // => 'We may share your data with: […]'
 */
export function introLine(passage: Pick<AnswerPassage, 'intro'>): string | undefined {
  return passage.intro === undefined ? undefined : `${passage.intro} ${INTRO_GAP}`;
}

/**
 * The verbatim text a reader sees of a passage: its list's introducing sentence first, when it has one.
 *
 * @example
 * quotedText({ intro: 'We may share your data with:', text: 'our payment processor;' }) // => 'We may share your data with: […] our payment processor;'
 */
export function quotedText(passage: Pick<AnswerPassage, 'intro' | 'text'>): string {
  const intro = introLine(passage);
  return intro === undefined ? passage.text : `${intro} ${passage.text}`;
}

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
  const passages = shownPassages(answer);
  if (passages.length === 0) return notCoveredText(answer);
  return passages.map((passage) => `“${quotedText(passage)}”\n${passage.citation}`).join('\n\n');
}

function notCoveredText(answer: Answer): string {
  const lines = [NOT_COVERED_MESSAGE];
  if (answer.contact) lines.push(`For other privacy questions, see the policy's contact section:`, answer.contact.citation);
  return lines.join('\n');
}

/**
 * The answer sentence for a ticket: only the highlighted sentences of the first passage, verbatim and in the
 * policy's order (" … " where the policy has other sentences between them), in quotation marks, followed by that
 * passage's citation line. The whole first passage when it has no highlights; {@link renderPlainText}'s text when
 * the question is not covered. `ask --short`, `/api/render` (`short`) and the desk's **Copy answer sentence** all
 * use this.
 *
 * @example
 * renderShortText(answer)
 * // => '“We will retain your personal data as needed to fulfill the purposes for which it was collected.”\n— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) https://www.datarobot.com/privacy/#data-retention'
 */
export function renderShortText(answer: Answer): string {
  const first = answer.answered ? answer.passages[0] : undefined;
  if (first === undefined) return notCoveredText(answer);
  return `“${highlightedText(first)}”\n${first.citation}`;
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~]/g;

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

function escapeUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (ch) => encodeURIComponent(ch));
}

function updatedPart(passage: AnswerPassage): string {
  return passage.updated === undefined ? '' : ` (updated ${formatPolicyDate(passage.updated)})`;
}

function markdownCitation(passage: AnswerPassage): string {
  const section = escapeMarkdown(`§ ${passage.section.join(' › ')}`);
  return `— ${escapeMarkdown(passage.document)}, [${section}](${escapeUrl(passage.url)})${updatedPart(passage)}`;
}

function markdownQuote(passage: Pick<AnswerPassage, 'text' | 'highlights' | 'intro'>): string {
  // Each line quoted; a line starting like a heading or list marker is escaped so it stays literal text; highlighted
  // sentences in bold (runs start and end next to white space, so each can be escaped on its own).
  const line = introLine(passage);
  const intro = line === undefined ? '' : `> ${escapeMarkdown(line)}\n>\n`;
  return intro + highlightedLines(passage.text, passage.highlights)
    .map((runs) => {
      const line = runs
        .map(({ text, highlighted }, i) => {
          let escaped = escapeMarkdown(text);
          if (i === 0) escaped = escaped.replace(/^(\s*)([#+-]|\d+\.)(?=\s)/, (_m, space: string, marker: string) => `${space}\\${marker}`);
          return highlighted ? `**${escaped}**` : escaped;
        })
        .join('');
      return line === '' ? '>' : `> ${line}`;
    })
    .join('\n');
}

/**
 * Markdown: each passage as a `>` block quote with its highlighted sentences in bold, followed by a citation line
 * linking `[§ Section](url)`.
 * When the question is not covered: {@link NOT_COVERED_MESSAGE} and a link to the contact section.
 *
 * @example
 * renderMarkdown(answer)
 * // => '> We will retain your personal data as needed…\n\n— DataRobot Privacy Policy, [§ Data retention](https://www.datarobot.com/privacy/#data-retention) (updated March 17, 2022)'
 */
export function renderMarkdown(answer: Answer): string {
  const passages = shownPassages(answer);
  if (passages.length === 0) {
    const lines = [NOT_COVERED_MESSAGE];
    if (answer.contact) lines.push('', `For other privacy questions, see the policy's contact section: ${markdownCitation(answer.contact)}`);
    return lines.join('\n');
  }
  return passages.map((passage) => `${markdownQuote(passage)}\n\n${markdownCitation(passage)}`).join('\n\n');
}
