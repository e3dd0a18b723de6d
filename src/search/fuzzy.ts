/**
 * Typo tolerance, kept off the hot path. Unknown query words are corrected against the vocabulary with a
 * symmetric-delete index (every word and its one-letter deletions, precomputed), so a word never seen before costs
 * a few map lookups and edit-distance checks, even at 10k passages. fuse.js matches words nothing else recognises
 * against the handful of section headings, where it is cheap. Nothing fuzzy ever runs over passages.
 *
 * (fuse.js used to generate spelling candidates too, over small buckets of the vocabulary; a first-seen misspelt
 * long word then cost 1–3 ms in fuse's bitap search alone, against a 1 ms budget for the whole answer.)
 */
import Fuse from 'fuse.js';
import { isEnglishWord, primaryWordClass, WordClass } from './english.js';

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
  // Rows are reused across calls (words are short): correcting a word allocates nothing here.
  if (width > rowA.length) {
    rowA = new Int32Array(width * 2);
    rowB = new Int32Array(width * 2);
    rowC = new Int32Array(width * 2);
  }
  let previous2 = rowA;
  let previous = rowB;
  let current = rowC;
  previous2.fill(0, 0, width);
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

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

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
  /** Correctly spelled words are left alone even when a policy word is one letter away ("portal" is not a typo of "postal"). */
  isRealWord: (word: string) => boolean;
  /**
   * A curated dictionary (WordNet), when the word list behind `isRealWord` also holds misspellings seen in its
   * corpus ("minimun", "relatonship"): a word only that list has (verbs aside) is still corrected to a dictionary
   * word one edit away.
   */
  isDictionaryWord?: (word: string) => boolean;
}

export const defaultCorrectorOptions: CorrectorOptions = {
  minLength: 3,
  swapOnlyBelow: 4,
  maxEditsShort: 1,
  longWordLength: 8,
  isRealWord: isEnglishWord,
};

/** A corrected word and how far it was from the typed one. */
export interface Correction {
  word: string;
  distance: number;
}

/** Every string obtained from `word` by deleting one letter (with repeats removed). */
function oneLetterDeletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    if (i > 0 && word[i] === word[i - 1]) continue;
    out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}

/**
 * Corrects misspelled query words to known words. Candidates come from a symmetric-delete index over the
 * vocabulary: a typed word and a known word within one edit (or one swap) share a one-letter deletion, so the
 * typed word's deletions are looked up in a map built once. Each candidate is then checked by edit distance, so
 * "payday" never becomes "payment". A long word (two edits allowed) tries its two-letter deletions against the
 * same map (two extra letters: "acccounnt"), then scans the few words of its buckets (same first letter, length
 * within two). Results, including "no correction", are memoized in a bounded cache.
 *
 * Heuristics, as people type: the first or second letter is almost always right; short words only take swaps,
 * substitutions and one dropped letter; a swap beats any other edit; ties go to the more frequent word.
 *
 * @example
 * const corrector = new VocabularyCorrector(new Map([['store', 3], ['long', 1]]));
 * corrector.correct('stroe') // => { word: 'store', distance: 1 }
 */
export class VocabularyCorrector {
  private readonly options: CorrectorOptions;
  private readonly frequency: ReadonlyMap<string, number>;
  private readonly words: string[] = [];
  /** Word or one-letter deletion of a word → indexes into `words`. */
  private readonly deletions = new Map<string, number | number[]>();
  private readonly buckets = new Map<string, string[]>();
  private readonly cache = new Map<string, Correction | null>();

  constructor(frequency: ReadonlyMap<string, number>, options: Partial<CorrectorOptions> = {}) {
    this.options = { ...defaultCorrectorOptions, ...options };
    this.frequency = frequency;
    for (const word of frequency.keys()) {
      const first = word[0];
      if (first === undefined || word.length > 31) continue;
      const key = `${first}${word.length}`;
      let bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, (bucket = []));
      bucket.push(word);
      const id = this.words.length;
      this.words.push(word);
      this.addDeletion(word, id);
      for (const deletion of oneLetterDeletions(word)) this.addDeletion(deletion, id);
    }
  }

  private addDeletion(key: string, id: number): void {
    const existing = this.deletions.get(key);
    if (existing === undefined) this.deletions.set(key, id);
    else if (typeof existing === 'number') {
      if (existing !== id) this.deletions.set(key, [existing, id]);
    } else if (existing[existing.length - 1] !== id) existing.push(id);
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
    const found = this.computeWord(word);
    // A typo in the plural of a word the policy only uses in the singular ("nubmers", "policy" has "number").
    if (found === null && word.length > this.options.longWordLength - 3 && /[^s]s$/.test(word)) return this.computeWord(word.slice(0, -1));
    return found;
  }

  /** Offers every vocabulary word filed under one of the keys to the search, each once (`seen` spans passes). */
  private considerFiledUnder(search: CandidateSearch, keys: Iterable<string>, seen: Set<number>): void {
    for (const key of keys) {
      const ids = this.deletions.get(key);
      if (ids === undefined) continue;
      for (const id of typeof ids === 'number' ? [ids] : ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        search.consider(this.words[id]!);
      }
    }
  }

  private computeWord(word: string): Correction | null {
    if (word.length < this.options.minLength || word.length > 30 || !/^\p{L}+$/u.test(word)) return null;
    if (this.frequency.has(word)) return { word, distance: 0 };
    const { isRealWord, isDictionaryWord } = this.options;
    if (isRealWord(word)) {
      // A correctly spelled word is not a typo, whatever policy word happens to be close...
      if (isDictionaryWord === undefined || isDictionaryWord(word)) return null;
      // ...nor is a past tense ("went", "told"): WordNet lists base forms only.
      if (primaryWordClass(word) === WordClass.verb) return null;
      // A word only the word list has ("minimun") is one of its corpus's misspellings when a dictionary word of the
      // vocabulary is one edit away.
      const search = new CandidateSearch(word, 1, this.options, this.frequency);
      this.considerFiledUnder(search, [word, ...oneLetterDeletions(word)], new Set());
      const found = search.best();
      return found !== null && isDictionaryWord(found.word) ? found : null;
    }
    const limit = word.length < this.options.longWordLength ? this.options.maxEditsShort : this.options.maxEditsShort + 1;
    const search = new CandidateSearch(word, limit, this.options, this.frequency);
    const seen = new Set<number>();
    const considerFiledUnder = (keys: Iterable<string>): void => this.considerFiledUnder(search, keys, seen);
    considerFiledUnder([word, ...oneLetterDeletions(word)]);
    const found = search.best();
    if (found !== null || limit < 2) return found;
    // Two edits in a long word. Two extra letters ("acccounnt"): two deletions of the typed word are a known word
    // or one of its deletions.
    considerFiledUnder(new Set(oneLetterDeletions(word).flatMap(oneLetterDeletions)));
    const twoExtra = search.best();
    if (twoExtra !== null) return twoExtra;
    // Two substitutions or dropped letters: the buckets (first letter, length within two) hold a few dozen words.
    for (const letter of search.firstLetters) {
      for (const length of search.lengths) for (const candidate of this.buckets.get(`${letter}${length}`) ?? []) search.consider(candidate);
    }
    return search.best();
  }
}

/** The candidate rules of {@link VocabularyCorrector}, applied to candidates from any source. */
class CandidateSearch {
  /** First letters a candidate may start with: the typed word's first or second letter. */
  readonly firstLetters: readonly string[];
  /** Lengths a candidate may have. */
  readonly lengths: readonly number[];
  private readonly letters: string;
  private bestFirst: { correction: Correction; cost: number; frequency: number } | null = null;
  private bestOther: { correction: Correction; cost: number; frequency: number } | null = null;

  constructor(
    private readonly word: string,
    private readonly limit: number,
    private readonly options: CorrectorOptions,
    private readonly frequency: ReadonlyMap<string, number>,
  ) {
    this.letters = sortedLetters(word);
    this.firstLetters = word[0] === word[1] ? [word[0]!] : [word[0]!, word[1]!];
    const lengths = [word.length];
    // Short words take substitutions, swaps and one dropped letter ("giv"): an added letter turns "join" into
    // "joint", and real words never get here anyway.
    if (word.length >= 5) for (let delta = 1; delta <= limit; delta++) lengths.push(word.length - delta, word.length + delta);
    else lengths.push(word.length + 1);
    this.lengths = lengths;
  }

  consider(candidate: string): void {
    const first = candidate[0] === this.word[0];
    if (!first && candidate[0] !== this.word[1]) return;
    if (!this.lengths.includes(candidate.length)) return;
    const distance = editDistance(this.word, candidate, this.limit);
    if (distance > this.limit) return;
    // Only now the (allocating) anagram check, and only where it can matter.
    const swapped = candidate.length === this.word.length && sortedLetters(candidate) === this.letters;
    if (this.word.length < this.options.swapOnlyBelow && !swapped && candidate.length === this.word.length) return;
    const frequency = this.frequency.get(candidate) ?? 0;
    // Swapped letters are the commonest typo ("lnog"): prefer "long" over the equally distant "log".
    const cost = distance - (swapped ? 0.5 : 0);
    const entry = { correction: { word: candidate, distance }, cost, frequency };
    const better = (current: typeof entry | null): boolean =>
      current === null || cost < current.cost || (cost === current.cost && (frequency > current.frequency || (frequency === current.frequency && candidate < current.correction.word)));
    if (first) {
      if (better(this.bestFirst)) this.bestFirst = entry;
    } else if (better(this.bestOther)) this.bestOther = entry;
  }

  /** A candidate with the typed first letter wins at one edit; otherwise the cheapest overall. */
  best(): Correction | null {
    const first = this.bestFirst;
    const other = this.bestOther;
    if (first !== null && (first.cost <= 1 || other === null || first.cost <= other.cost)) return first.correction;
    return other?.correction ?? first?.correction ?? null;
  }
}

/**
 * Fuzzy matching of single unknown words against section headings with fuse.js: the last resort for a word that
 * spelling correction could not fix ("retenshun" → "Data retention"). fuse searches the headings' words, grouped
 * by first letter (the typed word's first or second letter is almost always right), so each search runs over a
 * handful of short strings: a whole heading list costs milliseconds per new word in fuse's bitap search, a
 * bucket of words a few microseconds. Results are memoized in a bounded cache.
 *
 * @example
 * const headings = new HeadingMatcher(['Data retention', 'Data security']);
 * headings.matchWord('retenshun') // => 'Data retention'
 */
export class HeadingMatcher {
  private readonly fuses = new Map<string, Fuse<string>>();
  /** Heading word → first heading (in the given order) containing it. */
  private readonly headingOf = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();
  private readonly minLength: number;

  constructor(headings: readonly string[], options: { threshold?: number; minLength?: number } = {}) {
    this.minLength = options.minLength ?? 5;
    const buckets = new Map<string, string[]>();
    for (const heading of headings) {
      for (const word of heading.toLowerCase().split(/[^\p{L}]+/u)) {
        // Short heading words ("data", "your") are what every question shares, not what it misspells.
        if (word.length < 4 || this.headingOf.has(word)) continue;
        this.headingOf.set(word, heading);
        const first = word[0]!;
        let bucket = buckets.get(first);
        if (bucket === undefined) buckets.set(first, (bucket = []));
        bucket.push(word);
      }
    }
    const fuseOptions = { includeScore: true, threshold: options.threshold ?? 0.35, ignoreLocation: true, minMatchCharLength: 4 };
    for (const [first, words] of buckets) this.fuses.set(first, new Fuse(words, fuseOptions));
  }

  /** The heading containing an approximate match of `word` (lower case), or null. */
  matchWord(word: string): string | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // fuse's bitap matcher handles patterns of up to 32 characters; longer "words" are not typos of a heading.
    const usable = word.length >= this.minLength && word.length <= 32 && /^\p{L}+$/u.test(word);
    let best: { heading: string; score: number } | null = null;
    if (usable) {
      for (const first of word[0] === word[1] ? [word[0]!] : [word[0]!, word[1]!]) {
        const found = this.fuses.get(first)?.search(word, { limit: 1 })[0];
        const heading = found === undefined ? undefined : this.headingOf.get(found.item);
        if (heading !== undefined && (best === null || (found!.score ?? 1) < best.score)) best = { heading, score: found!.score ?? 1 };
      }
    }
    const result = best?.heading ?? null;
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }
}
