import { describe, expect, it } from 'vitest';
import { ButtonStyle, type APIEmbed } from 'discord.js';
import {
  discordLimits,
  embedLength,
  enforceEmbedLimits,
  feedbackCustomId,
  parseFeedbackCustomId,
  renderAnswer,
  renderCooldown,
  safeUserText,
  type RenderedMessage,
} from '../../adapters/discord/render.js';
import type { Answer, AnswerPassage, PolicyDocument } from '../../src/types.js';
import { trimAtSentence } from '../../src/render/trim.js';
import { fixturePassage, policyUrl, withHighlights } from '../helpers/answer-fixtures.js';


const retention = fixturePassage(
  ['Data retention'],
  'We retain personal data for as long as necessary to provide the Solution. We delete it when it is no longer needed.',
  'data-retention',
);
const sharing = fixturePassage(['How we share your data', 'With affiliates'], 'We may share personal data with our affiliates.', 'with-affiliates');
const contact = fixturePassage(['Contact us'], 'If you have any questions about this policy, contact privacy@datarobot.com.', 'contact-us');

const documents: PolicyDocument[] = [
  { id: 'datarobot-privacy-policy', title: 'DataRobot Privacy Policy', url: policyUrl, updated: '2022-03-17', sections: [] },
];

/** Every limit Discord enforces on one message. */
function expectWithinDiscordLimits(message: RenderedMessage): void {
  expect(message.content.length).toBeLessThanOrEqual(discordLimits.content);
  expect(message.embeds.length).toBeLessThanOrEqual(discordLimits.embeds);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(discordLimits.footerText);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(discordLimits.authorName);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(discordLimits.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(discordLimits.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(discordLimits.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(discordLimits.embedTotal);
  for (const row of message.components) {
    for (const button of row.components) {
      if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(discordLimits.customId);
    }
  }
}

describe('discord renderAnswer', () => {
  it('renders one embed per passage: section title linked to the deep link, verbatim quote, dated footer', () => {
    const answer: Answer = { question: 'How long do you keep my data?', answered: true, passages: [retention, sharing] };
    const message = renderAnswer(answer, { documents });

    expect(message.content).toBe('**Q:** How long do you keep my data?');
    expect(message.embeds).toHaveLength(2);
    const [first, second] = message.embeds as [APIEmbed, APIEmbed];
    expect(first.title).toBe('Data retention');
    expect(first.url).toBe(`${policyUrl}#data-retention`);
    expect(first.description).toBe(`> ${retention.text}`);
    expect(second.title).toBe('How we share your data › With affiliates');
    expect(second.url).toBe(`${policyUrl}#with-affiliates`);
    expect(second.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022');
    expect(first.footer).toBeUndefined();
    expectWithinDiscordLimits(message);
  });

  it('takes the footer date from the citation when documents are not given', () => {
    const message = renderAnswer({ question: 'q', answered: true, passages: [retention] });
    expect(message.embeds[0]?.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022');
  });

  it('adds helpful / not helpful buttons keyed by the first section, and a link to the policy', () => {
    const message = renderAnswer({ question: 'q', answered: true, passages: [retention, sharing] }, { documents });
    const buttons = message.components[0]?.components ?? [];
    expect(buttons.map((b) => b.style)).toEqual([ButtonStyle.Success, ButtonStyle.Secondary, ButtonStyle.Link]);
    expect(buttons.map((b) => ('custom_id' in b ? parseFeedbackCustomId(b.custom_id) : 'url' in b ? b.url : undefined))).toEqual([
      { helpful: true, sectionId: 'data-retention' },
      { helpful: false, sectionId: 'data-retention' },
      `${policyUrl}#data-retention`,
    ]);
    expect(renderAnswer({ question: 'q', answered: true, passages: [retention] }, { feedbackButtons: false }).components).toEqual([]);
  });

  it('says when the policy does not cover the question and links the contact section', () => {
    const message = renderAnswer({ question: 'What is the weather?', answered: false, passages: [], contact }, { documents });
    expect(message.embeds).toHaveLength(1);
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('Not covered by the policy');
    expect(embed.description).toContain("I couldn't find an answer to this in DataRobot Privacy Policy.");
    expect(embed.description).toContain(`[Contact us](${policyUrl}#contact-us)`);
    expect(embed.description).toContain('> If you have any questions about this policy');
    expect(embed.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022');
    const feedback = message.components[0]?.components[0];
    expect(feedback && 'custom_id' in feedback ? parseFeedbackCustomId(feedback.custom_id) : undefined).toEqual({ helpful: true, sectionId: '' });
  });

  it('still renders a not-covered answer when the policy has no contact section', () => {
    const message = renderAnswer({ question: 'x', answered: false, passages: [] }, { documents });
    expect(message.embeds[0]?.description).toBe("I couldn't find an answer to this in DataRobot Privacy Policy.");
  });

  it('does not link local anchors, which Discord rejects, when the document has no URL', () => {
    const local = fixturePassage(['Data retention'], 'We keep data.', 'data-retention', '#data-retention');
    const message = renderAnswer({ question: 'q', answered: true, passages: [local] });
    expect(message.embeds[0]?.url).toBeUndefined();
    expect(JSON.stringify(message)).not.toContain('](#');
    expect(message.components[0]?.components).toHaveLength(2);
  });

  it('escapes the echoed question so mentions and Markdown cannot fire', () => {
    const question = '@everyone @here <@123> <@&456> **bold** [click](https://evil.example) # big';
    const { content } = renderAnswer({ question, answered: true, passages: [retention] });
    expect(content).not.toMatch(/@(everyone|here)/);
    expect(content).not.toMatch(/<@&?\d+>/);
    expect(content).toContain('@\u200beveryone');
    expect(content).toContain('<@\u200b&456>');
    expect(content).toContain('\\*\\*bold\\*\\*');
    expect(content).not.toMatch(/(^|[^\\])\[click\]\(/);
    expect(content).toContain('\\[click](');
  });

  it('keeps a huge answer within every Discord limit, trimmed at a sentence boundary with a link to the full section', () => {
    const sentence = (i: number) => `Sentence number ${i} of a very long policy section explains one more thing in detail.`;
    const longText = Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
    const longPath = Array.from({ length: 12 }, (_, i) => `A rather long heading number ${i}`);
    const passages = Array.from({ length: 12 }, (_, i) => fixturePassage(i === 0 ? longPath : ['Data retention'], longText, `section-${i}`));
    const message = renderAnswer({ question: 'why? '.repeat(2000), answered: true, passages }, { documents });

    expectWithinDiscordLimits(message);
    expect(message.embeds).toHaveLength(discordLimits.embeds);
    for (const embed of message.embeds) {
      const description = embed.description ?? '';
      const match = /^([\s\S]*)\n> …\n\[Read the full section\]\((\S+)\)$/.exec(description);
      expect(match, description.slice(-200)).not.toBeNull();
      // The quoted part ends with a whole sentence from the passage.
      expect(match![1]).toMatch(/in detail\.$/);
      expect(match![2]).toBe(embed.url);
    }
    expect(message.embeds[0]?.title?.length).toBe(discordLimits.embedTitle);
  });

  it('gives a single long passage the whole description', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Point ${i} is stated here.`).join(' ');
    const message = renderAnswer({ question: 'q', answered: true, passages: [fixturePassage(['Data retention'], text, 'data-retention')] }, { documents });
    const description = message.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(discordLimits.embedDescription);
    expect(description.length).toBeGreaterThan(discordLimits.embedDescription - 100);
    expectWithinDiscordLimits(message);
  });
});

describe('discord render helpers', () => {
  it('trimAtSentence cuts at the last sentence that fits, else at a word', () => {
    expect(trimAtSentence('One. Two three. Four.', 16)).toEqual({ text: 'One. Two three.', trimmed: true });
    expect(trimAtSentence('Short.', 100)).toEqual({ text: 'Short.', trimmed: false });
    expect(trimAtSentence('First line\nsecond line is long', 15).text).toBe('First line');
    expect(trimAtSentence('no sentence boundary anywhere in this text', 20)).toEqual({ text: 'no sentence…', trimmed: true });
    expect(trimAtSentence('x'.repeat(50), 10).text).toBe(`${'x'.repeat(9)}…`);
  });

  it('enforceEmbedLimits clamps fields, embeds and the total', () => {
    const field = { name: 'n'.repeat(300), value: 'v'.repeat(2000) };
    const embeds: APIEmbed[] = Array.from({ length: 12 }, () => ({
      title: 't'.repeat(300),
      description: 'Some sentence. '.repeat(400),
      footer: { text: 'f'.repeat(3000) },
      author: { name: 'a'.repeat(300) },
      fields: Array.from({ length: 30 }, () => field),
    }));
    const clamped = enforceEmbedLimits(embeds);
    expectWithinDiscordLimits({ content: '', embeds: clamped, components: [] });
    expect(clamped.length).toBeGreaterThan(0);

    const fewFields = enforceEmbedLimits([{ fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`, value: 'v' })) }]);
    expect(fewFields[0]?.fields).toHaveLength(discordLimits.fields);
  });

  it('safeUserText neutralises every mention form and truncates', () => {
    expect(safeUserText('@everyone hi <@!42>', 100)).toBe('@\u200beveryone hi <@\u200b!42>');
    expect(safeUserText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('feedback custom ids stay within 100 characters and round-trip', () => {
    expect(parseFeedbackCustomId(feedbackCustomId(false, 'data-retention'))).toEqual({ helpful: false, sectionId: 'data-retention' });
    expect(feedbackCustomId(true, 'x'.repeat(200)).length).toBe(discordLimits.customId);
    expect(parseFeedbackCustomId('something-else:1')).toBeUndefined();
  });

  it('words the cooldown in whole seconds', () => {
    expect(renderCooldown(12_001).content).toContain('13 seconds');
    expect(renderCooldown(200).content).toContain('1 second.');
  });
});

describe('discord renderAnswer: highlighted sentences', () => {
  const highlighted = (text: string, ...sentences: string[]) => withHighlights(fixturePassage(['Data retention'], text), ...sentences);
  const descriptionOf = (...passages: AnswerPassage[]) => renderAnswer({ question: 'q', answered: true, passages }, { documents }).embeds[0]?.description ?? '';

  it('bolds each highlighted sentence inside the quote', () => {
    const passage = highlighted(`${retention.text}\n\nA list item.\nAnother item.`, 'We delete it when it is no longer needed.', 'Another item.');
    expect(descriptionOf(passage)).toBe('> We retain personal data for as long as necessary to provide the Solution. **We delete it when it is no longer needed.**\n> A list item.\n> **Another item.**');
  });

  it('escapes Markdown first, then bolds: policy text cannot end the bold early', () => {
    const text = 'Intro. We **never** sell _data_ to ~~ads~~ or `bots`. End.';
    const description = descriptionOf(highlighted(text, 'We **never** sell _data_ to ~~ads~~ or `bots`.'));
    expect(description).toBe('> Intro. **We \\*\\*never\\*\\* sell \\_data\\_ to \\~\\~ads\\~\\~ or \\`bots\\`.** End.');
  });

  it('keeps highlighted quotes within the limits, trimmed at a sentence, bolding only what survives the trim', () => {
    const sentence = (i: number) => `Sentence number ${i} of a very long policy section explains one more thing in detail.`;
    const text = Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
    const passages = Array.from({ length: 10 }, () => highlighted(text, sentence(3), sentence(399)));
    const message = renderAnswer({ question: 'q', answered: true, passages }, { documents });
    expectWithinDiscordLimits(message);
    for (const embed of message.embeds) {
      const description = embed.description ?? '';
      expect(description).toContain(`**${sentence(3)}**`);
      expect(description).not.toContain(sentence(399));
      expect((description.match(/(?<!\\)\*\*/g) ?? []).length).toBe(2);
      expect(description).toMatch(/in detail\.\n> …\n\[Read the full section\]\(\S+\)$/);
    }
  });

  it('never splits a word or an escape, whatever ranges it is given', () => {
    const text = 'Fees *apply* to_some plans. We keep logs. Ask us.';
    for (let start = 0; start < text.length; start += 2) {
      const passage = { ...highlighted(text), highlights: [{ start, end: start + 3 }] };
      const description = descriptionOf(passage);
      expect(description.replace(/(?<!\\)\*\*/g, '')).toBe(`> ${text.replace(/[*_]/g, '\\$&')}`);
      expect((description.match(/(?<!\\)\*\*/g) ?? []).length).toBe(2);
    }
  });
});

describe('renderAnswer: weaker matches and list introductions', () => {
  it('embeds only the confident passages, and a list item after the sentence that introduces its list', () => {
    const first = fixturePassage(['How we share your data'], 'our payment processor;', 'how-we-share-your-data');
    const item: AnswerPassage = { ...first, intro: 'We may share your data with *partners*:' };
    const weaker: AnswerPassage = { ...fixturePassage(['Data retention'], 'We keep logs.'), confidence: 'low' };
    const message = renderAnswer({ question: 'q', answered: true, passages: [item, weaker] });
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.description).toBe('> We may share your data with \\*partners\\*: […]\n> our payment processor;');
  });

  it('names in the footer only the documents of the passages it shows', () => {
    const other: AnswerPassage = { ...fixturePassage(['Cookies'], 'We use cookies.', 'cookies'), document: 'Acme Cookie Notice', documentId: 'acme-cookies', confidence: 'low' };
    const message = renderAnswer({ question: 'q', answered: true, passages: [retention, other] });
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022');
    const both = renderAnswer({ question: 'q', answered: true, passages: [retention, { ...other, confidence: 'high' }] });
    expect(both.embeds.at(-1)?.footer?.text).toBe('DataRobot Privacy Policy · updated March 17, 2022; Acme Cookie Notice · updated March 17, 2022');
  });
});
