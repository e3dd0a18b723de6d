/**
 * Whether to answer a message nobody addressed to the bot: a question in a channel answered without a mention, a new
 * forum post, a follow-up in a thread the bot answered. Only questions, only when the policy answers them (humans stay
 * in charge of the rest), within per-user and per-channel rate limits, and never the same message twice. Shared by the
 * Slack and Discord adapters; nothing here knows either platform.
 */
import { BoundedLru } from './lru.js';
import type { RateLimiter } from './rate-limit.js';
import { readsAsQuestion } from './reads-as-question.js';
import type { Answer, Answerer } from './types.js';

/** Options for {@link AutoResponder}. */
export interface AutoResponderOptions {
  /** Passages per answer. */
  top: number;
  /** Longer messages are cut to this many characters before answering, bounding the answerer's work. */
  maxQuestionChars: number;
  /** Message ids remembered to drop repeated deliveries (retries, reconnect replays). */
  rememberedMessages: number;
  /** Threads the bot answered, remembered so follow-ups there are answered; the oldest are forgotten first. */
  rememberedThreads: number;
}

export const defaultAutoResponderOptions: Readonly<AutoResponderOptions> = {
  top: 3,
  maxQuestionChars: 1000,
  rememberedMessages: 10_000,
  rememberedThreads: 2_000,
};

/** What {@link AutoResponder} needs from the adapter. */
export interface AutoResponderDeps {
  /** The current answerer, read on every message (hot reload may swap it). */
  answerer: () => Answerer;
  /** The adapter's per-user limiter, so automatic answers count against the same budget as commands and mentions. */
  userLimiter: RateLimiter;
  /** Automatic answers per channel. */
  channelLimiter: RateLimiter;
}

/** A message the bot was not asked to answer. */
export interface UnaddressedMessage {
  /** Unique per message on its platform: a repeated delivery carries the same id. */
  messageId: string;
  userId: string;
  /** The channel whose budget the answer uses; for a thread, its parent channel. */
  channelId: string;
  /** Plain text (platform markup already turned into text). */
  text: string;
  /** A new forum post is a request by nature: it is answered without having to read as a question. */
  isPost?: boolean;
}

/** Why a message gets no automatic answer. */
export type SkipReason = 'not-a-question' | 'repeat' | 'declined' | 'user-rate-limited' | 'channel-rate-limited';

/** Result of {@link AutoResponder.decide}. */
export type AutoResponse = { kind: 'answer'; answer: Answer } | { kind: 'skip'; reason: SkipReason };

/**
 * Decides on unaddressed messages and remembers the threads the bot answered.
 *
 * @example
 * const responder = new AutoResponder({ answerer: () => deps.answerer, userLimiter, channelLimiter });
 * const response = responder.decide({ messageId: 'C1:1700000000.1', userId: 'U1', channelId: 'C1', text: 'do we sell data?' });
 * if (response.kind === 'answer') post(response.answer);
 */
export class AutoResponder {
  readonly options: Readonly<AutoResponderOptions>;
  private readonly seenMessages: BoundedLru<string, true>;
  private readonly answeredThreads: BoundedLru<string, true>;

  constructor(
    private readonly deps: AutoResponderDeps,
    options: Partial<AutoResponderOptions> = {},
  ) {
    this.options = { ...defaultAutoResponderOptions, ...options };
    this.seenMessages = new BoundedLru(this.options.rememberedMessages);
    this.answeredThreads = new BoundedLru(this.options.rememberedThreads);
  }

  /**
   * Answers only a question (or a post) not seen before, that the policy answers, within the asker's and the channel's
   * budget. The per-user budget is checked before the channel's, so one hasty person cannot use up a channel.
   */
  decide(message: UnaddressedMessage): AutoResponse {
    const question = message.text.replace(/\s+/g, ' ').trim().slice(0, this.options.maxQuestionChars);
    if (!question || (!message.isPost && !readsAsQuestion(question))) return skip('not-a-question');
    if (this.seenMessages.markSeen(message.messageId, true)) return skip('repeat');
    const answer = this.deps.answerer().answer(question, { top: this.options.top });
    if (!answer.answered) return skip('declined');
    if (!this.deps.userLimiter.take(message.userId).allowed) return skip('user-rate-limited');
    if (!this.deps.channelLimiter.take(message.channelId).allowed) return skip('channel-rate-limited');
    return { kind: 'answer', answer };
  }

  /** Records that the bot answered in this thread, so follow-ups there are answered too. */
  rememberThread(threadId: string): void {
    this.answeredThreads.set(threadId, true);
  }

  /** Whether the bot answered in this thread (within the last {@link AutoResponderOptions.rememberedThreads}). */
  answeredIn(threadId: string): boolean {
    return this.answeredThreads.get(threadId) === true;
  }
}

function skip(reason: SkipReason): AutoResponse {
  return { kind: 'skip', reason };
}
