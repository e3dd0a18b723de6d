/**
 * `/privacy question:<text> [public:<bool>]`: answers with verbatim, cited passages of the policy.
 */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { answerQuestion, cleanQuestion, describeError, type DiscordContext } from '../context.js';
import { noMentions, renderCooldown, renderFailure, renderNotice, type RenderedMessage } from '../render.js';

/** Longest question accepted; Discord enforces it before the bot sees the interaction. */
export const maxQuestionLength = 500;

/** The command definition deployed by `npm run discord:deploy-commands`. */
export const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription('Ask a question about the privacy policy; answers quote the policy word for word')
  .addStringOption((option) =>
    option
      .setName('question')
      .setDescription('Your question, e.g. "How long do you keep my data?"')
      .setRequired(true)
      .setMinLength(1)
      .setMaxLength(maxQuestionLength),
  )
  .addBooleanOption((option) =>
    option.setName('public').setDescription('Show the answer to everyone in the channel (default: only you see it)'),
  );

/**
 * Handles `/privacy`: rate limit, deferred reply (ephemeral unless `public:true`), then the rendered answer.
 *
 * @example
 * if (interaction.isChatInputCommand() && interaction.commandName === data.name) await execute(interaction, context);
 */
export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const question = cleanQuestion(interaction.options.getString('question', true));
  const isPublic = interaction.options.getBoolean('public') ?? false;

  if (!question) {
    await interaction.reply({ ...renderNotice('Please ask a question, e.g. "How long do you keep my data?"'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    return;
  }
  const decision = context.rateLimiter.take(interaction.user.id);
  if (!decision.allowed) {
    await interaction.reply({ ...renderCooldown(decision.retryAfterMs), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    return;
  }

  // Deferring first gives 15 minutes instead of 3 seconds, so a slow answer (large corpus, cold cache) still arrives.
  await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
  let message: RenderedMessage;
  try {
    message = answerQuestion(context, question);
  } catch (error) {
    context.deps.logger.error('discord: answering /privacy failed', { error: describeError(error) });
    message = renderFailure();
  }
  await interaction.editReply({ ...message, allowedMentions: noMentions });
}
