/**
 * Replying to a message in a channel: inline, or in a new thread on it (`DISCORD_USE_THREADS`), never pinging anyone.
 */
import { ThreadAutoArchiveDuration, type AnyThreadChannel, type Message } from 'discord.js';
import { describeError, type DiscordContext } from './context.js';
import { discordLimits, noMentions, type RenderedMessage } from './render.js';

/**
 * Replies inline, or (with `useThreads`, for a question) in a new thread on the message, falling back to inline.
 * Resolves with the thread the reply went into (the new one, or the thread the message was in), if any.
 *
 * @example
 * const thread = await replyTo(message, answerQuestion(context, question), context, question);
 */
export async function replyTo(message: Message, payload: RenderedMessage, context: DiscordContext, question?: string): Promise<AnyThreadChannel | undefined> {
  const canThread = message.inGuild() && !message.channel.isThread() && message.channel.isTextBased() && 'threads' in message.channel;
  if (context.config.useThreads && question && canThread) {
    try {
      const thread = await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
      await thread.send({ ...payload, allowedMentions: noMentions });
      return thread;
    } catch (error) {
      context.deps.logger.warn('discord: could not answer in a thread; replying inline', { error: describeError(error) });
    }
  }
  await message.reply({ ...payload, allowedMentions: noMentions });
  return message.channel.isThread() ? message.channel : undefined;
}

/**
 * Remembers a thread the bot answered in, so follow-ups there are answered too; the `AutoResponder` keeps only threads
 * of watched channels.
 *
 * @example
 * if (answer.answered && thread) rememberAnsweredThread(context, thread);
 */
export function rememberAnsweredThread(context: DiscordContext, thread: AnyThreadChannel): void {
  if (thread.parentId) context.autoResponder.rememberThread({ channelId: thread.parentId, threadId: thread.id });
}

/** Thread names do not render mentions or Markdown; the zero-width space is belt and braces. */
function threadName(question: string): string {
  const name = `Privacy: ${question.replace(/@/g, '@\u200b')}`;
  return name.length <= discordLimits.threadName ? name : `${name.slice(0, discordLimits.threadName - 1)}…`;
}
