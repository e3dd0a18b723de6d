/**
 * "Is this a real English word, and what kind?" Spelling correction must not turn a correctly spelled word the
 * policy never uses into a policy word ("portal" → "postal", "retail" → "retain", "password" → "passport"), and
 * an unknown noun ("payday", "careers") says more about a question's topic than an unknown verb ("gone", "watch").
 *
 * The word list (src/search/english-lexicon.ts, ~42k words) is derived from the English lexicon shipped with
 * `natural`. Lookups binary-search its sorted strings in place ({@link SortedLines}: only the start of each word is
 * recorded, on the first lookup), so each lookup costs about a microsecond, even for a word seen for the first time.
 */
import { ENGLISH_WORDS_BY_CLASS } from './english-lexicon.js';
import { SortedLines } from './sorted-lines.js';

/** Word classes, as returned by {@link primaryWordClass}. */
export const WordClass = { noun: 1, verb: 2, adjective: 4, adverb: 8, other: 16 } as const;

// Everyday words newer than the lexicon (it predates the web), which users type correctly; all nouns here.
const MODERN_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwords', 'login', 'logins', 'logout', 'signup', 'username', 'usernames', 'website', 'websites', 'webinar',
  'webinars', 'online', 'email', 'emails', 'app', 'apps', 'blog', 'blogs', 'podcast', 'podcasts', 'ebook', 'ebooks', 'wifi',
  'laptop', 'laptops', 'smartphone', 'dashboard', 'dashboards', 'chatbot', 'startup', 'startups', 'download', 'downloads',
  'upload', 'uploads', 'offline', 'inbox', 'hashtag', 'selfie', 'emoji', 'google', 'slack', 'zoom', 'python', 'notebook', 'todo',
  'todos',
]);

const CLASS_LISTS: ReadonlyArray<readonly [number, string]> = [
  [WordClass.noun, ENGLISH_WORDS_BY_CLASS.noun],
  [WordClass.verb, ENGLISH_WORDS_BY_CLASS.verb],
  [WordClass.adjective, ENGLISH_WORDS_BY_CLASS.adjective],
  [WordClass.adverb, ENGLISH_WORDS_BY_CLASS.adverb],
  [WordClass.other, ENGLISH_WORDS_BY_CLASS.other],
];

let classLists: ReadonlyArray<readonly [number, SortedLines]> | undefined;

/** The word lists with the start of each word recorded (42k offsets, once per thread, on the first lookup). */
function sortedClassLists(): ReadonlyArray<readonly [number, SortedLines]> {
  classLists ??= CLASS_LISTS.map(([wordClass, list]) => [wordClass, new SortedLines(list, ' ')] as const);
  return classLists;
}

const cache = new Map<string, number>();

/**
 * The word class of the commonest use of an English word ({@link WordClass} flag; 0 when it is not a known word).
 *
 * @example
 * primaryWordClass('watch') // => WordClass.verb
 * primaryWordClass('careers') // => WordClass.noun
 */
export function primaryWordClass(word: string): number {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let found = 0;
  if (MODERN_WORDS.has(word)) found = WordClass.noun;
  else if (/^[a-z]{2,16}$/.test(word)) {
    for (const [wordClass, list] of sortedClassLists()) {
      if (list.has(word)) {
        found = wordClass;
        break;
      }
    }
  }
  if (cache.size >= 50_000) cache.clear();
  cache.set(word, found);
  return found;
}

/**
 * Whether `word` (lower case) is a known English word.
 *
 * @example
 * isEnglishWord('portal') // => true
 * isEnglishWord('stroe')  // => false
 */
export function isEnglishWord(word: string): boolean {
  return primaryWordClass(word) !== 0;
}
