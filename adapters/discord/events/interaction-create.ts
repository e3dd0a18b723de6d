import { Events, MessageFlags, type Interaction } from 'discord.js';
import { commands, type SlashCommand } from '../commands/index.js';
import { describeError, type DiscordContext } from '../context.js';
import { handleFeedbackButton } from '../feedback.js';
import { noMentions, renderFailure, renderNotice } from '../render.js';
import type { DiscordEvent } from './types.js';

const commandsByName = new Map<string, SlashCommand>(commands.map((command) => [command.data.name, command]));

/** Routes slash commands to their module and feedback buttons to the feedback handler. */
export const interactionCreate: DiscordEvent<Events.InteractionCreate> = {
  name: Events.InteractionCreate,
  async execute(context, interaction) {
    try {
      if (interaction.isChatInputCommand()) {
        const command = commandsByName.get(interaction.commandName);
        if (!command) {
          context.deps.logger.warn('discord: unknown command', { command: interaction.commandName });
          await interaction.reply({ ...renderNotice('Sorry, I do not know that command.'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
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

/** The polite fallback, whichever state the interaction is in; failures here are only logged. */
async function replyWithFailure(interaction: Interaction, context: DiscordContext): Promise<void> {
  if (!interaction.isRepliable()) return;
  try {
    const failure = { ...renderFailure(), allowedMentions: noMentions };
    if (interaction.replied) await interaction.followUp({ ...failure, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred) await interaction.editReply(failure);
    else await interaction.reply({ ...failure, flags: MessageFlags.Ephemeral });
  } catch (error) {
    context.deps.logger.error('discord: could not send the failure reply', { error: describeError(error) });
  }
}
