/**
 * What the Slack listeners share: asking the core answerer behind a per-user rate limit, deciding on questions nobody
 * addressed to the bot (channels answered without a mention, follow-ups in its threads), remembering answers that may
 * be shared, de-duplicating retried event deliveries, and recording feedback votes. No Slack I/O here.
 */
import { randomUUID } from 'node:crypto';
import { AutoResponder, unloggedSkipReasons, type AutoResponderOptions, type AutoResponse } from '../../src/auto-respond.js';
import type { Answer } from '../../src/types.js';
import { redactPersonalData } from '../../src/privacy/redact.js';
import { RateLimiter, retryAfterSeconds } from '../../src/rate-limit.js';
import { channelRateLimitOf, type AdapterDeps } from '../deps.js';
import { BoundedLru } from '../../src/lru.js';
import { slackLimits } from './render.js';

/** Where a question came from; used in logs. */
export type SlackSurface = 'command' | 'mention' | 'direct_message' | 'share' | 'shortcut' | 'channel' | 'follow_up';

/** Options for {@link createSlackService}. */
export interface SlackServiceOptions {
  /** Passages per answer. */
  top: number;
  /** Longer questions are cut to this many characters before answering, bounding the answerer's work. */
  maxQuestionChars: number;
  /** Answers kept for the "Share in channel" button; older ones are re-answered from the question on click. */
  shareCacheSize: number;
  /** Event ids remembered to drop repeated deliveries of the same event. */
  seenEventIds: number;
  /** (message, user) pairs remembered so one person's repeated clicks count as one vote. */
  seenVotes: number;
  /**
   * Channel IDs answered without a mention (`SLACK_AUTO_ANSWER_CHANNELS`), handed to the `AutoResponder`, which alone
   * decides what is watched; empty turns the feature off.
   */
  autoAnswerChannels: readonly string[];
  /** Threads the bot answered in those channels, remembered for follow-ups. */
  rememberedThreads: AutoResponderOptions['rememberedThreads'];
  /** Clock for the rate limiters, injectable for tests. */
  now?: () => number;
}

export const defaultSlackServiceOptions: Readonly<Omit<SlackServiceOptions, 'now'>> = {
  top: 3,
  maxQuestionChars: 1000,
  shareCacheSize: 500,
  seenEventIds: 5000,
  seenVotes: 5000,
  autoAnswerChannels: [],
  rememberedThreads: 2000,
};

/** Result of {@link SlackService.ask}. */
export type AskOutcome =
  | { kind: 'help' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'answer'; answer: Answer; shareValue: string };

/** Delivery information of an Events API event, as bolt exposes it. */
export interface DeliveryInfo {
  eventId: string | undefined;
  retryNum: number | undefined;
  retryReason: string | undefined;
}

/** A channel message nobody addressed to the bot, as the message listeners see it. */
export interface ChannelMessage {
  channel: string;
  ts: string;
  user: string;
  /** The question as plain text (Slack markup already turned into text). */
  question: string;
}

export interface SlackService {
  readonly deps: AdapterDeps;
  readonly options: Readonly<Omit<SlackServiceOptions, 'now'>>;
  /**
   * Rate-limits, answers, records the (redacted, opt-in) question and remembers the answer for sharing. With
   * `share.threadTs`, "Share in channel" posts into that thread instead of the channel.
   */
  ask(userId: string, question: string, surface: SlackSurface, share?: { threadTs: string }): AskOutcome;
  /**
   * The answer behind a "Share in channel" button (cached, or re-answered from the question it carries), and the
   * thread it posts into when the answer was asked for from a message (shortcut).
   */
  answerForShare(buttonValue: string | undefined): { answer: Answer; threadTs?: string } | undefined;
  /**
   * Decides which messages nobody addressed to the bot are answered, and which channels are watched for them
   * (`autoAnswerChannels`); ask it with `watches(channel)` and `watchesAnyChannel`.
   */
  readonly autoResponder: AutoResponder;
  /**
   * Decides on a channel message nobody addressed to the bot (see `AutoResponder`: channels that are not watched are
   * skipped as 'not-watched') and records an answer it will post.
   */
  answerUnaddressed(message: ChannelMessage, surface: 'channel' | 'follow_up'): AutoResponse;
  /** Records that the bot answered in this thread; only threads of watched channels are remembered. */
  rememberThread(channel: string, threadTs: string): void;
  /** Whether the bot answered in this thread of a watched channel. */
  answeredInThread(channel: string, threadTs: string): boolean;
  /** True when this delivery must not be answered because the same event was (or is being) handled. */
  isRepeatDelivery(delivery: DeliveryInfo): boolean;
  /** Records a vote unless this user already voted on this message; returns whether it was recorded. */
  recordVote(vote: { messageKey: string; userId: string; helpful: boolean; section: string[] }): boolean;
}

/**
 * Creates the Slack listeners' shared state over the adapter dependencies.
 *
 * @example
 * const service = createSlackService(deps);
 * const outcome = service.ask('U123', 'how long do you keep my data?', 'command');
 * if (outcome.kind === 'answer') console.log(outcome.answer.passages[0]?.section);
 */
export function createSlackService(deps: AdapterDeps, options: Partial<SlackServiceOptions> = {}): SlackService {
  const { now, ...rest } = options;
  const opts = { ...defaultSlackServiceOptions, ...rest };
  const clock = now ? { now } : {};
  const limiter = new RateLimiter({ ...deps.rateLimit, ...clock });
  const shareCache = new BoundedLru<string, Answer>(opts.shareCacheSize);
  const seenEvents = new BoundedLru<string, true>(opts.seenEventIds);
  const seenVotes = new BoundedLru<string, true>(opts.seenVotes);
  const responder = new AutoResponder(
    {
      answerer: () => deps.answerer,
      userLimiter: limiter,
      channelLimiter: new RateLimiter({ ...channelRateLimitOf(deps), ...clock }),
      watchedChannels: opts.autoAnswerChannels,
    },
    { top: opts.top, maxQuestionChars: opts.maxQuestionChars, rememberedThreads: opts.rememberedThreads },
  );
  const recordQuestion = (answer: Answer): void => {
    try {
      deps.usageLog.recordQuestion('slack', answer);
    } catch (error) {
      // A full disk must not cost the user their answer.
      deps.logger.warn('slack: could not record the question', { error: describeError(error) });
    }
  };

  // deps.answerer is read on every call: hot reload may swap it.
  const answerQuestion = (question: string): Answer => deps.answerer.answer(question, { top: opts.top });

  return {
    deps,
    options: opts,
    autoResponder: responder,

    ask(userId, rawQuestion, surface, share) {
      const question = rawQuestion.replace(/\s+/g, ' ').trim().slice(0, opts.maxQuestionChars);
      if (!question) return { kind: 'help' };
      const decision = limiter.take(userId);
      if (!decision.allowed) {
        deps.logger.info('slack: rate limited', { surface });
        return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) };
      }
      const answer = answerQuestion(question);
      recordQuestion(answer);
      deps.logger.debug('slack: answered', { surface, answered: answer.answered, section: answer.passages[0]?.section ?? [] });
      const id = randomUUID();
      shareCache.set(id, answer);
      return { kind: 'answer', answer, shareValue: shareButtonValue(id, question, share?.threadTs) };
    },

    answerUnaddressed({ channel, ts, user, question }, surface) {
      const response = responder.decide({ messageId: `${channel}:${ts}`, userId: user, channelId: channel, text: question });
      if (response.kind === 'answer') {
        recordQuestion(response.answer);
        deps.logger.debug('slack: answering without a mention', { surface, section: response.answer.passages[0]?.section ?? [] });
      } else if (!unloggedSkipReasons.has(response.reason)) {
        deps.logger.debug('slack: not answering without a mention', { surface, reason: response.reason });
      }
      return response;
    },

    rememberThread(channel, threadTs) {
      responder.rememberThread({ channelId: channel, threadId: threadTs });
    },

    answeredInThread(channel, threadTs) {
      return responder.answeredIn({ channelId: channel, threadId: threadTs });
    },

    answerForShare(buttonValue) {
      const parsed = parseShareValue(buttonValue);
      if (!parsed) return undefined;
      const answer = shareCache.get(parsed.id) ?? (parsed.question ? answerQuestion(parsed.question) : undefined);
      if (!answer) return undefined;
      return parsed.threadTs === undefined ? { answer } : { answer, threadTs: parsed.threadTs };
    },

    isRepeatDelivery({ eventId, retryNum, retryReason }) {
      if (eventId && seenEvents.markSeen(eventId, true)) {
        deps.logger.debug('slack: dropped repeated delivery', { retryNum, retryReason });
        return true;
      }
      // Slack retries after a 3 s timeout even though the first delivery usually arrived and is still being answered
      // (possibly by another instance or before a restart); answering again would post a duplicate. Other retry reasons
      // (connection failure, HTTP error) mean the first delivery never reached a handler, so that one is answered.
      if ((retryNum ?? 0) > 0 && retryReason === 'http_timeout') {
        deps.logger.debug('slack: dropped timed-out retry', { retryNum, retryReason });
        return true;
      }
      return false;
    },

    recordVote({ messageKey, userId, helpful, section }) {
      if (seenVotes.markSeen(`${messageKey}:${userId}`, true)) return false;
      deps.usageLog.recordFeedback({ platform: 'slack', helpful, section });
      return true;
    },
  };
}

/**
 * `{"id":"…","q":"<base64url question>"}` (plus `"t":"<thread ts>"` for an answer to be shared into a thread), with
 * the question shortened until the JSON fits Slack's 2,000-character button value. Base64 keeps the user's raw text
 * (`<!channel>`…) out of the payload entirely, even where Slack would not render it.
 */
function shareButtonValue(id: string, question: string, threadTs?: string): string {
  let q = question;
  for (;;) {
    const value = JSON.stringify({ id, q: Buffer.from(q, 'utf8').toString('base64url'), ...(threadTs ? { t: threadTs } : {}) });
    if (value.length <= slackLimits.buttonValue) return value;
    q = q.slice(0, Math.floor(q.length * 0.9));
  }
}

function parseShareValue(value: string | undefined): { id: string; question: string; threadTs?: string } | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { id, q, t } = parsed as { id?: unknown; q?: unknown; t?: unknown };
    if (typeof id !== 'string') return undefined;
    const question = typeof q === 'string' ? Buffer.from(q, 'base64url').toString('utf8').trim() : '';
    // A message timestamp, nothing else: the value comes back from Slack, but it is still input.
    return typeof t === 'string' && /^\d{1,12}\.\d{1,8}$/.test(t) ? { id, question, threadTs: t } : { id, question };
  } catch {
    return undefined;
  }
}

/**
 * Describes an error for logs without its message body leaking personal data (an error may quote the question).
 *
 * @example
 * deps.logger.error('slack: answering failed', { error: describeError(error) });
 */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: redactPersonalData(error.message).slice(0, 500) };
  return { name: typeof error, message: redactPersonalData(String(error)).slice(0, 500) };
}
