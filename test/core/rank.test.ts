/**
 * Ranking: the concept score blended with plain BM25 over the asker's own words (`RankingOptions.plainScoreWeight`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answerer.js';
import { loadDocument } from '../../src/corpus/load.js';
import { projectRoot } from '../../src/paths.js';
import { defaultQueryOptions } from '../../src/query/types.js';
import type { PolicyDocument } from '../../src/types.js';

const policy = loadDocument(join(projectRoot, 'eval', 'policies', 'open', 'basecamp-privacy-policy.md'));
const topSection = (weight: number | undefined, question: string): string | undefined => {
  const answerer = createAnswerer([policy], weight === undefined ? {} : { ranking: { plainScoreWeight: weight } });
  return answerer.answer(question).passages[0]?.section.at(-1);
};

describe('the plain-word blend in ranking', () => {
  it('lets the section that uses the asker’s own words win a close call', () => {
    const question = 'do you sell my data to anyone?';
    // "We promise we never sell your data: never have, never will." says it in the asker's words; the rights section
    // only mentions opting out of sale.
    expect(topSection(undefined, question)).toBe('Introduction');
    // The concepts alone pick another section: the blend is what decides.
    expect(topSection(0, question)).not.toBe('Introduction');
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

describe('headings that answer another interrogative', () => {
  const corona = loadDocument(join(projectRoot, 'eval', 'policies', 'open', 'corona-warn-app-privacy_en.html'));
  const topPath = (question: string, factor?: number): string | undefined => {
    const answerer = createAnswerer([corona], factor === undefined ? {} : { ranking: { interrogativeConflictFactor: factor } });
    return answerer.answer(question).passages[0]?.section.slice(-2).join(' > ');
  };

  it('ranks "what" questions under the "What data" heading, not the parallel "Why" one', () => {
    const question = 'which personal details can go into the rapid test profile?';
    expect(topPath(question)).toBe('5. What data is processed? > d. Rapid test profile');
    // Without the penalty the parallel purpose section wins.
    expect(topPath(question, 1)).toBe('6. Why is your data processed? > d. Rapid test profile');
  });

  it('ranks "why" questions under the "Why" heading, not the parallel "What" one', () => {
    const policy: PolicyDocument = {
      id: 'made-up',
      title: 'Made-up policy',
      sections: [
        { id: 'what-device', path: ['What we process', 'Device information'], text: 'Device information: the model of your phone, its operating system version and the device information your browser sends.' },
        { id: 'why-device', path: ['Why we process it', 'Device information'], text: 'We process device information to fix crashes.' },
      ],
    };
    const top = (factor?: number): string | undefined =>
      createAnswerer([policy], factor === undefined ? {} : { ranking: { interrogativeConflictFactor: factor } }).answer('why do you process device information?').passages[0]?.section[0];
    expect(top()).toBe('Why we process it');
    expect(top(1)).toBe('What we process');
  });

  it('reads a question with no interrogative as asking what is done, more weakly (unmarkedWhyFactor)', () => {
    const top = (question: string, unmarkedWhyFactor?: number): string | undefined =>
      createAnswerer([corona], unmarkedWhyFactor === undefined ? {} : { ranking: { unmarkedWhyFactor } }).answer(question).passages[0]?.section.slice(-2).join(' > ');
    const question = 'Is there any usage analytics built into the app by default?';
    expect(top(question)).toBe('5. What data is processed? > l. Usage Data (data sharing)');
    expect(top(question, 1)).toBe('6. Why is your data processed? > j. Data sharing');
    // A "how" question is neither: the factor leaves it alone.
    const how = 'how does exposure logging work?';
    expect(top(how, 0.1)).toBe(top(how, 1));
  });
});
