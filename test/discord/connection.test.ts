import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, IntentsBitField } from 'discord.js';
import { createDiscordAdapter, discordIntents } from '../../adapters/discord/bot.js';
import { deployCommands } from '../../adapters/discord/deploy-commands.js';
import { loadConfig } from '../../adapters/config.js';
import { silentLogger } from '../../src/logger.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import type { Answerer } from '../../src/types.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/discord-fake.js';
import { startBotHarness, type BotHarness } from '../helpers/discord-harness.js';

/** These tests never ask a question; an answerer that throws proves it is not called. */
const unusedAnswerer: Answerer = {
  documents: [],
  answer() {
    throw new Error('not expected to be called');
  },
};

describe('discord intents', () => {
  it('requests only Guilds when mention answering is off', () => {
    expect(discordIntents({ answerMentions: false })).toEqual([GatewayIntentBits.Guilds]);
  });

  it('adds GuildMessages and MessageContent only for mentions, and DirectMessages only for DMs', () => {
    expect(discordIntents({ answerMentions: true })).toEqual([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ]);
    expect(discordIntents({ answerMentions: false }, { answerDirectMessages: true })).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages]);
  });
});

describe('discord adapter connection (real discord.js against a local fake)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ answerer: unusedAnswerer, config: { answerMentions: false } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('logs in over plain JSON (no compression) with the configured intents and the bot token', () => {
    const session = bot.discord.sessions[0]!;
    expect(session.query.get('encoding')).toBe('json');
    expect(session.query.get('v')).toBe('10');
    expect(session.query.has('compress')).toBe(false);
    expect(session.identify?.compress).toBe(false);
    expect(new IntentsBitField(session.identify?.intents).toArray()).toEqual(['Guilds']);
    expect(bot.adapter.client.isReady()).toBe(true);
    expect(bot.adapter.client.user?.id).toBe(bot.discord.options.botUser.id);
  });

  it('never logs the token', () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.join('\n')).not.toContain(bot.discord.options.token);
  });
});

describe('discord adapter login failure', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await discord?.close();
  });

  it('start() rejects with a clear error on a wrong token instead of hanging', async () => {
    const lines: string[] = [];
    const wrongToken = 'MTAwMDAwMDAwMDAwMDAwMDk5.Gwrong.wrong-token-for-tests-only-00000000000';
    const adapter = createDiscordAdapter(
      { token: wrongToken, apiUrl: discord.apiUrl, answerMentions: true, useThreads: false },
      { answerer: unusedAnswerer, usageLog: new UsageLog(), rateLimit: { limit: 5, windowMs: 60_000 }, logger: { ...silentLogger, error: (m, f) => lines.push(JSON.stringify({ m, f })) } },
      { loginTimeoutMs: 10_000 },
    );
    await expect(adapter.start()).rejects.toThrow(/^discord: login failed/);
    expect(lines.join('\n')).not.toContain(wrongToken);
    await adapter.stop();
  });

  it('start() rejects with an actionable error when the Message Content intent is not enabled', async () => {
    const strict = await startFakeDiscord({ privilegedIntentsEnabled: false });
    try {
      const adapter = createDiscordAdapter(
        { token: strict.options.token, apiUrl: strict.apiUrl, answerMentions: true, useThreads: false },
        { answerer: unusedAnswerer, usageLog: new UsageLog(), rateLimit: { limit: 5, windowMs: 60_000 }, logger: silentLogger },
        { loginTimeoutMs: 10_000 },
      );
      await expect(adapter.start()).rejects.toThrow(/disallowed intents.*Message Content Intent.*DISCORD_ANSWER_MENTIONS=false/i);
      await adapter.stop();
    } finally {
      await strict.close();
    }
  });

  it('start() rejects after loginTimeoutMs when the gateway never says HELLO', async () => {
    const hung = await startFakeDiscord({ silentGateway: true });
    try {
      const adapter = createDiscordAdapter(
        { token: hung.options.token, apiUrl: hung.apiUrl, answerMentions: false, useThreads: false },
        { answerer: unusedAnswerer, usageLog: new UsageLog(), rateLimit: { limit: 5, windowMs: 60_000 }, logger: silentLogger },
        { loginTimeoutMs: 500, stopTimeoutMs: 500 },
      );
      await expect(adapter.start()).rejects.toThrow('discord: login did not complete within 500 ms');
      await adapter.stop();
      // @discordjs/ws 1.2 reconnects once after a destroy during the handshake; the fake then closes with 4004,
      // after which it stops for good. Without that quirk there is no second connection, which is fine too.
      await hung.waitForSessions(2, 2000).catch(() => undefined);
    } finally {
      await hung.close();
    }
  });
});

describe('discord deploy-commands', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await discord?.close();
  });

  const env = (extra: Record<string, string>) => ({
    DISCORD_TOKEN: discord.options.token,
    DISCORD_API_URL: discord.apiUrl,
    ...extra,
  });

  it('PUTs /privacy and the "Ask Privacy Assistant" message command to the guild route when DISCORD_GUILD_ID is set', async () => {
    const config = loadConfig(env({ DISCORD_APPLICATION_ID: discord.options.applicationId, DISCORD_GUILD_ID: discord.options.guildId }));
    const result = await deployCommands(config.discord!);
    expect(result).toMatchObject({ scope: 'guild', commands: ['privacy', 'Ask Privacy Assistant'] });

    const put = await discord.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${discord.options.applicationId}/guilds/${discord.options.guildId}/commands`);
    expect(put.authorization).toBe(`Bot ${discord.options.token}`);
    const body = put.body as { name: string; type?: number; options?: { name: string; type: number; required?: boolean }[] }[];
    expect(body).toHaveLength(2);
    expect(body[0]).toMatchObject({
      name: 'privacy',
      options: [
        { name: 'question', type: 3, required: true, max_length: 500, autocomplete: true },
        { name: 'public', type: 5 },
      ],
    });
    // A message context-menu command (type 3) has a name only: no description, no options.
    expect(body[1]).toEqual(expect.objectContaining({ name: 'Ask Privacy Assistant', type: 3 }));
    expect(body[1]).not.toHaveProperty('options');
  });

  it('PUTs globally without a guild', async () => {
    const config = loadConfig(env({ DISCORD_APPLICATION_ID: discord.options.applicationId }));
    const result = await deployCommands(config.discord!);
    expect(result.scope).toBe('global');
    await discord.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${discord.options.applicationId}/commands`);
  });

  it('explains that DISCORD_APPLICATION_ID is missing', async () => {
    const config = loadConfig(env({}));
    await expect(deployCommands(config.discord!)).rejects.toThrow(/DISCORD_APPLICATION_ID is required/);
  });
});
