/**
 * Stage 1 of query analysis: from the question as typed to its words. Chat noise goes (mentions, addresses, URLs,
 * ticket and phone numbers), case-dependent variants are rewritten ("US" the country), texting slang is spelled
 * out, intensifiers dropped, the policy's acronyms expanded ("CWA" → "corona warn app") and its names typed apart
 * joined ("data robot" → "datarobot").
 */
import { INTENSIFIERS, SLANG, TEXT_REWRITES } from '../knowledge/tables.js';
import { stripChatNoise } from '../search/noise.js';
import { stem } from '../search/stem.js';
import { tokenize } from '../search/tokenize.js';
import type { QueryContext, QueryOptions } from './types.js';
import { isWeak } from './words.js';

/** The question after noise removal (original case) and its words. */
export interface QuestionWords {
  text: string;
  tokens: string[];
}

/**
 * Turns a question into lower-case words.
 *
 * @example
 * questionWords('@here how long do u keep my data? mail me at a@b.co', context, defaultQueryOptions).tokens
 * // => ['how', 'long', 'do', 'you', 'keep', 'my', 'data']
 */
export function questionWords(question: string, context: QueryContext, options: QueryOptions): QuestionWords {
  // "Subscriber asks…": a role the policy has its own words for is what the question is about, not a name.
  const isQuestionWord = (word: string): boolean => {
    const term = stem(word);
    return context.terms.has(term) && !isWeak(term, context);
  };
  let text = stripChatNoise(question.slice(0, options.maxQuestionChars), { replacement: ' ', isQuestionWord });
  // Before lower-casing: some variants are told apart only by case ("US" the country, "us" the pronoun).
  for (const [pattern, replacement] of TEXT_REWRITES) text = text.replace(pattern, replacement);
  const tokens: string[] = [];
  // Names first, so that slang does not spell out a name's words ("Read the Docs" is no "read the documents").
  for (const raw of joinNames(tokenize(text), context)) {
    // "under 18s", "over-16s": the age, not an unknown word.
    const token = /^\d+s$/.test(raw) ? raw.slice(0, -1) : raw;
    // After a number, "yr" is a year ("my 14 yr old"), not texting for "your".
    const afterNumber = /^\d+$/.test(tokens[tokens.length - 1] ?? '');
    const expansion = afterNumber && /^yrs?$/.test(token) ? 'year' : Object.hasOwn(SLANG, token) ? SLANG[token] : undefined;
    if (expansion === undefined) tokens.push(token);
    else for (const word of expansion.split(' ')) tokens.push(word);
  }
  for (let i = tokens.length - 1; i >= 0; i--) if (INTENSIFIERS.has(tokens[i]!)) tokens.splice(i, 1);
  // An acronym of one of the policy's names that the policy itself never writes is that name ("CWA" for the
  // Corona-Warn-App): the long form is what the policy's passages contain.
  if (context.acronyms !== undefined && context.acronyms.size > 0) {
    for (let i = tokens.length - 1; i >= 0; i--) {
      const longForm = context.acronyms.get(tokens[i]!);
      // An acronym the tables know ("gdpr", "ip", "dpo") already means what it means.
      if (longForm !== undefined && !context.synonyms.words.has(tokens[i]!) && !context.terms.has(tokens[i]!)) tokens.splice(i, 1, ...longForm.split(' '));
    }
  }
  // Again, for the names the acronyms stood for ("RTD" → "read the docs").
  return { text, tokens: joinNames(tokens, context) };
}

/** The policy's names typed as words ("data robot", "read the docs") become the names, in place. */
function joinNames(tokens: string[], context: QueryContext): string[] {
  if (context.joinedNames === undefined || context.joinedNames.size === 0) return tokens;
  for (let length = 4; length >= 2; length--) {
    for (let i = tokens.length - length; i >= 0; i--) {
      const joined = context.joinedNames.get(tokens.slice(i, i + length).join(' '));
      if (joined !== undefined) tokens.splice(i, length, joined);
    }
  }
  return tokens;
}
