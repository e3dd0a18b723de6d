import { beforeAll, describe, expect, it } from 'vitest';
import { bundledPolicy, bundledTargets, runEval, type EvalRun } from '../../scripts/eval.js';
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
  beforeAll(() => {
    all = runEval(discoverPolicySets(), { splits: ['dev'], baselines: [], flat: false });
    compared = runEval(withoutEarlierRounds(discoverPolicySets()), { splits: ['dev'], baselines: ['bm25'], flat: false });
  });

  it('loads every policy and resolves every gold section', () => {
    expect(all.failed).toEqual([]);
    for (const report of all.reports) expect(report.unresolved, report.policy).toEqual([]);
  });

  it('meets the bundled policy targets', () => {
    const scores = all.reports.find((r) => r.policy === bundledPolicy)!.systems[0]!.scores;
    expect(scores.hitAt1).toBeGreaterThanOrEqual(bundledTargets.hitAt1);
    expect(scores.hitAt3).toBeGreaterThanOrEqual(bundledTargets.hitAt3);
    expect(scores.onTopicAnswered).toBeGreaterThanOrEqual(bundledTargets.onTopicAnswered);
    expect(scores.offTopicDeclined).toBeGreaterThanOrEqual(bundledTargets.offTopicDeclined);
  });

  it('beats plain BM25 on ranking, macro over policies', () => {
    const [answerer, bm25] = compared.macro.dev.map((s) => s.scores);
    expect(answerer!.hitAt1).toBeGreaterThan(bm25!.hitAt1);
    // Plain BM25 never declines; that is what makes it a baseline for abstention too.
    expect(bm25!.offTopicDeclined).toBe(0);
  });
});
