/**
 * Channels and forums answered without a mention (DISCORD_AUTO_ANSWER_CHANNELS), through the real discord.js client
 * against the local fake Discord. Every assertion is on what reached the fake REST API.
 */
import { GatewayIntentBits, IntentsBitField } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordIntents } from '../../../adapters/discord/bot.js';
import { createAnswerer } from '../../../src/answerer.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { bundledCorpusDir } from '../../../src/paths.js';
import { channelMessage, fakeUser, forumPost, messageEdit, messageIn, type FakeUser } from '../../helpers/discord-events.js';
import { defaultFakeDiscordOptions, type RecordedRequest } from '../../helpers/discord-fake.js';
import { messageOf, startBotHarness, type BotHarness, type BotHarnessOptions } from '../../helpers/discord-harness.js';

const answerer = createAnswerer(loadCorpus([bundledCorpusDir]));
const { channelId: general, otherChannelId: random, forumChannelId: forum, botUser } = defaultFakeDiscordOptions;

function titlesOf(request: RecordedRequest): string[] {
  return ((messageOf(request)['embeds'] as { title: string }[] | undefined) ?? []).map((e) => e.title);
}

function replyTarget(request: RecordedRequest): string | undefined {
  return (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id;
}

function expectNoPings(request: RecordedRequest): void {
  expect(messageOf(request)['allowed_mentions']).toMatchObject({ parse: [] });
}

/** A bot connected to a fake Discord for the enclosing describe, with helpers that send and wait. */
function useBot(options: Partial<BotHarnessOptions>) {
  let bot: BotHarness | undefined;
  beforeAll(async () => {
    bot = await startBotHarness({ answerer, ...options });
  });
  afterAll(async () => {
    await bot?.close();
  });
  const get = (): BotHarness => {
    if (!bot) throw new Error('bot not started');
    return bot;
  };
  const sent = () => get().discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
  const postsIn = (channelId: string) => sent().filter((r) => r.path === `/channels/${channelId}/messages`);
  const repliesTo = (messageId: string) => sent().filter((r) => replyTarget(r) === messageId);

  /** Sends a message to a channel; resolves once the bot replied to it. */
  async function answered(content: string, author: FakeUser = fakeUser(), channelId = general) {
    const message = messageIn(get().discord.options, channelId, author, content);
    get().discord.dispatch('MESSAGE_CREATE', message);
    const reply = await get().discord.waitForRequest((r) => replyTarget(r) === message.id);
    return { message, reply };
  }

  /** A new forum post; resolves with the bot's answer in it. */
  async function answeredPost(title: string, content: string, author: FakeUser = fakeUser()) {
    const post = forumPost(get().discord.options, author, title, content);
    get().discord.storeMessage(post.starter);
    get().discord.dispatch('THREAD_CREATE', post.thread);
    const answer = await get().discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${post.thread.id}/messages`);
    return { post, answer };
  }

  /**
   * Settles every event sent before: a question answered in #general. Events are handled in order, and an ignored
   * message would have been answered by the same synchronous steps, so once this is answered the others are settled.
   */
  const settle = async () => {
    await answered('what personal data do you collect?', fakeUser('settler'));
  };
  /** Settles forum events: a later forum post answered (posts take an extra REST read). */
  const settlePosts = async () => {
    await answeredPost('Cookies', 'Do you use cookies?', fakeUser('settler'));
  };
  return { get, postsIn, repliesTo, answered, answeredPost, settle, settlePosts };
}

describe('discord: a text channel answered without a mention', () => {
  const bot = useBot({ config: { autoAnswerChannels: [general, forum] }, channelRateLimit: { limit: 1000, windowMs: 60_000 } });

  it('replies to a question with the cited answer, pinging nobody', async () => {
    const { reply } = await bot.answered('hey all, how long do you keep my data');
    expect(titlesOf(reply)).toContain('Data retention');
    expect(reply.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: false } });
    expect(messageOf(reply)['content']).toBe('**Q:** hey all, how long do you keep my data');
  });

  it.each([
    ['a statement', () => channelMessage(bot.get().discord.options, fakeUser(), 'I deleted the export from the drive.')],
    ['a question the policy does not cover', () => channelMessage(bot.get().discord.options, fakeUser(), 'when is lunch today?')],
    ['a question in another channel', () => messageIn(bot.get().discord.options, random, fakeUser(), 'how long do you keep my data?')],
    ['a question from another bot', () => channelMessage(bot.get().discord.options, { ...fakeUser('otherbot'), bot: true }, 'how long do you keep my data?')],
    ['its own message', () => channelMessage(bot.get().discord.options, { ...botUser, bot: true }, 'how long do you keep my data?')],
    ['a webhook message', () => ({ ...channelMessage(bot.get().discord.options, fakeUser('hook'), 'how long do you keep my data?'), webhook_id: '700000000000000001' })],
    ['a system message', () => ({ ...channelMessage(bot.get().discord.options, fakeUser('joiner'), 'how long do you keep my data?'), type: 7 })],
  ])('gets nothing for %s', async (_name, build) => {
    const message = build();
    bot.get().discord.dispatch('MESSAGE_CREATE', message);
    await bot.settle();
    expect(bot.repliesTo(message.id)).toHaveLength(0);
    expect(bot.postsIn(message.channel_id).filter((r) => replyTarget(r) === undefined)).toHaveLength(0);
  });

  it('gets nothing for an edit, even one that turns a statement into a question', async () => {
    const message = channelMessage(bot.get().discord.options, fakeUser(), 'Noted, thanks.');
    bot.get().discord.dispatch('MESSAGE_CREATE', message);
    bot.get().discord.dispatch('MESSAGE_UPDATE', messageEdit(message, 'how long do you keep my data?'));
    await bot.settle();
    expect(bot.repliesTo(message.id)).toHaveLength(0);
  });

  it('answers a question that mentions it once, as a mention', async () => {
    const { message } = await bot.answered(`<@${botUser.id}> do you sell my data?`);
    await bot.settle();
    expect(bot.repliesTo(message.id)).toHaveLength(1);
  });

  it('answers each message once across a reconnect that replays it (RESUME)', async () => {
    const { message } = await bot.answered('what are my rights under GDPR?');
    const sessions = bot.get().discord.sessions.length;
    const missed = channelMessage(bot.get().discord.options, fakeUser(), 'do you use cookies?');
    bot.get().discord.reconnect([
      { type: 'MESSAGE_CREATE', data: message },
      { type: 'MESSAGE_CREATE', data: missed },
    ]);
    await bot.get().discord.waitForSessions(sessions + 1);
    // The event missed while disconnected is answered; the one handled before is not answered again.
    await bot.get().discord.waitForRequest((r) => replyTarget(r) === missed.id);
    await bot.settle();
    expect(bot.get().discord.sessions[sessions]?.resume).toMatchObject({ session_id: 'fake-session' });
    expect(bot.repliesTo(message.id)).toHaveLength(1);
    expect(bot.repliesTo(missed.id)).toHaveLength(1);
  });

  it('requests the Message Content intent to read questions nobody addressed to it', () => {
    const intents = new IntentsBitField(bot.get().discord.sessions[0]?.identify?.intents).toArray();
    expect(intents).toEqual(expect.arrayContaining(['Guilds', 'GuildMessages', 'MessageContent']));
  });
});

describe('discord: a forum answered without a mention', () => {
  const bot = useBot({
    config: { autoAnswerChannels: [general, forum] },
    channelRateLimit: { limit: 1000, windowMs: 60_000 },
    adapterOptions: { starterMessageRetryMs: 100 },
  });

  it("answers a new post's title and first message in the post, pinging nobody", async () => {
    const { answer } = await bot.answeredPost('Selling data', 'Do you sell my personal information to advertisers?');
    expect(titlesOf(answer)).toContain('How we share your data');
    expect(replyTarget(answer)).toBeUndefined();
    expectNoPings(answer);
  });

  it('answers a post whose title alone holds the question', async () => {
    const { answer } = await bot.answeredPost('How long do you keep my data?', 'Thanks in advance!');
    expect(titlesOf(answer)).toContain('Data retention');
  });

  it('answers a post once, though its first message also arrives as a message in the thread', async () => {
    const { post } = await bot.answeredPost('Deleting my account', 'How do I delete my account?');
    bot.get().discord.dispatch('MESSAGE_CREATE', post.starter);
    await bot.settlePosts();
    expect(bot.postsIn(post.thread.id)).toHaveLength(1);
  });

  it('answers follow-up questions in a post it answered, and nothing else there', async () => {
    const { post } = await bot.answeredPost('Data retention', 'How long do you keep my data?');
    const thanks = messageIn(bot.get().discord.options, post.thread.id, fakeUser(), 'thanks, that helps');
    const offTopic = messageIn(bot.get().discord.options, post.thread.id, fakeUser(), 'when is lunch?');
    bot.get().discord.dispatch('MESSAGE_CREATE', thanks);
    bot.get().discord.dispatch('MESSAGE_CREATE', offTopic);
    const followUp = messageIn(bot.get().discord.options, post.thread.id, fakeUser(), 'and do you sell it?');
    bot.get().discord.dispatch('MESSAGE_CREATE', followUp);
    const reply = await bot.get().discord.waitForRequest((r) => replyTarget(r) === followUp.id);
    expect(reply.path).toBe(`/channels/${post.thread.id}/messages`);
    expect(titlesOf(reply)).toContain('How we share your data');
    expect(bot.repliesTo(thanks.id)).toHaveLength(0);
    expect(bot.repliesTo(offTopic.id)).toHaveLength(0);
  });

  it.each([
    ['a post the policy does not cover', () => forumPost(bot.get().discord.options, fakeUser(), 'Lost charger', 'I left my charger in room 4, has anyone seen it?')],
    ['a post by a bot', () => forumPost(bot.get().discord.options, { ...fakeUser('otherbot'), bot: true }, 'Data retention', 'How long do you keep my data?')],
    ['a post that is not new (a thread the bot is added to)', () => {
      const post = forumPost(bot.get().discord.options, fakeUser(), 'Data retention', 'How long do you keep my data?');
      return { ...post, thread: { ...post.thread, newly_created: false } };
    }],
  ])('gets nothing for %s', async (_name, build) => {
    const post = build();
    bot.get().discord.storeMessage(post.starter);
    bot.get().discord.dispatch('THREAD_CREATE', post.thread);
    await bot.settlePosts();
    expect(bot.postsIn(post.thread.id)).toHaveLength(0);
  });

  it('gets nothing for a reply in a post it did not answer', async () => {
    const post = forumPost(bot.get().discord.options, fakeUser(), 'Lost charger', 'Has anyone seen my charger?');
    bot.get().discord.storeMessage(post.starter);
    bot.get().discord.dispatch('THREAD_CREATE', post.thread);
    const reply = messageIn(bot.get().discord.options, post.thread.id, fakeUser(), 'how long do you keep my data?');
    bot.get().discord.dispatch('MESSAGE_CREATE', reply);
    await bot.settlePosts();
    expect(bot.postsIn(post.thread.id)).toHaveLength(0);
  });

  it('reads a first message that is not there yet once more, and answers', async () => {
    const post = forumPost(bot.get().discord.options, fakeUser(), 'Children', 'Do you collect data from children?');
    bot.get().discord.storeMessage(post.starter);
    bot.get().discord.hideMessage(post.starter.id, 1);
    bot.get().discord.dispatch('THREAD_CREATE', post.thread);
    const answer = await bot.get().discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${post.thread.id}/messages`);
    expect(titlesOf(answer)).toContain('Children’s data');
    const reads = bot.get().discord.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${post.thread.id}/messages/${post.starter.id}`);
    expect(reads).toHaveLength(2);
  });

  it('gives up on a post whose first message never appears, and logs it', async () => {
    const post = forumPost(bot.get().discord.options, fakeUser(), 'Data retention', 'How long do you keep my data?');
    bot.get().discord.dispatch('THREAD_CREATE', post.thread);
    const reads = () => bot.get().discord.requests.filter((r) => r.method === 'GET' && r.path.startsWith(`/channels/${post.thread.id}/messages/`));
    await bot.get().discord.waitForRequest(() => reads().length === 2);
    await bot.settlePosts();
    expect(bot.postsIn(post.thread.id)).toHaveLength(0);
    expect(bot.get().logs.join('\n')).toContain('discord: a forum post has no first message to answer');
  });

  it('answers a post that mentions it once, as a mention', async () => {
    const post = forumPost(bot.get().discord.options, fakeUser(), 'Question', `<@${botUser.id}> do you sell my data?`);
    bot.get().discord.storeMessage(post.starter);
    bot.get().discord.dispatch('THREAD_CREATE', post.thread);
    bot.get().discord.dispatch('MESSAGE_CREATE', post.starter);
    await bot.get().discord.waitForRequest((r) => replyTarget(r) === post.starter.id);
    await bot.settlePosts();
    expect(bot.postsIn(post.thread.id)).toHaveLength(1);
  });
});

describe('discord: rate limits on answers without a mention', () => {
  const bot = useBot({
    config: { autoAnswerChannels: [general, random] },
    rateLimit: { limit: 2, windowMs: 60_000 },
    channelRateLimit: { limit: 3, windowMs: 60_000 },
  });

  it('stays silent for a person over their limit and for a channel over its limit; other channels are answered', async () => {
    const send = (user: FakeUser, channelId = general) => {
      const message = messageIn(bot.get().discord.options, channelId, user, 'how long do you keep my data?');
      bot.get().discord.dispatch('MESSAGE_CREATE', message);
      return message;
    };
    const hasty = fakeUser('hasty');
    const messages = [send(hasty), send(hasty), send(hasty), send(fakeUser('calm1')), send(fakeUser('calm2'))];
    const elsewhere = send(fakeUser('calm2'), random);
    await bot.get().discord.waitForRequest((r) => replyTarget(r) === elsewhere.id);
    // discord.js sends one channel's messages one after another: a mention answered in #general (not subject to the
    // channel's limit) comes after every answer to the questions above.
    const mention = messageIn(bot.get().discord.options, general, fakeUser('settler'), `<@${botUser.id}> do you use cookies?`);
    bot.get().discord.dispatch('MESSAGE_CREATE', mention);
    await bot.get().discord.waitForRequest((r) => replyTarget(r) === mention.id);
    expect(messages.map((m) => bot.repliesTo(m.id).length)).toEqual([1, 1, 0, 1, 0]);
    // Silence means silence: no cooldown notice in the channel, only the three answers and the mention's.
    expect(bot.postsIn(general)).toHaveLength(4);
  });
});

describe('discord: answers without a mention in threads (DISCORD_USE_THREADS)', () => {
  const bot = useBot({ config: { autoAnswerChannels: [general], useThreads: true } });

  it('answers in a new thread on the question, then answers follow-ups in that thread', async () => {
    const question = channelMessage(bot.get().discord.options, fakeUser(), 'how long do you keep my data?');
    bot.get().discord.dispatch('MESSAGE_CREATE', question);
    const create = await bot.get().discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${general}/messages/${question.id}/threads`);
    const thread = create.body as { name: string };
    expect(thread.name).toBe('Privacy: how long do you keep my data?');
    const answer = await bot.get().discord.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.path !== `/channels/${general}/messages`);
    const threadId = answer.path.split('/')[2]!;
    // The thread the fake created exists in the client's cache only through this response; a THREAD_CREATE follows.
    bot.get().discord.dispatch('THREAD_CREATE', { id: threadId, type: 11, guild_id: bot.get().discord.options.guildId, parent_id: general, owner_id: botUser.id, name: thread.name, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } });
    const followUp = messageIn(bot.get().discord.options, threadId, fakeUser(), 'do you sell it?');
    bot.get().discord.dispatch('MESSAGE_CREATE', followUp);
    const reply = await bot.get().discord.waitForRequest((r) => replyTarget(r) === followUp.id);
    expect(reply.path).toBe(`/channels/${threadId}/messages`);
    expect(titlesOf(reply)).toContain('How we share your data');
  });
});

describe('discord: without DISCORD_AUTO_ANSWER_CHANNELS', () => {
  const bot = useBot({ config: { answerMentions: false } });

  it('reads no channel messages (Guilds intent only) and answers no forum post', async () => {
    expect(new IntentsBitField(bot.get().discord.sessions[0]?.identify?.intents).toArray()).toEqual(['Guilds']);
    const post = forumPost(bot.get().discord.options, fakeUser(), 'Data retention', 'How long do you keep my data?');
    bot.get().discord.storeMessage(post.starter);
    bot.get().discord.dispatch('THREAD_CREATE', post.thread);
    bot.get().discord.dispatch('MESSAGE_CREATE', channelMessage(bot.get().discord.options, fakeUser(), 'how long do you keep my data?'));
    // Settle with a slash command, answered in any configuration.
    const { privacyCommand } = await import('../../helpers/discord-events.js');
    const interaction = privacyCommand(bot.get().discord.options, fakeUser(), 'do you sell my data?');
    bot.get().discord.dispatch('INTERACTION_CREATE', interaction);
    await bot.get().discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    expect(bot.get().discord.requests.filter((r) => r.method !== 'PATCH' && !r.path.startsWith('/interactions/') && r.path !== '/gateway/bot')).toEqual([]);
  });
});

describe('discordIntents with channels answered without a mention', () => {
  it('adds GuildMessages and MessageContent even when mentions are off', () => {
    expect(discordIntents({ answerMentions: false, watchesChannels: true })).toEqual([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ]);
    expect(discordIntents({ answerMentions: false, watchesChannels: false })).toEqual([GatewayIntentBits.Guilds]);
  });
});
