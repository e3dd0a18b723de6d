/**
 * "Is this a real English word?": spelling correction must not turn a correctly spelled word the policy
 * never uses into a policy word ("portal" → "postal", "retail" → "retain", "password" → "passport"), or
 * off-topic questions would look covered. The word list is the English lexicon shipped with `natural`
 * (from pos-js, ~90k entries), read lazily on the first check: most questions need no correction at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const LEXICON_MODULE = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';

// Everyday words newer than the lexicon (it predates the web), which users type correctly.
const MODERN_WORDS = [
  'password', 'passwords', 'login', 'logins', 'logout', 'signup', 'username', 'usernames', 'website', 'websites', 'webinar',
  'webinars', 'online', 'email', 'emails', 'app', 'apps', 'blog', 'blogs', 'podcast', 'podcasts', 'ebook', 'ebooks', 'wifi',
  'laptop', 'laptops', 'smartphone', 'dashboard', 'dashboards', 'chatbot', 'startup', 'startups', 'download', 'downloads',
  'upload', 'uploads', 'offline', 'inbox', 'hashtag', 'selfie', 'emoji', 'google', 'slack', 'zoom', 'python', 'notebook',
];

/** Word classes of a lexicon entry, as bit flags. */
export const WordClass = { noun: 1, verb: 2, adjective: 4, adverb: 8, other: 16 } as const;

const PRIMARY_SHIFT = 8;

let lexicon: string | null = null;
const cache = new Map<string, number>();
const modern = new Set(MODERN_WORDS);

function classOf(tag: string): number {
  if (tag.startsWith('NN')) return WordClass.noun;
  if (tag.startsWith('VB')) return WordClass.verb;
  if (tag.startsWith('JJ')) return WordClass.adjective;
  if (tag.startsWith('RB')) return WordClass.adverb;
  return WordClass.other;
}

function readLexicon(): string {
  if (lexicon !== null) return lexicon;
  try {
    // Read as latin1: the keys we look up are ASCII, and skipping UTF-8 decoding halves the cost.
    lexicon = readFileSync(createRequire(import.meta.url).resolve(LEXICON_MODULE), 'latin1');
  } catch {
    // Without the lexicon nothing is vetoed: correction still works, only less cautiously.
    lexicon = '';
  }
  return lexicon;
}

/**
 * Looks one word up: the lexicon is laid out one key or tag per line (`    "word": [` then `        "NN", `),
 * so a string search finds the entry without parsing the 4 MB file. Results are memoized.
 */
function lookUp(word: string): number {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let flags = 0;
  if (modern.has(word)) flags = WordClass.noun | (WordClass.noun << PRIMARY_SHIFT);
  else if (/^[a-z]{2,30}$/.test(word)) {
    const text = readLexicon();
    const at = text.indexOf(`\n    "${word}": [`);
    if (at >= 0) {
      const end = text.indexOf(']', at + word.length + 8);
      const tags = text.slice(at + word.length + 9, end < 0 ? undefined : end).match(/[A-Z$|]+/g) ?? [];
      // The lexicon lists a word's commonest tag first.
      flags = classOf(tags[0]?.split('|')[0] ?? '') << PRIMARY_SHIFT;
      for (const tag of tags) for (const part of tag.split('|')) flags |= classOf(part);
      if (tags.length === 0) flags = WordClass.other | (WordClass.other << PRIMARY_SHIFT);
    }
  }
  if (cache.size >= 50_000) cache.clear();
  cache.set(word, flags);
  return flags;
}

/**
 * Whether `word` (lower case) is a known English word. The first call reads the lexicon (tens of ms);
 * each new word costs a string search of a few ms, then is memoized.
 *
 * @example
 * isEnglishWord('portal') // => true
 * isEnglishWord('stroe')  // => false
 */
export function isEnglishWord(word: string): boolean {
  return lookUp(word) !== 0;
}

/**
 * The word classes an English word can take, as {@link WordClass} flags (0 when unknown).
 *
 * @example
 * englishWordClasses('gone') & WordClass.verb // => 2
 */
export function englishWordClasses(word: string): number {
  return lookUp(word) & 0xff;
}

/**
 * The word class of the commonest use of an English word ({@link WordClass} flag; 0 when unknown).
 *
 * @example
 * primaryWordClass('watch') // => WordClass.verb
 * primaryWordClass('careers') // => WordClass.noun
 */
export function primaryWordClass(word: string): number {
  return lookUp(word) >> PRIMARY_SHIFT;
}
