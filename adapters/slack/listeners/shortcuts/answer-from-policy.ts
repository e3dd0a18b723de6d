import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { questionFromMessage } from '../../question.js';
import { renderError, renderNotice } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { renderOutcome } from '../outcome.js';
import type { SlackRequirements } from '../requirements.js';

export type AnswerFromPolicyArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** The message shortcut as declared in manifest.json. */
export const answerFromPolicyShortcut = { callbackId: 'answer_from_policy', name: 'Answer from the privacy policy' } as const;

/** Shortcuts need `commands`; the reply goes through the shortcut's response_url. */
export const requirements: SlackRequirements = { scopes: ['commands'], messageShortcuts: [answerFromPolicyShortcut.callbackId] };

/**
 * "Answer from the privacy policy" on any message: answers that message's text privately to the person who clicked
 * (ephemeral, through the shortcut's response_url), with a "Share in channel" button that posts the answer in the
 * message's thread. Counts against the clicker's rate limit like `/privacy`.
 *
 * @example
 * app.shortcut({ type: 'message_action', callback_id: 'answer_from_policy' }, answerFromPolicy(service, '/privacy'));
 */
export function answerFromPolicy(service: SlackService, commandName: string) {
  return async ({ shortcut, ack, respond, context }: AnswerFromPolicyArgs): Promise<void> => {
    await ack();
    const inThread: unknown = shortcut.message['thread_ts'];
    const threadTs = typeof inThread === 'string' ? inThread : shortcut.message.ts;
    // Keep the private reply next to the message when the message is in a thread.
    const thread = typeof inThread === 'string' ? { thread_ts: inThread } : {};
    try {
      const question = questionFromMessage(shortcut.message.text, context.botUserId);
      const outcome = service.ask(shortcut.user.id, question, 'shortcut', { threadTs });
      const reply =
        outcome.kind === 'help'
          ? renderNotice('That message has no text I can answer from the privacy policy.')
          : renderOutcome(outcome, { commandName, shareable: true });
      await respond({ response_type: 'ephemeral', ...thread, ...reply });
    } catch (error) {
      service.deps.logger.error('slack: message shortcut failed', { error: describeError(error) });
      await respond({ response_type: 'ephemeral', ...thread, ...renderError() }).catch((replyError: unknown) => {
        service.deps.logger.error('slack: message shortcut error reply failed', { error: describeError(replyError) });
      });
    }
  };
}
