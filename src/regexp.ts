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
 * white space and the word `#number` for any number: the phrase tables of src/knowledge/*.json as patterns.
 *
 * @example
 * phrasePattern(['how many', 'within #number days']).test('within 30  days') // => true
 */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = phrases.map((phrase) => phrase.split(' ').map((word) => (word === '#number' ? '\\d+' : escapeRegExp(word))).join('\\s+'));
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
}
