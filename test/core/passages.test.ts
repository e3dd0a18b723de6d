import { describe, expect, it } from 'vitest';
import { buildPassages, splitPassages, splitSentences } from '../../src/search/passages.js';
import type { PolicyDocument } from '../../src/types.js';
import { loadBundled } from './helpers.js';

describe('splitSentences', () => {
  it('splits at sentence punctuation and line breaks, keeping abbreviations and domains whole', () => {
    const text = 'We use datarobot.com, e.g. for events. Do we sell data? No!\n\nA list item\nAnother item';
    const sentences = splitSentences(text).map((span) => text.slice(span.start, span.end));
    expect(sentences).toEqual(['We use datarobot.com, e.g. for events.', 'Do we sell data?', 'No!', 'A list item', 'Another item']);
  });

  it('treats closing quotes as part of the sentence', () => {
    const text = 'Reply with “opt out.” Then wait.';
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual(['Reply with “opt out.”', 'Then wait.']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});

describe('splitPassages', () => {
  const sentence = (i: number): string => `Sentence number ${i} explains one more detail of how the policy handles personal data.`;
  const long = Array.from({ length: 30 }, (_, i) => sentence(i)).join(' ');

  it('cuts a long section into several passages of whole sentences, each at most the limit', () => {
    const spans = splitPassages(long, 800);
    expect(spans.length).toBeGreaterThan(2);
    for (const span of spans) {
      const text = long.slice(span.start, span.end);
      expect(text.length).toBeLessThanOrEqual(800);
      expect(text).toMatch(/^Sentence number \d+/);
      expect(text.endsWith('.')).toBe(true);
    }
    // Every sentence lands in exactly one passage, in order.
    const rejoined = spans.map((span) => long.slice(span.start, span.end)).join(' ');
    expect(rejoined).toBe(long);
  });

  it('balances sizes instead of leaving a tiny last passage', () => {
    const text = Array.from({ length: 11 }, (_, i) => sentence(i)).join(' ');
    const lengths = splitPassages(text, 800).map((span) => span.end - span.start);
    expect(lengths).toHaveLength(2);
    expect(Math.min(...lengths)).toBeGreaterThan(300);
  });

  it('keeps a single over-long sentence whole', () => {
    const text = `${'word '.repeat(300).trim()}.`;
    expect(splitPassages(text, 800)).toEqual([{ start: 0, end: text.length }]);
  });
});

describe('buildPassages', () => {
  it('labels passages with their section path and skips sections without text', () => {
    const document: PolicyDocument = {
      id: 'acme',
      title: 'Acme Policy',
      sections: [
        { id: 'sharing', path: ['Sharing'], text: '' },
        { id: 'partners', path: ['Sharing', 'Partners'], text: 'We share with partners. Only some.' },
      ],
    };
    const passages = buildPassages([document]);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ index: 0, documentId: 'acme', sectionId: 'partners', section: ['Sharing', 'Partners'], text: 'We share with partners. Only some.' });
  });

  it('produces verbatim substrings of the bundled policy sections, at most ~800 characters', () => {
    const passages = buildPassages(loadBundled());
    expect(passages.length).toBeGreaterThan(40);
    for (const passage of passages) {
      expect(passage.policySection.text.includes(passage.text)).toBe(true);
      expect(passage.text.length).toBeLessThanOrEqual(800);
      expect(passage.text).toBe(passage.text.trim());
    }
    const retention = passages.filter((p) => p.sectionId === 'data-retention');
    expect(retention.length).toBeGreaterThanOrEqual(1);
  });
});
