import { defaultLexicon } from './lexicon.js';
import { escapeRegExp } from '../regexp.js';

/** Options of {@link createTruecaser}. */
export interface TruecaseOptions {
  /** Proper nouns and acronyms in their correct spelling; see `lexicon.ts`. */
  terms: readonly string[];
}

/** Defaults: the bundled lexicon. */
export const defaultTruecaseOptions: TruecaseOptions = { terms: defaultLexicon };

/** Restores capitalization of text that a scraper lower-cased. */
export interface Truecaser {
  /** Sentence case plus lexicon terms plus capitalized defined terms, e.g. `(the “Websites”)`. */
  sentence(text: string): string;
  /** Sentence case plus lexicon terms, without the scrape's trailing period. */
  heading(text: string): string;
}

// Quoted pronouns define the speaker, not a term: (“we,” “us” or “our”) stays lower case.
const PRONOUNS = new Set(['we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'i', 'me', 'my', 'they', 'them', 'their']);
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
// A period after these does not end a sentence, so the next word keeps its case.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'inc', 'ltd', 'co', 'corp', 'vs', 'no', 'st', 'mr', 'mrs', 'ms', 'dr', 'attn']);

/**
 * Upper-cases the first letter, looking past opening quotes and brackets but not past digits.
 *
 * @example
 * capitalizeFirst('“policy”') // => '“Policy”'
 */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([\s“"‘'([¿¡]*)(\p{Ll})/u, (_m, lead: string, letter: string) => lead + letter.toUpperCase());
}

function titleCaseWords(phrase: string): string {
  return phrase.replace(/\p{L}[\p{L}\p{N}’'-]*/gu, (word, offset: number) =>
    offset > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word : capitalizeFirst(word),
  );
}

/**
 * Builds a truecaser for one lexicon. Matching is on whole words and never inside a domain or e-mail address, so
 * `datarobot.com` stays as written while `datarobot community` becomes `DataRobot Community`.
 *
 * @example
 * const truecase = createTruecaser();
 * truecase.sentence('payments go to stripe, inc.'); // => 'Payments go to Stripe, Inc.'
 * truecase.heading('children’s data.'); // => 'Children’s data'
 */
export function createTruecaser(options: Partial<TruecaseOptions> = {}): Truecaser {
  const terms = options.terms ?? defaultTruecaseOptions.terms;
  const byKey = new Map<string, string>();
  for (const term of terms) byKey.set(normalizeKey(term), term);
  const alternatives = [...byKey.values()]
    .sort((a, b) => b.length - a.length)
    .map((term) => escapeRegExp(term.toLowerCase()).replace(/[’']/g, "[’']").replace(/\s+/g, '\\s+'));
  const termPattern =
    alternatives.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}@.])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])(?!\\.[\\p{L}\\p{N}])`, 'giu')
      : undefined;

  function applyLexicon(text: string): string {
    if (!termPattern) return text;
    return text.replace(termPattern, (match) => {
      const term = byKey.get(normalizeKey(match));
      if (!term) return match;
      // Keep the source's own apostrophes; only letters change case.
      if (match.length !== term.length) return term;
      let out = '';
      for (let i = 0; i < match.length; i += 1) {
        const ch = match.charAt(i);
        out += /\p{L}/u.test(ch) ? term.charAt(i) : ch;
      }
      return out;
    });
  }

  function capitalizeDefinedTerms(text: string): string {
    return text.replace(/\(([^()]*)\)/g, (group: string) =>
      group.replace(/“([^“”]{1,60})”/g, (quoted: string, inner: string) => {
        const bare = inner.replace(/[\s,.;:]+$/, '').trim();
        if (bare === '' || bare.split(/\s+/).length > 5 || PRONOUNS.has(bare.toLowerCase())) return quoted;
        return `“${titleCaseWords(inner)}”`;
      }),
    );
  }

  function capitalizeSentenceStarts(text: string): string {
    // The word before each stop is found by scanning back from it, not by a lazy `\S*?` in the pattern, which would
    // retry from every character of a long word (a 1 MB line took minutes). A word starts after white space or where
    // the previous match ended.
    let resumeAt = 0;
    return capitalizeFirst(text).replace(
      /([.!?])([”"’)]?\s+)([“"‘(]?)(\p{Ll})/gu,
      (match: string, stop: string, gap: string, open: string, letter: string, offset: number, whole: string) => {
        let start = offset;
        while (start > resumeAt && whole.charAt(start - 1).trim() !== '') start -= 1;
        resumeAt = offset + match.length;
        const bareWord = whole.slice(start, offset).replace(/^[“"‘(]+/, '').toLowerCase();
        if (stop === '.' && ABBREVIATIONS.has(bareWord)) return match;
        return `${stop}${gap}${open}${letter.toUpperCase()}`;
      },
    );
  }

  return {
    sentence(text) {
      return capitalizeSentenceStarts(capitalizeDefinedTerms(applyLexicon(text)));
    },
    heading(text) {
      return capitalizeFirst(applyLexicon(text.replace(/\s*[.:]\s*$/, '').trim()));
    },
  };
}

function normalizeKey(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
}
