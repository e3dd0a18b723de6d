/**
 * `npm run discord:deploy-commands` as a real process against the local fake Discord: it registers every command.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../helpers/discord-fake.js';
import { requireBuilt } from '../helpers/web-server.js';

const run = promisify(execFile);

describe('npm run discord:deploy-commands', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await discord?.close();
  });

  it('registers /privacy (with autocomplete) and the "Ask Privacy Assistant" message command, and says so', async () => {
    const script = requireBuilt('adapters/discord/deploy-commands.ts');
    const env = {
      PATH: process.env['PATH'] ?? '',
      DISCORD_TOKEN: discord.options.token,
      DISCORD_APPLICATION_ID: discord.options.applicationId,
      DISCORD_GUILD_ID: discord.options.guildId,
      DISCORD_API_URL: discord.apiUrl,
    };
    const { stdout } = await run(process.execPath, [script], { env });
    expect(stdout.trim()).toBe(`Deployed /privacy, "Ask Privacy Assistant" (on messages) to guild ${discord.options.guildId} (available now).`);
    const put = await discord.waitForRequest((r) => r.method === 'PUT');
    const body = put.body as { name: string; type?: number; options?: { name: string; autocomplete?: boolean }[] }[];
    expect(body.map((command) => [command.name, command.type ?? 1])).toEqual([
      ['privacy', 1],
      ['Ask Privacy Assistant', 3],
    ]);
    expect(body[0]?.options?.find((option) => option.name === 'question')?.autocomplete).toBe(true);
  });
});
