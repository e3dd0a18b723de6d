import { describe, expect, it } from 'vitest';
import { evaluateHighlights, formatHighlights, highlightTargetLines, isGoldSentence, macroHighlights, type HighlightReport } from '../../scripts/eval-highlights.js';
import { matchText } from '../../scripts/eval-sets.js';
import { createAnswerer } from '../../src/answerer.js';
import type { PolicyDocument } from '../../src/types.js';

describe('isGoldSentence', () => {
  const gold = [matchText('We promise we never sell your data: never have, never will.'), matchText(`Logs are kept for ${'thirty '.repeat(1)}days and then deleted, unless law enforcement asks us to keep them for longer than that.`)];

  it('accepts a sentence that contains a gold sentence, or that a gold sentence contains (whole words)', () => {
    expect(isGoldSentence(matchText('Privacy matters. We promise we never sell your data: never have, never will.'), gold)).toBe(true);
    expect(isGoldSentence(matchText('never have, never will.'), gold)).toBe(true);
    expect(isGoldSentence(matchText('ever have'), gold)).toBe(false);
    expect(isGoldSentence(matchText('We sell nothing.'), gold)).toBe(false);
    expect(isGoldSentence('', gold)).toBe(false);
  });

  it('accepts a long gold sentence cut or worded slightly differently when 12 words in a row match', () => {
    expect(isGoldSentence(matchText('Logs are kept for thirty days and then deleted, unless law enforcement asks otherwise.'), gold)).toBe(true);
    expect(isGoldSentence(matchText('Logs are kept for thirty days.'), gold)).toBe(true);
    expect(isGoldSentence(matchText('Logs are kept for ninety days and then deleted.'), gold)).toBe(false);
  });
});

describe('evaluateHighlights', () => {
  const document: PolicyDocument = {
    id: 'acme',
    title: 'Acme Privacy Policy',
    sections: [
      { id: 'retention', path: ['Data retention'], text: 'We value your trust and handle records with care. Server logs are deleted after 30 days.' },
      { id: 'sharing', path: ['Sharing'], text: 'We work with many partners around the world. We never sell your personal data.' },
    ],
  };
  const items = [
    { q: 'how long do you keep server logs?', expect: [['Data retention']], sentences: ['Server logs are deleted after 30 days.'] },
    { q: 'do you sell my data?', expect: [['Sharing']], sentences: ['We never sell your personal data.'] },
    { q: 'do you sell my data to partners?', expect: [['Sharing']], sentences: ['A sentence the policy does not have.'] },
    { q: 'how long are logs kept?', expect: [['Data retention']] },
  ];

  it('scores the highlighter and both baselines where the top passage holds a gold sentence', () => {
    const report = evaluateHighlights(document, 'dev', items, createAnswerer([document]));
    expect(report).toMatchObject({ policy: 'acme', split: 'dev', questions: 3, sectionHits: 3, scored: 2 });
    expect(report.scores.answerer).toEqual({ precision: 1, recall: 1 });
    // The first sentence of each passage is never the answer here.
    expect(report.scores['first sentence']).toEqual({ precision: 0, recall: 0 });
    expect(report.scores['BM25 sentence'].precision).toBeGreaterThan(0);
    expect(report.misses).toEqual([]);
  });

  it('counts a question whose highlights miss, and reports it', () => {
    const report = evaluateHighlights(document, 'dev', items, createAnswerer([document], { features: { highlights: false } }));
    expect(report.scores.answerer).toEqual({ precision: 0, recall: 0 });
    expect(report.misses.map((m) => m.q)).toEqual(['how long do you keep server logs?', 'do you sell my data?']);
  });

  it('averages over policies with scored questions and checks the targets', () => {
    const reports: HighlightReport[] = [
      evaluateHighlights(document, 'heldout', items, createAnswerer([document])),
      { ...evaluateHighlights(document, 'heldout', [], createAnswerer([document])), policy: 'empty' },
    ];
    const macro = macroHighlights(reports);
    expect(macro.answerer.precision).toBe(1);
    const strong = { answerer: { precision: 0.9, recall: 0.95 }, 'first sentence': { precision: 0.6, recall: 0.6 }, 'BM25 sentence': { precision: 0.75, recall: 0.75 } };
    expect(highlightTargetLines('held-out macro', strong).every((line) => line.startsWith('  PASS'))).toBe(true);
    const lines = highlightTargetLines('held-out macro', { ...strong, answerer: { precision: 0.8, recall: 0.9 } });
    expect(lines[0]).toMatch(/^ {2}FAIL held-out macro highlight precision 80%/);
    expect(lines[1]).toMatch(/^ {2}PASS .* over first sentence \+20 points/);
    expect(lines[2]).toMatch(/^ {2}FAIL .* over BM25 sentence \+5 points/);
    expect(formatHighlights(reports).at(-1)).toMatch(/macro over 1 policies/);
  });
});
