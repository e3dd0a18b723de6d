import { describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/generate-corpus.js';
import { formatStressReport, fuzzQuestions, parseStressArgs, runStress } from '../../scripts/stress.js';

// The stress run itself takes minutes (`npm run stress`); these check its parts that decide what it measures.

describe('fuzzQuestions', () => {
  const real = ['do you sell my data', 'how long do you keep my data?'];

  it('is deterministic and gives ask one non-blank line per question', () => {
    const questions = fuzzQuestions(createRandom(7), 2_000, real);
    expect(fuzzQuestions(createRandom(7), 2_000, real)).toEqual(questions);
    expect(questions).toHaveLength(2_000);
    for (const question of questions) {
      expect(question).not.toMatch(/[\r\n]/);
      expect(question.trim()).not.toBe('');
    }
  });

  it('covers the hostile kinds: over-long, lone surrogates, control characters, pasted secrets, injections', () => {
    const questions = fuzzQuestions(createRandom(11), 2_000, real);
    expect(questions.some((q) => [...q.trim()].length > 1_000)).toBe(true);
    expect(questions.some((q) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(q))).toBe(true);
    expect(questions.some((q) => q.includes('\u0000'))).toBe(true);
    expect(questions.some((q) => q.includes('xoxb-'))).toBe(true);
    expect(questions.some((q) => q.includes('<script>'))).toBe(true);
  });
});

describe('runStress', () => {
  it('finds its real questions (the bundled dev set the bench uses) before running any section', async () => {
    // No section selected: only the set-up runs, which once read a question file that had been renamed.
    const report = await runStress({ quick: true, sections: [] });
    expect(report.results).toEqual([]);
    expect(report.quick).toBe(true);
  });
});

describe('stress command line and report', () => {
  it('reads its options and refuses unknown ones', () => {
    expect(parseStressArgs(['--quick', '--json', '--root', '/tmp/base', '--only', 'hostile', '--only', 'load'])).toEqual({
      quick: true,
      json: true,
      root: '/tmp/base',
      sections: ['hostile', 'load'],
    });
    expect(() => parseStressArgs(['--only', 'everything'])).toThrow(/^stress: unknown option --only/);
  });

  it('prints one line per input and the total of crashes', () => {
    const text = formatStressReport({
      root: '/repo',
      quick: true,
      results: [
        { section: 'load', input: 'GET /api/answer, 8 clients', count: 100, crashes: 0, requestsPerSecond: 1234.5, outcome: '200×100' },
        { section: 'ask', input: '50 MB .txt', count: 1, crashes: 1, outcome: 'exit 1' },
      ],
    });
    expect(text.split('\n')).toHaveLength(6);
    expect(text).toMatch(/^load +GET \/api\/answer, 8 clients +100 +0 .*1,235 .*200×100$/m);
    expect(text).toContain('total crashes: 1');
  });
});
