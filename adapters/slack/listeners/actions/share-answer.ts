import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import type { Answer } from '../../../../src/types.js';
import { renderAnswer, renderError, renderNotice } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { postDefaults } from '../outcome.js';
import type { SlackRequirements } from '../requirements.js';

export type ShareAnswerArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** In the channel through the response_url; into a thread with chat.postMessage. */
export const requirements: SlackRequirements = { scopes: ['chat:write'] };

/** Web API errors meaning the bot cannot post in the channel: the user can fix these by inviting it. */
const cannotPostErrors = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/**
 * "Share in channel" on an ephemeral answer: posts the same answer publicly, then replaces the ephemeral copy with one
 * that has no share button. A `/privacy` answer goes to the channel (in_channel through the action's response_url); an
 * answer asked for from a message ("Answer from the privacy policy") goes into that message's thread.
 *
 * @example
 * app.action({ type: 'block_actions', action_id: actionIds.share }, shareAnswer(service));
 */
export function shareAnswer(service: SlackService) {
  return async ({ ack, action, body, client, respond }: ShareAnswerArgs): Promise<void> => {
    await ack();
    try {
      const shared = service.answerForShare(action.value);
      if (!shared) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice('This answer can no longer be shared. Please ask again.') });
        return;
      }
      const { answer, threadTs } = shared;
      const channel = body.channel?.id ?? body.container?.['channel_id'];
      if (threadTs && typeof channel === 'string') {
        if (await shareInThread(service, client, answer, channel, threadTs)) {
          await respond({ replace_original: true, ...renderAnswer(answer, { note: 'Shared in the thread.' }) });
        } else {
          const notice = "I can't post in this channel. Invite me with `/invite @Privacy Assistant`, then click Share again.";
          await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(notice) });
        }
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...postDefaults, ...renderAnswer(answer) });
      await respond({ replace_original: true, ...renderAnswer(answer, { note: 'Shared in the channel.' }) });
    } catch (error) {
      service.deps.logger.error('slack: share failed', { error: describeError(error) });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderError() }).catch((replyError: unknown) => {
        service.deps.logger.error('slack: share error reply failed', { error: describeError(replyError) });
      });
    }
  };
}

/** Posts the answer in the thread; false when the bot may not post in the channel. Other failures throw. */
async function shareInThread(service: SlackService, client: webApi.WebClient, answer: Answer, channel: string, threadTs: string): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel, thread_ts: threadTs, ...postDefaults, ...renderAnswer(answer) });
  } catch (error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof code === 'string' && cannotPostErrors.has(code)) {
      service.deps.logger.info('slack: cannot share in this channel', { code });
      return false;
    }
    throw error;
  }
  service.rememberThread(channel, threadTs);
  return true;
}
