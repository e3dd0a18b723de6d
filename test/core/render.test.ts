import { describe, expect, it } from 'vitest';
import { NOT_COVERED_MESSAGE, renderMarkdown, renderPlainText } from '../../src/render/text.js';
import type { Answer, AnswerPassage } from '../../src/types.js';

const retention: AnswerPassage = {
  document: 'DataRobot Privacy Policy',
  documentId: 'datarobot-privacy-policy',
  sectionId: 'data-retention',
  updated: '2022-03-17',
  section: ['Data retention'],
  text: 'We will retain your personal data as needed to fulfill the purposes for which it was collected.',
  highlights: [],
  score: 0.9,
  url: 'https://www.datarobot.com/privacy/#data-retention',
  citation: '— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) https://www.datarobot.com/privacy/#data-retention',
};
const affiliates: AnswerPassage = {
  document: 'DataRobot Privacy Policy',
  documentId: 'datarobot-privacy-policy',
  sectionId: 'with-affiliates',
  updated: '2022-03-17',
  section: ['How we share your data', 'With affiliates'],
  text: 'We may share your personal data with our subsidiaries.\n\nAs a global company, we have employees across the world.',
  highlights: [],
  score: 0.5,
  url: 'https://www.datarobot.com/privacy/#with-affiliates',
  citation: '— DataRobot Privacy Policy, § How we share your data › With affiliates (updated March 17, 2022) https://www.datarobot.com/privacy/#with-affiliates',
};
const contact: AnswerPassage = {
  document: 'DataRobot Privacy Policy',
  documentId: 'datarobot-privacy-policy',
  sectionId: 'contact-us',
  updated: '2022-03-17',
  section: ['Contact us'],
  text: 'If you have any questions about this policy, please email us.',
  highlights: [],
  score: 0,
  url: 'https://www.datarobot.com/privacy/#contact-us',
  citation: '— DataRobot Privacy Policy, § Contact us (updated March 17, 2022) https://www.datarobot.com/privacy/#contact-us',
};
const answered: Answer = { question: 'how long?', answered: true, passages: [retention, affiliates] };
const declined: Answer = { question: 'payday?', answered: false, passages: [], contact };

describe('renderPlainText', () => {
  it('quotes each passage and follows it with its citation line', () => {
    expect(renderPlainText(answered)).toBe(
      `“${retention.text}”\n${retention.citation}\n\n“${affiliates.text}”\n${affiliates.citation}`,
    );
  });

  it('says the policy does not cover the question and cites the contact section', () => {
    const text = renderPlainText(declined);
    expect(text.startsWith(NOT_COVERED_MESSAGE)).toBe(true);
    expect(text).toContain(contact.citation);
    expect(text).not.toContain(contact.text);
  });

  it('works without a contact section', () => {
    expect(renderPlainText({ question: 'x', answered: false, passages: [] })).toBe(NOT_COVERED_MESSAGE);
  });
});

describe('renderMarkdown', () => {
  it('renders block quotes and [§ Section](url) links with the date', () => {
    const markdown = renderMarkdown(answered);
    expect(markdown).toContain(`> ${retention.text}`);
    expect(markdown).toContain('— DataRobot Privacy Policy, [§ Data retention](https://www.datarobot.com/privacy/#data-retention) (updated March 17, 2022)');
    expect(markdown).toContain('[§ How we share your data › With affiliates](https://www.datarobot.com/privacy/#with-affiliates)');
    // Paragraph breaks stay inside the quote.
    expect(markdown).toContain('> We may share your personal data with our subsidiaries.\n>\n> As a global company');
  });

  it('escapes Markdown in policy text so it renders literally', () => {
    const tricky: AnswerPassage = { ...retention, text: '# Not a heading *or* [a link](x) <b>\n- not a list', citation: '— Acme, § Data retention #data-retention', url: '#data-retention', document: 'Acme' };
    const markdown = renderMarkdown({ question: 'q', answered: true, passages: [tricky] });
    expect(markdown).toContain('> \\# Not a heading \\*or\\* \\[a link\\](x) \\<b\\>');
    expect(markdown).toContain('> \\- not a list');
    expect(markdown).toContain('— Acme, [§ Data retention](#data-retention)');
    expect(markdown).not.toContain('(updated');
  });

  it('links the contact section when the question is not covered', () => {
    const markdown = renderMarkdown(declined);
    expect(markdown.startsWith(NOT_COVERED_MESSAGE)).toBe(true);
    expect(markdown).toContain('[§ Contact us](https://www.datarobot.com/privacy/#contact-us)');
  });

  it('is pure: same input, same output, input untouched', () => {
    const copy = structuredClone(answered);
    expect(renderMarkdown(answered)).toBe(renderMarkdown(answered));
    expect(answered).toEqual(copy);
  });
});
