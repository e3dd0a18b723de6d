import { beforeAll, describe, expect, it } from 'vitest';
import { bundledPolicy, bundledTargets, runEval, type EvalRun } from '../../scripts/eval.js';
import { discoverPolicySets, mergeSets } from '../../scripts/eval-sets.js';

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
  let run: EvalRun;
  // About 2,000 questions: 20 s on a quiet machine, more when other processes share the two cores.
  beforeAll(() => {
    run = runEval(discoverPolicySets().filter((p) => p.policy === bundledPolicy), {}, ['dev']);
  }, 120_000);

  it('meets the bundled policy targets and resolves every gold section', () => {
    const report = run.reports.find((r) => r.split === 'dev')!;
    expect(report.unresolved).toEqual([]);
    const scores = report.systems[0]!.scores;
    expect(scores.hitAt1).toBeGreaterThanOrEqual(bundledTargets.hitAt1);
    expect(scores.hitAt3).toBeGreaterThanOrEqual(bundledTargets.hitAt3);
    expect(scores.onTopicAnswered).toBeGreaterThanOrEqual(bundledTargets.onTopicAnswered);
    expect(scores.offTopicDeclined).toBeGreaterThanOrEqual(bundledTargets.offTopicDeclined);
  });

  it('highlights the answering sentence far more often than the first sentence is one, and about as often as plain BM25', () => {
    const report = run.highlights.find((h) => h.split === 'dev')!;
    expect(report.scored).toBeGreaterThan(25);
    expect(report.scores.answerer.precision).toBeGreaterThanOrEqual(0.8);
    expect(report.scores.answerer.precision).toBeGreaterThan(report.scores['BM25 sentence'].precision - 0.05);
    expect(report.scores.answerer.precision).toBeGreaterThan(report.scores['first sentence'].precision + 0.2);
  });

  it('beats both baselines on ranking', () => {
    const [answerer, bm25, fuse] = run.reports.find((r) => r.split === 'dev')!.systems.map((s) => s.scores);
    expect(answerer!.hitAt1).toBeGreaterThan(bm25!.hitAt1);
    expect(answerer!.hitAt1).toBeGreaterThan(fuse!.hitAt1);
    // Plain BM25 never declines; that is what makes it a baseline for abstention too.
    expect(bm25!.offTopicDeclined).toBe(0);
  });
});
