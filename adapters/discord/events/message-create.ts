import { Events, type Message } from 'discord.js';
import { answerUnaddressedMessage } from '../auto-answer.js';
import { askAnswerer, cleanQuestion, describeError, fromPerson, mentionsUser, renderRecorded, type DiscordContext } from '../context.js';
import { noMentions, renderCooldown, renderFailure, renderNotice, type RenderedMessage } from '../render.js';
import { rememberAnsweredThread, replyTo } from '../reply.js';
import type { DiscordEvent } from './types.js';

/**
 * Answers messages that @mention the bot (and direct messages, when enabled): inline as a reply, or in a new thread
 * on the message when `useThreads` is set. Messages from bots, webhooks and the bot itself are ignored. Other messages
 * go to the channels answered without a mention (`DISCORD_AUTO_ANSWER_CHANNELS`), if any.
 */
export const messageCreate: DiscordEvent<Events.MessageCreate> = {
  name: Events.MessageCreate,
  async execute(context, message) {
    if (!fromPerson(message)) return;
    const question = questionOf(message, context);
    if (question === undefined) {
      await answerUnaddressedMessage(message, context);
      return;
    }
    try {
      if (!question) {
        await replyTo(message, renderNotice('Ask me a question after the mention, e.g. "how long do you keep my data?", or use `/privacy`.'), context);
        return;
      }
      const decision = context.rateLimiter.take(message.author.id);
      if (!decision.allowed) {
        await notifyCooldown(message, decision.retryAfterMs, context);
        return;
      }
      let payload: RenderedMessage;
      let answered = false;
      try {
        const answer = askAnswerer(context, question);
        answered = answer.answered;
        payload = renderRecorded(context, answer);
      } catch (error) {
        context.deps.logger.error('discord: answering a mention failed', { error: describeError(error) });
        payload = renderFailure();
      }
      const thread = await replyTo(message, payload, context, question);
      if (answered && thread) rememberAnsweredThread(context, thread);
    } catch (error) {
      context.deps.logger.error('discord: handling a mention failed', { error: describeError(error) });
      try {
        await message.reply({ ...renderFailure(), allowedMentions: noMentions });
      } catch (replyError) {
        context.deps.logger.error('discord: could not send the failure reply', { error: describeError(replyError) });
      }
    }
  },
};

/** The question of a person's message with the bot's mention removed; undefined when the message is not for the bot. */
function questionOf(message: Message, context: DiscordContext): string | undefined {
  // Only an explicit <@bot> counts: `mentions.has()` would also match @everyone, roles and reply pings.
  const mentioned = mentionsUser(message.content, message.client.user.id);
  if (message.inGuild()) {
    if (!context.config.answerMentions || !mentioned) return undefined;
  } else if (!context.options.answerDirectMessages) {
    return undefined;
  }
  // Every mention goes, the bot's own included: it addresses, it asks nothing.
  return cleanQuestion(message.content);
}

async function notifyCooldown(message: Message, retryAfterMs: number, context: DiscordContext): Promise<void> {
  const now = Date.now();
  const until = context.cooldownNoticeUntil.get(message.author.id) ?? 0;
  if (until > now) return;
  context.cooldownNoticeUntil.set(message.author.id, now + retryAfterMs);
  if (context.cooldownNoticeUntil.size > 1000) {
    for (const [user, time] of context.cooldownNoticeUntil) if (time <= now) context.cooldownNoticeUntil.delete(user);
  }
  await replyTo(message, renderCooldown(retryAfterMs), context);
}
