import { Events, MessageFlags, type Interaction } from 'discord.js';
import { messageCommands, slashCommands, type MessageCommand, type SlashCommand } from '../commands/index.js';
import { describeError, type DiscordContext } from '../context.js';
import { handleFeedbackButton } from '../feedback.js';
import { noMentions, renderFailure, renderNotice } from '../render.js';
import type { DiscordEvent } from './types.js';

const slashCommandsByName = new Map<string, SlashCommand>(slashCommands.map((command) => [command.data.name, command]));
const messageCommandsByName = new Map<string, MessageCommand>(messageCommands.map((command) => [command.data.name, command]));

/**
 * Routes slash commands, their autocomplete requests and message commands to their modules, and feedback buttons to
 * the feedback handler.
 */
export const interactionCreate: DiscordEvent<Events.InteractionCreate> = {
  name: Events.InteractionCreate,
  async execute(context, interaction) {
    try {
      if (interaction.isChatInputCommand()) {
        const command = slashCommandsByName.get(interaction.commandName);
        if (!command) {
          await replyUnknownCommand(interaction, context);
          return;
        }
        await command.execute(interaction, context);
      } else if (interaction.isAutocomplete()) {
        const command = slashCommandsByName.get(interaction.commandName);
        if (command?.autocomplete) await command.autocomplete(interaction, context);
        else await interaction.respond([]);
      } else if (interaction.isMessageContextMenuCommand()) {
        const command = messageCommandsByName.get(interaction.commandName);
        if (!command) {
          await replyUnknownCommand(interaction, context);
          return;
        }
        await command.execute(interaction, context);
      } else if (interaction.isButton()) {
        await handleFeedbackButton(interaction, context);
      }
    } catch (error) {
      context.deps.logger.error('discord: interaction failed', { type: interaction.type, error: describeError(error) });
      await replyWithFailure(interaction, context);
    }
  },
};

async function replyUnknownCommand(interaction: Interaction & { commandName: string }, context: DiscordContext): Promise<void> {
  context.deps.logger.warn('discord: unknown command', { command: interaction.commandName });
  if (interaction.isRepliable()) {
    await interaction.reply({ ...renderNotice('Sorry, I do not know that command.'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  }
}

/** The polite fallback, whichever state the interaction is in; failures here are only logged. */
async function replyWithFailure(interaction: Interaction, context: DiscordContext): Promise<void> {
  try {
    // An autocomplete request cannot show a message: an empty list ends it cleanly.
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const failure = { ...renderFailure(), allowedMentions: noMentions };
    if (interaction.replied) await interaction.followUp({ ...failure, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred) await interaction.editReply(failure);
    else await interaction.reply({ ...failure, flags: MessageFlags.Ephemeral });
  } catch (error) {
    context.deps.logger.error('discord: could not send the failure reply', { error: describeError(error) });
  }
}
