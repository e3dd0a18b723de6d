import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { DiscordContext } from '../context.js';

/** A slash command module, as in the discord.js guide's command handler: its definition and its handler. */
export interface SlashCommand {
  /** The definition deployed to Discord (a `SlashCommandBuilder`). */
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Handles one invocation. May throw; the interaction event turns that into a polite reply. */
  execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void>;
}
