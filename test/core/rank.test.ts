/**
 * Ranking: the concept score blended with plain BM25 over the asker's own words (`RankingOptions.plainScoreWeight`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answerer.js';
import { loadDocument } from '../../src/corpus/load.js';
import { projectRoot } from '../../src/paths.js';
import { defaultQueryOptions } from '../../src/query/types.js';

const policy = loadDocument(join(projectRoot, 'eval', 'policies', 'open', 'basecamp-privacy-policy.md'));
const topSection = (weight: number | undefined, question: string): string | undefined => {
  const answerer = createAnswerer([policy], weight === undefined ? {} : { ranking: { plainScoreWeight: weight } });
  return answerer.answer(question).passages[0]?.section.at(-1);
};

describe('the plain-word blend in ranking', () => {
  it('lets the section that uses the asker’s own words win a close call', () => {
    const question = 'what personal details do you need when I sign up?';
    // "When you sign up for a 37signals product, we ask for identifying information such as your name and email address."
    expect(topSection(undefined, question)).toBe('Identity and access');
    // The concepts alone pick another section: the blend is what decides.
    expect(topSection(0, question)).not.toBe('Identity and access');
  });

  it('scores the question’s own words as typed: stop words and filler dropped, weak words discounted', () => {
    const answerer = createAnswerer([policy]);
    const cookie = { term: 'cooki', weight: 1 };
    expect(answerer.explain('hey, cookies, cookies: what are the cookies for?').query.terms).toEqual([cookie, cookie, cookie]);
    expect(answerer.explain('do you sell data').query.terms).toEqual([
      { term: 'sell', weight: 1 },
      { term: 'data', weight: defaultQueryOptions.weakWordRankFactor },
    ]);
  });
});
