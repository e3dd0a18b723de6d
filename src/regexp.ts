/**
 * A literal string as a regular expression source: every character that means something in a pattern escaped.
 *
 * @example
 * new RegExp(escapeRegExp('a.b (c)')).test('a.b (c)') // => true
 * escapeRegExp('1+1') // => '1\\+1'
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive pattern matching any of some phrases as whole words, each space standing for any run of
 * white space, the word `#number` for any number and `#word` for any one word: the phrase tables of src/knowledge/*.json
 * as patterns.
 *
 * @example
 * phrasePattern(['how many', 'within #number days']).test('within 30  days') // => true
 */
export function phrasePattern(phrases: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${phraseAlternatives(phrases)})\\b`, 'i');
}

const PLACEHOLDERS: Readonly<Record<string, string>> = { '#number': '\\d+', '#word': "[\\w'-]+" };

function wordPattern(word: string): string {
  return PLACEHOLDERS[word] ?? escapeRegExp(word);
}

/**
 * The alternation inside {@link phrasePattern}, for patterns that put phrases among other parts.
 *
 * @example
 * phraseAlternatives(['refer to', 'mean']) // => 'refer\\s+to|mean'
 */
export function phraseAlternatives(phrases: readonly string[]): string {
  return phrases.map((phrase) => phrase.split(' ').map(wordPattern).join('\\s+')).join('|');
}
