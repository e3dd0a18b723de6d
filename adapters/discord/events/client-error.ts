import { Events } from 'discord.js';
import { describeError } from '../context.js';
import type { DiscordEvent } from './types.js';

/** An `error` event without a listener would crash the process; log it and keep running. */
export const clientError: DiscordEvent<Events.Error> = {
  name: Events.Error,
  execute(context, error) {
    context.deps.logger.error('discord: client error', { error: describeError(error) });
  },
};

/** Gateway connection errors; discord.js reconnects by itself. */
export const shardError: DiscordEvent<Events.ShardError> = {
  name: Events.ShardError,
  execute(context, error, shardId) {
    context.deps.logger.warn('discord: gateway error', { shardId, error: describeError(error) });
  },
};
