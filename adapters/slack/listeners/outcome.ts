import type { AskOutcome } from '../service.js';
import { renderAnswer, renderHelp, renderRateLimited, type SlackMessage } from '../render.js';

/**
 * Renders the result of asking: help, the rate-limit notice, or the answer (with a share button when `shareable`).
 *
 * @example
 * await respond({ response_type: 'ephemeral', ...renderOutcome(outcome, { commandName: '/privacy', shareable: true }) });
 */
export function renderOutcome(outcome: AskOutcome, options: { commandName: string; shareable: boolean }): SlackMessage {
  switch (outcome.kind) {
    case 'help':
      return renderHelp(options.commandName);
    case 'rate-limited':
      return renderRateLimited(outcome.retryAfterSeconds);
    case 'answer':
      return renderAnswer(outcome.answer, options.shareable ? { shareValue: outcome.shareValue } : {});
  }
}

/** Options every chat.postMessage from the bot uses: policy links must not unfurl into large previews. */
export const postDefaults = { unfurl_links: false, unfurl_media: false } as const;
