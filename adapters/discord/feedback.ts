/**
 * Helpful / not helpful buttons under an answer. Votes carry only the section path, never message content.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { discordPlatform, type DiscordContext } from './context.js';
import { noMentions, parseFeedbackCustomId, renderNotice } from './render.js';

/** Feedback keys remembered for de-duplication; older ones are forgotten first. */
export const maxRememberedVotes = 10_000;

/**
 * Records a feedback vote via the usage log and acknowledges it with an ephemeral "Thanks".
 * Returns false when the button is not a feedback button (so another handler may take it).
 *
 * @example
 * if (interaction.isButton()) await handleFeedbackButton(interaction, context);
 */
export async function handleFeedbackButton(interaction: ButtonInteraction, context: DiscordContext): Promise<boolean> {
  const vote = parseFeedbackCustomId(interaction.customId);
  if (!vote) return false;

  const key = `${interaction.message.id}:${interaction.user.id}`;
  if (context.feedbackSeen.has(key)) {
    await interaction.reply({ ...renderNotice('You already rated this answer. Thanks!'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    return true;
  }
  context.feedbackSeen.add(key);
  if (context.feedbackSeen.size > maxRememberedVotes) {
    const oldest = context.feedbackSeen.values().next().value;
    if (oldest !== undefined) context.feedbackSeen.delete(oldest);
  }

  context.deps.usageLog.recordFeedback({ platform: discordPlatform, helpful: vote.helpful, section: sectionPath(context, vote.sectionId) });
  await interaction.reply({ ...renderNotice('Thanks for the feedback!'), flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  return true;
}

/** Button ids hold the section id (they are limited to 100 characters); the path comes from the current corpus. */
function sectionPath(context: DiscordContext, sectionId: string): string[] {
  if (!sectionId) return [];
  for (const document of context.deps.answerer.documents) {
    const section = document.sections.find((s) => s.id === sectionId);
    if (section) return [...section.path];
  }
  return [];
}
