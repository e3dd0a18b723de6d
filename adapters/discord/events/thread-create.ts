import { Events } from 'discord.js';
import { answerForumPost } from '../auto-answer.js';
import type { DiscordEvent } from './types.js';

/** New forum posts in channels answered without a mention (`DISCORD_AUTO_ANSWER_CHANNELS`). */
export const threadCreate: DiscordEvent<Events.ThreadCreate> = {
  name: Events.ThreadCreate,
  async execute(context, thread, newlyCreated) {
    await answerForumPost(thread, newlyCreated, context);
  },
};
