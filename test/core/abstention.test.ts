import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationSamples, crossValidate, modelFile, renderModelModule } from '../../scripts/calibrate.js';
import { createAnswerer } from '../../src/answerer.js';
import { projectRoot } from '../../src/paths.js';
import {
  ABSTENTION_SIGNALS,
  abstentionScore,
  abstentionSignals,
  fitAbstentionModel,
  type AbstentionSignals,
} from '../../src/search/abstention.js';
import type { AnalyzedQuery, QueryConcept } from '../../src/search/query.js';
import { loadBundled } from './helpers.js';

const zero = Object.fromEntries(ABSTENTION_SIGNALS.map((name) => [name, 0])) as AbstentionSignals;

function concept(source: string, coverageWeight: number, known: boolean, topical: boolean): QueryConcept {
  return { source, coverageWeight, topical, weak: false, fromRule: topical, alternatives: known ? [{ termId: 0, weight: 1 }] : [] };
}

describe('abstention signals', () => {
  it('measures coverage, counts and unknown mass in units of the corpus’s unknown-word idf', () => {
    const query: AnalyzedQuery = {
      concepts: [concept('retain', 2, true, true), concept('kubernetes', 4, false, false), concept('cluster', 2, false, false)],
      keywords: '',
      productHowTo: false,
      interrogative: null,
    };
    const signals = abstentionSignals(query, [{ coverage: 0.25, coveredWeight: 2 }, { coverage: 0.4, coveredWeight: 3 }], 3, 4);
    expect(signals).toEqual({
      coverage: 0.4,
      leadCoverage: 0.25,
      coveredMass: Math.log1p(3 / 4),
      questionMass: 2,
      concepts: 3,
      topicalConcepts: 1,
      unknownConcepts: 2,
      unknownMassShare: 0.75,
      maxUnknownMass: 1,
    });
    // Only the top `depth` candidates count.
    expect(abstentionSignals(query, [{ coverage: 0.25, coveredWeight: 2 }, { coverage: 0.4, coveredWeight: 3 }], 1, 4).coverage).toBe(0.25);
  });
});

describe('fitAbstentionModel', () => {
  // Covered questions have high coverage; the other signals are noise that must not matter much.
  const samples = Array.from({ length: 200 }, (_, i) => {
    const covered = i % 3 !== 0;
    const signals: AbstentionSignals = { ...zero, coverage: covered ? 0.6 + (i % 5) / 10 : 0.1 + (i % 4) / 10, concepts: 1 + (i % 4) };
    return { signals, covered };
  });

  it('learns which signal separates the labels, deterministically', () => {
    const model = fitAbstentionModel(samples);
    expect(model.weights.coverage).toBeGreaterThan(0);
    expect(Math.abs(model.weights.coverage)).toBeGreaterThan(Math.abs(model.weights.concepts) * 5);
    expect(abstentionScore(model, { ...zero, coverage: 0.9, concepts: 2 })).toBeGreaterThan(0);
    expect(abstentionScore(model, { ...zero, coverage: 0.2, concepts: 2 })).toBeLessThan(0);
    expect(fitAbstentionModel(samples)).toEqual(model);
  });

  it('weighs off-topic mistakes more when asked to', () => {
    const lenient = fitAbstentionModel(samples, { offTopicWeight: 1 });
    const strict = fitAbstentionModel(samples, { offTopicWeight: 5 });
    const borderline = { ...zero, coverage: 0.5, concepts: 2 };
    expect(abstentionScore(strict, borderline)).toBeLessThan(abstentionScore(lenient, borderline));
  });

  it('refuses data it cannot learn from, naming its module', () => {
    expect(() => fitAbstentionModel([])).toThrow(/^abstention: /);
    expect(() => fitAbstentionModel(samples.filter((s) => s.covered))).toThrow(/both on-topic and off-topic/);
  });
});

describe('the calibrated model', () => {
  const samples = calibrationSamples(join(projectRoot, 'eval', 'questions.json'));

  it('is exactly what `npm run calibrate` fits on the dev questions (no stale model)', () => {
    expect(renderModelModule(fitAbstentionModel(samples))).toBe(readFileSync(modelFile, 'utf8'));
  });

  it('declines more off-topic questions than the rules alone, in cross-validation, at a small cost', () => {
    const onTopic = samples.filter((s) => s.covered);
    const offTopic = samples.filter((s) => !s.covered);
    const rulesAnswered = onTopic.filter((s) => s.rulesAnswer).length / onTopic.length;
    const rulesDeclined = offTopic.filter((s) => !s.rulesAnswer).length / offTopic.length;
    const validated = crossValidate(samples, 5);
    expect(validated.declined).toBeGreaterThan(rulesDeclined);
    expect(validated.answered).toBeGreaterThan(rulesAnswered - 0.02);
  });

  it('is a second gate: it declines what the rules alone would answer, and never answers what they decline', () => {
    const question = 'do you do penetration testing and can we see the report';
    const rulesOnly = createAnswerer(loadBundled(), { thresholds: { model: null } });
    const gated = createAnswerer(loadBundled());
    expect(rulesOnly.answer(question).answered).toBe(true);
    expect(gated.explain(question).modelScore).toBeLessThan(0);
    expect(gated.answer(question).answered).toBe(false);
    const alwaysYes = createAnswerer(loadBundled(), { thresholds: { model: { intercept: 100, weights: zero } } });
    expect(alwaysYes.answer('when is payday?').answered).toBe(false);
  });
});
