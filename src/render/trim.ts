/**
 * Cuts text to at most `maxChars` characters at the last sentence (or line) boundary; falls back to a word boundary
 * with an ellipsis, and to a hard cut only for a single giant word. Shared by every renderer that enforces a
 * platform's length limits, so a trimmed quote never ends mid-sentence when a sentence boundary is available.
 *
 * @example
 * trimAtSentence('One. Two three. Four.', 16) // => { text: 'One. Two three.', trimmed: true }
 * trimAtSentence('One. Two three four.', 10) // => { text: 'One.', trimmed: true }
 */
export function trimAtSentence(text: string, maxChars: number): { text: string; trimmed: boolean } {
  if (text.length <= maxChars) return { text, trimmed: false };
  if (maxChars <= 0) return { text: '', trimmed: true };
  // One character beyond the limit, so a sentence ending exactly at the limit (followed by a space) still counts.
  const head = text.slice(0, maxChars + 1);
  let cut = 0;
  for (const match of head.matchAll(/[.!?…]['"’”)\]]*(?=\s)|\n/g)) {
    const end = match[0] === '\n' ? match.index : match.index + match[0].length;
    if (end <= maxChars) cut = end;
  }
  // A boundary in the first fifth would throw most of the passage away; a word boundary keeps more.
  if (cut > maxChars / 5) return { text: text.slice(0, cut).trimEnd(), trimmed: true };
  const space = head.lastIndexOf(' ', maxChars - 1);
  if (space > 0) return { text: `${text.slice(0, space).trimEnd()}…`, trimmed: true };
  return { text: clampChars(text, maxChars), trimmed: true };
}

/**
 * Cuts text to at most `maxChars` UTF-16 units (platform limits count those), ending with an ellipsis when cut, and
 * never between the two halves of a surrogate pair (an emoji), which would leave an invalid character.
 *
 * @example
 * clampChars('Data retention policy', 10) // => 'Data rete…'
 * clampChars('ok', 10) // => 'ok'
 */
export function clampChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}
