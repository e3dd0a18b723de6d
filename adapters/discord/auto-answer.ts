/**
 * Channels answered without a mention (`DISCORD_AUTO_ANSWER_CHANNELS`): a question in such a text channel, a new post
 * in such a forum, and a follow-up in a thread the bot answered there get the cited answer, only when the policy
 * answers them and within the per-user and per-channel limits (see `AutoResponder`). Everything else gets nothing:
 * nobody asked the bot, so humans stay in charge.
 */
import { ChannelType, DiscordAPIError, MessageType, RESTJSONErrorCodes, type AnyThreadChannel, type Message } from 'discord.js';
import { unloggedSkipReasons, type AutoResponse, type UnaddressedMessage } from '../../src/auto-respond.js';
import { cleanQuestion, describeError, fromPerson, mentionsUser, renderRecorded, type DiscordContext } from './context.js';
import { noMentions } from './render.js';
import { rememberAnsweredThread, replyTo } from './reply.js';

/** Forum-like channels, whose threads are posts: forums and media channels. */
const postChannelTypes: ReadonlySet<ChannelType> = new Set([ChannelType.GuildForum, ChannelType.GuildMedia]);

/**
 * A message nobody addressed to the bot: answered when it is a question in a watched text channel, or a follow-up in
 * a thread the bot answered in one (the `AutoResponder` decides both). A forum post is answered by
 * {@link answerForumPost}.
 *
 * @example
 * if (questionOf(message) === undefined) await answerUnaddressedMessage(message, context);
 */
export async function answerUnaddressedMessage(message: Message, context: DiscordContext): Promise<void> {
  if (!message.inGuild() || !fromPerson(message)) return;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return;
  const channel = message.channel;
  let channelId: string;
  if (channel.isThread()) {
    // A forum post's first message is not a follow-up: the post is answered as a whole on THREAD_CREATE, which
    // records that message's id, so the AutoResponder skips it as a repeat.
    if (!channel.parentId || !context.autoResponder.answeredIn({ channelId: channel.parentId, threadId: channel.id })) return;
    channelId = channel.parentId;
  } else {
    channelId = channel.id;
  }
  const question = cleanQuestion(message.content);
  const response = decide(context, { messageId: message.id, userId: message.author.id, channelId, text: question });
  if (response.kind !== 'answer') return;
  try {
    const thread = await replyTo(message, renderRecorded(context, response.answer), context, question);
    if (thread) rememberAnsweredThread(context, thread);
  } catch (error) {
    context.deps.logger.error('discord: automatic answer failed', { error: describeError(error) });
  }
}

/**
 * A new post in a watched forum: its title and first message are answered in the post, only when the policy
 * answers them. Posts by bots, by the bot itself, or that @mention the bot (the mention is answered instead) get
 * nothing here.
 *
 * @example
 * client.on(Events.ThreadCreate, (thread, newlyCreated) => void answerForumPost(thread, newlyCreated, context));
 */
export async function answerForumPost(thread: AnyThreadChannel, newlyCreated: boolean, context: DiscordContext): Promise<void> {
  // Checked before anything is fetched for the post; `decide` would skip it too, after a wasted request.
  if (!newlyCreated || !thread.parentId || !context.autoResponder.watches(thread.parentId)) return;
  if (!thread.parent || !postChannelTypes.has(thread.parent.type)) return;
  const botId = thread.client.user.id;
  if (thread.ownerId === botId) return;
  const starter = await fetchStarterMessage(thread, context);
  if (!starter || !fromPerson(starter)) return;
  if (context.config.answerMentions && mentionsUser(starter.content, botId)) return;
  const text = `${thread.name}\n${cleanQuestion(starter.content)}`;
  const response = decide(context, { messageId: starter.id, userId: starter.author.id, channelId: thread.parentId, text, isPost: true });
  if (response.kind !== 'answer') return;
  try {
    await thread.send({ ...renderRecorded(context, response.answer), allowedMentions: noMentions });
    context.autoResponder.rememberThread({ channelId: thread.parentId, threadId: thread.id });
  } catch (error) {
    context.deps.logger.error('discord: answering a forum post failed', { error: describeError(error) });
  }
}

function decide(context: DiscordContext, message: UnaddressedMessage): AutoResponse {
  const response = context.autoResponder.decide(message);
  if (response.kind === 'skip' && !unloggedSkipReasons.has(response.reason)) {
    context.deps.logger.debug('discord: not answering without a mention', { reason: response.reason });
  }
  return response;
}

/**
 * The post's first message. Discord may announce the post a moment before its first message exists (Unknown
 * Message), so a miss is retried once after `starterMessageRetryMs`; any other failure is logged.
 */
async function fetchStarterMessage(thread: AnyThreadChannel, context: DiscordContext): Promise<Message | undefined> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const starter = await thread.fetchStarterMessage();
      if (starter) return starter;
    } catch (error) {
      const unknownMessage = error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage;
      if (!unknownMessage) {
        context.deps.logger.warn('discord: could not read a forum post', { error: describeError(error) });
        return undefined;
      }
    }
    if (attempt === 0) await new Promise((resolve) => setTimeout(resolve, context.options.starterMessageRetryMs));
  }
  context.deps.logger.info('discord: a forum post has no first message to answer');
  return undefined;
}
