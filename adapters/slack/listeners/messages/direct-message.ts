import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionFromMessage } from '../../question.js';
import { renderError } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { postDefaults, renderOutcome } from '../outcome.js';
import type { SlackRequirements } from '../requirements.js';

export type DirectMessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

export const requirements: SlackRequirements = { events: ['message.im'], scopes: ['im:history', 'chat:write'] };

/**
 * A direct message to the bot (`message.im`): answers in the DM (in the message's thread if it was sent in one).
 * Edits, deletions, bot messages (including the bot's own replies) and other channel types are ignored.
 *
 * @example
 * app.message(directMessage(service, '/privacy'));
 */
export function directMessage(service: SlackService, commandName: string) {
  return async ({ message, body, context, client }: DirectMessageArgs): Promise<void> => {
    // Checking subtype first narrows the union to plain user messages.
    if (message.subtype !== undefined) return;
    if (message.channel_type !== 'im' || message.bot_id || !message.user) return;
    if (service.isRepeatDelivery({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason })) return;
    const thread = message.thread_ts ? { thread_ts: message.thread_ts } : {};
    try {
      const outcome = service.ask(message.user, questionFromMessage(message.text, context.botUserId), 'direct_message');
      await client.chat.postMessage({
        channel: message.channel,
        ...thread,
        ...postDefaults,
        ...renderOutcome(outcome, { commandName, shareable: false }),
      });
    } catch (error) {
      service.deps.logger.error('slack: direct message failed', { error: describeError(error) });
      await client.chat.postMessage({ channel: message.channel, ...thread, ...renderError() }).catch((replyError: unknown) => {
        service.deps.logger.error('slack: direct message error reply failed', { error: describeError(replyError) });
      });
    }
  };
}
