import { Events, ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { answerQuestion, cleanQuestion, describeError, type DiscordContext } from '../context.js';
import { discordLimits, noMentions, renderCooldown, renderFailure, renderNotice, type RenderedMessage } from '../render.js';
import type { DiscordEvent } from './types.js';

/**
 * Answers messages that @mention the bot (and direct messages, when enabled): inline as a reply, or in a new thread
 * on the message when `useThreads` is set. Messages from bots, webhooks and the bot itself are ignored.
 */
export const messageCreate: DiscordEvent<Events.MessageCreate> = {
  name: Events.MessageCreate,
  async execute(context, message) {
    const question = questionOf(message, context);
    if (question === undefined) return;
    try {
      if (!question) {
        await send(message, renderNotice('Ask me a question after the mention, e.g. "how long do you keep my data?", or use `/privacy`.'), context);
        return;
      }
      const decision = context.rateLimiter.take(message.author.id);
      if (!decision.allowed) {
        await notifyCooldown(message, decision.retryAfterMs, context);
        return;
      }
      let payload: RenderedMessage;
      try {
        payload = answerQuestion(context, question);
      } catch (error) {
        context.deps.logger.error('discord: answering a mention failed', { error: describeError(error) });
        payload = renderFailure();
      }
      await send(message, payload, context, question);
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

/** The question with the bot's mention removed; undefined when the message is not for the bot. */
function questionOf(message: Message, context: DiscordContext): string | undefined {
  const botUser = message.client.user;
  if (message.author.bot || message.author.id === botUser.id || message.webhookId || message.system) return undefined;
  // Only an explicit <@bot> counts: `mentions.has()` would also match @everyone, roles and reply pings.
  const mention = new RegExp(`<@!?${botUser.id}>`, 'g');
  const mentioned = mention.test(message.content);
  if (message.inGuild()) {
    if (!context.config.answerMentions || !mentioned) return undefined;
  } else if (!context.options.answerDirectMessages) {
    return undefined;
  }
  return cleanQuestion(message.content.replace(mention, ' '));
}

async function notifyCooldown(message: Message, retryAfterMs: number, context: DiscordContext): Promise<void> {
  const now = Date.now();
  const until = context.cooldownNoticeUntil.get(message.author.id) ?? 0;
  if (until > now) return;
  context.cooldownNoticeUntil.set(message.author.id, now + retryAfterMs);
  if (context.cooldownNoticeUntil.size > 1000) {
    for (const [user, time] of context.cooldownNoticeUntil) if (time <= now) context.cooldownNoticeUntil.delete(user);
  }
  await send(message, renderCooldown(retryAfterMs), context);
}

/** Replies inline, or (with `useThreads`, for a question) in a new thread on the message, falling back to inline. */
async function send(message: Message, payload: RenderedMessage, context: DiscordContext, question?: string): Promise<void> {
  const canThread = message.inGuild() && !message.channel.isThread() && message.channel.isTextBased() && 'threads' in message.channel;
  if (context.config.useThreads && question && canThread) {
    try {
      const thread = await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      await thread.send({ ...payload, allowedMentions: noMentions });
      return;
    } catch (error) {
      context.deps.logger.warn('discord: could not answer in a thread; replying inline', { error: describeError(error) });
    }
  }
  await message.reply({ ...payload, allowedMentions: noMentions });
}

/** Thread names do not render mentions or Markdown; the zero-width space is belt and braces. */
function threadName(question: string): string {
  const name = `Privacy: ${question.replace(/@/g, '@\u200b')}`;
  return name.length <= discordLimits.threadName ? name : `${name.slice(0, discordLimits.threadName - 1)}…`;
}
