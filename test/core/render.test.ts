import { describe, expect, it } from 'vitest';
import { highlightedLines, highlightedText, highlightsWithin, sentenceRanges } from '../../src/render/highlights.js';
import { NOT_COVERED_MESSAGE, renderMarkdown, renderPlainText, renderShortText } from '../../src/render/text.js';
import type { Answer, AnswerPassage } from '../../src/types.js';
import { withHighlights } from '../helpers/answer-fixtures.js';

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
  confidence: 'high',
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
  confidence: 'high',
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
  confidence: 'high',
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
    const { updated: _date, ...undated } = retention;
    const tricky: AnswerPassage = { ...undated, text: '# Not a heading *or* [a link](x) <b>\n- not a list', citation: '— Acme, § Data retention #data-retention', url: '#data-retention', document: 'Acme' };
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

const sharing: AnswerPassage = {
  ...affiliates,
  text: 'We may share data with our subsidiaries. We never sell your data. Our staff see it.\n\nWe share data with processors.',
};

describe('highlights in the copies', () => {
  it('keeps the whole passage in the plain text copy', () => {
    const answer: Answer = { question: 'q', answered: true, passages: [withHighlights(sharing, 'We never sell your data.')] };
    expect(renderPlainText(answer)).toBe(`“${sharing.text}”\n${sharing.citation}`);
  });

  it('bolds the highlighted sentences in the Markdown copy, escaping inside the bold', () => {
    const answer: Answer = { question: 'q', answered: true, passages: [withHighlights(sharing, 'We never sell your data.', 'We share data with processors.')] };
    expect(renderMarkdown(answer)).toContain('> We may share data with our subsidiaries. **We never sell your data.** Our staff see it.\n>\n> **We share data with processors.**');
    const tricky = withHighlights({ ...retention, text: 'Intro. We *never* sell [data](x) <b>. End.' }, 'We *never* sell [data](x) <b>.');
    expect(renderMarkdown({ question: 'q', answered: true, passages: [tricky] })).toContain('> Intro. **We \\*never\\* sell \\[data\\](x) \\<b\\>.** End.');
    const list = withHighlights({ ...retention, text: 'We collect:\n- your name\n- your email' }, '- your email');
    expect(renderMarkdown({ question: 'q', answered: true, passages: [list] })).toContain('> \\- your name\n> **\\- your email**');
  });

  it('copies only the answer sentence of the first passage, verbatim, with its citation', () => {
    const one = withHighlights(sharing, 'We never sell your data.');
    expect(renderShortText({ question: 'q', answered: true, passages: [one, retention] })).toBe(`“We never sell your data.”\n${sharing.citation}`);
    // Adjacent sentences keep the policy's own spacing; others are joined with an ellipsis, in the policy's order.
    const two = withHighlights(sharing, 'Our staff see it.', 'We never sell your data.');
    expect(renderShortText({ question: 'q', answered: true, passages: [two] })).toBe(`“We never sell your data. Our staff see it.”\n${sharing.citation}`);
    const apart = withHighlights(sharing, 'We share data with processors.', 'We may share data with our subsidiaries.');
    expect(renderShortText({ question: 'q', answered: true, passages: [apart] })).toBe(`“We may share data with our subsidiaries. … We share data with processors.”\n${sharing.citation}`);
  });

  it('copies the whole first passage when it has no highlights, and the not-covered text when declined', () => {
    expect(renderShortText(answered)).toBe(`“${retention.text}”\n${retention.citation}`);
    expect(renderShortText(declined)).toBe(renderPlainText(declined));
    expect(renderShortText({ question: 'x', answered: false, passages: [] })).toBe(NOT_COVERED_MESSAGE);
  });
});

describe('highlight ranges for renderers', () => {
  const text = 'One. Two words here. Three.\nFour.';

  it('widens ranges to whole sentences, drops invalid ones and merges overlaps', () => {
    expect(sentenceRanges(text, [{ start: 7, end: 9 }])).toEqual([{ start: 5, end: 20 }]);
    expect(sentenceRanges(text, [{ start: 21, end: 27 }, { start: 0, end: 4 }])).toEqual([{ start: 0, end: 4 }, { start: 21, end: 27 }]);
    expect(sentenceRanges(text, [{ start: 0, end: 8 }, { start: 6, end: 10 }])).toEqual([{ start: 0, end: 20 }]);
    expect(sentenceRanges(text, [{ start: 50, end: 60 }, { start: 5, end: 5 }, { start: 9, end: 3 }, { start: Number.NaN, end: 4 }])).toEqual([]);
    expect(sentenceRanges(text, [{ start: -10, end: 2 }])).toEqual([{ start: 0, end: 4 }]);
  });

  it('cuts lines into runs that never put a line break inside a highlight', () => {
    expect(highlightedLines(text, [{ start: 21, end: 27 }, { start: 28, end: 33 }])).toEqual([
      [{ text: 'One. Two words here. ', highlighted: false }, { text: 'Three.', highlighted: true }],
      [{ text: 'Four.', highlighted: true }],
    ]);
    expect(highlightedLines('A.\n\nB.', [])).toEqual([[{ text: 'A.', highlighted: false }], [], [{ text: 'B.', highlighted: false }]]);
  });

  it('keeps only highlights inside a trimmed quote and joins sentences in text order', () => {
    const passage = { text, highlights: [{ start: 21, end: 27 }, { start: 0, end: 4 }] };
    expect(highlightsWithin(passage, 20)).toEqual([{ start: 0, end: 4 }]);
    expect(highlightsWithin(passage, 27, 1)).toEqual([{ start: 20, end: 26 }]);
    expect(highlightedText(passage)).toBe('One. … Three.');
  });
});

describe('lower-confidence passages and list introductions', () => {
  const low: AnswerPassage = { ...affiliates, confidence: 'low' };
  const item: AnswerPassage = { ...retention, intro: 'We may share your personal data with:', text: 'our payment processor;' };

  it('leave weaker matches out of the copies, but never the best passage', () => {
    const text = renderPlainText({ question: 'q', answered: true, passages: [retention, low] });
    expect(text).toContain(retention.text);
    expect(text).not.toContain(low.text);
    expect(renderMarkdown({ question: 'q', answered: true, passages: [retention, low] })).not.toContain('affiliates');
    expect(renderPlainText({ question: 'q', answered: true, passages: [low] })).toContain(low.text);
  });

  it('quote a list item after the sentence that introduces its list', () => {
    expect(renderPlainText({ question: 'q', answered: true, passages: [item] })).toContain('“We may share your personal data with: […] our payment processor;”');
    expect(renderMarkdown({ question: 'q', answered: true, passages: [item] })).toMatch(/^> We may share your personal data with: \\\[…\\\]\n>\n> our payment processor;/);
  });
});
