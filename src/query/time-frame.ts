/**
 * Questions that ask for a time frame the policy may not state ("if you get hacked, how fast will you tell me?"):
 * which topic they ask it about, and whether a passage states one. The asked phrases, topics and evidence words are
 * data (src/knowledge/time-frames.json).
 */
import { DURATION_ASKS, DURATION_EVIDENCE, TIME_FRAME_ASKS, TIME_FRAME_EVIDENCE, TIME_FRAME_TOPICS, type TimeFrameTopic } from '../knowledge/tables.js';
import { phrasePattern } from '../regexp.js';

export type { TimeFrameTopic };

// A stated period: "72 hours", "within 30 days", "two weeks".
const PERIOD = /\b(?:\d+|one|two|three|four|five|seven|ten|fourteen|thirty|sixty|ninety)[\s-]*(?:minutes?|hours?|days?|business days?|weeks?|months?|years?)\b/i;

const ASKS = phrasePattern(TIME_FRAME_ASKS);
const EVIDENCE = phrasePattern(TIME_FRAME_EVIDENCE);
const DURATION_ASK = phrasePattern(DURATION_ASKS);
const DURATION_WORDS = phrasePattern(DURATION_EVIDENCE);
const TOPICS: ReadonlyMap<TimeFrameTopic, RegExp> = new Map(TIME_FRAME_TOPICS.map((topic) => [topic, phrasePattern(topic.words)]));
const TOPIC_EVIDENCE: ReadonlyMap<TimeFrameTopic, RegExp> = new Map(TIME_FRAME_TOPICS.filter((topic) => topic.evidence.length > 0).map((topic) => [topic, phrasePattern(topic.evidence)]));

/**
 * The topic a question asks a time frame about, or null.
 *
 * @example
 * timeFrameTopic('if you get hacked how fast will you tell me?')?.topic // => 'breach notice'
 * timeFrameTopic('how fast is the site?') // => null
 */
export function timeFrameTopic(question: string): TimeFrameTopic | null {
  if (!ASKS.test(question)) return null;
  for (const [topic, pattern] of TOPICS) if (pattern.test(question)) return topic;
  return null;
}

/**
 * Whether a passage (its text and heading path) is about the topic and states a time frame. The topic's own words for
 * one ("session" for a cookie) count only when `topicEvidenceCounts`: a passage defining cookies in general says
 * "session" without saying how long any one cookie lasts.
 *
 * @example
 * statesTimeFrame('We will notify you of a breach within 72 hours.', [], topic) // => true
 */
export function statesTimeFrame(text: string, section: readonly string[], topic: TimeFrameTopic, topicEvidenceCounts = true): boolean {
  const pattern = TOPICS.get(topic);
  return pattern !== undefined && pattern.test(`${section.join(' ')} ${text}`) && (PERIOD.test(text) || EVIDENCE.test(text) || (topicEvidenceCounts && (TOPIC_EVIDENCE.get(topic)?.test(text) ?? false)));
}

/**
 * Whether a question asks how long or how soon, about any topic ("how long do you hang on to my data?").
 *
 * @example
 * asksDuration('how long do you hang on to my invoices?') // => true
 * asksDuration('do you keep my invoices?') // => false
 */
export function asksDuration(question: string): boolean {
  return DURATION_ASK.test(question);
}

/**
 * Whether a passage says how long or how soon: a period, or the words policies use for one ("as long as your
 * account is active", "until you delete it", "without undue delay").
 *
 * @example
 * statesDuration('We retain invoices for seven years.') // => true
 * statesDuration('We collect invoices to bill you.') // => false
 */
export function statesDuration(text: string): boolean {
  return PERIOD.test(text) || EVIDENCE.test(text) || DURATION_WORDS.test(text);
}
