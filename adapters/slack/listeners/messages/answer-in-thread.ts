import type { webApi } from '@slack/bolt';
import { questionFromMessage } from '../../question.js';
import { renderAnswer } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import { postDefaults } from '../outcome.js';
import type { SlackRequirements } from '../requirements.js';

/**
 * What the listeners that answer channel messages need: public and private channels' messages (thread replies
 * included), read to find questions; 👀 while answering; the answer in a thread.
 */
export const channelMessageRequirements: SlackRequirements = {
  events: ['message.channels', 'message.groups'],
  scopes: ['channels:history', 'groups:history', 'chat:write', 'reactions:write'],
};

/** The reaction shown on a question while the bot answers it. */
export const workingReaction = 'eyes';

/** Shown under every automatic answer, so the channel knows why the bot spoke and how to ask it directly. */
export const automaticAnswerNote = 'Answered automatically because the privacy policy covers this. Mention me or use `/privacy` to ask me directly.';

/** The parts of a message event the channel listeners read. */
export interface UnaddressedMessageEvent {
  channel: string;
  ts: string;
  user?: string;
  text?: string;
  bot_id?: string;
}

/**
 * The plain question of a channel message that a person wrote without mentioning the bot; undefined for the bot's own
 * messages, other bots' messages, and messages that mention the bot (the app_mention listener answers those).
 *
 * @example
 * const question = unaddressedQuestion(message, context.botUserId);
 * if (question !== undefined) await answerInThread(service, client, { …, question }, message.ts, 'channel');
 */
export function unaddressedQuestion(message: UnaddressedMessageEvent, botUserId: string | undefined): string | undefined {
  if (message.bot_id || !message.user || message.user === botUserId) return undefined;
  const text = message.text ?? '';
  if (botUserId && text.includes(`<@${botUserId}`)) return undefined;
  return questionFromMessage(text, botUserId);
}

/**
 * Answers a message nobody addressed to the bot, in a thread, when the service decides to (a question the policy
 * answers, within the rate limits, not seen before): 👀 on the question while working, the cited answer in the thread,
 * then the 👀 removed. Anything else gets nothing; a failure is logged and the channel sees nothing either, since
 * nobody asked the bot.
 *
 * @example
 * await answerInThread(service, client, { channel, ts, user, question }, threadTs, 'follow_up');
 */
export async function answerInThread(
  service: SlackService,
  client: webApi.WebClient,
  message: { channel: string; ts: string; user: string; question: string },
  threadTs: string,
  surface: 'channel' | 'follow_up',
): Promise<void> {
  const response = service.answerUnaddressed(message, surface);
  if (response.kind !== 'answer') return;
  const { logger } = service.deps;
  const reaction = { channel: message.channel, timestamp: message.ts, name: workingReaction };
  // Without reactions:write (an app installed before this feature) the answer still goes out.
  const reacted = await client.reactions.add(reaction).then(
    () => true,
    (error: unknown) => {
      logger.warn('slack: could not add the working reaction', { error: describeError(error) });
      return false;
    },
  );
  try {
    await client.chat.postMessage({
      channel: message.channel,
      thread_ts: threadTs,
      ...postDefaults,
      ...renderAnswer(response.answer, { showQuestion: false, note: automaticAnswerNote }),
    });
    service.rememberThread(message.channel, threadTs);
  } catch (error) {
    logger.error('slack: automatic answer failed', { surface, error: describeError(error) });
  } finally {
    if (reacted) {
      await client.reactions.remove(reaction).catch((error: unknown) => {
        logger.warn('slack: could not remove the working reaction', { error: describeError(error) });
      });
    }
  }
}
