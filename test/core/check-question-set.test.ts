import { describe, expect, it } from 'vitest';
import { checkQuestionSet } from '../../scripts/check-question-set.js';
import type { PolicyDocument } from '../../src/types.js';

const document: PolicyDocument = {
  id: 'pebble',
  title: 'Pebble Notice',
  sections: [
    { id: 'selling', path: ['Selling'], text: 'We never sell your data. We share it with our host.' },
    { id: 'contact', path: ['Contact'], text: 'Write to privacy@pebble.example.' },
  ],
};

describe('check-question-set', () => {
  it('finds nothing wrong with a set whose sentences and paths are in the policy', () => {
    const set = {
      onTopic: [{ q: 'do u sell my stuff', voice: 'community', expect: [['Selling']], sentences: ['We never sell your data.'] }],
      offTopic: [{ q: 'how much is the pro plan?', voice: 'support', kind: 'far' }],
    };
    expect(checkQuestionSet(document, set)).toEqual([]);
  });

  it('reports a sentence not verbatim in the policy, a path naming no section, a repeated question, a bad voice and kind', () => {
    const set = {
      onTopic: [
        { q: 'do u sell my stuff', voice: 'community', expect: [['Sales']], sentences: ['We never sell your personal data.'] },
        { q: 'Do U sell my stuff', voice: 'user', expect: [['Selling']], sentences: ['We never sell your data.'] },
      ],
      offTopic: [{ q: 'is it down?', voice: 'support', kind: 'other' }],
    };
    const problems = checkQuestionSet(document, set);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/sentence not in the policy/);
    expect(problems.join('\n')).toMatch(/path names no section/);
    expect(problems.join('\n')).toMatch(/repeated question/);
    expect(problems.join('\n')).toMatch(/voice is not one of/);
    expect(problems.join('\n')).toMatch(/kind is not near or far/);
  });
});
