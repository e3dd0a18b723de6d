import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer, renderError, renderNotice } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { postDefaults } from '../outcome.js';

export type ShareAnswerArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * "Share in channel" on an ephemeral `/privacy` answer: posts the same answer publicly (in_channel) through the
 * action's response_url, then replaces the ephemeral copy with one that has no share button.
 *
 * @example
 * app.action({ type: 'block_actions', action_id: actionIds.share }, shareAnswer(service));
 */
export function shareAnswer(service: SlackService) {
  return async ({ ack, action, respond }: ShareAnswerArgs): Promise<void> => {
    await ack();
    try {
      const answer = service.answerForShare(action.value);
      if (!answer) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice('This answer can no longer be shared. Please ask again.') });
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
