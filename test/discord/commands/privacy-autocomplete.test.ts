/**
 * Autocomplete on /privacy's `question` option, through the real discord.js client against the local fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answerer.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { bundledCorpusDir } from '../../../src/paths.js';
import type { Answerer } from '../../../src/types.js';
import { fakeUser, privacyAutocomplete, privacyCommand, type FakeUser } from '../../helpers/discord-events.js';
import { messageOf, startBotHarness, type BotHarness } from '../../helpers/discord-harness.js';

const answerer = createAnswerer(loadCorpus([bundledCorpusDir]));

interface Choice {
  name: string;
  value: string;
}

describe('/privacy question autocomplete', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ answerer, rateLimit: { limit: 2, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  /** Sends an autocomplete request and returns the choices the bot responded with (callback type 8). */
  async function suggest(typed: string, user: FakeUser = fakeUser(), focused?: string): Promise<Choice[]> {
    const interaction = privacyAutocomplete(bot.discord.options, user, typed, focused);
    bot.discord.dispatch('INTERACTION_CREATE', interaction);
    const callback = await bot.discord.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    const body = callback.body as { type: number; data: { choices: Choice[] } };
    expect(body.type).toBe(8);
    return body.data.choices;
  }

  it('suggests the typed question when the policy answers it, then the headings of the sections it reaches', async () => {
    const choices = await suggest('how long do you keep my data');
    expect(choices[0]).toEqual({ name: 'how long do you keep my data', value: 'how long do you keep my data' });
    expect(choices[1]).toEqual({ name: 'Data retention', value: 'Data retention' });
  });

  it('suggests headings matching a word still being typed', async () => {
    expect((await suggest('cook')).map((c) => c.name)).toEqual(['Turn off cookies']);
  });

  it('suggests example questions the policy answers when nothing is typed yet', async () => {
    const choices = await suggest('');
    expect(choices.length).toBe(10);
    expect(choices[0]).toEqual({ name: 'How long do you keep my data?', value: 'How long do you keep my data?' });
  });

  it("keeps to Discord's limits: at most 10 choices, names and values of 1 to 100 characters", async () => {
    for (const typed of ['', 'legal basis for processing', 'how we share your data with affiliates and partners', `do you sell my data ${'x'.repeat(400)}`]) {
      const choices = await suggest(typed);
      expect(choices.length).toBeLessThanOrEqual(10);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeGreaterThan(0);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('ignores mentions typed into the option', async () => {
    const choices = await suggest('<@123456789012345678> @everyone how long do you keep my data');
    expect(choices[0]?.value).toBe('how long do you keep my data');
  });

  it('choosing a suggestion answers it from the suggested section', async () => {
    const choices = await suggest('legal basis');
    const facet = choices.find((c) => c.name.endsWith('› Legal basis for processing'));
    expect(facet).toBeDefined();
    const interaction = privacyCommand(bot.discord.options, fakeUser(), facet!.value);
    bot.discord.dispatch('INTERACTION_CREATE', interaction);
    const edit = await bot.discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    const [embed] = messageOf(edit)['embeds'] as { title: string }[];
    expect(embed?.title).toBe(`How we use your data and legal basis for processing › ${facet!.name}`);
  });

  it('does not count keystrokes against the rate limit', async () => {
    const typist = fakeUser('typist');
    for (let i = 0; i < 6; i += 1) expect((await suggest('do you sell', typist)).length).toBeGreaterThan(0);
    const interaction = privacyCommand(bot.discord.options, typist, 'Do you sell my data?');
    bot.discord.dispatch('INTERACTION_CREATE', interaction);
    const callback = await bot.discord.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    // Deferred (type 5), not the cooldown notice (type 4).
    expect((callback.body as { type: number }).type).toBe(5);
  });

  it('responds with no choices for another focused option, and when suggesting fails', async () => {
    expect(await suggest('true', fakeUser(), 'public')).toEqual([]);
    const crashing: Answerer = { documents: answerer.documents, answer: () => { throw new Error('index exploded'); } };
    bot.deps.answerer = crashing;
    try {
      expect(await suggest('some new words here')).toEqual([]);
    } finally {
      bot.deps.answerer = answerer;
    }
    expect(bot.logs.join('\n')).toContain('discord: interaction failed');
  });
});
