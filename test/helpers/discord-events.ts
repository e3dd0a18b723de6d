/**
 * Gateway dispatch payloads (INTERACTION_CREATE, MESSAGE_CREATE) as Discord sends them, for the fake gateway.
 */
import { SnowflakeUtil } from 'discord.js';
import { messagePayload, type FakeDiscordOptions } from './discord-fake.js';

/** A human (or bot) author. */
export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

/** Ids are unique per call, so tests never collide on rate limits or de-duplication. */
export function fakeId(): string {
  return SnowflakeUtil.generate().toString();
}

/** A fresh human user. */
export function fakeUser(name = 'alice'): FakeUser {
  return { id: fakeId(), username: name };
}

function userPayload(user: FakeUser) {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null, ...(user.bot ? { bot: true } : {}) };
}

function memberPayload(user: FakeUser) {
  return { user: userPayload(user), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: '2248473465835073' };
}

function interactionBase(options: FakeDiscordOptions, user: FakeUser) {
  const id = fakeId();
  return {
    id,
    application_id: options.applicationId,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: options.guildId,
    channel_id: options.channelId,
    channel: { id: options.channelId, type: 0, guild_id: options.guildId, name: 'general' },
    member: memberPayload(user),
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': options.guildId },
    context: 0,
    attachment_size_limit: 8_388_608,
  };
}

/**
 * INTERACTION_CREATE for `/privacy question:<question> [public:<bool>]`.
 *
 * @example
 * discord.dispatch('INTERACTION_CREATE', privacyCommand(discord.options, user, 'Do you sell my data?'));
 */
export function privacyCommand(options: FakeDiscordOptions, user: FakeUser, question: string, isPublic?: boolean) {
  const commandOptions: { name: string; type: number; value: string | boolean }[] = [{ name: 'question', type: 3, value: question }];
  if (isPublic !== undefined) commandOptions.push({ name: 'public', type: 5, value: isPublic });
  return {
    ...interactionBase(options, user),
    type: 2,
    data: { id: '400000000000000001', name: 'privacy', type: 1, options: commandOptions },
  };
}

/** INTERACTION_CREATE for a click on a button with `customId` under `message` (a message the bot sent). */
export function buttonClick(options: FakeDiscordOptions, user: FakeUser, customId: string, message: Record<string, unknown>) {
  return {
    ...interactionBase(options, user),
    type: 3,
    message,
    data: { custom_id: customId, component_type: 2 },
  };
}

/**
 * MESSAGE_CREATE in the fake guild's channel. `mentions` are the users mentioned in `content`.
 *
 * @example
 * discord.dispatch('MESSAGE_CREATE', channelMessage(discord.options, user, `<@${bot.id}> hi`, [bot]));
 */
export function channelMessage(options: FakeDiscordOptions, author: FakeUser, content: string, mentions: FakeUser[] = []) {
  return {
    id: fakeId(),
    channel_id: options.channelId,
    guild_id: options.guildId,
    author: userPayload(author),
    member: memberPayload(author),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: /@everyone|@here/.test(content),
    mentions: mentions.map((user) => ({ ...userPayload(user), member: memberPayload(user) })),
    mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]),
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/**
 * The message object Discord would hold for what the bot sent (`body` of the PATCH/POST), for a button click on it.
 */
export function botMessage(options: FakeDiscordOptions, body: Record<string, unknown>, flags = 0) {
  // An interaction response: the webhook-sent message shape the fake REST returns, typed as a chat-input reply.
  return { ...messagePayload(options, options.channelId, { ...body, flags }, { webhook: true }), type: 20 };
}

/** MESSAGE_CREATE in a direct message channel the client has not seen before (no guild). */
export function directMessage(author: FakeUser, content: string, channelId = fakeId()) {
  return {
    id: fakeId(),
    channel_id: channelId,
    // Discord sends the channel type with messages; discord.js needs it to build an uncached DM channel.
    channel_type: 1,
    author: userPayload(author),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/**
 * INTERACTION_CREATE for autocomplete on `/privacy`'s `question` option, with `typed` so far.
 *
 * @example
 * discord.dispatch('INTERACTION_CREATE', privacyAutocomplete(discord.options, user, 'how long do'));
 */
export function privacyAutocomplete(options: FakeDiscordOptions, user: FakeUser, typed: string, focused = 'question') {
  const commandOptions = [{ name: focused, type: focused === 'public' ? 5 : 3, value: typed, focused: true }];
  return {
    ...interactionBase(options, user),
    type: 4,
    data: { id: '400000000000000001', name: 'privacy', type: 1, options: commandOptions },
  };
}

/**
 * INTERACTION_CREATE for the message command "Ask Privacy Assistant" used on `target` (a message payload).
 *
 * @example
 * discord.dispatch('INTERACTION_CREATE', messageCommand(discord.options, user, channelMessage(discord.options, author, 'do you sell data?')));
 */
export function messageCommand(options: FakeDiscordOptions, user: FakeUser, target: { id: string }, name = 'Ask Privacy Assistant') {
  return {
    ...interactionBase(options, user),
    type: 2,
    data: { id: '400000000000000002', name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  };
}

/**
 * MESSAGE_CREATE in any guild channel or thread (`channelId`), from `author`.
 *
 * @example
 * discord.dispatch('MESSAGE_CREATE', messageIn(discord.options, threadId, user, 'and cookies?'));
 */
export function messageIn(options: FakeDiscordOptions, channelId: string, author: FakeUser, content: string, id = fakeId()) {
  return { ...channelMessage(options, author, content), id, channel_id: channelId };
}

/**
 * A new forum post: THREAD_CREATE of the post (type 11, `newly_created`) in `forumId`, and its first message, whose
 * id is the post's id. Dispatch `thread` (Discord announces the post); the message is read over REST.
 *
 * @example
 * const post = forumPost(discord.options, user, 'Data deletion', 'How do I delete my account?');
 * discord.storeMessage(post.starter);
 * discord.dispatch('THREAD_CREATE', post.thread);
 */
export function forumPost(options: FakeDiscordOptions, author: FakeUser, title: string, content: string, forumId = options.forumChannelId) {
  const id = fakeId();
  const now = new Date().toISOString();
  const thread = {
    id,
    type: 11,
    guild_id: options.guildId,
    parent_id: forumId,
    owner_id: author.id,
    name: title,
    last_message_id: id,
    message_count: 0,
    total_message_sent: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    applied_tags: [],
    thread_metadata: { archived: false, auto_archive_duration: 4320, archive_timestamp: now, locked: false, create_timestamp: now },
    newly_created: true,
  };
  return { thread, starter: messageIn(options, id, author, content, id) };
}

/** MESSAGE_UPDATE for an edit of `message` to `content`. */
export function messageEdit(message: ReturnType<typeof channelMessage>, content: string) {
  return { ...message, content, edited_timestamp: new Date().toISOString() };
}
