import { describe, expect, it } from 'vitest';
import {
  acknowledgeFeedback,
  actionIds,
  renderAnswer,
  homeDocumentsShown,
  renderHelp,
  renderHome,
  renderRateLimited,
  sectionFromFeedbackValue,
  slackLimits,
  type SlackBlock,
} from '../../adapters/slack/render.js';
import type { Answer, AnswerPassage, PolicyDocument } from '../../src/types.js';
import { trimAtSentence } from '../../src/render/trim.js';
import { fixturePassage, policyUrl, withHighlights } from '../helpers/answer-fixtures.js';


const retention = fixturePassage(['Data retention'], 'We retain personal data for as long as necessary to provide the Solution. We delete it afterwards.');
const affiliates = fixturePassage(['How we share your data', 'With affiliates'], 'We may share data with our affiliates.', 'with-affiliates');
const contact = fixturePassage(['Contact us'], 'If you have questions, email privacy@datarobot.com.', 'contact-us');

const answered: Answer = { question: 'how long do you keep my data?', answered: true, passages: [retention, affiliates] };
const notCovered: Answer = { question: 'what is the capital of France?', answered: false, passages: [], contact };

/** All mrkdwn/plain strings of a message, for content assertions. */
function allText(message: { text: string; blocks: SlackBlock[] }): string {
  return JSON.stringify(message);
}

function sectionTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

function contextTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.flatMap((el) => ('text' in el && typeof el.text === 'string' ? [el.text] : [])) : [],
  );
}

function buttons(blocks: SlackBlock[]): Array<{ action_id?: string; value?: string }> {
  return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Array<{ action_id?: string; value?: string }>) : []));
}

describe('renderAnswer: answered', () => {
  const message = renderAnswer(answered, { shareValue: '{"id":"a1","q":"x"}' });

  it('quotes each passage verbatim as a block quote, best first', () => {
    const quotes = sectionTexts(message.blocks).filter((t) => t.startsWith('>'));
    expect(quotes).toEqual([`>${retention.text}`, `>${affiliates.text}`]);
  });

  it('cites document, section path, link and policy date under each passage', () => {
    const citations = contextTexts(message.blocks).filter((t) => t.startsWith('—'));
    expect(citations).toEqual([
      `— *DataRobot Privacy Policy*, § <${policyUrl}#data-retention|Data retention> (updated March 17, 2022)`,
      `— *DataRobot Privacy Policy*, § <${policyUrl}#with-affiliates|How we share your data › With affiliates> (updated March 17, 2022)`,
    ]);
  });

  it('echoes the question and has a short plain-text fallback naming the document and section', () => {
    expect(contextTexts(message.blocks)[0]).toBe('*Question:* how long do you keep my data?');
    expect(message.text).toContain('DataRobot Privacy Policy, § Data retention');
    expect(message.text).toContain('We retain personal data');
    expect(message.text.length).toBeLessThanOrEqual(300);
  });

  it('has share and feedback buttons; feedback carries the section path, never the question', () => {
    const els = buttons(message.blocks);
    expect(els.map((e) => e.action_id)).toEqual([actionIds.share, actionIds.helpful, actionIds.notHelpful]);
    expect(els[0]?.value).toBe('{"id":"a1","q":"x"}');
    expect(sectionFromFeedbackValue(els[1]?.value)).toEqual(['Data retention']);
    expect(els[1]?.value).not.toContain('keep my data');
  });

  it('leaves out the share button without a share value, and all buttons when asked', () => {
    expect(buttons(renderAnswer(answered).blocks).map((e) => e.action_id)).toEqual([actionIds.helpful, actionIds.notHelpful]);
    expect(buttons(renderAnswer(answered, { feedback: false }).blocks)).toEqual([]);
  });

  it('drops a share value longer than Slack allows instead of producing an invalid button', () => {
    const tooLong = 'x'.repeat(slackLimits.buttonValue + 1);
    expect(buttons(renderAnswer(answered, { shareValue: tooLong }).blocks).map((e) => e.action_id)).not.toContain(actionIds.share);
  });

  it('falls back to the section name when the passage URL is only a local anchor', () => {
    const { updated, ...undated } = retention;
    expect(updated).toBeDefined();
    const local = { ...undated, url: '#data-retention', citation: '— Local Policy, § Data retention #data-retention' };
    const texts = contextTexts(renderAnswer({ ...answered, passages: [local] }).blocks);
    expect(texts).toContain('— *DataRobot Privacy Policy*, § Data retention');
  });
});

describe('renderAnswer: not covered', () => {
  it("says clearly that the policy doesn't cover it and quotes the contact section", () => {
    const message = renderAnswer(notCovered);
    const sections = sectionTexts(message.blocks);
    expect(sections[0]).toContain("The privacy policy doesn't cover this.");
    expect(sections).toContain('>If you have questions, email privacy@datarobot.com.');
    expect(contextTexts(message.blocks)).toContain(`— *DataRobot Privacy Policy*, § <${policyUrl}#contact-us|Contact us> (updated March 17, 2022)`);
    expect(message.text).toBe("The privacy policy doesn't cover this question. Ask via § Contact us.");
    expect(sectionFromFeedbackValue(buttons(message.blocks)[0]?.value)).toEqual([]);
  });

  it('suggests rephrasing when the policy has no contact section', () => {
    const message = renderAnswer({ question: 'q', answered: false, passages: [] });
    expect(sectionTexts(message.blocks)[0]).toContain('Try rephrasing');
  });
});

describe('renderAnswer: escaping', () => {
  const hostile = '<!channel> <!everyone> <!here> <@U123> <#C123> <!subteam^S1> @channel @here @everyone & <https://evil.example|click>';
  const hostileAnswer: Answer = {
    question: hostile,
    answered: true,
    passages: [fixturePassage(['Data <retention> & more'], `Policy text with ${hostile}`)],
  };
  const message = renderAnswer(hostileAnswer, { shareValue: '{"id":"a1"}' });
  const json = allText(message);

  it('never emits a mention, broadcast or link built from user or policy text', () => {
    expect(json).not.toContain('<!');
    expect(json).not.toContain('<@');
    expect(json).not.toContain('<#');
    expect(json).not.toContain('<https://evil');
    expect(json).not.toMatch(/@(channel|here|everyone)\b/i);
  });

  it('escapes &, < and > so the text reads the same', () => {
    expect(sectionTexts(message.blocks).join('\n')).toContain('&lt;!channel&gt; &lt;!everyone&gt;');
    expect(sectionTexts(message.blocks).join('\n')).toContain(' &amp; ');
    expect(contextTexts(message.blocks).join('\n')).toContain('Data &lt;retention&gt; &amp; more');
    expect(message.text).not.toMatch(/<[!@#]/);
  });

  it('keeps e-mail addresses in policy text intact', () => {
    expect(allText(renderAnswer(notCovered))).toContain('privacy@datarobot.com');
  });
});

describe('renderAnswer: Slack limits', () => {
  const sentence = 'We keep records of account activity for audit purposes & compliance. ';
  const longText = sentence.repeat(100);

  it('trims a long passage at a sentence boundary and links to the full section', () => {
    const message = renderAnswer({ ...answered, passages: [fixturePassage(['Data retention'], longText)] });
    const quote = sectionTexts(message.blocks).find((t) => t.startsWith('>')) ?? '';
    const [quoted = '', link] = quote.split('\n');
    expect(quoted.endsWith('compliance.')).toBe(true);
    expect(quoted.length).toBeLessThan(longText.length);
    expect(link).toBe(`<${policyUrl}#data-retention|Read the full section>`);
  });

  it('keeps every section under 3,000 characters even when escaping lengthens the text', () => {
    const ampersands = '&'.repeat(5000);
    const message = renderAnswer({ ...answered, passages: [fixturePassage(['Data retention'], ampersands)] }, { maxPassageChars: 5000 });
    for (const text of sectionTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    // No entity is cut in half.
    expect(sectionTexts(message.blocks).join('')).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('stays within 50 blocks however many passages the answer has', () => {
    const many = Array.from({ length: 60 }, (_, i) => fixturePassage(['Data retention'], `Passage ${i}.`));
    expect(renderAnswer({ ...answered, passages: many }, { shareValue: 'v', note: 'n' }).blocks.length).toBeLessThanOrEqual(slackLimits.blocks);
  });

  it('keeps the fallback text short for a very long question and passage', () => {
    const message = renderAnswer({ question: 'why '.repeat(2000), answered: true, passages: [fixturePassage(['Data retention'], longText)] });
    expect(message.text.length).toBeLessThanOrEqual(300);
    expect(contextTexts(message.blocks)[0]?.length).toBeLessThan(400);
  });
});

describe('trimAtSentence', () => {
  it('returns short text unchanged', () => {
    expect(trimAtSentence('One. Two.', 100)).toEqual({ text: 'One. Two.', trimmed: false });
  });

  it('cuts after the last whole sentence that fits', () => {
    expect(trimAtSentence('First sentence here. Second one! Third sentence is long.', 35)).toEqual({ text: 'First sentence here. Second one!', trimmed: true });
  });

  it('falls back to a word boundary with an ellipsis when no sentence ends early enough', () => {
    const { text, trimmed } = trimAtSentence('a'.repeat(5) + ' ' + 'word '.repeat(50), 40);
    expect(trimmed).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text).not.toMatch(/\s…$/);
  });
});

describe('other messages', () => {
  it('help names the command and the three ways to ask', () => {
    const help = renderHelp('/privacy');
    expect(allText(help)).toContain('/privacy how long do you keep my data?');
    expect(allText(help)).toContain('Mention me');
    expect(allText(help)).toContain('direct message');
  });

  it('rate-limit notice says when to try again', () => {
    expect(renderRateLimited(12).text).toBe("You're asking quickly — try again in 12 seconds.");
    expect(renderRateLimited(0.2).text).toBe("You're asking quickly — try again in 1 second.");
  });
});

describe('acknowledgeFeedback', () => {
  it('removes only the feedback buttons and adds a thank-you line', () => {
    const original = renderAnswer(answered, { shareValue: 'v' }).blocks;
    const edited = acknowledgeFeedback(JSON.parse(JSON.stringify(original)) as unknown[]);
    expect(buttons(edited).map((e) => e.action_id)).toEqual([actionIds.share]);
    expect(contextTexts(edited).at(-1)).toBe('Thanks for the feedback!');
    expect(edited.length).toBe(original.length + 1);
  });

  it('drops an actions block left empty and does not stack thank-you lines', () => {
    const once = acknowledgeFeedback(renderAnswer(answered).blocks);
    const twice = acknowledgeFeedback(once, 'Again');
    expect(buttons(twice)).toEqual([]);
    expect(contextTexts(twice).filter((t) => t === 'Thanks for the feedback!' || t === 'Again')).toEqual(['Again']);
  });
});

describe('renderHome', () => {
  const document = (i: number, fields: Partial<PolicyDocument> = {}): PolicyDocument => ({
    id: `policy-${i}`,
    title: `Policy ${i} ${'of a long name '.repeat(4)}`,
    url: `https://example.com/policies/${i}`,
    updated: '2024-02-29',
    sections: [],
    ...fields,
  });
  const texts = (blocks: SlackBlock[]) => blocks.map((b) => ('text' in b && typeof b.text === 'object' ? b.text.text : ''));
  const base = { examples: [], commandName: '/privacy', shortcutName: 'Answer from the privacy policy', autoAnswerChannels: [] };

  it('stays within 100 blocks and 3,000 characters a section however many documents there are, counting the rest', () => {
    const documents = Array.from({ length: 250 }, (_, i) => document(i));
    const view = renderHome({ ...base, documents });
    expect(view.blocks.length).toBeLessThanOrEqual(slackLimits.homeBlocks);
    for (const text of texts(view.blocks as SlackBlock[])) expect(text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    const all = texts(view.blocks as SlackBlock[]).join('\n');
    expect(all).toContain(`• …and ${250 - homeDocumentsShown} more`);
    expect(all).toContain('(updated February 29, 2024)');
    expect(all.match(/<https:\/\/example\.com\/policies\/\d+\|/g)).toHaveLength(homeDocumentsShown);
  });

  it('escapes titles and examples, links only http(s) URLs, and names only valid channel IDs', () => {
    const view = renderHome({
      ...base,
      documents: [document(1, { title: '<!channel> Policy & Co', url: 'javascript:alert(1)', updated: undefined })],
      examples: ['Do you share data with @here?'],
      autoAnswerChannels: ['C0PRIVACY1', '<!here>', 'general'],
      deskUrl: 'ftp://desk.example.com',
    });
    const all = texts(view.blocks as SlackBlock[]).join('\n');
    expect(all).toContain('• &lt;!channel&gt; Policy &amp; Co');
    expect(all).not.toContain('javascript:');
    expect(all).not.toContain('updated');
    expect(all).toContain('@\u2060here');
    expect(all).toContain('In <#C0PRIVACY1> I answer');
    expect(all).not.toContain('<!here>');
    expect(all).not.toContain('support desk');
  });
});

describe('renderAnswer: highlighted sentences', () => {
  const highlighted = (text: string, ...sentences: string[]) => withHighlights(fixturePassage(['Data retention'], text), ...sentences);
  const quoteOf = (passage: AnswerPassage, options = {}) =>
    sectionTexts(renderAnswer({ ...answered, passages: [passage] }, options).blocks).find((t) => t.startsWith('>')) ?? '';

  it('bolds each highlighted sentence inside the quote and nothing else', () => {
    const passage = highlighted(`${retention.text}\nA list item.\nAnother item.`, 'We delete it afterwards.', 'Another item.');
    expect(quoteOf(passage)).toBe('>We retain personal data for as long as necessary to provide the Solution. *We delete it afterwards.*\n>A list item.\n>*Another item.*');
  });

  it('escapes inside the bold: no mention, broadcast or link comes out of a highlighted sentence', () => {
    const text = 'Intro. Ask <!channel> & <@U123> or @here via <https://evil.example|click>. End.';
    const quote = quoteOf(highlighted(text, 'Ask <!channel> & <@U123> or @here via <https://evil.example|click>.'));
    expect(quote).toBe('>Intro. *Ask &lt;!channel&gt; &amp; &lt;@U123&gt; or @\u2060here via &lt;https://evil.example|click&gt;.* End.');
  });

  it('never breaks an entity or a link, whatever ranges it is given', () => {
    const text = 'Fees & charges <apply>. We keep data & logs. Ask us.';
    for (let start = 0; start < text.length; start += 3) {
      const passage = { ...highlighted(text), highlights: [{ start, end: start + 2 }, { start: start + 5, end: text.length + 9 }] };
      const quote = quoteOf(passage);
      expect(quote).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(quote.slice(1).replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[<>]/);
      // Bold markers come in pairs around whole sentences.
      expect((quote.match(/\*/g) ?? []).length % 2).toBe(0);
      expect(quote.replace(/\*/g, '')).toBe(`>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
    }
  });

  it('leaves a sentence containing * plain, since mrkdwn cannot escape it', () => {
    expect(quoteOf(highlighted('Intro. Fees apply* to some plans. End.', 'Fees apply* to some plans.'))).toBe('>Intro. Fees apply* to some plans. End.');
  });

  it('stays within the section limit and trims at a sentence, bolding only highlights that survive the trim', () => {
    const sentence = 'We keep records of account activity for audit purposes & compliance. ';
    const text = `${sentence.repeat(60)}Logs go after 30 days.`;
    const early = { ...highlighted(text), highlights: [{ start: 0, end: sentence.length - 1 }, { start: text.length - 22, end: text.length }] };
    const quote = quoteOf(early);
    expect(quote.length).toBeLessThanOrEqual(slackLimits.sectionText);
    const [quoted = '', link] = quote.split('\n');
    expect(quoted.startsWith('>*We keep records of account activity for audit purposes &amp; compliance.* We keep')).toBe(true);
    expect(quoted.endsWith('compliance.')).toBe(true);
    expect(quoted).not.toContain('Logs go after');
    expect((quoted.match(/\*/g) ?? []).length).toBe(2);
    expect(link).toBe(`<${policyUrl}#data-retention|Read the full section>`);
    const tight = quoteOf(highlighted('&'.repeat(2000) + '. Short.', 'Short.'), { maxPassageChars: 5000 });
    expect(tight.length).toBeLessThanOrEqual(slackLimits.sectionText);
    expect(tight).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('puts the answering sentence in the notification text', () => {
    const message = renderAnswer({ ...answered, passages: [highlighted(retention.text, 'We delete it afterwards.')] });
    expect(message.text).toBe('DataRobot Privacy Policy, § Data retention: “We delete it afterwards.”');
  });
});

describe('renderAnswer: weaker matches and list introductions', () => {
  it('quotes only the confident passages, and a list item after the sentence that introduces its list', () => {
    const weaker: AnswerPassage = { ...affiliates, confidence: 'low' };
    const item: AnswerPassage = { ...retention, intro: 'We may share your data with: <!channel> & partners', text: 'our payment processor;' };
    const quotes = sectionTexts(renderAnswer({ ...answered, passages: [item, weaker] }).blocks).filter((t) => t.startsWith('>'));
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toBe('>We may share your data with: &lt;!channel&gt; &amp; partners […]\n>our payment processor;');
  });
});
