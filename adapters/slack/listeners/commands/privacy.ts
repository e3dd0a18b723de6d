import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { plainTextFromSlack } from '../../mrkdwn.js';
import { renderError } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { renderOutcome } from '../outcome.js';
import type { SlackRequirements } from '../requirements.js';

export type PrivacyCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Replies through the command's response_url, which needs no scope beyond `commands`; registering adds its name. */
export const requirements: SlackRequirements = { scopes: ['commands'] };

/**
 * `/privacy <question>`: acks at once, then answers ephemerally through the command's response_url, with a
 * "Share in channel" button. Without a question it replies with a short help.
 *
 * @example
 * app.command('/privacy', privacyCommand(service, '/privacy'));
 */
export function privacyCommand(service: SlackService, commandName: string) {
  return async ({ command, ack, respond }: PrivacyCommandArgs): Promise<void> => {
    await ack();
    try {
      const outcome = service.ask(command.user_id, plainTextFromSlack(command.text ?? ''), 'command');
      await respond({ response_type: 'ephemeral', ...renderOutcome(outcome, { commandName, shareable: true }) });
    } catch (error) {
      service.deps.logger.error('slack: /privacy failed', { error: describeError(error) });
      await respond({ response_type: 'ephemeral', ...renderError() }).catch((replyError: unknown) => {
        service.deps.logger.error('slack: /privacy error reply failed', { error: describeError(replyError) });
      });
    }
  };
}
