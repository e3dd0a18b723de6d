import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionFromMessage } from '../../question.js';
import { renderError, renderRateLimited } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { postDefaults, renderOutcome } from '../outcome.js';
import type { SlackRequirements } from '../requirements.js';

export type AppMentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export const requirements: SlackRequirements = { events: ['app_mention'], scopes: ['app_mentions:read', 'chat:write'] };

/**
 * `@Privacy Assistant <question>` in a channel: replies in a thread under the question (or in the thread it was asked
 * in). Bolt acks Events API deliveries before listeners run; repeated deliveries and bot messages are ignored. In a
 * channel answered without a mention, a thread it answered is remembered, so follow-ups there are answered too.
 *
 * @example
 * app.event('app_mention', appMention(service, '/privacy'));
 */
export function appMention(service: SlackService, commandName: string) {
  return async ({ event, body, context, client }: AppMentionArgs): Promise<void> => {
    if (event.bot_id || event.subtype === 'bot_message' || !event.user) return;
    if (service.isRepeatDelivery({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason })) return;
    const threadTs = event.thread_ts ?? event.ts;
    const user = event.user;
    try {
      const outcome = service.ask(user, questionFromMessage(event.text, context.botUserId), 'mention');
      if (outcome.kind === 'rate-limited') {
        // Only the asker needs to know; keep the thread clean.
        await client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...renderRateLimited(outcome.retryAfterSeconds) });
        return;
      }
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadTs,
        ...postDefaults,
        ...renderOutcome(outcome, { commandName, shareable: false }),
      });
      if (outcome.kind === 'answer' && outcome.answer.answered) service.rememberThread(event.channel, threadTs);
    } catch (error) {
      service.deps.logger.error('slack: mention failed', { error: describeError(error) });
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...renderError() }).catch((replyError: unknown) => {
        service.deps.logger.error('slack: mention error reply failed', { error: describeError(replyError) });
      });
    }
  };
}
