import * as privacy from './privacy.js';
import type { SlashCommand } from './types.js';

export type { SlashCommand } from './types.js';

/** Every slash command of the bot, for the interaction handler and the deploy script. */
export const commands: readonly SlashCommand[] = [privacy];
