import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answerer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { EXAMPLE_QUESTIONS } from '../../src/example-questions.js';
import { bundledCorpusDir, projectRoot } from '../../src/paths.js';
import { exampleQuestions, suggestQuestions, type Suggestion } from '../../src/suggest.js';
import type { Answerer } from '../../src/types.js';
import { loadBundled } from './helpers.js';

const answerer = createAnswerer(loadBundled());
const acmeNotice = join(projectRoot, 'test/fixtures/ingest/acme-privacy-notice.md');

/** The heading a suggestion names: the label's last " › " part, without a "(document)" suffix. */
function headingOf(suggestion: Suggestion): string {
  return suggestion.label.split(' › ').pop()!.replace(/ \([^()]*\)$/, '');
}

/** Picking a heading suggestion must answer from that heading's section (or one of its sub-sections). */
function expectEachHeadingSuggestionReachesItsSection(on: Answerer, suggestions: Suggestion[]): void {
  for (const suggestion of suggestions.filter((s) => s.label !== s.question)) {
    const answer = on.answer(suggestion.question, { top: 1 });
    expect(answer.answered, suggestion.question).toBe(true);
    expect(answer.passages[0]!.section, suggestion.question).toContain(headingOf(suggestion));
  }
}

describe('suggestQuestions', () => {
  it('offers the typed question first when the answerer answers it, then the headings of the sections it reaches', () => {
    const suggestions = suggestQuestions(answerer, 'how long do you keep my data');
    expect(suggestions[0]).toEqual({ label: 'how long do you keep my data', question: 'how long do you keep my data' });
    expect(suggestions[1]).toEqual({ label: 'Data retention', question: 'Data retention' });
    expectEachHeadingSuggestionReachesItsSection(answerer, suggestions);
  });

  it('offers headings matching a word being typed when the text is not a question the policy answers yet', () => {
    const suggestions = suggestQuestions(answerer, 'cook');
    expect(suggestions.map((s) => s.label)).toEqual(['Turn off cookies']);
    expect(suggestQuestions(answerer, 'deactiv').map((s) => s.label)).toContain('Deactivate your account');
  });

  it('names a repeated heading with its parent, and its question reaches that very section', () => {
    const suggestions = suggestQuestions(answerer, 'legal basis');
    const facets = suggestions.filter((s) => s.label.endsWith(' › Legal basis for processing'));
    expect(facets.length).toBeGreaterThanOrEqual(5);
    for (const facet of facets) {
      const [parent] = facet.label.split(' › ');
      const first = answerer.answer(facet.question, { top: 1 }).passages[0]!;
      expect(first.section.slice(-2), facet.question).toEqual([parent, 'Legal basis for processing']);
    }
  });

  it('ignores typed words that name no topic, and offers nothing for a question the policy does not cover', () => {
    expect(suggestQuestions(answerer, 'what is the weather in paris')).toEqual([]);
    expect(suggestQuestions(answerer, 'xyzzy plugh')).toEqual([]);
  });

  it('with nothing typed, offers the example questions the policy answers, then its top-level headings', () => {
    const suggestions = suggestQuestions(answerer, '  ', { limit: 25 });
    const examples = exampleQuestions(answerer, { limit: 25 });
    expect(suggestions.slice(0, examples.length).map((s) => s.question)).toEqual(examples);
    const topLevel = new Set(answerer.documents[0]!.sections.filter((s) => s.path.length === 1).map((s) => s.path[0]));
    for (const suggestion of suggestions.slice(examples.length)) expect(topLevel.has(suggestion.label), suggestion.label).toBe(true);
    expect(suggestions.length).toBe(25);
    expectEachHeadingSuggestionReachesItsSection(answerer, suggestions);
  });

  it('never returns more than `limit` suggestions, duplicates, or a label or question over `maxChars`', () => {
    for (const typed of ['', 'do you sell my data', 'legal basis', 'how we share your data with affiliates and partners', 'x'.repeat(150)]) {
      for (const limit of [1, 3, 10]) {
        const suggestions = suggestQuestions(answerer, typed, { limit, maxChars: 40 });
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        expect(new Set(suggestions.map((s) => s.question.toLowerCase())).size).toBe(suggestions.length);
        for (const s of suggestions) {
          expect(s.label.length, s.label).toBeLessThanOrEqual(40);
          expect(s.question.length, s.question).toBeLessThanOrEqual(40);
          expect(s.label.length).toBeGreaterThan(0);
        }
      }
    }
    // A typed question longer than a choice can hold is not offered as-is (its headings still are).
    const long = `how long do you keep my data ${'please '.repeat(12)}`.trim();
    const suggestions = suggestQuestions(answerer, long);
    expect(suggestions.some((s) => s.question === long)).toBe(false);
    expect(suggestions.map((s) => s.label)).toContain('Data retention');
  });

  it('names the document in labels when the answerer has several, and follows a new answerer (hot reload)', () => {
    const both = createAnswerer(loadCorpus([bundledCorpusDir, acmeNotice]));
    const suggestions = suggestQuestions(both, 'what do you collect');
    expect(suggestions.some((s) => s.label.endsWith('(Acme Privacy Notice)'))).toBe(true);
    expect(suggestions.some((s) => s.label.endsWith('(DataRobot Privacy Policy)'))).toBe(true);
    expectEachHeadingSuggestionReachesItsSection(both, suggestions);

    const acmeOnly = createAnswerer(loadCorpus([acmeNotice]));
    const labels = suggestQuestions(acmeOnly, 'coll').map((s) => s.label);
    expect(labels).toContain('What we collect');
    expect(labels.some((label) => label.includes('('))).toBe(false);
  });
});

describe('suggestQuestions on many similar policies', () => {
  it('spends at most `maxChecks` answerer calls per request on sections not checked before', () => {
    // Twenty copies of one policy: every heading exists twenty times, and a short question reaches only one of them.
    const copies = Array.from({ length: 20 }, (_, i) => ({ ...loadBundled()[0]!, id: `copy-${i}`, title: `Policy copy ${i}` }));
    const many = createAnswerer(copies);
    let calls = 0;
    const counting: Answerer = { documents: many.documents, answer: (question, options) => (calls++, many.answer(question, options)) };
    for (const typed of ['legal basis for', 'personal data we', 'with third party']) {
      calls = 0;
      const suggestions = suggestQuestions(counting, typed, { maxChecks: 12 });
      // One call answers the typed text; the rest check sections.
      expect(calls, typed).toBeLessThanOrEqual(1 + 12);
      expectEachHeadingSuggestionReachesItsSection(many, suggestions);
    }
  });
});

describe('exampleQuestions', () => {
  it('keeps the listed order and only the questions this policy answers', () => {
    const examples = exampleQuestions(answerer);
    expect(examples.length).toBeGreaterThan(3);
    expect(examples).toEqual(EXAMPLE_QUESTIONS.filter((q) => examples.includes(q)));
    for (const question of examples) expect(answerer.answer(question).answered, question).toBe(true);
    const declining: Answerer = { documents: [], answer: (question) => ({ question, answered: false, passages: [] }) };
    expect(exampleQuestions(declining)).toEqual([]);
    expect(exampleQuestions(answerer, { limit: 2 })).toEqual(examples.slice(0, 2));
  });
});
