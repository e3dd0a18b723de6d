/**
 * Whether to answer a message nobody addressed to the bot: a question in a watched channel (one answered without a
 * mention), a new forum post there, a follow-up in a thread the bot answered there. Only in watched channels, only
 * questions, only when the policy answers them (humans stay in charge of the rest), within per-user and per-channel
 * rate limits, and never the same message twice. Which channels are watched is decided here, once for both the Slack
 * and Discord adapters; nothing here knows either platform.
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
  /**
   * Ids of the channels answered without a mention (`SLACK_AUTO_ANSWER_CHANNELS`, `DISCORD_AUTO_ANSWER_CHANNELS`);
   * empty turns the feature off. A thread is watched when its parent channel is.
   */
  watchedChannels: Iterable<string>;
}

/** A message the bot was not asked to answer. */
export interface UnaddressedMessage {
  /** Unique per message on its platform: a repeated delivery carries the same id. */
  messageId: string;
  userId: string;
  /** The channel whose watch status and budget apply; for a thread, its parent channel. */
  channelId: string;
  /** Plain text (platform markup already turned into text). */
  text: string;
  /** A new forum post is a request by nature: it is answered without having to read as a question. */
  isPost?: boolean;
}

/** A thread, named by its parent channel (whose watch status applies) and its id there. */
export interface ThreadRef {
  /** The parent channel: a thread is watched when this channel is. */
  channelId: string;
  /** Unique within the parent channel (a Slack thread's `thread_ts`, a Discord thread's id). */
  threadId: string;
}

/** Why a message gets no automatic answer. */
export type SkipReason = 'not-watched' | 'not-a-question' | 'repeat' | 'declined' | 'user-rate-limited' | 'channel-rate-limited';

/**
 * Skips not worth a log line: they happen for most messages in a busy channel, and say nothing about the bot's health.
 */
export const unloggedSkipReasons: ReadonlySet<SkipReason> = new Set<SkipReason>(['not-watched', 'not-a-question']);

/** Result of {@link AutoResponder.decide}. */
export type AutoResponse = { kind: 'answer'; answer: Answer } | { kind: 'skip'; reason: SkipReason };

/**
 * Decides on unaddressed messages, and remembers the threads the bot answered in watched channels.
 *
 * @example
 * const responder = new AutoResponder({ answerer: () => deps.answerer, userLimiter, channelLimiter, watchedChannels: ['C1'] });
 * const response = responder.decide({ messageId: 'C1:1700000000.1', userId: 'U1', channelId: 'C1', text: 'do we sell data?' });
 * if (response.kind === 'answer') post(response.answer);
 */
export class AutoResponder {
  readonly options: Readonly<AutoResponderOptions>;
  private readonly watchedChannels: ReadonlySet<string>;
  private readonly seenMessages: BoundedLru<string, true>;
  private readonly answeredThreads: BoundedLru<string, true>;

  constructor(
    private readonly deps: AutoResponderDeps,
    options: Partial<AutoResponderOptions> = {},
  ) {
    this.options = { ...defaultAutoResponderOptions, ...options };
    this.watchedChannels = new Set(deps.watchedChannels);
    this.seenMessages = new BoundedLru(this.options.rememberedMessages);
    this.answeredThreads = new BoundedLru(this.options.rememberedThreads);
  }

  /**
   * Whether messages in this channel (for a thread: its parent channel) may be answered without a mention.
   *
   * @example
   * if (!responder.watches(thread.parentId)) return; // before fetching anything for it
   */
  watches(channelId: string): boolean {
    return this.watchedChannels.has(channelId);
  }

  /**
   * Whether any channel is watched: when none is, an adapter need not read channel messages at all.
   *
   * @example
   * if (responder.watchesAnyChannel) app.message(channelQuestion(service));
   */
  get watchesAnyChannel(): boolean {
    return this.watchedChannels.size > 0;
  }

  /**
   * Answers only a question (or a post) in a watched channel, not seen before, that the policy answers, within the
   * asker's and the channel's budget. A message in another channel is skipped before it is read or remembered, and
   * spends no budget. The per-user budget is checked before the channel's, so one hasty person cannot use up a channel.
   *
   * @example
   * responder.decide({ messageId: 'm1', userId: 'U1', channelId: 'C9', text: 'do we sell data?' }) // unwatched C9: { kind: 'skip', reason: 'not-watched' }
   */
  decide(message: UnaddressedMessage): AutoResponse {
    if (!this.watches(message.channelId)) return skip('not-watched');
    const question = message.text.replace(/\s+/g, ' ').trim().slice(0, this.options.maxQuestionChars);
    if (!question || (!message.isPost && !readsAsQuestion(question))) return skip('not-a-question');
    if (this.seenMessages.markSeen(message.messageId, true)) return skip('repeat');
    const answer = this.deps.answerer().answer(question, { top: this.options.top });
    if (!answer.answered) return skip('declined');
    if (!this.deps.userLimiter.take(message.userId).allowed) return skip('user-rate-limited');
    if (!this.deps.channelLimiter.take(message.channelId).allowed) return skip('channel-rate-limited');
    return { kind: 'answer', answer };
  }

  /**
   * Records that the bot answered in this thread, so follow-ups there are answered too; a thread of a channel that is
   * not watched is not remembered (the bot answered there because it was asked, and only a new ask is answered again).
   *
   * @example
   * responder.rememberThread({ channelId: 'C1', threadId: '1700000000.000100' });
   */
  rememberThread(thread: ThreadRef): void {
    if (this.watches(thread.channelId)) this.answeredThreads.set(threadKey(thread), true);
  }

  /**
   * Whether the bot answered in this thread of a watched channel (within the last
   * {@link AutoResponderOptions.rememberedThreads}).
   *
   * @example
   * if (responder.answeredIn({ channelId: channel.parentId, threadId: channel.id })) answerFollowUp(message);
   */
  answeredIn(thread: ThreadRef): boolean {
    // Only threads of watched channels are remembered, and the watched channels never change.
    return this.answeredThreads.get(threadKey(thread)) === true;
  }
}

// Channel ids on both platforms are letters and digits, so the separator cannot make two threads collide.
function threadKey({ channelId, threadId }: ThreadRef): string {
  return `${channelId}:${threadId}`;
}

function skip(reason: SkipReason): AutoResponse {
  return { kind: 'skip', reason };
}
