/**
 * Whether a chat message reads as a question, for answering in channels without a mention (Slack and Discord share
 * it). Deliberately simple and predictable: people in the channel must be able to tell when the bot will speak.
 */
import {
  ADDRESSEES,
  AUXILIARIES_BEFORE_SUBJECT,
  LEADING_GREETINGS,
  QUESTION_OPENERS,
  QUESTION_PHRASES,
  QUESTION_SUBJECTS,
} from './question-words.js';

const openers = new Set(QUESTION_OPENERS);
const auxiliaries = new Set(AUXILIARIES_BEFORE_SUBJECT);
const subjects = new Set(QUESTION_SUBJECTS);
const greetings = new Set(LEADING_GREETINGS);
const addressees = new Set(ADDRESSEES);
const phrases = QUESTION_PHRASES.map((phrase) => phrase.split(' '));

/**
 * True when the message has a question mark (outside code and links), or starts with a question word, an auxiliary
 * followed by a subject ("can I", "do you") or a question phrase ("anyone know"), after greetings and @-mentions.
 * Expects plain text (adapters turn platform markup into plain text first).
 *
 * @example
 * readsAsQuestion('hey team, can I paste customer emails into the tool') // => true
 * readsAsQuestion('Do not paste customer emails into the tool.') // => false
 * readsAsQuestion('retention period for logs?') // => true
 */
export function readsAsQuestion(text: string): boolean {
  const prose = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/:[a-z0-9_+-]+:/gi, ' ');
  const words = wordsOf(prose);
  if (!words.some((word) => /\p{L}{2}/u.test(word))) return false;
  if (/[?？]/.test(prose)) return true;

  let start = 0;
  let greeted = false;
  while (start < words.length) {
    const word = words[start]!;
    if (greetings.has(word)) greeted = true;
    else if (!word.startsWith('@') && !(greeted && addressees.has(word))) break;
    start += 1;
  }
  const first = words[start];
  if (first === undefined) return false;
  if (openers.has(first)) return true;
  if (auxiliaries.has(first) && subjects.has(words[start + 1] ?? '')) return true;
  return phrases.some((phrase) => phrase.every((word, i) => words[start + i] === word));
}

/** Lower-case words with apostrophes removed ("What's" → "whats"); `@name` mentions stay one word. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/@[\p{L}\p{N}_.-]+|[\p{L}\p{N}]+/gu) ?? [];
}
