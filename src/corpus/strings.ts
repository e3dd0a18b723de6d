/**
 * String helpers that stay linear on hostile input. A pattern such as `/[\s.]+$/` retries from every character of a
 * long run that does not reach the end (a line of 100,000 spaces followed by a letter takes billions of steps); these
 * scan from the end instead.
 */

/**
 * Removes the characters at the end of `text` that pass `test`.
 *
 * @example
 * trimTrailing('Contact us?!', (ch) => '?!.:'.includes(ch)) // => 'Contact us'
 */
export function trimTrailing(text: string, test: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0 && test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/**
 * The characters at the end of `text` that pass `test`.
 *
 * @example
 * trailingRun('Section ##', (ch) => ch === '#') // => '##'
 */
export function trailingRun(text: string, test: (character: string) => boolean): string {
  return text.slice(trimTrailing(text, test).length);
}

/** Is this one character white space? */
export function isSpace(character: string): boolean {
  return character.trim() === '';
}
