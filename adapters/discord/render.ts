/**
 * Pure rendering of an {@link Answer} into a Discord message payload (embeds + buttons), within Discord's limits.
 * Nothing here talks to Discord, so every limit can be unit-tested with hand-made answers.
 */
import { ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from 'discord.js';
import type { Answer, AnswerPassage, PolicyDocument } from '../../src/types.js';
import { formatPolicyDate } from '../../src/answer/cite.js';
import { retryAfterSeconds } from '../../src/rate-limit.js';
import { highlightedLines, highlightsWithin, type TextRun } from '../../src/render/highlights.js';
import { clampChars, trimAtSentence } from '../../src/render/trim.js';
import { introLine, shownPassages } from '../../src/render/text.js';

/** Discord's documented message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const discordLimits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  fields: 25,
  embeds: 10,
  /** Sum of title, description, field names and values, footer and author text of all embeds of one message. */
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  threadName: 100,
} as const;

/**
 * Mentions the bot allows in anything it sends: none. Used as the client default and passed explicitly on every
 * send, so a question containing `@everyone` or `<@&role>` can never notify anyone, and replies never ping.
 */
export const noMentions: MessageMentionOptions = { parse: [], repliedUser: false };

/** Prefix of the feedback buttons' custom ids: `privacy-feedback:<helpful|not-helpful>:<section id>`. */
export const feedbackCustomIdPrefix = 'privacy-feedback';

/** Options for {@link renderAnswer}. */
export interface RenderOptions {
  /** Documents the answer came from; a declined answer without a contact section names the first one. */
  documents?: readonly PolicyDocument[];
  /** Add helpful / not helpful buttons. */
  feedbackButtons: boolean;
  /** How much of the question is echoed above the answer. */
  questionPreviewLength: number;
}

export const defaultRenderOptions: Readonly<RenderOptions> = {
  feedbackButtons: true,
  questionPreviewLength: 300,
};

/** A message payload: pass it to `reply`, `editReply` or `send` together with {@link noMentions}. */
export interface RenderedMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const answeredColor = 0x2f6fed;
const notCoveredColor = 0xf0b232;
const readMoreLabel = 'Read the full section';

/**
 * Renders an answer: the echoed question (escaped) as content, one embed per quoted passage whose title is the
 * section path linked to its deep link, the policy and its date in the footer, and feedback buttons.
 * A "not covered" answer says so and points to the policy's contact section.
 *
 * @example
 * const message = renderAnswer(answerer.answer('How long do you keep my data?'), { documents: answerer.documents });
 * await interaction.editReply({ ...message, allowedMentions: noMentions });
 */
export function renderAnswer(answer: Answer, options: Partial<RenderOptions> = {}): RenderedMessage {
  const settings = { ...defaultRenderOptions, ...options };
  const content = clampChars(`**Q:** ${safeUserText(answer.question, settings.questionPreviewLength)}`, discordLimits.content);
  // The footer names the documents of the passages shown, not of the weaker ones left out.
  const shown = answer.answered ? shownPassages(answer).slice(0, discordLimits.embeds) : [];
  const cited = shown.length > 0 ? shown : !answer.answered && answer.contact ? [answer.contact] : [];
  const footerText = clampChars(footerFor(cited), discordLimits.footerText);

  const embeds = shown.length > 0 ? passageEmbeds(shown, footerText) : [notCoveredEmbed(answer, footerText, settings.documents)];

  const components: RenderedMessage['components'] = [];
  if (settings.feedbackButtons) {
    const first = answer.answered ? answer.passages[0] : undefined;
    components.push(feedbackRow(first?.sectionId ?? '', linkOf(cited[0]?.url)));
  }
  return { content, embeds: enforceEmbedLimits(embeds), components };
}

/**
 * A plain notice (cooldown, error, usage hint) as a message payload without embeds or buttons.
 *
 * @example
 * await interaction.reply({ ...renderNotice('Please wait a moment.'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
 */
export function renderNotice(text: string): RenderedMessage {
  return { content: clampChars(text, discordLimits.content), embeds: [], components: [] };
}

/**
 * The cooldown notice for a rate-limited user.
 *
 * @example
 * renderCooldown(12_000).content // => 'You are asking quickly … try again in 12 seconds.'
 */
export function renderCooldown(retryAfterMs: number): RenderedMessage {
  const seconds = retryAfterSeconds(retryAfterMs);
  return renderNotice(
    `You're asking questions faster than I can keep up with. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  );
}

/**
 * The user-safe reply when answering failed; details go to the log only.
 *
 * @example
 * await message.reply({ ...renderFailure(), allowedMentions: noMentions });
 */
export function renderFailure(): RenderedMessage {
  return renderNotice("Sorry, something went wrong while looking that up. Please try again in a moment.");
}

/**
 * Makes user text safe to echo: escapes Markdown (including masked links, headings and lists) and neutralises
 * `@` so `@everyone`, `@here`, `<@123>` and `<@&456>` render as plain text, then truncates.
 *
 * @example
 * safeUserText('@everyone *hi* <@&456>', 100) // => '@\u200beveryone \\*hi\\* <@\u200b&456>'
 */
export function safeUserText(text: string, maxLength: number): string {
  // Escaping only lengthens text, and escapeMarkdown is slow on huge input: cut first, escape, then clamp.
  const escaped = escapeMarkdown(text.replace(/\s+/g, ' ').trim().slice(0, maxLength + 1), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  }).replace(/@/g, '@\u200b');
  return clampChars(escaped, maxLength);
}

/**
 * Clamps arbitrary embeds to every Discord limit: string lengths, 25 fields, 10 embeds and 6,000 characters in total
 * (descriptions are shortened last-embed-first, then whole embeds dropped).
 *
 * @example
 * enforceEmbedLimits([{ description: 'x'.repeat(9000) }])[0].description.length // => 4096
 */
export function enforceEmbedLimits(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, discordLimits.embeds).map((embed) => {
    const copy: APIEmbed = { ...embed };
    if (copy.title !== undefined) copy.title = clampChars(copy.title, discordLimits.embedTitle);
    if (copy.description !== undefined) copy.description = clampChars(copy.description, discordLimits.embedDescription);
    if (copy.footer) copy.footer = { ...copy.footer, text: clampChars(copy.footer.text, discordLimits.footerText) };
    if (copy.author) copy.author = { ...copy.author, name: clampChars(copy.author.name, discordLimits.authorName) };
    if (copy.fields) {
      copy.fields = copy.fields.slice(0, discordLimits.fields).map((field) => ({
        ...field,
        name: clampChars(field.name, discordLimits.fieldName),
        value: clampChars(field.value, discordLimits.fieldValue),
      }));
    }
    return copy;
  });
  // Over the 6,000 total: shorten descriptions (last embed first), then drop fields, then drop whole embeds.
  let excess = out.reduce((sum, embed) => sum + embedLength(embed), 0) - discordLimits.embedTotal;
  for (let i = out.length - 1; i >= 0 && excess > 0; i -= 1) {
    const embed = out[i]!;
    const description = embed.description ?? '';
    embed.description = trimAtSentence(description, Math.max(0, description.length - excess)).text;
    excess -= description.length - embed.description.length;
    if (!embed.description) delete embed.description;
  }
  for (let i = out.length - 1; i >= 0 && excess > 0; i -= 1) {
    const fields = out[i]!.fields ?? [];
    while (fields.length > 0 && excess > 0) {
      const field = fields.pop()!;
      excess -= field.name.length + field.value.length;
    }
  }
  while (out.length > 1 && excess > 0) excess -= embedLength(out.pop()!);
  const [first] = out;
  if (first && excess > 0) {
    // One embed without description or fields is at most 256 + 2048 + 256 characters; only the footer can give.
    if (first.footer) first.footer = { ...first.footer, text: clampChars(first.footer.text, Math.max(1, first.footer.text.length - excess)) };
  }
  return out;
}

/**
 * Characters of one embed that count towards Discord's 6,000 total.
 *
 * @example
 * embedLength({ title: 'abc', footer: { text: 'de' } }) // => 5
 */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * The custom id of a feedback button, at most 100 characters.
 *
 * @example
 * feedbackCustomId(true, 'data-retention') // => 'privacy-feedback:helpful:data-retention'
 */
export function feedbackCustomId(helpful: boolean, sectionId: string): string {
  return `${feedbackCustomIdPrefix}:${helpful ? 'helpful' : 'not-helpful'}:${sectionId}`.slice(0, discordLimits.customId);
}

/**
 * Reads a feedback button's custom id; undefined for any other custom id.
 *
 * @example
 * parseFeedbackCustomId('privacy-feedback:not-helpful:data-retention') // => { helpful: false, sectionId: 'data-retention' }
 */
export function parseFeedbackCustomId(customId: string): { helpful: boolean; sectionId: string } | undefined {
  const match = /^privacy-feedback:(helpful|not-helpful):(.*)$/s.exec(customId);
  if (!match) return undefined;
  return { helpful: match[1] === 'helpful', sectionId: match[2] ?? '' };
}

function passageEmbeds(passages: readonly AnswerPassage[], footerText: string): APIEmbed[] {
  const embeds: APIEmbed[] = passages.map((passage) => {
    const embed: APIEmbed = { color: answeredColor, title: clampChars(passage.section.join(' › ') || passage.document, discordLimits.embedTitle) };
    const url = linkOf(passage.url);
    if (url) embed.url = url;
    return embed;
  });
  const last = embeds[embeds.length - 1];
  if (last && footerText) last.footer = { text: footerText };

  // Share what the 6,000-character total leaves after titles and footer fairly; unused shares roll over.
  let remaining = discordLimits.embedTotal - embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  passages.forEach((passage, i) => {
    const share = Math.floor(remaining / (passages.length - i));
    const description = quotedPassage(passage, linkOf(passage.url), Math.min(discordLimits.embedDescription, share));
    if (description) embeds[i]!.description = description;
    remaining -= description.length;
  });
  return embeds;
}

function notCoveredEmbed(answer: Answer, footerText: string, documents: readonly PolicyDocument[] | undefined): APIEmbed {
  const policy = answer.contact?.document ?? documents?.[0]?.title ?? 'the privacy policy';
  const embed: APIEmbed = { color: notCoveredColor, title: 'Not covered by the policy' };
  const contact = answer.contact;
  let intro = `I couldn't find an answer to this in ${policy}.`;
  if (contact) {
    const sectionTitle = contact.section[contact.section.length - 1] ?? 'Contact';
    const url = linkOf(contact.url);
    const sectionRef = url ? `[${escapeLinkText(sectionTitle)}](${url})` : `“${escapeMarkdown(sectionTitle)}”`;
    intro += ` For anything the policy doesn't answer, please contact the privacy team; see ${sectionRef}:`;
    if (url) embed.url = url;
  }
  if (footerText) embed.footer = { text: footerText };
  const budget = Math.min(discordLimits.embedDescription, discordLimits.embedTotal - embedLength(embed)) - intro.length - 2;
  embed.description = contact ? `${intro}\n\n${quotedPassage(contact, linkOf(contact.url), budget)}` : intro;
  return embed;
}

/**
 * Block-quotes a passage within `maxLength`: Markdown escaped first, then each highlighted sentence wrapped in bold
 * (a highlighted run starts and ends next to white space, so escaping it on its own escapes it exactly as in the
 * whole text). Too long, it is trimmed at a sentence of the policy text, with a link to the full section; a
 * highlight that trimming cuts is not bolded.
 */
function quotedPassage(passage: Pick<AnswerPassage, 'text' | 'highlights' | 'intro'>, url: string | undefined, maxLength: number): string {
  // A list item comes with the sentence that introduces its list, as a line of its own.
  const line = introLine(passage);
  const intro = line === undefined ? '' : clampChars(`> ${escapeMarkdown(line)}\n`, Math.floor(maxLength / 2));
  const room = maxLength - intro.length;
  // Escaping, quoting and bold only lengthen text, and escapeMarkdown is slow on huge input: a text longer than the
  // limit is trimmed before anything is rendered.
  if (passage.text.length <= room) {
    const full = blockQuote(passage.text, passage.highlights);
    if (full.length <= room) return intro + full;
  }
  const suffix = url ? `\n> …\n[${readMoreLabel}](${url})` : '\n> … (trimmed; see the full section in the policy)';
  let budget = Math.min(passage.text.length, room) - suffix.length;
  while (budget > 0) {
    const kept = trimAtSentence(passage.text, budget).text;
    const quoted = intro + blockQuote(kept, highlightsWithin(passage, kept.length));
    const over = quoted.length + suffix.length - maxLength;
    if (over <= 0 && quoted !== '') return quoted + suffix;
    budget -= Math.max(1, over);
  }
  return clampChars(url ? `[${readMoreLabel}](${url})` : '', maxLength);
}

/** Each non-empty line as `> line`, white space at its ends dropped, Markdown escaped, highlights in bold. */
function blockQuote(text: string, highlights: AnswerPassage['highlights']): string {
  return highlightedLines(text, highlights)
    .map(trimRuns)
    .filter((runs) => runs.length > 0)
    .map((runs) => `> ${runs.map(({ text: run, highlighted }) => (highlighted ? `**${escapeMarkdown(run)}**` : escapeMarkdown(run))).join('')}`)
    .join('\n');
}

function trimRuns(runs: readonly TextRun[]): TextRun[] {
  const out = runs.map((run) => ({ ...run }));
  if (out.length > 0) out[0]!.text = out[0]!.text.trimStart();
  if (out.length > 0) out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  return out.filter((run) => run.text !== '');
}

function feedbackRow(sectionId: string, url: string | undefined): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [
    { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Helpful', emoji: { name: '👍' }, custom_id: feedbackCustomId(true, sectionId) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Not helpful', emoji: { name: '👎' }, custom_id: feedbackCustomId(false, sectionId) },
  ];
  if (url && url.length <= discordLimits.buttonUrl) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open the policy', url });
  }
  return { type: ComponentType.ActionRow, components: buttons };
}

function footerFor(passages: readonly AnswerPassage[]): string {
  const parts = new Map<string, string>();
  for (const passage of passages) {
    if (parts.has(passage.documentId)) continue;
    parts.set(passage.documentId, passage.updated ? `${passage.document} · updated ${formatPolicyDate(passage.updated)}` : passage.document);
  }
  return [...parts.values()].join('; ');
}

/** Discord only links absolute http(s) URLs; a local `#anchor` (document without URL) stays unlinked. */
function linkOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/i.test(url) || url.length > 2048) return undefined;
  return url;
}

function escapeLinkText(text: string): string {
  return escapeMarkdown(text).replace(/[[\]]/g, '\\$&');
}

