/**
 * BM25F over stemmed terms with three fields per passage: its text, its own heading and its ancestors' headings.
 * Postings are stored in compressed-row form (typed arrays) with each posting's saturated term weight
 * precomputed, so a query is a few tight loops over small arrays and allocates nothing per passage.
 */

/** Stemmed, stopword-free terms of one indexed unit (a passage). */
export interface IndexedFields {
  body: readonly string[];
  /** The passage's own section heading. */
  heading: readonly string[];
  /** Headings of the section's ancestors, top-level first. */
  ancestors: readonly string[];
}

/** BM25F parameters. */
export interface Bm25Options {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalization of the body field. */
  b: number;
  /** Weight of a term occurrence in the passage's own heading, relative to the body. */
  headingWeight: number;
  /** Length normalization of the heading field (headings are short; little normalization). */
  headingB: number;
  /** Weight of a term occurrence in an ancestor heading. */
  ancestorWeight: number;
}

/** Defaults tuned on the dev question set (see scripts/eval.ts). */
export const defaultBm25Options: Bm25Options = {
  k1: 1.2,
  b: 0.75,
  headingWeight: 3,
  headingB: 0.3,
  ancestorWeight: 1,
};

/** An immutable inverted index. */
export interface Bm25Index {
  /** Number of indexed units. */
  readonly size: number;
  /** Stem → term id. */
  readonly terms: ReadonlyMap<string, number>;
  /** Inverse document frequency per term id. */
  readonly idf: Float64Array;
  /** IDF a term would have if it occurred nowhere: the ceiling for unknown words. */
  readonly unknownIdf: number;
  /** IDF of a term that occurs in exactly one unit: the rarest word the index knows. */
  readonly rareIdf: number;
  /** Postings of term t are entries `postingStart[t] .. postingStart[t+1]-1`. */
  readonly postingStart: Int32Array;
  /** Unit index of each posting. */
  readonly postingUnit: Int32Array;
  /** Saturated BM25F term weight of each posting, in [0, 1). */
  readonly postingWeight: Float32Array;
  /**
   * 1 when the posting's term occurs only in the unit's ancestor headings: context ("How we use your data and
   * legal basis for processing" above every purpose), not something the passage itself talks about.
   */
  readonly postingAncestorOnly: Uint8Array;
}

function idfOf(unitCount: number, df: number): number {
  return Math.log(1 + (unitCount - df + 0.5) / (df + 0.5));
}

function countTerms(terms: readonly string[], into: Map<string, number>): void {
  for (const term of terms) into.set(term, (into.get(term) ?? 0) + 1);
}

/**
 * Builds a BM25F index over units given as stemmed fields.
 *
 * @example
 * const index = buildBm25Index([{ body: ['retain', 'data'], heading: ['data', 'retent'], ancestors: [] }]);
 * index.terms.get('retain') // => 0
 */
export function buildBm25Index(units: readonly IndexedFields[], options: Partial<Bm25Options> = {}): Bm25Index {
  const opts = { ...defaultBm25Options, ...options };
  const size = units.length;
  let bodyTotal = 0;
  let headingTotal = 0;
  for (const unit of units) {
    bodyTotal += unit.body.length;
    headingTotal += unit.heading.length;
  }
  const bodyAverage = size > 0 ? Math.max(1, bodyTotal / size) : 1;
  const headingAverage = size > 0 ? Math.max(1, headingTotal / size) : 1;

  const terms = new Map<string, number>();
  const perUnit: Array<Map<number, number>> = [];
  const ownedPerUnit: Array<Set<number>> = [];
  const df: number[] = [];
  const bodyCounts = new Map<string, number>();
  const headingCounts = new Map<string, number>();
  const ancestorCounts = new Map<string, number>();
  for (const unit of units) {
    bodyCounts.clear();
    headingCounts.clear();
    ancestorCounts.clear();
    countTerms(unit.body, bodyCounts);
    countTerms(unit.heading, headingCounts);
    countTerms(unit.ancestors, ancestorCounts);
    const bodyNorm = 1 - opts.b + (opts.b * unit.body.length) / bodyAverage;
    const headingNorm = 1 - opts.headingB + (opts.headingB * unit.heading.length) / headingAverage;
    const pseudo = new Map<number, number>();
    const own = new Set<number>();
    const add = (term: string, value: number, owned: boolean): void => {
      let id = terms.get(term);
      if (id === undefined) {
        id = terms.size;
        terms.set(term, id);
        df.push(0);
      }
      pseudo.set(id, (pseudo.get(id) ?? 0) + value);
      if (owned) own.add(id);
    };
    for (const [term, count] of bodyCounts) add(term, count / bodyNorm, true);
    for (const [term, count] of headingCounts) add(term, (opts.headingWeight * count) / headingNorm, true);
    // Ancestors repeat across many units, so they count once per unit: context, not emphasis.
    for (const term of ancestorCounts.keys()) add(term, opts.ancestorWeight, false);
    for (const id of pseudo.keys()) df[id] = (df[id] ?? 0) + 1;
    perUnit.push(pseudo);
    ownedPerUnit.push(own);
  }

  const termCount = terms.size;
  const postingStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = postingStart[t]! + df[t]!;
  const total = postingStart[termCount]!;
  const postingUnit = new Int32Array(total);
  const postingWeight = new Float32Array(total);
  const postingAncestorOnly = new Uint8Array(total);
  const cursor = postingStart.slice(0, termCount);
  perUnit.forEach((pseudo, unitIndex) => {
    const own = ownedPerUnit[unitIndex]!;
    for (const [id, tf] of pseudo) {
      const at = cursor[id]!++;
      postingUnit[at] = unitIndex;
      postingWeight[at] = tf / (opts.k1 + tf);
      postingAncestorOnly[at] = own.has(id) ? 0 : 1;
    }
  });
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = idfOf(size, df[t]!);
  return { size, terms, idf, unknownIdf: idfOf(size, 0), rareIdf: idfOf(size, 1), postingStart, postingUnit, postingWeight, postingAncestorOnly };
}

/**
 * How many units contain a term (its document frequency), by term id.
 *
 * @example
 * unitsWithTerm(index, index.terms.get('cooki')!) // => 4
 */
export function unitsWithTerm(index: Bm25Index, id: number): number {
  return index.postingStart[id + 1]! - index.postingStart[id]!;
}

/**
 * Plain BM25 scores of every unit for a bag of stems (no synonyms, no fuzziness): the evaluation baseline.
 *
 * @example
 * const scores = scoreTerms(index, ['retain']); // Float64Array, one score per unit
 */
export function scoreTerms(index: Bm25Index, stems: readonly string[]): Float64Array {
  const scores = new Float64Array(index.size);
  for (const term of stems) {
    const id = index.terms.get(term);
    if (id === undefined) continue;
    const idf = index.idf[id]!;
    for (let at = index.postingStart[id]!, end = index.postingStart[id + 1]!; at < end; at++) {
      scores[index.postingUnit[at]!]! += idf * index.postingWeight[at]!;
    }
  }
  return scores;
}
