/**
 * Word-level tests shared by the stages of query analysis.
 */
import { primaryWordClass, WordClass } from '../search/english.js';
import { stem } from '../search/stem.js';
import { isStopword } from '../search/tokenize.js';
import type { CompiledSynonyms } from './compile.js';
import type { QueryContext } from './types.js';

// Clauses end at sentence punctuation, a colon ("Customer asks: can they…") or a dash between spaces.
const CLAUSE_END = /[.?!;:]+(?:\s+|$)|\s+[-–—]\s+/;

/**
 * The clauses of a question, for the rules that read what one clause asks ("how many", "the name of", "what does X
 * mean").
 *
 * @example
 * clausesOf('Customer asks: how many days - or weeks?') // => ['Customer asks', 'how many days', 'or weeks?']
 */
export function clausesOf(question: string): string[] {
  return question.split(CLAUSE_END);
}

/**
 * Whether a token is conversational filler, inflections included ("asks", "wondered").
 *
 * @example
 * isFiller('asks', compileSynonyms()) // => true
 */
export function isFiller(token: string, synonyms: CompiledSynonyms): boolean {
  return synonyms.fillerWords.has(token) || synonyms.fillerStems.has(stem(token));
}

/**
 * Whether a stem is a weak word: generic in privacy questions ("data", "privacy"), or one of the policy's own names.
 *
 * @example
 * isWeak('data', context) // => true
 */
export function isWeak(term: string, context: QueryContext): boolean {
  return context.synonyms.weakStems.has(term) || (context.nameStems?.has(term) ?? false);
}

/**
 * Lower-cased words of a text written with a capital letter after their first letter: acronyms and names
 * ("SREs", "FedRAMP", "iOS"), which are no typos.
 *
 * @example
 * acronymsIn('are you hiring SREs?') // => Set { 'sres' }
 */
export function acronymsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) if (/^.+\p{Lu}/u.test(match[0])) found.add(match[0].toLowerCase());
  return found;
}

/**
 * Lower-cased words written with a capital inside a sentence, after a lower-case word ("uses Pinterest tags"):
 * names as the asker typed them. A sentence's first word is left out, since it is capitalized anyway.
 *
 * @example
 * capitalizedInside('Does GitHub use Pinterest tags?') // => Set { 'github', 'pinterest' }
 */
export function capitalizedInside(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<=[\p{Ll}\p{N},;:'’)]\s+)\p{Lu}[\p{L}\p{N}]*/gu)) found.add(match[0].toLowerCase());
  return found;
}

const BRITISH_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2'],
  [/(.{2,})ys(e|es|ed|ing|er|ers)$/, '$1yz$2'],
  [/(.{2,})our(s|ed|ing)?$/, '$1or$2'],
  [/(.{2,})ence$/, '$1ense'],
  [/(.{2,})tre(s)?$/, '$1ter$2'],
];

/**
 * The American spelling of a British-spelled word, or null when no British ending applies.
 *
 * @example
 * americanSpelling('analysing') // => 'analyzing'
 */
export function americanSpelling(token: string): string | null {
  for (const [pattern, replacement] of BRITISH_ENDINGS) if (pattern.test(token)) return token.replace(pattern, replacement);
  return null;
}

/**
 * Whether a word is most often an adjective, or a participle used as one ("related", "second", "new").
 *
 * @example
 * isModifier('related') // => true
 */
export function isModifier(word: string): boolean {
  const primary = primaryWordClass(word);
  return primary === WordClass.adjective || ((primary === WordClass.verb || primary === 0) && /(?:ed|en)$/.test(word));
}

/**
 * Whether a word is most often a verb ("add", "join", "become").
 *
 * @example
 * isVerb('add') // => true
 */
export function isVerb(word: string): boolean {
  return primaryWordClass(word) === WordClass.verb;
}

/**
 * Whether a token reads as a gerund or present participle ("sending", "showing").
 *
 * @example
 * isGerund('sending') // => true
 */
export function isGerund(token: string): boolean {
  return token.length > 4 && token.endsWith('ing') && !isStopword(token);
}
