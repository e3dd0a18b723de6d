/**
 * `/privacy question:<text> [public:<bool>]`: answers with verbatim, cited passages of the policy. The question
 * option suggests questions from the policy as people type.
 */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { suggestQuestions } from '../../../src/suggest.js';
import { answerInteraction } from '../answer-interaction.js';
import { cleanQuestion, type DiscordContext } from '../context.js';

/** Longest question accepted; Discord enforces it before the bot sees the interaction. */
export const maxQuestionLength = 500;

/** Discord shows at most 25 choices; ten keep the list readable. */
export const maxSuggestions = 10;

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
      .setMaxLength(maxQuestionLength)
      .setAutocomplete(true),
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
  await answerInteraction(interaction, context, question, {
    ephemeral: !isPublic,
    emptyNotice: 'Please ask a question, e.g. "How long do you keep my data?"',
    logLabel: '/privacy',
  });
}

/**
 * Suggestions for the `question` option as people type (see `suggestQuestions`): the typed question when the policy
 * answers it, the headings of the sections it reaches, headings matching the typed words; with nothing typed, example
 * questions the policy answers. Answered at once (a few answerer calls), well inside Discord's 3 seconds, and not
 * counted against the rate limit: every keystroke is an interaction.
 *
 * @example
 * if (interaction.isAutocomplete() && interaction.commandName === data.name) await autocomplete(interaction, context);
 */
export async function autocomplete(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'question') {
    await interaction.respond([]);
    return;
  }
  const typed = cleanQuestion(String(focused.value));
  const suggestions = suggestQuestions(context.deps.answerer, typed, { limit: maxSuggestions });
  await interaction.respond(suggestions.map((suggestion) => ({ name: suggestion.label, value: suggestion.question })));
}
