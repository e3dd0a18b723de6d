import { describe, expect, it } from 'vitest';
import { createRandom, estimatePassageCount, generateCorpus } from '../../scripts/generate-corpus.js';
import { tokenize } from '../../src/search/tokenize.js';
import type { PolicyDocument } from '../../src/types.js';

// A small stand-in for the bundled policy, so these tests do not depend on ingestion.
const base: PolicyDocument = {
  id: 'datarobot-privacy-policy',
  title: 'DataRobot Privacy Policy',
  url: 'https://www.datarobot.com/privacy/',
  updated: '2022-03-17',
  sections: [
    { id: 'introduction', path: ['Introduction'], text: 'This Policy describes how DataRobot collects, uses, and discloses personal data. Please review this Policy carefully.' },
    { id: 'how-we-share-your-data', path: ['How we share your data'], text: 'We do not share your personal data with any other companies. We will not sell or rent your personal data.' },
    { id: 'with-affiliates', path: ['How we share your data', 'With affiliates'], text: 'We may share your personal data with our subsidiaries. As a global company, we have employees across the world.\n\nWe may share any of the data listed above with these affiliated companies.' },
    { id: 'data-retention', path: ['Data retention'], text: 'We will retain your personal data as needed to fulfill the purposes for which it was collected. Following termination of your account, we will delete your customer data.' },
    { id: 'payment-information', path: ['Payment information'], text: 'Any payment card information is processed directly by our payment processor, Stripe, Inc. We will never store your full payment card information.' },
    { id: 'contact-us', path: ['Contact us'], text: 'Please email us.\n\n225 Franklin Street, Floor 13\n\nBoston, Massachusetts 02110\n\nUSA' },
  ],
};

describe('createRandom', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const one = generateCorpus([base], { targetPassages: 300, seed: 1 });
    expect(generateCorpus([base], { targetPassages: 300, seed: 1 })).toEqual(one);
    expect(generateCorpus([base], { targetPassages: 300, seed: 2 })).not.toEqual(one);
  });

  it('stops near the passage target', () => {
    const documents = generateCorpus([base], { targetPassages: 1000, seed: 3 });
    const passages = documents.reduce((sum, document) => sum + estimatePassageCount(document), 0);
    expect(passages).toBeGreaterThanOrEqual(1000);
    expect(passages).toBeLessThan(1000 + 2 * estimatePassageCount(base));
  });

  it('produces distinct, well-formed documents with a growing vocabulary', () => {
    const documents = generateCorpus([base], { targetPassages: 600, seed: 4 });
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
    expect(new Set(documents.map((d) => d.title)).size).toBe(documents.length);
    const texts = new Set(documents.map((d) => d.sections.map((s) => s.text).join('\n')));
    expect(texts.size).toBe(documents.length);
    for (const document of documents) {
      expect(document.title).not.toMatch(/datarobot/i);
      expect(document.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const ids = document.sections.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Parents before children: a sub-section's parent path appears earlier.
      document.sections.forEach((section, i) => {
        if (section.path.length > 1) {
          const parent = section.path.slice(0, -1).join('>');
          expect(document.sections.slice(0, i).some((s) => s.path.join('>') === parent)).toBe(true);
        }
      });
    }
    const baseVocabulary = new Set(base.sections.flatMap((s) => tokenize(s.text)));
    const vocabulary = new Set(documents.flatMap((d) => d.sections.flatMap((s) => tokenize(s.text))));
    expect(vocabulary.size).toBeGreaterThan(baseVocabulary.size * 2);
    const all = documents.flatMap((d) => d.sections.map((s) => s.text)).join('\n');
    expect(all).not.toContain('Franklin Street');
  });

  it('rejects bad input with a message naming the module', () => {
    expect(() => generateCorpus([], { targetPassages: 10 })).toThrow(/^generate-corpus: .*base document/);
    expect(() => generateCorpus([base], { targetPassages: 0 })).toThrow(/^generate-corpus: targetPassages/);
    expect(() => generateCorpus([base], { targetPassages: 10, dropRate: 2 })).toThrow(/^generate-corpus: dropRate/);
    const empty: PolicyDocument = { ...base, sections: [{ id: 'x', path: ['X'], text: '' }] };
    expect(() => generateCorpus([empty], { targetPassages: 10 })).toThrow(/^generate-corpus: .*no section text/);
  });
});
