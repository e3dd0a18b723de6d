/**
 * Pure rendering of answers and bot replies into Slack messages (Block Kit blocks plus a plain `text` fallback used by
 * notifications and screen readers). No I/O, no Slack client: unit-testable with hand-built answers.
 */
import type { types } from '@slack/bolt';
import { formatPolicyDate } from '../../src/answerer.js';
import type { Answer, AnswerPassage, PolicyDocument } from '../../src/types.js';
import { isLinkableUrl, mrkdwnLink, safePolicyText, safeUserText } from './mrkdwn.js';
import { highlightedLines, highlightedText, highlightsWithin } from '../../src/render/highlights.js';
import { trimAtSentence } from '../../src/render/trim.js';
import { introLine, shownPassages } from '../../src/render/text.js';

export type SlackBlock = types.KnownBlock;

/** A message body for chat.postMessage, chat.postEphemeral or respond(). */
export interface SlackMessage {
  /** Plain fallback for notifications; escaped like the blocks. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented limits that the renderer stays inside. */
export const slackLimits = {
  sectionText: 3000,
  contextText: 3000,
  blocks: 50,
  homeBlocks: 100,
  buttonValue: 2000,
} as const;

/** Action ids of the buttons on an answer; listeners register on these. */
export const actionIds = {
  share: 'share_answer',
  helpful: 'feedback_helpful',
  notHelpful: 'feedback_not_helpful',
} as const;

/** Block ids the action listeners look for when editing a message. */
export const blockIds = {
  actions: 'answer_actions',
  feedbackThanks: 'feedback_thanks',
} as const;

/** Options for {@link renderAnswer}. */
export interface RenderAnswerOptions {
  /** Longest quote, in characters of policy text; longer passages are trimmed at a sentence boundary. */
  maxPassageChars: number;
  /** Longest echo of the question, in characters. */
  maxQuestionChars: number;
  /** Longest `text` fallback, in characters. */
  maxFallbackChars: number;
  /** Value of the "Share in channel" button; without it the button is left out (e.g. on an already public post). */
  shareValue?: string;
  /** Add "Helpful" / "Not helpful" buttons. */
  feedback: boolean;
  /** Echo the (escaped) question above the answer, so a shared answer says what it answers. */
  showQuestion: boolean;
  /** A short note (already safe mrkdwn) shown under the answer, e.g. "Shared in the channel." */
  note?: string;
}

export const defaultRenderAnswerOptions: Readonly<RenderAnswerOptions> = {
  maxPassageChars: 1200,
  maxQuestionChars: 300,
  maxFallbackChars: 300,
  feedback: true,
  showQuestion: true,
};

// Header, question, note, actions and a divider-free layout of 3 blocks per passage must fit in 50 blocks.
const FIXED_BLOCKS = 5;
const BLOCKS_PER_PASSAGE = 2;
const MAX_PASSAGES = Math.floor((slackLimits.blocks - FIXED_BLOCKS) / BLOCKS_PER_PASSAGE);

/**
 * Renders an answer: each quoted passage with its citation (document, section link, policy date), or a clear
 * "the policy doesn't cover this" with the contact section; then share / feedback buttons.
 *
 * @example
 * const message = renderAnswer(answerer.answer('how long do you keep my data?'), { shareValue: '{"id":"a1"}' });
 * await respond({ response_type: 'ephemeral', ...message });
 */
export function renderAnswer(answer: Answer, options: Partial<RenderAnswerOptions> = {}): SlackMessage {
  const opts: RenderAnswerOptions = { ...defaultRenderAnswerOptions, ...options };
  const blocks: SlackBlock[] = [];
  if (opts.showQuestion && answer.question.trim()) {
    blocks.push(context(`*Question:* ${safeUserText(truncate(oneLine(answer.question), opts.maxQuestionChars))}`));
  }

  const passages = shownPassages(answer).slice(0, MAX_PASSAGES);
  if (passages.length > 0) {
    const intro = passages.length === 1 ? 'Here is what the privacy policy says:' : 'Here is what the privacy policy says, best match first:';
    blocks.push(section(`*${intro}*`));
    for (const passage of passages) blocks.push(...passageBlocks(passage, opts.maxPassageChars));
  } else {
    blocks.push(section(notCoveredText(answer.contact !== undefined)));
    if (answer.contact) blocks.push(...passageBlocks(answer.contact, opts.maxPassageChars));
  }

  if (opts.note) blocks.push(context(opts.note));
  const actions = answerActions(answer, opts);
  if (actions) blocks.push(actions);
  return { text: fallbackText(answer, passages, opts.maxFallbackChars), blocks };
}

/**
 * The short help shown for `/privacy` without a question or a bare mention.
 *
 * @example
 * await respond({ response_type: 'ephemeral', ...renderHelp('/privacy') });
 */
export function renderHelp(commandName = '/privacy'): SlackMessage {
  const command = safePolicyText(commandName);
  const text = 'Ask me about the privacy policy: I reply with quoted passages of the policy and a link to each section.';
  return {
    text,
    blocks: [
      section(`*${text}*`),
      section(
        [
          `• \`${command} how long do you keep my data?\` (only you see the answer; you can share it in the channel)`,
          '• Mention me in a channel with your question: I reply in a thread.',
          '• Or send me a direct message.',
        ].join('\n'),
      ),
    ],
  };
}

/**
 * The polite reply when a user exceeds the rate limit.
 *
 * @example
 * renderRateLimited(12).text // => "You're asking quickly — try again in 12 seconds."
 */
export function renderRateLimited(retryAfterSeconds: number): SlackMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const text = `You're asking quickly — try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  return { text, blocks: [section(text)] };
}

/**
 * The user-safe reply when answering failed; says nothing about the failure itself.
 *
 * @example
 * await say(renderError());
 */
export function renderError(): SlackMessage {
  const text = 'Sorry — something went wrong while looking that up. Please try again in a moment.';
  return { text, blocks: [section(text)] };
}

/**
 * A one-line acknowledgement (e.g. of a feedback vote), sent as its own ephemeral message.
 *
 * @example
 * renderNotice('Thanks for the feedback!')
 */
export function renderNotice(message: string): SlackMessage {
  const text = safePolicyText(message);
  return { text, blocks: [context(text)] };
}

/**
 * Edits an answer's blocks after a vote: removes the two feedback buttons (keeping any others) and adds a
 * "Thanks for the feedback" line. Blocks are taken as Slack echoes them back in the action payload.
 *
 * @example
 * await respond({ replace_original: true, text: body.message.text, blocks: acknowledgeFeedback(body.message.blocks) });
 */
export function acknowledgeFeedback(blocks: readonly unknown[], thanks = 'Thanks for the feedback!'): SlackBlock[] {
  const feedbackIds: readonly string[] = [actionIds.helpful, actionIds.notHelpful];
  const out: SlackBlock[] = [];
  for (const raw of blocks) {
    if (!isRecord(raw)) continue;
    if (raw['block_id'] === blockIds.feedbackThanks) continue;
    if (raw['type'] === 'actions' && Array.isArray(raw['elements'])) {
      const kept = raw['elements'].filter((el) => !(isRecord(el) && feedbackIds.includes(String(el['action_id']))));
      if (kept.length > 0) out.push({ ...raw, elements: kept } as SlackBlock);
      continue;
    }
    out.push(raw as unknown as SlackBlock);
  }
  out.push({ ...context(safePolicyText(thanks)), block_id: blockIds.feedbackThanks });
  return out.slice(-slackLimits.blocks);
}

/** What the Home tab shows; see {@link renderHome}. */
export interface HomeContent {
  /** The policies answered from, with their dates. */
  documents: readonly PolicyDocument[];
  /** Example questions (the policy answers each). */
  examples: readonly string[];
  commandName: string;
  /** The message shortcut's name, as people see it under "More actions". */
  shortcutName: string;
  /** Channels answered without a mention. */
  autoAnswerChannels: readonly string[];
  /** The support desk's public URL (`DESK_PUBLIC_URL`), if it is shared. */
  deskUrl?: string;
}

/** Documents listed by name on the Home tab; the rest are counted. */
export const homeDocumentsShown = 40;

/**
 * The App Home tab: what the bot does and how to ask, example questions, the policies it answers from with their dates,
 * and the support desk's link when one is configured.
 *
 * @example
 * await client.views.publish({ user_id: event.user, view: renderHome({ documents, examples, commandName: '/privacy', … }) });
 */
export function renderHome(content: HomeContent): types.HomeView {
  const command = safePolicyText(content.commandName);
  const ways = [
    `• \`${command} how long do you keep my data?\`: only you see the answer, and you can share it in the channel.`,
    '• Mention me in a channel with your question: I reply in a thread.',
    '• Send me a question in the *Messages* tab.',
    `• On any message, *More actions → ${safePolicyText(content.shortcutName)}*: only you see the answer, and you can share it in the message's thread.`,
  ];
  // Validated channel IDs only: anything else in a <#…> would be markup.
  const channels = content.autoAnswerChannels.filter((id) => /^[CG][A-Z0-9]+$/.test(id));
  if (channels.length > 0) {
    ways.push(
      `• In ${channels.map((id) => `<#${id}>`).join(', ')} I answer new questions without a mention, in a thread, when the policy covers them, and follow-up questions in those threads.`,
    );
  }
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Privacy Assistant', emoji: true } },
    section(
      "I answer questions about the privacy policy *in the policy's own words*: every answer quotes the policy, links the section it comes from and gives the policy's date. When the policy doesn't cover a question, I say so instead of guessing.",
    ),
    section(`*How to ask*\n${ways.join('\n')}`),
  ];
  if (content.examples.length > 0) {
    blocks.push(section(`*Try asking*\n${content.examples.map((question) => `• ${safePolicyText(question)}`).join('\n')}`));
  }
  blocks.push(...documentSections(content.documents));
  if (content.deskUrl && isLinkableUrl(content.deskUrl)) {
    blocks.push(section(`*Support desk:* ${mrkdwnLink(content.deskUrl, 'open the support desk')} to look answers up and copy them, with their citations, into a ticket.`));
  }
  return { type: 'home', blocks: blocks.slice(0, slackLimits.homeBlocks) };
}

/** "Policies I answer from" and one line per document (linked, with its date), split into sections that fit. */
function documentSections(documents: readonly PolicyDocument[]): SlackBlock[] {
  const lines = documents.slice(0, homeDocumentsShown).map((document) => {
    const title = document.url ? mrkdwnLink(document.url, document.title) : safePolicyText(document.title);
    return `• ${title}${document.updated ? ` (updated ${safePolicyText(formatPolicyDate(document.updated))})` : ''}`;
  });
  if (documents.length > homeDocumentsShown) lines.push(`• …and ${documents.length - homeDocumentsShown} more`);
  const sections: string[] = [documents.length === 1 ? '*The policy I answer from*' : '*The policies I answer from*'];
  for (const line of lines) {
    const last = sections[sections.length - 1]!;
    if (last.length + 1 + line.length <= slackLimits.sectionText) sections[sections.length - 1] = `${last}\n${line}`;
    else sections.push(line);
  }
  return sections.map(section);
}

function passageBlocks(passage: AnswerPassage, maxPassageChars: number): SlackBlock[] {
  return [section(quote(passage, maxPassageChars)), context(citation(passage))];
}

/**
 * The passage as a mrkdwn block quote with its highlighted sentences in bold, trimmed so that the escaped result
 * fits one section. Trimming ends at a sentence; a highlight that trimming cuts is not bolded.
 */
function quote(passage: AnswerPassage, maxPassageChars: number): string {
  const text = passage.text.trim();
  const offset = passage.text.length - passage.text.trimStart().length;
  const line = introLine(passage);
  const intro = line === undefined ? '' : `>${safePolicyText(line)}\n`;
  let budget = maxPassageChars;
  for (;;) {
    const { text: kept, trimmed } = trimAtSentence(text, budget);
    const quoted =
      intro +
      highlightedLines(kept, highlightsWithin(passage, kept.length, offset))
        .map((runs) => `>${runs.map(({ text: run, highlighted }) => (highlighted ? bold(run) : safePolicyText(run))).join('')}`)
        .join('\n');
    const more = trimmed ? `\n${isLinkableUrl(passage.url) ? mrkdwnLink(passage.url, 'Read the full section') : '(trimmed; see the full section)'}` : '';
    const mrkdwn = quoted + more;
    // Escaping and bold can lengthen text (`&` → `&amp;`), so shrink the budget until the block is inside Slack's limit.
    if (mrkdwn.length <= slackLimits.sectionText || budget <= 50) return mrkdwn.slice(0, slackLimits.sectionText);
    budget = Math.floor(budget * 0.8);
  }
}

/**
 * A highlighted sentence in bold. mrkdwn has no escape for `*`, so a sentence that contains one stays plain rather
 * than end the bold early; the sentence is escaped on its own, which is safe because it starts and ends next to white
 * space (no entity or link can straddle it).
 */
function bold(sentence: string): string {
  const safe = safePolicyText(sentence);
  return sentence.includes('*') ? safe : `*${safe}*`;
}

/** `— *DataRobot Privacy Policy*, § <url|Data retention> (updated March 17, 2022)` */
function citation(passage: AnswerPassage): string {
  const sectionPath = passage.section.length > 0 ? passage.section.join(' › ') : 'Policy';
  const parts = [`— *${safePolicyText(passage.document)}*, § ${mrkdwnLink(passage.url, sectionPath)}`];
  if (passage.updated) parts.push(`(updated ${formatPolicyDate(passage.updated)})`);
  return truncate(parts.join(' '), slackLimits.contextText);
}

function notCoveredText(hasContact: boolean): string {
  const lead = "*The privacy policy doesn't cover this.* I couldn't find a passage that answers your question, so I won't guess.";
  return hasContact
    ? `${lead} Try rephrasing, or ask the people named in the policy's contact section:`
    : `${lead} Try rephrasing with words the policy might use (for example "retention", "cookies" or "third parties").`;
}

function answerActions(answer: Answer, opts: RenderAnswerOptions): SlackBlock | undefined {
  const elements: types.Button[] = [];
  if (opts.shareValue !== undefined && opts.shareValue.length <= slackLimits.buttonValue) {
    elements.push({
      type: 'button',
      action_id: actionIds.share,
      text: { type: 'plain_text', text: 'Share in channel', emoji: true },
      value: opts.shareValue,
      style: 'primary',
    });
  }
  if (opts.feedback) {
    const value = feedbackValue(answer);
    elements.push(
      { type: 'button', action_id: actionIds.helpful, text: { type: 'plain_text', text: ':thumbsup: Helpful', emoji: true }, value },
      { type: 'button', action_id: actionIds.notHelpful, text: { type: 'plain_text', text: ':thumbsdown: Not helpful', emoji: true }, value },
    );
  }
  return elements.length > 0 ? { type: 'actions', block_id: blockIds.actions, elements } : undefined;
}

/**
 * The feedback buttons carry the section path of the answer's first passage (what the vote is about), never the
 * question, so a vote can be recorded without storing message content.
 */
function feedbackValue(answer: Answer): string {
  const sectionPath = answer.answered ? (answer.passages[0]?.section ?? []) : [];
  const headings = sectionPath.slice(0, 8).map((heading) => heading.slice(0, 150));
  return JSON.stringify({ section: headings });
}

/**
 * Reads the section path back from a feedback button's value; anything malformed counts as "no section".
 *
 * @example
 * sectionFromFeedbackValue('{"section":["Data retention"]}') // => ['Data retention']
 */
export function sectionFromFeedbackValue(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!isRecord(parsed) || !Array.isArray(parsed['section'])) return [];
    return parsed['section'].filter((heading): heading is string => typeof heading === 'string').slice(0, 8);
  } catch {
    return [];
  }
}

function fallbackText(answer: Answer, passages: readonly AnswerPassage[], maxChars: number): string {
  const first = passages[0];
  if (first) {
    const where = first.section.join(' › ');
    // The notification shows the answering sentences when there are any: they are what the asker wants to read.
    const excerpt = truncate(oneLine(highlightedText(first)), Math.max(40, maxChars - where.length - first.document.length - 10));
    return truncate(safePolicyText(`${first.document}, § ${where}: “${excerpt}”`), maxChars);
  }
  const contact = answer.contact ? ` Ask via § ${answer.contact.section.join(' › ')}.` : '';
  return truncate(safePolicyText(`The privacy policy doesn't cover this question.${contact}`), maxChars);
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, slackLimits.sectionText) } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, slackLimits.contextText) }] };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts to `maxChars` without splitting an `&amp;`-style entity or a `<link|label>`. */
function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = text.slice(0, maxChars - 1);
  const openLink = cut.lastIndexOf('<');
  if (openLink > cut.lastIndexOf('>')) cut = cut.slice(0, openLink);
  const openEntity = cut.lastIndexOf('&');
  if (openEntity >= 0 && !cut.slice(openEntity).includes(';')) cut = cut.slice(0, openEntity);
  return `${cut.trimEnd()}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
