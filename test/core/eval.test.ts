import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSet, evalTargets, readQuestionSet, type SetReport } from '../../scripts/eval.js';
import { projectRoot } from '../../src/paths.js';
import { loadBundled } from './helpers.js';

const devFile = join(projectRoot, 'eval', 'questions.json');

describe('dev question set', () => {
  it('is big and varied enough, and cites only sections that exist', () => {
    const set = readQuestionSet(devFile);
    expect(set.onTopic.length).toBeGreaterThanOrEqual(120);
    expect(set.offTopic.length).toBeGreaterThanOrEqual(30);
    const documents = loadBundled();
    const paths = documents.flatMap((d) => d.sections.map((s) => JSON.stringify(s.path)));
    for (const path of paths) {
      const exact = set.onTopic.filter((item) => item.expect.some((p) => JSON.stringify(p) === path)).length;
      expect(exact, `questions expecting ${path}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('evaluation on the dev set', () => {
  let report: SetReport;
  beforeAll(() => {
    report = evaluateSet('dev', devFile, loadBundled());
  });

  it('meets every target', () => {
    expect(report.unknownPaths).toEqual([]);
    const scores = report.systems[0]!.scores;
    expect(scores.hitAt1).toBeGreaterThanOrEqual(evalTargets.hitAt1);
    expect(scores.hitAt3).toBeGreaterThanOrEqual(evalTargets.hitAt3);
    expect(scores.onTopicAnswered).toBeGreaterThanOrEqual(evalTargets.onTopicAnswered);
    expect(scores.offTopicDeclined).toBeGreaterThanOrEqual(evalTargets.offTopicDeclined);
  });

  it('beats both baselines on ranking', () => {
    const [answerer, bm25, fuse] = report.systems.map((s) => s.scores);
    expect(answerer!.hitAt1).toBeGreaterThan(bm25!.hitAt1);
    expect(answerer!.hitAt1).toBeGreaterThan(fuse!.hitAt1);
    // Plain BM25 never declines; that is what makes it a baseline for abstention too.
    expect(bm25!.offTopicDeclined).toBe(0);
  });
});
