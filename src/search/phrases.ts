/**
 * Phrases (stem sequences such as "third parti") found in a text's stems: the index's phrase terms, found the same
 * way where passages are indexed and where the highlighter reads their sentences, and the jurisdictions a heading
 * names.
 */

/**
 * Every occurrence, in order, of the given phrases (stem sequences, one word or more) in a text's stems.
 *
 * @example
 * phraseFinder(new Set(['third parti']))(['share', 'with', 'third', 'parti']) // => ['third parti']
 * phraseFinder(new Set(['gdpr', 'california']))(['gdpr', 'right']) // => ['gdpr']
 */
export function phraseFinder(phrases: ReadonlySet<string>): (stems: readonly string[]) => string[] {
  const longest = longestPhrase(phrases);
  const prefixes = new Set<string>();
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    for (let length = 1; length < parts.length; length++) prefixes.add(parts.slice(0, length).join(' '));
  }
  return (stems) => {
    const found: string[] = [];
    if (phrases.size === 0) return found;
    for (let i = 0; i < stems.length; i++) {
      let key = stems[i]!;
      if (phrases.has(key)) found.push(key);
      for (let length = 2; length <= longest && i + length <= stems.length; length++) {
        if (!prefixes.has(key)) break;
        key = `${key} ${stems[i + length - 1]!}`;
        if (phrases.has(key)) found.push(key);
      }
    }
    return found;
  };
}

/** The number of words of the longest phrase (1 for none). */
function longestPhrase(phrases: ReadonlySet<string>): number {
  let longest = 1;
  for (const phrase of phrases) longest = Math.max(longest, phrase.split(' ').length);
  return longest;
}
