import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/** What each permission is for; every feature of the bot needs one of these, and nothing else. */
const needed: Record<string, string> = {
  ViewChannel: 'see the channels, forums and threads it answers in',
  SendMessages: 'reply to mentions and to questions in channels answered without a mention',
  EmbedLinks: 'answers are embeds',
  ReadMessageHistory: "reply to a message, and read a new forum post's first message",
  CreatePublicThreads: 'answer in a new thread (DISCORD_USE_THREADS)',
  SendMessagesInThreads: 'answer in threads and forum posts, and follow-ups there',
};

describe('README: Discord invite permissions', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

  it('lists the permissions the bot needs, and the invite URL grants exactly those', () => {
    const listed = /and the permissions ([^.]+?), or\s/.exec(readme.replace(/\s+/g, ' '))?.[1];
    expect(listed).toBeDefined();
    // "Send Messages in Threads" → SendMessagesInThreads, the flag's name.
    const names = listed!.split(/, | and /).map((name) => name.split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''));
    expect(names.sort()).toEqual(Object.keys(needed).sort());
    const granted = BigInt(/permissions=(\d+)/.exec(readme)?.[1] ?? '0');
    const expected = Object.keys(needed).reduce((sum, name) => sum | PermissionFlagsBits[name as keyof typeof PermissionFlagsBits], 0n);
    expect(granted).toBe(expected);
  });
});
