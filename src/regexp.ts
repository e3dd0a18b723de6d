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
