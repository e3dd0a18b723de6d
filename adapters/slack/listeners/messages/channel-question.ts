import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import { answerInThread, channelMessageRequirements, unaddressedQuestion } from './answer-in-thread.js';

export type ChannelQuestionArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

export const requirements = channelMessageRequirements;

/**
 * A new top-level message in a channel of `SLACK_AUTO_ANSWER_CHANNELS` that reads as a question gets the cited answer
 * in a thread, without a mention, and only when the policy answers it. Edits, deletions, joins, file shares, thread
 * replies (see `threadFollowUp`), bot messages, messages that mention the bot and other channels get nothing.
 *
 * @example
 * app.message(channelQuestion(service));
 */
export function channelQuestion(service: SlackService) {
  return async ({ message, body, context, client }: ChannelQuestionArgs): Promise<void> => {
    // Checking subtype first narrows the union to plain user messages.
    if (message.subtype !== undefined) return;
    if (!service.autoResponder.watches(message.channel)) return;
    if (message.thread_ts !== undefined && message.thread_ts !== message.ts) return;
    const question = unaddressedQuestion(message, context.botUserId);
    if (question === undefined || !message.user) return;
    if (service.isRepeatDelivery({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason })) return;
    await answerInThread(service, client, { channel: message.channel, ts: message.ts, user: message.user, question }, message.ts, 'channel');
  };
}
