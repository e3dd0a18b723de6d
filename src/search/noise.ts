/**
 * Chat noise removal for query understanding: mentions, e-mail addresses, URLs, ticket numbers and phone numbers
 * are not what a question is about. Left in, they become unknown words ("channel", "jane", "example") that count
 * against coverage and make the answerer decline questions it can answer. Query side only: the index never sees
 * this function.
 */
import { CALIFORNIA_PLACES, EUROPEAN_PLACES, OTHER_COUNTRIES, UNSTATED_DETAILS } from '../knowledge/tables.js';

/** Options of {@link stripChatNoise}. */
export interface NoiseOptions {
  /** Replacement for each removed span (a space keeps the neighbouring words apart). */
  replacement: string;
  /**
   * Whether a capitalized word before a speech verb is a word of the question after all ("Subscriber asks…" where
   * the policy has a section for subscribers), not a person's name.
   */
  isQuestionWord?: (word: string) => boolean;
}

export const defaultNoiseOptions: NoiseOptions = { replacement: ' ' };

// An e-mail address or phone number often comes with its own wrapper ("mail me at …", "my number is …"): the
// wrapper goes with it, or "mail" would look like a question about e-mail.
const CONTACT_LEAD = String.raw`(?:\b(?:e-?mail|mail|ping|reach|contact|write|text|call|phone|ring|message|dm|cc|reply to|respond to)\s+(?:me|us|him|her|them)?\s*(?:back\s+)?(?:at|on|via|to|@)?\s*|\bmy\s+(?:e-?mail(?:\s+address)?|address|(?:phone\s+|mobile\s+|cell\s+)?number|phone|mobile|cell)\s+(?:is\s+)?|\b(?:at|on|via)\s+)?`;

/** An e-mail address as a pattern source: in a question (stripped as noise) or a policy sentence (a contact cue). */
export const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`;
// 7+ digits with the usual separators, optional leading +: phone numbers, not "under 18" or "12 months".
const PHONE = String.raw`(?:\+|\b)\d[\d\s().-]{5,}\d\b`;

// A capitalized given name or surname: "Ana", "Marco", "McKay" (not "GDPR" or "DataRobot"-style mixed case).
const NAME = String.raw`(?:Mc|Mac|O')?[A-Z][a-z]{1,15}`;
// Words that introduce a person's name (case-insensitive forms written out: lookbehind cannot carry the flag).
const PERSON_CUES = [
  '[Cc]olleague', '[Cc]o-?worker', '[Tt]eammate', '[Mm]anager', '[Bb]oss', '[Ff]riend', '[Cc]c', '[Nn]amed', '[Cc]alled',
  "I'm", 'I\u2019m', 'I am', '[Tt]his is', '[Nn]ame is', '[Hh]i', '[Hh]ey', '[Hh]ello', '[Tt]hanks',
].join('|');
// What follows a name in a story: "Marco and I", "Ana said", "Raj asked me", "Tom from sales".
const NAME_FOLLOWERS = ['and I', 'and me', 'said', 'says', 'asked', 'asks', 'told', 'tells', 'mentioned', 'thinks', 'thought', 'wants', 'wanted', 'from the', 'from our', 'here'].join('|');

const NOISE_PATTERNS: readonly RegExp[] = [
  // Slack links with a label keep nothing: <https://…|label> and <mailto:…|label> are references, not words.
  /<(?:https?:|mailto:|tel:)[^<>]{0,500}>/gi,
  // Slack (<@U123>, <@U123|name>, <!channel>, <!subteam^S1|@team>, <#C1|general>) and Discord (<@123>, <@!123>,
  // <@&456>, <#789>, <:emoji:1>, <a:emoji:1>, <t:1700000000:R>) mentions and tokens.
  /<(?:[@#!][^<>]{0,100}|a?:\w{1,40}:\d{1,25}|t:\d{1,15}(?::[A-Za-z])?)>/g,
  new RegExp(`${CONTACT_LEAD}${EMAIL}`, 'gi'),
  /\b(?:https?:\/\/|www\.)\S+/gi,
  // Ticket and issue references: "#4521", "PRIV-123", "ticket no. 88231" keeps the word "ticket", drops the number.
  /(?:^|(?<=\s|\())#\d+\b/g,
  /\b(?:no\.?|nr\.?|number|num)\s*\d{3,}\b/gi,
  // "Ticket 5512:", "case 48213 -": the reference, not an unknown number (the word "ticket" is filler anyway).
  /\b(?<=(?:ticket|case|issue|request|order|incident)\s*#?\s*)\d{3,}\b/gi,
  new RegExp(`${CONTACT_LEAD}${PHONE}`, 'gi'),
  // Long digit runs (order, case and account numbers); short numbers ("under 18", "12 months") stay.
  /\b\d{5,}\b/g,
  // Plain mentions: @everyone, @here, @channel, @jane.doe (after e-mail addresses, which also contain "@").
  /(?:^|(?<=[\s(,;:]))@[\p{L}\p{N}_.-]{1,40}/gu,
  // People's names in a story ("my colleague Ana said…", "Marco and I", "cc Dana", "I'm Tom from…"): a capitalized
  // word introduced by a person word or followed by a speech verb. Left in, a name is an unknown word (or is
  // "corrected" into a policy word: "Marco" → "March") and drags the question's coverage down.
];

// Issue references ("PRIV-123", "JIRA-88"), but not standards a privacy question names ("AES-256", "ISO-27001",
// "SOC-2"): their prefix is the first word of a detail the tables know policies rarely state.
const ISSUE_REFERENCE = /\b([A-Z][A-Z0-9]{1,9})-\d{1,7}\b/g;
const STANDARD_PREFIXES: ReadonlySet<string> = new Set(UNSTATED_DETAILS.map((detail) => detail.split(' ')[0]!));

// Capitalized words that are people's names in a story; places stay ("a user in Germany wants to know…").
const NAME_AFTER_CUE = new RegExp(String.raw`(?<=\b(?:${PERSON_CUES})\s+)${NAME}(?:\s+${NAME})?\b`, 'g');
const NAME_BEFORE_VERB = new RegExp(String.raw`\b${NAME}(?=\s+(?:${NAME_FOLLOWERS})\b)`, 'g');
/** Whether a capitalized word is a place, alone ("Germany") or with the word before it ("San Diego"). */
function isPlace(name: string, before: string): boolean {
  const lower = name.toLowerCase();
  const previous = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
  return PLACES.has(lower) || (previous !== undefined && PLACES.has(`${previous} ${lower}`));
}

const PLACES: ReadonlySet<string> = new Set([...EUROPEAN_PLACES, ...OTHER_COUNTRIES, ...CALIFORNIA_PLACES]);

/**
 * Removes chat mentions, e-mail addresses (with "mail me at"-style wrappers), URLs, ticket references, phone
 * numbers, long digit runs and people's names in a story ("my colleague Ana said") from a question, leaving its
 * words.
 *
 * @example
 * stripChatNoise('@here how long do you keep my data? mail me at jane.doe@example.com').trim()
 * // => 'how long do you keep my data?'
 */
export function stripChatNoise(text: string, options: NoiseOptions = defaultNoiseOptions): string {
  let out = text;
  for (const pattern of NOISE_PATTERNS) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, options.replacement);
  }
  ISSUE_REFERENCE.lastIndex = 0;
  out = out.replace(ISSUE_REFERENCE, (reference: string, prefix: string) => (STANDARD_PREFIXES.has(prefix.toLowerCase()) ? reference : options.replacement));
  NAME_AFTER_CUE.lastIndex = 0;
  out = out.replace(NAME_AFTER_CUE, (name: string, offset: number, whole: string) => (isPlace(name, whole.slice(0, offset)) ? name : options.replacement));
  NAME_BEFORE_VERB.lastIndex = 0;
  out = out.replace(NAME_BEFORE_VERB, (name: string, offset: number, whole: string) =>
    isPlace(name, whole.slice(0, offset)) || options.isQuestionWord?.(name.toLowerCase()) === true ? name : options.replacement,
  );
  return out;
}
