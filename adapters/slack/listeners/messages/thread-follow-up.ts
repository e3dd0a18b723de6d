import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import { answerInThread, channelMessageRequirements, unaddressedQuestion } from './answer-in-thread.js';

export type ThreadFollowUpArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Thread replies arrive as channel messages. */
export const requirements = channelMessageRequirements;

/**
 * A reply that reads as a question, in a thread the bot answered in a channel of `SLACK_AUTO_ANSWER_CHANNELS`, is
 * answered in the same thread without a mention (a reply also sent to the channel counts). Replies in other threads,
 * edits, bot messages and messages that mention the bot get nothing.
 *
 * @example
 * app.message(threadFollowUp(service));
 */
export function threadFollowUp(service: SlackService) {
  return async ({ message, body, context, client }: ThreadFollowUpArgs): Promise<void> => {
    if (message.subtype !== undefined && message.subtype !== 'thread_broadcast') return;
    const threadTs = message.thread_ts;
    if (threadTs === undefined || threadTs === message.ts) return;
    if (!service.answeredInThread(message.channel, threadTs)) return;
    const question = unaddressedQuestion({ ...message, bot_id: 'bot_id' in message ? message.bot_id : undefined }, context.botUserId);
    if (question === undefined || !message.user) return;
    if (service.isRepeatDelivery({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason })) return;
    await answerInThread(service, client, { channel: message.channel, ts: message.ts, user: message.user, question }, threadTs, 'follow_up');
  };
}
