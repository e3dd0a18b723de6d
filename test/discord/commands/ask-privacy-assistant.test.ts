/**
 * The message command "Ask Privacy Assistant", through the real discord.js client against the local fake Discord.
 */
import { IntentsBitField } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answerer.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { bundledCorpusDir } from '../../../src/paths.js';
import type { Answerer } from '../../../src/types.js';
import { channelMessage, fakeUser, messageCommand, privacyCommand, type FakeUser } from '../../helpers/discord-events.js';
import { messageOf, startBotHarness, visibleText, type BotHarness } from '../../helpers/discord-harness.js';

const answerer = createAnswerer(loadCorpus([bundledCorpusDir]));
const ephemeral = 64;

describe('"Ask Privacy Assistant" on a message', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // Commands only: no mention answering, no channels, so no Message Content intent.
    bot = await startBotHarness({ answerer, rateLimit: { limit: 3, windowMs: 60_000 }, config: { answerMentions: false } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  /** Uses the command on a message with `content`; resolves with the interaction callback and the edit, if any. */
  async function ask(content: string, user: FakeUser = fakeUser(), extra: Record<string, unknown> = {}) {
    const target = { ...channelMessage(bot.discord.options, fakeUser('author'), content), ...extra };
    const interaction = messageCommand(bot.discord.options, user, target);
    bot.discord.dispatch('INTERACTION_CREATE', interaction);
    const callback = await bot.discord.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    const deferred = (callback.body as { type: number }).type === 5;
    const edit = deferred
      ? await bot.discord.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${bot.discord.options.applicationId}/${interaction.token}/messages/@original`)
      : undefined;
    return { callback, edit };
  }

  it("answers the message's text privately, with the usual cited embed, without the Message Content intent", async () => {
    expect(new IntentsBitField(bot.discord.sessions[0]?.identify?.intents).toArray()).toEqual(['Guilds']);
    const { callback, edit } = await ask('Hey folks, do you sell my data?');
    expect(callback.body).toEqual({ type: 5, data: { flags: ephemeral } });
    const message = messageOf(edit!);
    expect(message['content']).toBe('**Q:** Hey folks, do you sell my data?');
    const embeds = message['embeds'] as { title: string; footer?: { text: string } }[];
    expect(embeds.map((e) => e.title)).toContain('How we share your data');
    expect(embeds[embeds.length - 1]?.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022');
    expect(message['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('never lets the message ping anyone', async () => {
    const { edit } = await ask('<@&456000000000000000> @everyone @here <@999000000000000000> how long do you keep my data?');
    expect(visibleText(edit!)).not.toMatch(/@everyone|@here|<@[!&]?\d+>/);
    // Mentions are addressing, not the question: they are dropped before answering and echoing.
    expect(messageOf(edit!)['content']).toBe('**Q:** how long do you keep my data?');
    expect(messageOf(edit!)['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('says so, privately, for a message without text (only an embed or an attachment)', async () => {
    const { callback, edit } = await ask('', fakeUser(), { embeds: [{ title: 'Shared link' }] });
    expect(edit).toBeUndefined();
    expect(callback.body).toMatchObject({ type: 4, data: { flags: ephemeral, allowed_mentions: { parse: [] } } });
    expect(messageOf(callback)['content']).toMatch(/no text I can answer/);
  });

  it('shares the per-user rate limit with /privacy', async () => {
    const hasty = fakeUser('hasty');
    for (let i = 0; i < 3; i += 1) {
      const interaction = privacyCommand(bot.discord.options, hasty, 'How long do you keep data?');
      bot.discord.dispatch('INTERACTION_CREATE', interaction);
      await bot.discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    }
    const { callback, edit } = await ask('do you sell my data?', hasty);
    expect(edit).toBeUndefined();
    expect(messageOf(callback)['content']).toMatch(/try again in \d+ seconds?/);
  });

  it('replies with the usual apology when answering fails, and logs it without the text', async () => {
    const crashing: Answerer = { documents: answerer.documents, answer: () => { throw new Error('index exploded'); } };
    bot.deps.answerer = crashing;
    try {
      const { edit } = await ask('do you sell the data of jane.doe@example.com?');
      expect(messageOf(edit!)['content']).toMatch(/^Sorry, something went wrong/);
    } finally {
      bot.deps.answerer = answerer;
    }
    const logs = bot.logs.join('\n');
    expect(logs).toContain('discord: answering Ask Privacy Assistant failed');
    expect(logs).not.toContain('jane.doe@example.com');
  });
});
