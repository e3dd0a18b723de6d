import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeFeedback, actionIds, renderError, renderNotice, sectionFromFeedbackValue } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';

export type FeedbackArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Replies through the action's response_url only. */
export const requirements: SlackRequirements = { scopes: [] };

/**
 * "Helpful" / "Not helpful": records the vote (section only, no message content) once per person and message, then
 * acknowledges it. On the asker's own ephemeral answer the buttons are replaced by a thank-you line; on a public
 * message the others' buttons stay and the voter gets an ephemeral thank-you.
 *
 * @example
 * app.action({ type: 'block_actions', action_id: /^feedback_/ }, feedback(service));
 */
export function feedback(service: SlackService) {
  return async ({ ack, action, body, respond }: FeedbackArgs): Promise<void> => {
    await ack();
    try {
      const helpful = action.action_id === actionIds.helpful;
      const container = body.container as { message_ts?: unknown; thread_ts?: unknown; is_ephemeral?: unknown } | undefined;
      const messageKey = String(container?.message_ts ?? body.message?.ts ?? action.action_ts);
      const recorded = service.recordVote({ messageKey, userId: body.user.id, helpful, section: sectionFromFeedbackValue(action.value) });
      const thanks = recorded ? 'Thanks for the feedback!' : 'You already rated this answer. Thanks!';
      const originalBlocks: unknown = body.message?.['blocks'];
      if (container?.is_ephemeral === true && Array.isArray(originalBlocks)) {
        await respond({ replace_original: true, text: body.message?.text ?? thanks, blocks: acknowledgeFeedback(originalBlocks, thanks) });
      } else {
        // Keep the thank-you next to the answer when the answer is in a thread.
        const threadTs = body.message?.['thread_ts'] ?? container?.thread_ts;
        const thread = typeof threadTs === 'string' ? { thread_ts: threadTs } : {};
        await respond({ response_type: 'ephemeral', replace_original: false, ...thread, ...renderNotice(thanks) });
      }
    } catch (error) {
      service.deps.logger.error('slack: feedback failed', { error: describeError(error) });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderError() }).catch((replyError: unknown) => {
        service.deps.logger.error('slack: feedback error reply failed', { error: describeError(replyError) });
      });
    }
  };
}
