/**
 * "Ask Privacy Assistant" in a message's Apps menu: answers that message's text, privately, with the usual embed.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerInteraction } from '../answer-interaction.js';
import { cleanQuestion, type DiscordContext } from '../context.js';

/** Messages can be 4,000 characters long; the answerer reads at most this much of one. */
export const maxMessageQuestionLength = 1000;

/** The command definition deployed by `npm run discord:deploy-commands`. */
export const data = new ContextMenuCommandBuilder().setName('Ask Privacy Assistant').setType(ApplicationCommandType.Message);

/**
 * Answers the target message's text (mentions removed) ephemerally to the person who used the command, with the same
 * rate limit as `/privacy`. A message without text (only embeds, attachments or stickers) gets a short notice.
 * Discord includes the target message's content in the interaction, so this needs no Message Content intent.
 *
 * @example
 * if (interaction.isMessageContextMenuCommand() && interaction.commandName === data.name) await execute(interaction, context);
 */
export async function execute(interaction: MessageContextMenuCommandInteraction, context: DiscordContext): Promise<void> {
  const question = cleanQuestion(interaction.targetMessage.content.slice(0, maxMessageQuestionLength));
  await answerInteraction(interaction, context, question, {
    ephemeral: true,
    emptyNotice: 'That message has no text I can answer from the privacy policy (embeds and attachments are not read).',
    logLabel: 'Ask Privacy Assistant',
  });
}
