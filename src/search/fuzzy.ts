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
  /** Words shorter than this are only corrected for swapped letters ("teh" → "the"). */
  swapOnlyBelow: number;
  /** Maximum edits for words shorter than `longWordLength`; longer words allow one more. */
  maxEditsShort: number;
  /** Length from which one more edit is allowed. */
  longWordLength: number;
  /** fuse.js threshold for candidate generation (candidates are then checked by edit distance). */
  fuseThreshold: number;
  /** Correctly spelled words are left alone even when a policy word is one letter away ("portal" is not a typo of "postal"). */
  isRealWord: (word: string) => boolean;
}

export const defaultCorrectorOptions: CorrectorOptions = {
  minLength: 3,
  swapOnlyBelow: 4,
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
 * by first letter and length (a word's first or second letter is almost always typed right, a typo changes the
 * length by at most the allowed edits, and small buckets keep each search to a few dozen words); each candidate
 * must also be within a small edit distance, so "payday" never becomes "payment". Results, including "no
 * correction", are memoized.
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
      const key = `${first}${word.length}`;
      let bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, (bucket = []));
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
    // A correctly spelled word is not a typo, whatever policy word happens to be close.
    if (this.options.isRealWord(word)) return null;
    const limit = word.length < this.options.longWordLength ? this.options.maxEditsShort : this.options.maxEditsShort + 1;
    let best: Correction | null = null;
    let bestCost = Infinity;
    let bestFrequency = 0;
    const letters = sortedLetters(word);
    // Same length first (swaps and substitutions are the commonest typos), then ±1, ±2; first letter before
    // second. Stops at the first swap, which nothing else can beat.
    const lengths = [word.length];
    // Short words only take substitutions and swaps: an added letter turns "join" into "joint".
    if (word.length >= 5) for (let delta = 1; delta <= limit; delta++) lengths.push(word.length - delta, word.length + delta);
    for (const letter of word[0] === word[1] ? [word[0]!] : [word[0]!, word[1]!]) {
      for (const length of lengths) {
        const fuse = this.fuseFor(`${letter}${length}`);
        if (fuse === undefined) continue;
        for (const result of fuse.search(word, { limit: 10 })) {
          const candidate = result.item;
          const swapped = sortedLetters(candidate) === letters;
          if (word.length < this.options.swapOnlyBelow && !swapped) continue;
          const distance = editDistance(word, candidate, limit);
          if (distance > limit) continue;
          const frequency = this.frequency.get(candidate) ?? 0;
          // Swapped letters are the commonest typo ("lnog"): prefer "long" over the equally distant "log".
          const cost = distance - (swapped ? 0.5 : 0);
          if (cost < bestCost || (cost === bestCost && frequency > bestFrequency)) {
            best = { word: candidate, distance };
            bestCost = cost;
            bestFrequency = frequency;
          }
        }
        if (bestCost <= 0.5) return best;
      }
      if (bestCost <= 1) return best;
    }
    return best;
  }

  private fuseFor(key: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(key);
    if (fuse === undefined) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) return undefined;
      // Built lazily: most questions need no correction, and the CLI should start fast.
      fuse = new Fuse(bucket, { includeScore: true, threshold: this.options.fuseThreshold, ignoreLocation: true, minMatchCharLength: 2 });
      this.fuses.set(key, fuse);
    }
    return fuse;
  }
}

/**
 * Fuzzy matching of single unknown words against section headings with fuse.js: the last resort for a word that
 * spelling correction could not fix ("retenshun" → "Data retention"). Headings are few, and results are memoized.
 *
 * @example
 * const headings = new HeadingMatcher(['Data retention', 'Data security']);
 * headings.matchWord('retenshun') // => 'Data retention'
 */
export class HeadingMatcher {
  private readonly fuse: Fuse<string>;
  private readonly cache = new Map<string, string | null>();
  private readonly minLength: number;

  constructor(headings: readonly string[], options: { threshold?: number; minLength?: number } = {}) {
    this.fuse = new Fuse([...new Set(headings)], { includeScore: true, threshold: options.threshold ?? 0.35, ignoreLocation: true, minMatchCharLength: 4 });
    this.minLength = options.minLength ?? 5;
  }

  /** The heading containing an approximate match of `word` (lower case), or null. */
  matchWord(word: string): string | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // fuse's bitap matcher handles patterns of up to 32 characters; longer "words" are not typos of a heading.
    const usable = word.length >= this.minLength && word.length <= 32 && /^\p{L}+$/u.test(word);
    const result = usable ? (this.fuse.search(word, { limit: 1 })[0]?.item ?? null) : null;
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }
}
