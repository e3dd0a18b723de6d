/**
 * End to end: the real discord.js client, the real answerer over the bundled corpus, a local fake Discord.
 * Every assertion is on what reached the fake REST API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answerer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { bundledCorpusDir } from '../../src/paths.js';
import type { Answerer } from '../../src/types.js';
import { botMessage, buttonClick, channelMessage, directMessage, fakeUser, privacyCommand, type FakeUser } from '../helpers/discord-events.js';
import type { RecordedRequest } from '../helpers/discord-fake.js';
import { messageOf, sendsMessage, startBotHarness, visibleText, type BotHarness } from '../helpers/discord-harness.js';

interface SentEmbed {
  title?: string;
  url?: string;
  description?: string;
  footer?: { text: string };
}

const answerer = createAnswerer(loadCorpus([bundledCorpusDir]));
const rateLimit = { limit: 3, windowMs: 60_000 };
const ephemeral = 64;
/** Anything that would notify people if Discord rendered it as a mention. */
const pingSyntax = /@everyone|@here|<@[!&]?\d+>/;

const crashingAnswerer: Answerer = {
  documents: answerer.documents,
  answer(question) {
    throw new Error(`index exploded while reading "${question}"`);
  },
};

function embedsOf(request: RecordedRequest): SentEmbed[] {
  return (messageOf(request)['embeds'] as SentEmbed[] | undefined) ?? [];
}

function expectNoPings(request: RecordedRequest): void {
  const mentions = messageOf(request)['allowed_mentions'] as { parse?: unknown[]; replied_user?: boolean } | undefined;
  expect(mentions, `${request.method} ${request.path}`).toBeDefined();
  expect(mentions?.parse).toEqual([]);
  if (mentions && 'replied_user' in mentions) expect(mentions.replied_user).toBe(false);
}

describe('discord bot end to end (inline replies)', () => {
  let bot: BotHarness;
  let logDir: string;
  let bot$: { id: string; username: string };

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'discord-usage-'));
    bot = await startBotHarness({ answerer, rateLimit, usageLogPath: join(logDir, 'usage.jsonl') });
    bot$ = bot.discord.options.botUser;
  });
  afterAll(async () => {
    await bot?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  /** Sends `/privacy` and returns the defer callback and the final edit. */
  async function ask(user: FakeUser, question: string, isPublic?: boolean) {
    const interaction = privacyCommand(bot.discord.options, user, question, isPublic);
    bot.discord.dispatch('INTERACTION_CREATE', interaction);
    const callback = await bot.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    const edit = await bot.discord.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${bot.discord.options.applicationId}/${interaction.token}/messages/@original`,
    );
    return { interaction, callback, edit };
  }

  /** Sends a channel message and returns the bot's reply to it. */
  async function mention(user: FakeUser, content: string) {
    const message = channelMessage(bot.discord.options, user, content, [{ ...bot$, bot: true }]);
    bot.discord.dispatch('MESSAGE_CREATE', message);
    const reply = await bot.discord.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${message.channel_id}/messages` && (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === message.id,
    );
    return { message, reply };
  }

  it('/privacy defers ephemerally, then edits in the cited answer ("do you sell my data")', async () => {
    const { callback, edit } = await ask(fakeUser(), 'Do you sell my data?');
    expect(callback.body).toEqual({ type: 5, data: { flags: ephemeral } });
    expect(bot.discord.requests.indexOf(callback)).toBeLessThan(bot.discord.requests.indexOf(edit));

    const embeds = embedsOf(edit);
    expect(embeds.length).toBeGreaterThan(0);
    const titles = embeds.map((e) => e.title);
    expect(titles.some((t) => t === 'How we share your data' || t === 'California residents')).toBe(true);
    expect(embeds[0]?.url).toMatch(/^https:\/\/www\.datarobot\.com\/privacy\/#(how-we-share-your-data|california-residents)$/);
    expect(embeds[0]?.description).toMatch(/^> /);
    expect(embeds[embeds.length - 1]?.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022');
    expect(messageOf(edit)['content']).toBe('**Q:** Do you sell my data?');
    expectNoPings(edit);
  });

  it('quotes the policy verbatim', async () => {
    const { edit } = await ask(fakeUser(), 'How long do you keep data?');
    const expected = answerer.answer('How long do you keep data?', { top: 3 }).passages[0]!;
    const first = embedsOf(edit)[0]!;
    expect(first.title).toBe('Data retention');
    expect(first.url).toBe('https://www.datarobot.com/privacy/#data-retention');
    // Unquote, drop the bold and unescape: what Discord displays is the policy's own text.
    const shown = first.description!.split('\n').map((line) => line.replace(/^> /, '')).join(' ').replace(/(?<!\\)\*\*/g, '').replace(/\\(.)/g, '$1');
    expect(shown.replace(/\s+/g, ' ')).toBe(expected.text.replace(/\s+/g, ' '));
    // The sentence that answers is in bold.
    const best = expected.highlights[0]!;
    expect(first.description).toContain(`**${expected.text.slice(best.start, best.end)}**`);
  });

  it('public:true makes the answer visible to everyone (no ephemeral flag)', async () => {
    const { callback, edit } = await ask(fakeUser(), 'How long do you keep data?', true);
    expect((callback.body as { type: number }).type).toBe(5);
    expect(((callback.body as { data?: { flags?: number } }).data?.flags ?? 0) & ephemeral).toBe(0);
    expect(embedsOf(edit)[0]?.title).toBe('Data retention');
  });

  it('says when the policy does not cover a question and links the contact section', async () => {
    const { edit } = await ask(fakeUser(), 'What is the weather in Paris tomorrow?');
    const [embed] = embedsOf(edit);
    expect(embed?.title).toBe('Not covered by the policy');
    expect(embed?.description).toContain('](https://www.datarobot.com/privacy/#contact-us)');
    expect(embed?.url).toBe('https://www.datarobot.com/privacy/#contact-us');
  });

  it('a mention is answered with a reply to the message, without pinging the author', async () => {
    const { reply } = await mention(fakeUser('bob'), `<@${bot$.id}> how long do you keep data?`);
    expect(embedsOf(reply)[0]?.title).toBe('Data retention');
    expect(messageOf(reply)['content']).toBe('**Q:** how long do you keep data?');
    expect(reply.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: false } });
  });

  it('mention injection in a mention or a slash command never notifies anyone', async () => {
    const injected = `<@${bot$.id}> @everyone @here do you sell my data? <@&456000000000000000> <@!999000000000000000>`;
    const { reply } = await mention(fakeUser('mallory'), injected);
    expectNoPings(reply);
    expect(visibleText(reply)).not.toMatch(pingSyntax);
    expect(embedsOf(reply).map((e) => e.title)).toContain('How we share your data');

    const { edit } = await ask(fakeUser('mallory2'), '@everyone do you sell my data? <@&456000000000000000> @here');
    expectNoPings(edit);
    expect(visibleText(edit)).not.toMatch(pingSyntax);
  });

  it('ignores bots, itself and messages that do not mention it', async () => {
    const human = fakeUser('carol');
    const otherBot: FakeUser = { ...fakeUser('otherbot'), bot: true };
    const ignored = [
      channelMessage(bot.discord.options, otherBot, `<@${bot$.id}> do you sell my data?`, [{ ...bot$, bot: true }]),
      channelMessage(bot.discord.options, { ...bot$, bot: true }, `<@${bot$.id}> do you sell my data?`, [{ ...bot$, bot: true }]),
      channelMessage(bot.discord.options, human, 'do you sell my data? (no mention)'),
      channelMessage(bot.discord.options, human, '@everyone do you sell my data?'),
    ];
    for (const message of ignored) bot.discord.dispatch('MESSAGE_CREATE', message);
    // Events are handled in order: once the bot has answered a later message, the ignored ones are settled.
    await mention(human, `<@${bot$.id}> how long do you keep data?`);
    const repliedTo = new Set(
      bot.discord.requests.map((r) => (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id),
    );
    for (const message of ignored) expect(repliedTo.has(message.id)).toBe(false);
  });

  it('rate-limits /privacy per user with an ephemeral cooldown, without touching other users', async () => {
    const hasty = fakeUser('hasty');
    for (let i = 0; i < rateLimit.limit; i += 1) await ask(hasty, 'How long do you keep data?');
    const interaction = privacyCommand(bot.discord.options, hasty, 'How long do you keep data?');
    bot.discord.dispatch('INTERACTION_CREATE', interaction);
    const cooldown = await bot.discord.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(cooldown.body).toMatchObject({ type: 4, data: { flags: ephemeral, allowed_mentions: { parse: [] } } });
    expect(messageOf(cooldown)['content']).toMatch(/try again in \d+ seconds?/);

    const { edit } = await ask(fakeUser('patient'), 'How long do you keep data?');
    expect(embedsOf(edit)[0]?.title).toBe('Data retention');
  });

  it('rate-limits mentions with a single cooldown notice per cooldown', async () => {
    const hasty = fakeUser('hasty-mentions');
    for (let i = 0; i < rateLimit.limit; i += 1) await mention(hasty, `<@${bot$.id}> how long do you keep data?`);
    const { reply } = await mention(hasty, `<@${bot$.id}> how long do you keep data?`);
    expect(messageOf(reply)['content']).toMatch(/try again in \d+ seconds?/);
    expectNoPings(reply);

    const silenced = channelMessage(bot.discord.options, hasty, `<@${bot$.id}> and again?`, [{ ...bot$, bot: true }]);
    bot.discord.dispatch('MESSAGE_CREATE', silenced);
    await mention(fakeUser('after'), `<@${bot$.id}> how long do you keep data?`);
    expect(bot.discord.requests.some((r) => (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === silenced.id)).toBe(false);
  });

  it('an answerer crash gives a polite reply, is logged redacted, and the bot keeps answering', async () => {
    bot.deps.answerer = crashingAnswerer;
    try {
      const { edit } = await ask(fakeUser(), 'Do you sell data of jane.doe@example.com?');
      expect(messageOf(edit)['content']).toMatch(/^Sorry, something went wrong/);
      expect(embedsOf(edit)).toEqual([]);
      expectNoPings(edit);
      const { reply } = await mention(fakeUser(), `<@${bot$.id}> do you sell data of jane.doe@example.com?`);
      expect(messageOf(reply)['content']).toMatch(/^Sorry, something went wrong/);
    } finally {
      bot.deps.answerer = answerer;
    }
    const logs = bot.logs.join('\n');
    expect(logs).toContain('discord: answering /privacy failed');
    expect(logs).toContain('index exploded');
    expect(logs).not.toContain('jane.doe@example.com');

    const { edit } = await ask(fakeUser(), 'How long do you keep data?');
    expect(embedsOf(edit)[0]?.title).toBe('Data retention');
  });

  it('records feedback buttons (section only) and acknowledges with an ephemeral "Thanks", once per user', async () => {
    const { edit } = await ask(fakeUser(), 'How long do you keep data?');
    const buttons = (messageOf(edit)['components'] as { components: { custom_id?: string; label: string }[] }[])[0]!.components;
    const helpful = buttons.find((b) => b.label === 'Helpful')!.custom_id!;
    expect(helpful).toBe('privacy-feedback:helpful:data-retention');
    const answerMessage = botMessage(bot.discord.options, messageOf(edit), ephemeral);
    const voter = fakeUser('voter');
    const before = bot.usageLog.feedbackCounts().get('Data retention')?.helpful ?? 0;

    const click = buttonClick(bot.discord.options, voter, helpful, answerMessage);
    bot.discord.dispatch('INTERACTION_CREATE', click);
    const ack = await bot.discord.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    expect(ack.body).toMatchObject({ type: 4, data: { flags: ephemeral, allowed_mentions: { parse: [] } } });
    expect(messageOf(ack)['content']).toMatch(/^Thanks/);
    expect(bot.usageLog.feedbackCounts().get('Data retention')?.helpful).toBe(before + 1);

    const again = buttonClick(bot.discord.options, voter, helpful, answerMessage);
    bot.discord.dispatch('INTERACTION_CREATE', again);
    const second = await bot.discord.waitForRequest((r) => r.path === `/interactions/${again.id}/${again.token}/callback`);
    expect(messageOf(second)['content']).toMatch(/already rated/);
    expect(bot.usageLog.feedbackCounts().get('Data retention')?.helpful).toBe(before + 1);
  });

  it('writes only redacted questions and content-free votes to the opt-in usage log', () => {
    const records = readFileSync(join(logDir, 'usage.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.some((r) => r['type'] === 'question' && r['platform'] === 'discord' && r['question'] === 'How long do you keep data?')).toBe(true);
    const feedback = records.filter((r) => r['type'] === 'feedback');
    expect(feedback.length).toBeGreaterThan(0);
    for (const vote of feedback) expect(Object.keys(vote).sort()).toEqual(['helpful', 'platform', 'section', 'time', 'type']);
    expect(JSON.stringify(records)).not.toContain('jane.doe@example.com');
  });

  it('sent every message and edit with allowed_mentions.parse = [] and never logged the token', () => {
    const sent = bot.discord.requests.filter(sendsMessage);
    expect(sent.length).toBeGreaterThan(15);
    for (const request of sent) expectNoPings(request);
    expect(bot.logs.join('\n')).not.toContain(bot.discord.options.token);
  });
});

describe('discord bot end to end (threads)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ answerer, rateLimit, config: { useThreads: true } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('starts a thread on the question and answers there', async () => {
    const botUser = bot.discord.options.botUser;
    const message = channelMessage(bot.discord.options, fakeUser('dave'), `<@${botUser.id}> @everyone how long do you keep data?`, [{ ...botUser, bot: true }]);
    bot.discord.dispatch('MESSAGE_CREATE', message);
    const create = await bot.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${message.channel_id}/messages/${message.id}/threads`);
    const name = (create.body as { name: string }).name;
    expect(name).toBe('Privacy: how long do you keep data?');
    expect(name.length).toBeLessThanOrEqual(100);

    const answer = await bot.discord.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.path !== `/channels/${message.channel_id}/messages`);
    expect(embedsOf(answer)[0]?.title).toBe('Data retention');
    expectNoPings(answer);
    // Nothing was posted inline in the channel.
    expect(bot.discord.requests.some((r) => r.path === `/channels/${message.channel_id}/messages`)).toBe(false);
  });
});

describe('discord bot end to end (direct messages, commands only)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ answerer, rateLimit, config: { answerMentions: false }, adapterOptions: { answerDirectMessages: true } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('answers a direct message without a mention, and ignores guild mentions when mention answering is off', async () => {
    const botUser = bot.discord.options.botUser;
    const ignored = channelMessage(bot.discord.options, fakeUser('erin'), `<@${botUser.id}> how long do you keep data?`, [{ ...botUser, bot: true }]);
    bot.discord.dispatch('MESSAGE_CREATE', ignored);
    const dm = directMessage(fakeUser('frank'), 'How long do you keep data?');
    bot.discord.dispatch('MESSAGE_CREATE', dm);
    const reply = await bot.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${dm.channel_id}/messages`);
    expect(embedsOf(reply)[0]?.title).toBe('Data retention');
    expectNoPings(reply);
    expect(bot.discord.requests.some((r) => r.path === `/channels/${ignored.channel_id}/messages`)).toBe(false);
  });
});
