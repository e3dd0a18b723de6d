import * as askPrivacyAssistant from './ask-privacy-assistant.js';
import * as privacy from './privacy.js';
import type { MessageCommand, SlashCommand } from './types.js';

export type { MessageCommand, SlashCommand } from './types.js';

/** The slash commands, for the interaction handler. */
export const slashCommands: readonly SlashCommand[] = [privacy];

/** The message context-menu commands, for the interaction handler. */
export const messageCommands: readonly MessageCommand[] = [askPrivacyAssistant];

/** Every command of the bot, for the deploy script. */
export const commands: readonly (SlashCommand | MessageCommand)[] = [...slashCommands, ...messageCommands];
