/**
 * A sentence after the question that says who asks or what the answer is for ("Does Read the Docs honor Do Not
 * Track? A customer's security team is asking.", "…? Need it for a vendor review."). Its words ("security",
 * "vendor") are not what is asked, yet a policy uses them, so they would pull other sections up. The phrases are
 * data (src/knowledge/phrasing.json `relayTails`, `relayTailAsks`).
 */
import { RELAY_TAIL_ASKS, RELAY_TAILS } from '../knowledge/tables.js';
import { phraseAlternatives } from '../regexp.js';

// After a question mark: one last sentence, with no question mark, that names a relay and asks nothing itself.
const RELAY_TAIL = new RegExp(
  `\\?\\s+((?![^?]*\\b(?:${phraseAlternatives(RELAY_TAIL_ASKS)})\\b)[^?]*\\b(?:${phraseAlternatives(RELAY_TAILS)})\\b[^?]*)$`,
  'i',
);
// A relay note is short; a long last sentence is more likely the question told as a story.
const MAX_TAIL_CHARS = 120;

/**
 * Where the relay sentence after the question starts (a character index), or -1 when there is none.
 *
 * @example
 * relayTailStart("Does Read the Docs honor Do Not Track? A customer's security team is asking.") // => 39
 * relayTailStart('Do we sell data? Legal wants to know if ads count.') // => -1 (the sentence asks something itself)
 */
export function relayTailStart(question: string): number {
  const match = RELAY_TAIL.exec(question);
  if (match === null || match[1]!.length > MAX_TAIL_CHARS) return -1;
  return match.index + match[0].length - match[1]!.length;
}
