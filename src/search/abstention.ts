/**
 * The abstention model: whether the policy covers a question, from signals that are comparable across
 * questions (shares and idf masses of the question's concepts, never raw BM25 scores).
 *
 * Hand-set thresholds on one signal (coverage ≥ 0.5) leave a trade-off on the table: a question covering 55% of
 * its concepts with one specific unknown word ("do you do penetration testing and can we see the report") and
 * one covering 45% with only generic unknown words look alike to a threshold. A logistic model over several
 * signals, fitted on the labelled dev questions (`npm run calibrate`), weighs them together. The answerer
 * answers only when both its rules and this model agree; the model is a second gate, not a replacement.
 */
import type { AnalyzedQuery } from './query.js';

/** What the signals need of a ranked passage (the answerer's `RankedCandidate` has both). */
export interface CandidateCoverage {
  /** Idf-weighted share of the question's concepts the passage covers, in [0, 1]. */
  coverage: number;
  /** Idf mass of the question's concepts the passage covers. */
  coveredWeight: number;
}

/** Names of the signals, in the order the model's weights use. */
export const ABSTENTION_SIGNALS = [
  'coverage',
  'leadCoverage',
  'coveredMass',
  'questionMass',
  'concepts',
  'topicalConcepts',
  'unknownConcepts',
  'unknownMassShare',
  'maxUnknownMass',
] as const;

/** One signal's name. */
export type AbstentionSignal = (typeof ABSTENTION_SIGNALS)[number];

/**
 * The signals of one question:
 * - `coverage`: best idf-weighted share of the question's concepts covered by one of the top passages;
 * - `leadCoverage`: the same share for the first-ranked passage alone;
 * - `coveredMass`: log(1 + idf mass covered by the best-covering top passage);
 * - `questionMass`: the question's total concept weight (long, specific questions weigh more);
 *
 * Masses are measured in units of the idf of a word the corpus never uses (the largest idf it can have), so a
 * model fitted on one policy transfers to a corpus of another size: a two-section policy has tiny idfs.
 * - `concepts`, `topicalConcepts`, `unknownConcepts`: counts of concepts, of those naming a policy topic, and of
 *   those no index term expresses;
 * - `unknownMassShare`, `maxUnknownMass`: the share of the question's weight, and the largest single weight,
 *   carried by unknown concepts ("penetration testing", "kubernetes").
 */
export type AbstentionSignals = Record<AbstentionSignal, number>;

/** A logistic model over {@link AbstentionSignals}: log-odds = intercept + Σ weight × signal. */
export interface AbstentionModel {
  intercept: number;
  weights: Readonly<Record<AbstentionSignal, number>>;
}

/** Options of {@link fitAbstentionModel}. */
export interface AbstentionFitOptions {
  /**
   * Weight of an off-topic example relative to an on-topic one. Above 1 because quoting an unrelated passage as
   * if it were the answer costs a support agent more than a "not covered" reply that points to the contact
   * section, and because question sets hold fewer off-topic questions.
   */
  offTopicWeight: number;
  /** L2 penalty on the (standardized) weights. */
  l2: number;
  /** Full-batch gradient descent steps (deterministic: the same data gives the same model everywhere). */
  iterations: number;
  learningRate: number;
}

export const defaultAbstentionFitOptions: AbstentionFitOptions = { offTopicWeight: 1.5, l2: 1, iterations: 2000, learningRate: 0.5 };

/**
 * Computes the signals of a question from its analysis and its ranked candidates (best first).
 *
 * @example
 * const { query, candidates } = answerer.explain('do you sell my data');
 * abstentionSignals(query, candidates, 3, index.unknownIdf).coverage // => 1
 */
export function abstentionSignals(query: AnalyzedQuery, candidates: readonly CandidateCoverage[], depth: number, unknownIdf: number): AbstentionSignals {
  const unit = unknownIdf > 0 ? unknownIdf : 1;
  let questionMass = 0;
  let topicalConcepts = 0;
  let unknownConcepts = 0;
  let unknownMass = 0;
  let maxUnknownMass = 0;
  for (const concept of query.concepts) {
    questionMass += concept.coverageWeight;
    if (concept.topical) topicalConcepts++;
    if (concept.alternatives.length === 0) {
      unknownConcepts++;
      unknownMass += concept.coverageWeight;
      maxUnknownMass = Math.max(maxUnknownMass, concept.coverageWeight);
    }
  }
  let coverage = 0;
  let coveredWeight = 0;
  for (const candidate of candidates.slice(0, Math.max(1, depth))) {
    coverage = Math.max(coverage, candidate.coverage);
    coveredWeight = Math.max(coveredWeight, candidate.coveredWeight);
  }
  return {
    coverage,
    leadCoverage: candidates[0]?.coverage ?? 0,
    coveredMass: Math.log1p(coveredWeight / unit),
    questionMass: questionMass / unit,
    concepts: query.concepts.length,
    topicalConcepts,
    unknownConcepts,
    unknownMassShare: questionMass > 0 ? unknownMass / questionMass : 0,
    maxUnknownMass: maxUnknownMass / unit,
  };
}

/**
 * The model's log-odds that the policy covers the question (answer when ≥ 0).
 *
 * @example
 * abstentionScore(calibratedAbstentionModel, signals) > 0 // => true for "how long do you keep my data"
 */
export function abstentionScore(model: AbstentionModel, signals: AbstentionSignals): number {
  let value = model.intercept;
  for (const name of ABSTENTION_SIGNALS) value += model.weights[name] * signals[name];
  return value;
}

/**
 * Fits a logistic model on labelled questions (standardized signals, weighted log-loss with an L2 penalty, plain
 * gradient descent), then folds the standardization into the weights so that scoring needs raw signals only.
 *
 * @example
 * const model = fitAbstentionModel([{ signals, covered: true }, { signals: other, covered: false }]);
 * abstentionScore(model, signals) > abstentionScore(model, other) // => true
 */
export function fitAbstentionModel(
  samples: ReadonlyArray<{ signals: AbstentionSignals; covered: boolean }>,
  options: Partial<AbstentionFitOptions> = {},
): AbstentionModel {
  const { offTopicWeight, l2, iterations, learningRate } = { ...defaultAbstentionFitOptions, ...options };
  if (samples.length === 0) throw new RangeError('abstention: cannot fit a model on no questions');
  if (!samples.some((s) => s.covered) || !samples.some((s) => !s.covered)) {
    throw new RangeError('abstention: the questions must include both on-topic and off-topic ones');
  }
  const dims = ABSTENTION_SIGNALS.length;
  const n = samples.length;
  const mean = new Float64Array(dims);
  const scale = new Float64Array(dims);
  ABSTENTION_SIGNALS.forEach((name, j) => {
    let sum = 0;
    for (const s of samples) sum += s.signals[name];
    mean[j] = sum / n;
    let squares = 0;
    for (const s of samples) squares += (s.signals[name] - mean[j]!) ** 2;
    // A constant signal gets scale 1 (and weight 0) rather than a division by zero.
    scale[j] = Math.sqrt(squares / n) || 1;
  });
  const rows = samples.map((s) => ABSTENTION_SIGNALS.map((name, j) => (s.signals[name] - mean[j]!) / scale[j]!));
  const labels = samples.map((s) => (s.covered ? 1 : 0));
  const sampleWeights = samples.map((s) => (s.covered ? 1 : offTopicWeight));
  const weights = new Float64Array(dims);
  let bias = 0;
  const gradient = new Float64Array(dims);
  for (let step = 0; step < iterations; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      let z = bias;
      for (let j = 0; j < dims; j++) z += weights[j]! * row[j]!;
      const error = (1 / (1 + Math.exp(-z)) - labels[i]!) * sampleWeights[i]!;
      for (let j = 0; j < dims; j++) gradient[j] = gradient[j]! + error * row[j]!;
      biasGradient += error;
    }
    for (let j = 0; j < dims; j++) weights[j] = weights[j]! - learningRate * (gradient[j]! / n + (l2 * weights[j]!) / n);
    bias -= (learningRate * biasGradient) / n;
  }
  const raw = {} as Record<AbstentionSignal, number>;
  let intercept = bias;
  ABSTENTION_SIGNALS.forEach((name, j) => {
    raw[name] = weights[j]! / scale[j]!;
    intercept -= (weights[j]! * mean[j]!) / scale[j]!;
  });
  return { intercept, weights: raw };
}
