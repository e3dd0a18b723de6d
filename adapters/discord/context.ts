/**
 * What every Discord command and event handler receives: settings, core dependencies and per-adapter state.
 */
import type { Message } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import type { AdapterDeps } from '../deps.js';
import type { AutoResponder } from '../../src/auto-respond.js';
import { redactPersonalData } from '../../src/privacy/redact.js';
import type { RateLimiter } from '../../src/rate-limit.js';
import type { Answer } from '../../src/types.js';
import { renderAnswer, type RenderedMessage } from './render.js';

/** Platform name in usage and feedback records. */
export const discordPlatform = 'discord';

/** Options of the Discord adapter beyond the environment settings. */
export interface DiscordAdapterOptions {
  /** Answer direct messages (requests the Direct Messages intent). */
  answerDirectMessages: boolean;
  /** Passages per answer. */
  top: number;
  /** `start()` rejects when login and the first READY take longer than this. */
  loginTimeoutMs: number;
  /** Longest wait for the client to disconnect in `stop()` (and after a failed login). */
  stopTimeoutMs: number;
  /** Threads the bot answered in auto-answer channels, remembered for follow-ups; the oldest are forgotten first. */
  rememberedThreads: number;
  /**
   * A new forum post's first message can arrive a moment after the post itself: fetching it is retried once after
   * this many milliseconds.
   */
  starterMessageRetryMs: number;
}

export const defaultDiscordAdapterOptions: Readonly<DiscordAdapterOptions> = {
  answerDirectMessages: false,
  top: 3,
  loginTimeoutMs: 60_000,
  stopTimeoutMs: 5_000,
  rememberedThreads: 2_000,
  starterMessageRetryMs: 1_000,
};

/** Shared state of one running adapter. */
export interface DiscordContext {
  config: DiscordConfig;
  deps: AdapterDeps;
  options: DiscordAdapterOptions;
  rateLimiter: RateLimiter;
  /** `<message id>:<user id>` of feedback already counted, so one person cannot stuff the vote. */
  feedbackSeen: Set<string>;
  /**
   * When each rate-limited user was last told about the cooldown: in channels the notice is public, so it is sent
   * once per cooldown rather than once per message, or the bot would amplify the spam it limits.
   */
  cooldownNoticeUntil: Map<string, number>;
  /**
   * Decides on messages nobody addressed to the bot and owns which channels are watched for them
   * (`DISCORD_AUTO_ANSWER_CHANNELS`); shares {@link rateLimiter} as its per-user limit.
   */
  autoResponder: AutoResponder;
}

/**
 * Answers one question (already passed through {@link cleanQuestion} by the command or message handler) with the
 * current answerer (hot reload may swap it), records it in the usage log and renders it. Throws whatever the answerer
 * throws; callers turn that into a polite reply.
 *
 * @example
 * const message = answerQuestion(context, 'How long do you keep my data?');
 */
export function answerQuestion(context: DiscordContext, question: string): RenderedMessage {
  return renderRecorded(context, askAnswerer(context, question));
}

/**
 * Asks the current answerer (hot reload may swap it) with the adapter's number of passages; nothing recorded yet.
 *
 * @example
 * const answer = askAnswerer(context, 'How long do you keep my data?');
 */
export function askAnswerer(context: DiscordContext, question: string): Answer {
  return context.deps.answerer.answer(question, { top: context.options.top });
}

/**
 * Records an answer in the usage log and renders it with the current documents' dates; for answers obtained
 * elsewhere (an automatic answer decided by the `AutoResponder`).
 *
 * @example
 * if (response.kind === 'answer') await thread.send({ ...renderRecorded(context, response.answer), allowedMentions: noMentions });
 */
export function renderRecorded(context: DiscordContext, answer: Answer): RenderedMessage {
  const { answerer, usageLog, logger } = context.deps;
  usageLog.recordQuestion(discordPlatform, answer);
  logger.debug('discord: answered', {
    question: redactPersonalData(answer.question),
    answered: answer.answered,
    section: answer.passages[0]?.section ?? [],
  });
  return renderAnswer(answer, { documents: answerer.documents });
}

/**
 * Whether a person wrote a message: not a bot (this one included), a webhook or Discord itself (joins, pins). The bot
 * answers people only, so it never answers itself or another bot.
 *
 * @example
 * if (!fromPerson(message)) return;
 */
export function fromPerson(message: Message): boolean {
  return !(message.author.bot || message.author.id === message.client.user.id || message.webhookId || message.system);
}

/**
 * Whether a message's text mentions the bot explicitly (`<@id>` or `<@!id>`); `@everyone`, roles and reply pings do
 * not count.
 *
 * @example
 * mentionsUser('<@!123> hi', '123') // => true
 */
export function mentionsUser(content: string, userId: string): boolean {
  return content.includes(`<@${userId}>`) || content.includes(`<@!${userId}>`);
}

/**
 * Removes Discord mention syntax (`<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `@everyone`, `@here`) from a question:
 * it is addressing, not content. The core ignores it when searching too; here it decides whether anything was asked
 * at all and keeps the echoed question free of it.
 *
 * @example
 * cleanQuestion('<@123> @everyone do you sell my data? <@&456>') // => 'do you sell my data?'
 */
export function cleanQuestion(question: string): string {
  return question
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/@(?:everyone|here)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A loggable description of an error: name and redacted message only (never URLs, which carry interaction tokens).
 *
 * @example
 * logger.error('discord: reply failed', { error: describeError(error) });
 */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: redactPersonalData(error.message) };
  return { name: 'Error', message: redactPersonalData(String(error)) };
}
