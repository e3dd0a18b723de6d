/**
 * Answering a command interaction (`/privacy`, "Ask Privacy Assistant"): the same steps for both, so both get the
 * same limits, deferral and fallback.
 */
import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerQuestion, describeError, type DiscordContext } from './context.js';
import { noMentions, renderCooldown, renderFailure, renderNotice, type RenderedMessage } from './render.js';

/** Options for {@link answerInteraction}. */
export interface AnswerInteractionOptions {
  /** Only the person who asked sees the answer. */
  ephemeral: boolean;
  /** Shown (ephemeral) when there is no question. */
  emptyNotice: string;
  /** What failed, for the log. */
  logLabel: string;
}

/**
 * Rate limit, deferred reply (ephemeral or not), then the rendered answer; an empty question gets `emptyNotice` and a
 * rate-limited one the cooldown, both ephemeral.
 *
 * @example
 * await answerInteraction(interaction, context, cleanQuestion(text), { ephemeral: true, emptyNotice: 'Ask something.', logLabel: '/privacy' });
 */
export async function answerInteraction(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  context: DiscordContext,
  question: string,
  options: AnswerInteractionOptions,
): Promise<void> {
  if (!question) {
    await interaction.reply({ ...renderNotice(options.emptyNotice), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    return;
  }
  const decision = context.rateLimiter.take(interaction.user.id);
  if (!decision.allowed) {
    await interaction.reply({ ...renderCooldown(decision.retryAfterMs), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    return;
  }

  // Deferring first gives 15 minutes instead of 3 seconds, so a slow answer (large corpus, cold cache) still arrives.
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  let message: RenderedMessage;
  try {
    message = answerQuestion(context, question);
  } catch (error) {
    context.deps.logger.error(`discord: answering ${options.logLabel} failed`, { error: describeError(error) });
    message = renderFailure();
  }
  await interaction.editReply({ ...message, allowedMentions: noMentions });
}
