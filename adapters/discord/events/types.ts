import type { ClientEvents } from 'discord.js';
import type { DiscordContext } from '../context.js';

/** An event module, as in the discord.js guide's event handler: which client event, once or always, and the handler. */
export interface DiscordEvent<K extends keyof ClientEvents> {
  name: K;
  once?: boolean;
  execute(context: DiscordContext, ...args: ClientEvents[K]): Promise<void> | void;
}
