import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bundledPolicy, main, runEval, type EvalRun, type SystemScores } from '../../scripts/eval.js';
import { macroHighlights } from '../../scripts/eval-highlights.js';
import { discoverPolicySets, mergeSets, type PolicySets } from '../../scripts/eval-sets.js';

// The bundled policy's 1,991 questions of earlier rounds are scored by the answerer only, and the baseline here is
// plain BM25 (npm run eval also scores fuse.js, at 5 to 10 ms a question).
const isEarlierRounds = (file: string): boolean => file.includes('.dev-rounds');
const withoutEarlierRounds = (policies: readonly PolicySets[]): PolicySets[] =>
  policies.map((policy) => ({ ...policy, sets: { ...policy.sets, dev: policy.sets.dev.filter((file) => !isEarlierRounds(file)) } }));

describe('question sets', () => {
  it('cover the bundled policy and every open policy, with dev and held-out splits', () => {
    const policies = discoverPolicySets();
    expect(policies.length).toBeGreaterThanOrEqual(13);
    for (const policy of policies) {
      expect(policy.sets.dev.length, policy.policy).toBeGreaterThan(0);
      expect(policy.sets.heldout.length, policy.policy).toBeGreaterThan(0);
      const dev = mergeSets(policy.sets.dev);
      expect(dev.onTopic.length + dev.offTopic.length, policy.policy).toBeGreaterThanOrEqual(14);
    }
  });
});

describe('evaluation on the dev sets', () => {
  let all: EvalRun;
  let compared: EvalRun;
  // Several thousand questions: a few seconds on a quiet machine, more when other processes share the two cores.
  beforeAll(() => {
    all = runEval(discoverPolicySets(), { splits: ['dev'], baselines: [], flat: false });
    compared = runEval(withoutEarlierRounds(discoverPolicySets()), { splits: ['dev'], baselines: ['bm25'], flat: false, highlights: false, answerer: { features: { abstention: false } } });
  }, 120_000);

  it('loads every policy and resolves every gold section', () => {
    expect(all.failed).toEqual([]);
    for (const report of all.reports) expect(report.unresolved, report.policy).toEqual([]);
  });

  // Regression floors, a little under what the dev sets measured with the thirty-third held-out round in them
  // (2026-12-02, rounds 1–33: macro 83.2 / 93.1 / 96.3 / 87.3, bundled 89.3 / 96.9 / 98.8 / 93.2; highlight precision
  // 81.9, down from 84.4 on rounds 1–5: rounds 6 to 33 measured 75.5–86.0 unseen, so each round added to dev lowers it;
  // its floor went from 0.82 to 0.81 with round 29, not with a change of code). Rounds 26 to 33, written from a brief
  // asking for near questions on each service's own topic, lowered dev's declined from 88.5 to 87.3; session 16's
  // table sweep raised hit@1, whose floors rose to 0.83 (macro) and 0.89 (bundled).
  it('stays above the measured floors on the bundled policy and macro over policies', () => {
    const check = (scores: SystemScores, floors: Readonly<Omit<SystemScores, 'mrr'>>, label: string): void => {
      for (const key of ['hitAt1', 'hitAt3', 'onTopicAnswered', 'offTopicDeclined'] as const) expect(scores[key], `${label} ${key}`).toBeGreaterThanOrEqual(floors[key]);
    };
    check(all.reports.find((r) => r.policy === bundledPolicy)!.systems[0]!.scores, { hitAt1: 0.89, hitAt3: 0.96, onTopicAnswered: 0.97, offTopicDeclined: 0.91 }, 'bundled');
    check(all.macro.dev[0]!.scores, { hitAt1: 0.83, hitAt3: 0.92, onTopicAnswered: 0.95, offTopicDeclined: 0.87 }, 'macro');
  });

  it('highlights the answering sentence far more often than the first sentence is one, and more often than plain BM25, macro over policies', () => {
    const macro = macroHighlights(all.highlights.filter((h) => h.scored > 0));
    expect(all.highlights.reduce((n, h) => n + h.scored, 0)).toBeGreaterThan(200);
    expect(macro.answerer.precision).toBeGreaterThanOrEqual(0.81);
    expect(macro.answerer.precision).toBeGreaterThan(macro['BM25 sentence'].precision);
    expect(macro.answerer.precision).toBeGreaterThan(macro['first sentence'].precision + 0.2);
  });

  it('ranks better than plain BM25 over the same passages, macro over policies (ranking alone, abstention off)', () => {
    const [answerer, bm25] = compared.macro.dev.map((s) => s.scores);
    expect(answerer!.hitAt1).toBeGreaterThan(bm25!.hitAt1);
    // Plain BM25 never declines; that is what makes it a baseline for abstention too.
    expect(bm25!.offTopicDeclined).toBe(0);
  });
});

describe('npm run eval', () => {
  const runMain = (args: string[]): { code: number; printed: string } => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      return { code: main(args), printed: lines.join('\n') };
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
  };

  it('scores the dev sets only, unless the held-out ones are asked for by name', () => {
    const { code, printed } = runMain(['--json', '--policy', 'lobsters-privacy']);
    expect(code).toBe(0);
    const run = JSON.parse(printed) as EvalRun;
    expect(run.reports.map((report) => report.split)).toEqual(['dev']);
    expect(runMain(['--split', 'everything']).code).toBe(2);
  });
});
