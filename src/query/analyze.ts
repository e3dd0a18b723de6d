/**
 * Query analysis: turns a free-form question into weighted concepts over index terms, as named stages:
 * 1. words (normalize.ts): chat noise, slang, intensifiers, the policy's acronyms and names;
 * 2. spelling (spelling.ts): typos corrected against the vocabulary;
 * 3. segments (segment.ts): the longest phrase of the tables at each position (family trigger, filler, not-stated
 *    fact, other policy) or a single word;
 * 4. concepts (concepts.ts): each segment's alternatives over index terms, and each concept's weight;
 * 5. intent (intent.ts): instruction requests about product objects, the opening interrogative; asked time frames
 *    (time-frame.ts) and numbers (asked-number.ts).
 */
import { PRIVACY_WORDS } from '../knowledge/tables.js';
import { stem } from '../search/stem.js';
import { isStopword } from '../search/tokenize.js';
import { askedContact } from './asked-contact.js';
import { asksLegalBasis } from './legal-basis.js';
import { asksBreachNotice } from './breach-notice.js';
import { asksDataLocation } from './data-location.js';
import { codeNamesOf } from './code-names.js';
import { asksForFix } from './troubleshooting.js';
import { asksAboutJobOpenings } from './job-openings.js';
import { namesPolicyChange } from './policy-change.js';
import { askedName } from './asked-name.js';
import { askedNumber } from './asked-number.js';
import { asksDefinition } from './definition.js';
import { addSegmentConcept, ConceptList, weighConcepts } from './concepts.js';
import { instructionStart, isProductInstruction, leadInterrogative } from './intent.js';
import { questionWords } from './normalize.js';
import { relayTailStart } from './relay-tail.js';
import { segmentWords, type Segment } from './segment.js';
import { asksDuration, timeFrameTopic } from './time-frame.js';
import { correctSpelling } from './spelling.js';
import { isFiller, isVerb, isWeak } from './words.js';
import { defaultQueryOptions, type AnalyzedQuery, type PlainTerm, type QueryContext, type QueryOptions } from './types.js';

/**
 * Analyses a question into concepts.
 *
 * @example
 * const query = analyzeQuery('how lnog do you stroe my info', context);
 * query.concepts.map((c) => c.source) // => ['how long', 'store', 'info']
 */
export function analyzeQuery(question: string, context: QueryContext, options: QueryOptions = defaultQueryOptions): AnalyzedQuery {
  const { text, tokens } = questionWords(question, context, options);
  const corrected = correctSpelling(tokens, text, context);
  const stems = tokens.map(stem);
  const segments = segmentWords(tokens, stems, context);
  const list = new ConceptList(context);
  const keywords: string[] = [];
  // "Customer asks how to…": the relayed question opens after the chat wrapping.
  const firstAsked = openingAt(segments, tokens, context);
  const relayedHowTo = firstAsked > 0 ? instructionStart(tokens.slice(firstAsked)) : -1;
  const howToStart = relayedHowTo >= 0 ? firstAsked + relayedHowTo : instructionStart(tokens);
  let actionAt = -1;
  let regional = false;
  const segmentKey = (segment: Segment): string => stems.slice(segment.start, segment.start + segment.length).join(' ');
  const preambleEnd = preambleLength(question, context, options);
  const relayTailWordsFrom = relayTailWordStart(question, context, options);
  for (const segment of segments) {
    if (list.concepts.length >= options.maxConcepts) break;
    if (segment.kind === 'skip') continue;
    // "Ticket from a café owner: …", "for the comms FAQ: …": a word of the preamble the policy never uses says who
    // asks or what the answer is for, not what is asked.
    if (segment.kind === 'word' && segment.start + segment.length <= preambleEnd && !context.terms.has(stems[segment.start]!)) continue;
    // "for the DPA questionnaire: what's our lawful basis…": a detail named in the preamble is why the asker asks.
    if (segment.kind === 'unstated' && segment.start + segment.length <= preambleEnd) continue;
    // "…? A customer's security team is asking.": who asks is not what is asked; a rarely stated detail named there
    // ("Customer wants a quote.") still is.
    if (segment.start >= relayTailWordsFrom && segment.kind !== 'unstated') continue;
    // The first concept after "how do I" is the action; the ones after it are its objects.
    if (howToStart >= 0 && segment.start >= howToStart && actionAt < 0 && list.concepts.length > 0) actionAt = list.concepts.length - 1;
    keywords.push(...addSegmentConcept(list, segment, { tokens, stems, corrected }, context, options));
    if (segment.kind === 'rule' && context.synonyms.jurisdictions.has(segmentKey(segment))) regional = true;
  }
  weighConcepts(list, context, options);
  // Right after "how do I", a word that can be a verb is one ("how do I reset…", "how do I point…"); after "can I"
  // it may be anything ("can I get my mom's…"), so there it must mostly be a verb.
  const howOpened = howToStart >= 0 && tokens.slice(0, howToStart).includes('how');
  const actsAsVerb = (word: string): boolean => isVerb(word) || (howOpened && (context.lexicon?.lookup(word).verb ?? false));
  const productHowTo = howToStart >= 0 && actionAt >= 0 && isProductInstruction(list.concepts, actionAt, actsAsVerb);
  // Filler is skipped and weak words discounted as in the concepts: "my colleague asked" and "data" pick no passage.
  const terms: PlainTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isStopword(tokens[i]!) || isFiller(tokens[i]!, context.synonyms)) continue;
    terms.push({ term: stems[i]!, weight: isWeak(stems[i]!, context) ? options.weakWordRankFactor : 1 });
  }
  const namesPersonalData = tokens.some((token) => PRIVACY_WORDS.has(token));
  const asksTimeFrame = timeFrameTopic(tokens.join(' '));
  return {
    concepts: list.concepts,
    keywords: keywords.join(' '),
    productHowTo,
    interrogative: leadInterrogative(tokens.slice(firstAsked), howToStart >= 0),
    regional,
    terms,
    namesPersonalData,
    timeFrameTopic: asksTimeFrame,
    asksDuration: asksDuration(tokens.join(' ')),
    askedNumber: askedNumber(question),
    askedName: askedName(question),
    askedContact: askedContact(question),
    asksLegalBasis: asksLegalBasis(question),
    asksBreachNotice: asksBreachNotice(question),
    asksDataLocation: asksDataLocation(question),
    codeNames: codeNamesOf(question),
    asksForFix: asksForFix(question),
    asksAboutJobOpenings: asksAboutJobOpenings(question),
    asksPolicyChange: namesPolicyChange(question),
    asksDefinition: asksDefinition(question),
    // "My 14 year old wants an account…", "is there an age requirement?": read where the children family's age phrases matched.
    concernsAge: segments.some((segment) => segment.kind === 'rule' && context.synonyms.agePhrases.has(segmentKey(segment))),
  };
}

/** Where the asked question opens after its chat wrapping ("Customer asks what a cookie is" → "what"). */
function openingAt(segments: readonly Segment[], tokens: readonly string[], context: QueryContext): number {
  const opening = segments.find((segment) => segment.kind !== 'filler' && segment.kind !== 'skip' && !(segment.kind === 'word' && isFiller(tokens[segment.start]!, context.synonyms)));
  return opening?.start ?? 0;
}

// A lead-in before a colon, with no question in it: "CSM question: …", "quick one for the DPIA draft: …".
const PREAMBLE = /^\s*([^?:\n]{3,80}?):\s+\S/;

/** How many of the question's words its preamble holds (0 when it has none). */
function preambleLength(question: string, context: QueryContext, options: QueryOptions): number {
  const preamble = PREAMBLE.exec(question)?.[1];
  return preamble === undefined ? 0 : questionWords(preamble, context, options).tokens.length;
}

/** Where the question's relay note ("…? A customer's security team is asking.") starts, in words (Infinity when it has none). */
function relayTailWordStart(question: string, context: QueryContext, options: QueryOptions): number {
  const at = relayTailStart(question);
  return at < 0 ? Infinity : questionWords(question.slice(0, at), context, options).tokens.length;
}
