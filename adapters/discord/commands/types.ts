import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { DiscordContext } from '../context.js';

/** A slash command module, as in the discord.js guide's command handler: its definition and its handler. */
export interface SlashCommand {
  /** The definition deployed to Discord (a `SlashCommandBuilder`). */
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Handles one invocation. May throw; the interaction event turns that into a polite reply. */
  execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void>;
  /** Suggests values for an option declared with autocomplete; must respond within Discord's 3 seconds. */
  autocomplete?(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void>;
}

/** A message context-menu command module ("Apps" menu on a message): its definition and its handler. */
export interface MessageCommand {
  /** The definition deployed to Discord (a `ContextMenuCommandBuilder` of type Message). */
  data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  /** Handles one invocation on a message. May throw; the interaction event turns that into a polite reply. */
  execute(interaction: MessageContextMenuCommandInteraction, context: DiscordContext): Promise<void>;
}
