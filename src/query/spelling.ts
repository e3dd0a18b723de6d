/**
 * Stage 2 of query analysis: spelling. Words neither the policy nor the tables know are corrected against the
 * vocabulary ("stroe" → "store"), before phrases are matched, so corrected words take part in them ("how lnog" →
 * "how long"). British spellings of known words are read in American spelling; words written with capitals
 * inside ("SREs", "FedRAMP") are acronyms and names, never corrected, and neither are capitalized words inside a
 * sentence that no word list has ("Pinterest"). Two policy words run together are split ("timezone").
 */
import { isEnglishWord } from '../search/english.js';
import { stem } from '../search/stem.js';
import { isStopword } from '../search/tokenize.js';
import type { QueryContext } from './types.js';
import { acronymsIn, americanSpelling, capitalizedInside } from './words.js';

/**
 * Corrects `tokens` in place; returns which were corrected (they count a little less than words typed right).
 *
 * @example
 * const tokens = ['how', 'lnog', 'do', 'you', 'stroe'];
 * correctSpelling(tokens, 'how lnog do you stroe', context) // => [false, true, false, false, true]
 */
export function correctSpelling(tokens: string[], text: string, context: QueryContext): boolean[] {
  const { synonyms, terms, corrector } = context;
  const acronyms = acronymsIn(text);
  const capitalized = capitalizedInside(text);
  const corrected: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    corrected.push(false);
    if (isStopword(token) || synonyms.words.has(token) || terms.has(stem(token)) || acronyms.has(token)) continue;
    // "uses Pinterest tags": a capitalized word inside a sentence that is no English word is a name, not a typo of "interest".
    if (capitalized.has(token) && !isEnglishWord(token)) continue;
    // "timezone" where the policy writes "time zone": two policy words run together.
    const parts = splitIntoKnown(token, context);
    if (parts !== null) {
      tokens.splice(i, 1, parts[0], parts[1]);
      corrected.push(false);
      i++;
      continue;
    }
    const american = americanSpelling(token);
    if (american !== null && (synonyms.words.has(american) || terms.has(stem(american)))) {
      tokens[i] = american;
      continue;
    }
    const fix = corrector.correct(token);
    if (fix !== null && fix.distance > 0) {
      tokens[i] = fix.word;
      corrected[i] = true;
    }
  }
  return corrected;
}

/**
 * Two words of the policy that a token runs together ("timezone", "dataset", "hostname" where the policy writes
 * "time zone", "data set", "host name"), or null. English words ("listening") are never split.
 */
function splitIntoKnown(token: string, context: QueryContext): [string, string] | null {
  if (token.length < 7 || !/^[a-z]+$/.test(token) || isEnglishWord(token)) return null;
  for (let at = 3; at <= token.length - 3; at++) {
    const head = token.slice(0, at);
    const tail = token.slice(at);
    if (isStopword(head) || isStopword(tail)) continue;
    if (context.terms.has(stem(head)) && context.terms.has(stem(tail))) return [head, tail];
  }
  return null;
}
