/**
 * Typo tolerance with fuse.js, kept off the hot path: fuse runs over the vocabulary (to correct unknown query
 * words, memoized) and over the handful of section headings, never over passages.
 */
import Fuse from 'fuse.js';
import { isEnglishWord } from './english.js';

/**
 * Optimal-string-alignment edit distance (insertions, deletions, substitutions and adjacent transpositions),
 * giving up early once it must exceed `limit`.
 *
 * @example
 * editDistance('lnog', 'long', 2) // => 1
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let previous2 = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length]!;
}

function sortedLetters(word: string): string {
  return [...word].sort().join('');
}

/** Options of {@link VocabularyCorrector}. */
export interface CorrectorOptions {
  /** Words shorter than this are never corrected (too many near neighbours). */
  minLength: number;
  /** Maximum edits for words shorter than `longWordLength`; longer words allow one more. */
  maxEditsShort: number;
  /** Length from which one more edit is allowed. */
  longWordLength: number;
  /** fuse.js threshold for candidate generation (candidates are then checked by edit distance). */
  fuseThreshold: number;
  /**
   * Correctly spelled words are left alone even when a policy word is one letter away ("portal" is not a
   * typo of "postal"). Consulted only when a correction candidate exists.
   */
  isRealWord: (word: string) => boolean;
}

export const defaultCorrectorOptions: CorrectorOptions = {
  minLength: 4,
  maxEditsShort: 1,
  longWordLength: 8,
  fuseThreshold: 0.5,
  isRealWord: isEnglishWord,
};

/** A corrected word and how far it was from the typed one. */
export interface Correction {
  word: string;
  distance: number;
}

/**
 * Corrects misspelled query words to known words. Candidates come from fuse.js over the vocabulary, bucketed
 * by first letter (a word's first or second letter is almost always typed right, and buckets keep each search
 * small); each candidate must also be within a small edit distance, so "payday" never becomes "payment".
 * Results, including "no correction", are memoized.
 *
 * @example
 * const corrector = new VocabularyCorrector(new Map([['store', 3], ['long', 1]]));
 * corrector.correct('stroe') // => { word: 'store', distance: 1 }
 */
export class VocabularyCorrector {
  private readonly options: CorrectorOptions;
  private readonly frequency: ReadonlyMap<string, number>;
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Correction | null>();

  constructor(frequency: ReadonlyMap<string, number>, options: Partial<CorrectorOptions> = {}) {
    this.options = { ...defaultCorrectorOptions, ...options };
    this.frequency = frequency;
    for (const word of frequency.keys()) {
      const first = word[0];
      if (first === undefined) continue;
      let bucket = this.buckets.get(first);
      if (bucket === undefined) this.buckets.set(first, (bucket = []));
      bucket.push(word);
    }
  }

  /** Whether the word is known as is. */
  has(word: string): boolean {
    return this.frequency.has(word);
  }

  /** The closest known word within the allowed edit distance, or null. */
  correct(word: string): Correction | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.compute(word);
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private compute(word: string): Correction | null {
    if (word.length < this.options.minLength || word.length > 30 || !/^\p{L}+$/u.test(word)) return null;
    if (this.frequency.has(word)) return { word, distance: 0 };
    const limit = word.length < this.options.longWordLength ? this.options.maxEditsShort : this.options.maxEditsShort + 1;
    let best: Correction | null = null;
    let bestCost = Infinity;
    let bestFrequency = 0;
    const letters = sortedLetters(word);
    for (const letter of new Set([word[0]!, word[1]!])) {
      const fuse = this.fuseFor(letter);
      if (fuse === undefined) continue;
      for (const result of fuse.search(word, { limit: 25 })) {
        const candidate = result.item;
        // Short words only take substitutions and swaps: an added letter turns "join" into "joint".
        if (word.length < 5 && candidate.length !== word.length) continue;
        const distance = editDistance(word, candidate, limit);
        if (distance > limit) continue;
        const frequency = this.frequency.get(candidate) ?? 0;
        // Swapped letters are the commonest typo ("lnog"): prefer "long" over the equally distant "log".
        const cost = distance - (sortedLetters(candidate) === letters ? 0.5 : 0);
        if (cost < bestCost || (cost === bestCost && frequency > bestFrequency)) {
          best = { word: candidate, distance };
          bestCost = cost;
          bestFrequency = frequency;
        }
      }
    }
    if (best !== null && this.options.isRealWord(word)) return null;
    return best;
  }

  private fuseFor(letter: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(letter);
    if (fuse === undefined) {
      const bucket = this.buckets.get(letter);
      if (bucket === undefined) return undefined;
      // Built lazily: most questions need no correction, and the CLI should start fast.
      fuse = new Fuse(bucket, { includeScore: true, threshold: this.options.fuseThreshold, ignoreLocation: true, minMatchCharLength: 2 });
      this.fuses.set(letter, fuse);
    }
    return fuse;
  }
}

/** A heading that fuzzily matches a query, with similarity in [0, 1]. */
export interface HeadingMatch {
  heading: string;
  similarity: number;
}

/**
 * Fuzzy matching of short, keyword-style questions ("data retension", "turn of cookies") against section
 * headings with fuse.js. Longer questions are left to the BM25F heading field.
 *
 * @example
 * const headings = new HeadingMatcher(['Data retention', 'Data security']);
 * headings.match('data retension')[0]?.heading // => 'Data retention'
 */
export class HeadingMatcher {
  private readonly fuse: Fuse<string>;
  private readonly maxPatternLength: number;

  constructor(headings: readonly string[], options: { threshold?: number; maxPatternLength?: number } = {}) {
    const unique = [...new Set(headings)];
    this.fuse = new Fuse(unique, { includeScore: true, threshold: options.threshold ?? 0.3, ignoreLocation: true });
    // fuse's bitap matcher handles at most 32 characters at a time; longer questions are not keyword lookups.
    this.maxPatternLength = options.maxPatternLength ?? 32;
  }

  /** Headings matching `pattern` (already normalized), best first; empty for long or very short patterns. */
  match(pattern: string): HeadingMatch[] {
    if (pattern.length < 4 || pattern.length > this.maxPatternLength) return [];
    return this.fuse.search(pattern, { limit: 5 }).map((result) => ({ heading: result.item, similarity: 1 - (result.score ?? 1) }));
  }
}
