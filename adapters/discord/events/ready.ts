import { Events } from 'discord.js';
import type { DiscordEvent } from './types.js';

/** Logs once the client has its guilds and starts handling events. */
export const ready: DiscordEvent<Events.ClientReady> = {
  name: Events.ClientReady,
  once: true,
  execute(context, client) {
    context.deps.logger.info('discord: ready', { user: client.user.tag, guilds: client.guilds.cache.size });
  },
};
