/**
 * The answer-kind table of the sentence highlighter (highlight-cues.json): which kind of answer a question asks for
 * ("how long" → a duration, "who" → a party, "can I" → a right or a choice), and the wording by which a policy
 * sentence gives that kind of answer. Question phrases are matched on words and answer phrases on stems, with the
 * index's own tokenizer and stemmer.
 */
import table from './highlight-cues.json' with { type: 'json' };
import { EMAIL } from '../search/noise.js';
import { namesPlace } from '../query/asked-name.js';
import { givesContact } from '../query/asked-contact.js';
import { stem } from '../search/stem.js';
import { tokenize } from '../search/tokenize.js';

/** One row of the table as written in the JSON file. */
export interface AnswerKindRow {
  kind: string;
  /** Applies only when no other kind matches the question ("do you…", "is…": a yes/no question). */
  fallback?: boolean;
  /** Question phrases; `...` stands for any words in between. */
  asks: string[];
  /** Sentence phrases; special words start with `#` (see {@link specialCues}). */
  answers: string[];
  /** Sentence phrases that all but state the answer ("30 days" for a duration, an e-mail address for a contact). */
  strongAnswers?: string[];
}

/**
 * Special words of `answers`: `#number` stands for a number inside a phrase ("#number days"); the others are tested
 * on a sentence's raw text and stand alone.
 */
export const specialCues = ['#number', '#email', '#url', '#phone', '#colon', '#commas', '#place'] as const;
type TextCue = Exclude<(typeof specialCues)[number], '#number'>;

const NUMBER = /^\d+(?:st|nd|rd|th)?$/;
/**
 * Stems of number words, which stand for `#number` inside a phrase ("two weeks"), not alone: "one" is left out, its stem
 * being the preposition's ("on").
 */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'ninety', 'hundred'].map(stem),
);

/** A test on a sentence's raw text: a pattern, or a function such as {@link namesPlace}. */
interface TextTest {
  test(text: string): boolean;
}

const TEXT_TESTS: Readonly<Record<TextCue, TextTest>> = {
  '#email': new RegExp(EMAIL),
  '#url': /\bhttps?:\/\/\S|\bwww\.\S/i,
  '#phone': { test: (text: string) => givesContact(text, 'phone') },
  // A colon that introduces something, not one inside a time ("10:30") or an address ("https://").
  '#colon': /:(?:\s|$)/,
  '#commas': /,[^,]+,[^,]+,/,
  '#place': { test: namesPlace },
};

/** What a gap (`...`) in a question phrase costs in specificity, in words. */
const GAP_COST = 1.5;

/** A question phrase compiled to stems: segments that must occur in order, any words between them. */
interface AskPattern {
  kind: number;
  /** Matches only at the start of a clause (after openers such as "hey", "ok so"). */
  anchored: boolean;
  segments: string[][];
  /**
   * How specific the phrase is: its number of stems, less for each gap ("legal basis" says more than "what … for").
   * The most specific phrase of a clause decides its kind; the earliest one among equals.
   */
  specificity: number;
}

/** The compiled table. */
export interface AnswerKinds {
  /** Kind names; a kind's number is its position here, its bit `1 << number`. */
  readonly names: readonly string[];
  /** Kinds that apply only when no other kind matches, as a bit mask. */
  readonly fallbackMask: number;
  /** Question phrases by the first stem of their first segment. */
  readonly asksByFirst: ReadonlyMap<string, readonly AskPattern[]>;
  /** Stems of words that may open a clause before an anchored phrase ("hey", "so"). */
  readonly openers: ReadonlySet<string>;
  /** Words that negate ("not", "never", "can't"), as tokens. */
  readonly negations: ReadonlySet<string>;
  /** Endings that leave a sentence unfinished ("…when you.", "…the right to."): it introduces a list, as tokens. */
  readonly unfinished: ReadonlyArray<readonly string[]>;
  /** Openings of a sentence that points elsewhere ("For more information…", "To learn more…"), as tokens. */
  readonly pointers: ReadonlyArray<readonly string[]>;
  /** Words that, opening a sentence before a lower-case word, make it go on from the one before ("This includes…"). */
  readonly continuations: ReadonlySet<string>;
  /** Sentence phrases by their first stem (`#number` for those starting with a number). */
  readonly answersByFirst: ReadonlyMap<string, readonly AnswerCue[]>;
  /** Cues tested on a sentence's raw text (e-mail addresses, web addresses, colons, lists). */
  readonly textCues: ReadonlyArray<{ test: TextTest; bit: number; strong: boolean }>;
}

/** A sentence phrase: its stems (`#number` for any number) and the kind it gives, strongly or not. */
interface AnswerCue {
  stems: readonly string[];
  bit: number;
  strong: boolean;
}

/** The kinds of answer a sentence gives, as bit masks (bit `1 << kind`). */
export interface SentenceKinds {
  kinds: number;
  /** Kinds whose strong cues it contains (a subset of `kinds`). */
  strong: number;
}

function stems(phrase: string): string[] {
  return tokenize(phrase).map(stem);
}

function fail(what: string): never {
  throw new Error(`highlight: highlight-cues.json ${what}`);
}

/**
 * Checks a table's shape and phrases: known special words, no empty phrase, no kind without `asks` or `answers`,
 * at most 30 kinds (they are bits of a number).
 *
 * @example
 * validateAnswerKinds(rows) // throws 'highlight: highlight-cues.json kind "x" …' when a row is malformed
 */
export function validateAnswerKinds(rows: unknown): AnswerKindRow[] {
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > 30) fail('must list between 1 and 30 kinds');
  const seen = new Set<string>();
  return rows.map((row: unknown, i) => {
    const r = row as Partial<AnswerKindRow> | null;
    if (r === null || typeof r !== 'object' || typeof r.kind !== 'string' || r.kind === '') fail(`row ${i} has no kind name`);
    if (seen.has(r.kind)) fail(`lists kind "${r.kind}" twice`);
    seen.add(r.kind);
    for (const field of ['asks', 'answers', 'strongAnswers'] as const) {
      const list = r[field];
      if (list === undefined && field === 'strongAnswers') continue;
      if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string')) fail(`kind "${r.kind}" needs a non-empty list "${field}"`);
      for (const phrase of list) {
        const specials = phrase.split(/\s+/).filter((word) => word.startsWith('#'));
        const unknown = specials.find((word) => !(specialCues as readonly string[]).includes(word));
        if (unknown !== undefined || (field === 'asks' && specials.length > 0)) fail(`kind "${r.kind}" has an unknown special word in "${field}": ${JSON.stringify(phrase)}`);
        if (specials.some((word) => word !== '#number') && phrase.trim() !== specials[0]) fail(`kind "${r.kind}" uses ${specials[0]} inside a phrase in "${field}"; it stands alone`);
        if (specials.length === 0 && phrase.replace(/^\^/, '').split('...').some((part) => tokenize(part).length === 0)) {
          fail(`kind "${r.kind}" has a phrase without words in "${field}": ${JSON.stringify(phrase)}`);
        }
      }
    }
    if (r.fallback !== undefined && typeof r.fallback !== 'boolean') fail(`kind "${r.kind}" has a non-boolean "fallback"`);
    return r as AnswerKindRow;
  });
}

/**
 * Compiles table rows and clause openers (default: highlight-cues.json) to stems.
 *
 * @example
 * const kinds = compileAnswerKinds();
 * kinds.names[askedKind(kinds, 'how long do you keep my data')] // => 'duration'
 */
export function compileAnswerKinds(
  rows: readonly AnswerKindRow[] = defaultRows(),
  openers: readonly string[] = defaultWords('openers'),
  negations: readonly string[] = defaultWords('negations'),
  unfinished: readonly string[] = defaultPhrases('unfinished'),
  pointers: readonly string[] = defaultPhrases('pointers'),
  continuations: readonly string[] = defaultWords('continuations'),
): AnswerKinds {
  const names: string[] = [];
  const asksByFirst = new Map<string, AskPattern[]>();
  const answersByFirst = new Map<string, AnswerCue[]>();
  const textCues: Array<{ test: TextTest; bit: number; strong: boolean }> = [];
  let fallbackMask = 0;
  rows.forEach((row, kind) => {
    names.push(row.kind);
    const bit = 1 << kind;
    if (row.fallback === true) fallbackMask |= bit;
    for (const phrase of row.asks) {
      // Question phrases are matched on words, not stems: they are mostly function words ("how long", "who do I"),
      // and a question's words need no stemming that way.
      const segments = phrase.replace(/^\^/, '').split('...').map(tokenize);
      const length = segments.reduce((sum, segment) => sum + segment.length, 0);
      const first = segments[0]![0]!;
      let list = asksByFirst.get(first);
      if (list === undefined) asksByFirst.set(first, (list = []));
      list.push({ kind, anchored: phrase.startsWith('^'), segments, specificity: length - GAP_COST * (segments.length - 1) });
    }
    const answers = [...row.answers.map((phrase) => ({ phrase, strong: false })), ...(row.strongAnswers ?? []).map((phrase) => ({ phrase, strong: true }))];
    for (const { phrase, strong } of answers) {
      if (Object.hasOwn(TEXT_TESTS, phrase)) {
        textCues.push({ test: TEXT_TESTS[phrase as TextCue], bit, strong });
        continue;
      }
      const phraseStems = phrase.split(/\s+/).flatMap((word) => (word === '#number' ? [word] : stems(word)));
      const first = phraseStems[0]!;
      let list = answersByFirst.get(first);
      if (list === undefined) answersByFirst.set(first, (list = []));
      list.push({ stems: phraseStems, bit, strong });
    }
  });
  return { names, fallbackMask, asksByFirst, openers: new Set(openers.flatMap(tokenize)), negations: new Set(negations.flatMap(tokenize)), unfinished: unfinished.map(tokenize), pointers: pointers.map(tokenize), continuations: new Set(continuations.flatMap(tokenize)), answersByFirst, textCues };
}

let compiledDefault: AnswerKinds | undefined;

function defaultRows(): AnswerKindRow[] {
  return validateAnswerKinds((table as { kinds: unknown }).kinds);
}

function defaultWords(field: 'openers' | 'negations' | 'continuations'): string[] {
  const words = (table as Record<string, unknown>)[field];
  if (!Array.isArray(words) || !words.every((word) => typeof word === 'string' && tokenize(word).length === 1)) fail(`needs "${field}": a list of single words`);
  return words as string[];
}

function defaultPhrases(field: 'unfinished' | 'pointers'): string[] {
  const phrases = (table as Record<string, unknown>)[field];
  if (!Array.isArray(phrases) || !phrases.every((phrase) => typeof phrase === 'string' && tokenize(phrase).length > 0)) fail(`needs "${field}": a list of phrases`);
  return phrases as string[];
}

/**
 * Whether a sentence's tokens end with one of the table's unfinished endings ("We may collect your data when you.").
 *
 * @example
 * endsUnfinished(defaultAnswerKinds(), tokenize('You have the right to.')) // => true
 */
export function endsUnfinished(kinds: AnswerKinds, tokens: readonly string[]): boolean {
  return kinds.unfinished.some((ending) => ending.length <= tokens.length && ending.every((word, k) => tokens[tokens.length - ending.length + k] === word));
}

/**
 * Whether a sentence only points elsewhere: it opens with one of the table's pointers ("For more information, see our
 * Cookie Policy.") and gives no address, which would make it the answer to "where can I find…".
 *
 * @example
 * pointsElsewhere(defaultAnswerKinds(), 'To learn more, visit our help center.', tokenize('To learn more, visit our help center.')) // => true
 */
export function pointsElsewhere(kinds: AnswerKinds, text: string, tokens: readonly string[]): boolean {
  const opens = kinds.pointers.some((opening) => opening.length <= tokens.length && opening.every((word, k) => tokens[k] === word));
  return opens && !TEXT_TESTS['#email'].test(text) && !TEXT_TESTS['#url'].test(text);
}

/** The compiled default table, shared by every highlighter of the process. */
export function defaultAnswerKinds(): AnswerKinds {
  compiledDefault ??= compileAnswerKinds();
  return compiledDefault;
}

function matchesAt(words: readonly string[], at: number, phrase: readonly string[], to = words.length): boolean {
  if (at + phrase.length > to) return false;
  for (let k = 0; k < phrase.length; k++) {
    const word = words[at + k]!;
    if (phrase[k] === '#number' ? !NUMBER.test(word) && !(phrase.length > 1 && NUMBER_WORDS.has(word)) : word !== phrase[k]) return false;
  }
  return true;
}

/** Whether a pattern whose first segment matches at `at` matches as a whole (its other segments after it, in order). */
function matchesFrom(words: readonly string[], at: number, to: number, pattern: AskPattern): boolean {
  const { segments } = pattern;
  if (!matchesAt(words, at, segments[0]!, to)) return false;
  let from = at + segments[0]!.length;
  for (let s = 1; s < segments.length; s++) {
    const segment = segments[s]!;
    let found = -1;
    for (let k = from; k < to && found < 0; k++) if (matchesAt(words, k, segment, to)) found = k;
    if (found < 0) return false;
    from = found + segment.length;
  }
  return true;
}

/**
 * The kind of answer a question (or one clause of it) asks for: the kind of its most specific question phrase (the
 * earliest among equals), fallback kinds only when nothing else matches; -1 when no phrase matches.
 *
 * @example
 * const kinds = defaultAnswerKinds();
 * kinds.names[askedKind(kinds, 'ok so who do you share my data with?')] // => 'party'
 */
export function askedKind(kinds: AnswerKinds, question: string): number {
  return kindOfWords(kinds, tokenize(question));
}

/** The asked kind of the clause `words[from, to)` (tokens), or -1. */
function kindOfWords(kinds: AnswerKinds, words: readonly string[], from = 0, to = words.length, only = -1): number {
  let start = from;
  while (start < to && kinds.openers.has(words[start]!)) start++;
  let best: AskPattern | undefined;
  let bestFallback = true;
  // Positions in order, so the first pattern of equal specificity found is the earliest.
  for (let at = from; at < to; at++) {
    const patterns = kinds.asksByFirst.get(words[at]!);
    if (patterns === undefined) continue;
    for (const pattern of patterns) {
      if (pattern.anchored && at !== start) continue;
      if ((only & (1 << pattern.kind)) === 0) continue;
      const fallback = (kinds.fallbackMask & (1 << pattern.kind)) !== 0;
      // A fallback never displaces another kind; another kind always displaces a fallback.
      if (best !== undefined && (fallback ? !bestFallback || pattern.specificity <= best.specificity : !bestFallback && pattern.specificity <= best.specificity)) continue;
      if (!matchesFrom(words, at, to, pattern)) continue;
      best = pattern;
      bestFallback = fallback;
    }
  }
  return best === undefined ? -1 : best.kind;
}

/** What a question asks: the kind of answer and the clause that asks it. */
export interface AskedClause {
  /** The asked kind's number, or -1. */
  kind: number;
  /**
   * The asked kind's bit, plus the bit of a fallback kind the same clause also asks: "can I delete my account?"
   * asks for a right and is a yes/no question, answered by "you can" or by "you cannot" alike.
   */
  bits: number;
  /** Stems of the asking clause; null when no clause asks in a way the table knows. */
  focus: readonly string[] | null;
  /** The question's words (mentions and addresses left out). */
  tokens: readonly string[];
}

// Slack and Discord mentions (<@U123>, <#C1|x>), @names, e-mail and web addresses.
const CHAT_NOISE = /<[^<>]*>|\S*@\S+|\bhttps?:\/\/\S+/g;

// A question's clauses end at sentence punctuation (which also ends the sentence), commas, semicolons, colons and
// dashes between words. Breaks become marker words, so one pass of the shared tokenizer reads words and breaks alike.
const SENTENCE_BREAK = /[.?!]+(?=\s|$)/g;
const CLAUSE_BREAK = /[;:,]+(?=\s|$)|\s[-\u2013\u2014]+\s/g;
const SENTENCE_MARK = 'zqzsentencezqz';
const CLAUSE_MARK = 'zqzclausezqz';

/**
 * The clause of a question that asks, and its kind: the last clause with a question phrase ("Customer in Virginia
 * had their request turned down. Can they challenge that?" asks in its second sentence; the first one is context).
 * A clause that only asks "is…" or "do you…" (a fallback kind) gives way to a more specific clause of an earlier
 * sentence ("Legal asks what mechanism covers transfers. Is that right?"), not to one of its own sentence ("when my
 * browser checks a certificate, do you log my IP?").
 *
 * @example
 * const kinds = defaultAnswerKinds();
 * const asked = askingClause(kinds, 'when my browser checks a cert, do you log my IP?');
 * kinds.names[asked.kind] // => 'whether'; asked.focus // => ['do', 'you', 'log', 'my', 'ip']
 */
export function askingClause(kinds: AnswerKinds, question: string): AskedClause {
  // Mentions and addresses are not words of the question ("hey @bot will you…" asks with "will you").
  const text = /[@<]|:\/\//.test(question) ? question.replace(CHAT_NOISE, ' ') : question;
  const marked = text.replace(SENTENCE_BREAK, ` ${SENTENCE_MARK} `).replace(CLAUSE_BREAK, ` ${CLAUSE_MARK} `);
  const tokens: string[] = [];
  const clauseEnds: number[] = [];
  const clauseSentence: number[] = [];
  let sentenceNumber = 0;
  for (const token of tokenize(marked)) {
    if (token !== SENTENCE_MARK && token !== CLAUSE_MARK) {
      tokens.push(token);
      continue;
    }
    clauseEnds.push(tokens.length);
    clauseSentence.push(sentenceNumber);
    if (token === SENTENCE_MARK) sentenceNumber++;
  }
  clauseEnds.push(tokens.length);
  clauseSentence.push(sentenceNumber);
  const isFallback = (kind: number): boolean => (kinds.fallbackMask & (1 << kind)) !== 0;
  let kind = -1;
  let from = 0;
  let to = 0;
  let sentence = -1;
  for (let i = clauseEnds.length - 1; i >= 0 && (kind < 0 || isFallback(kind)); i--) {
    const start = i === 0 ? 0 : clauseEnds[i - 1]!;
    const end = clauseEnds[i]!;
    if (kind >= 0 && clauseSentence[i] === sentence) continue;
    const found = start === end ? -1 : kindOfWords(kinds, tokens, start, end);
    if (found >= 0 && (kind < 0 || !isFallback(found))) {
      kind = found;
      from = start;
      to = end;
      sentence = clauseSentence[i]!;
    }
  }
  let bits = kind < 0 ? 0 : 1 << kind;
  if (kind >= 0 && !isFallback(kind)) {
    const also = kindOfWords(kinds, tokens, from, to, kinds.fallbackMask);
    if (also >= 0) bits |= 1 << also;
  }
  return { kind, bits, focus: kind < 0 ? null : tokens.slice(from, to).map(stem), tokens };
}

/**
 * The kinds of answer a sentence gives, from its stems and raw text.
 *
 * @example
 * const kinds = defaultAnswerKinds();
 * const text = 'We keep logs for 30 days.';
 * answerKindsOf(kinds, text, tokenize(text).map(stem)).strong & (1 << kinds.names.indexOf('duration')) // => non-zero
 */
export function answerKindsOf(kinds: AnswerKinds, text: string, words: readonly string[]): SentenceKinds {
  let mask = 0;
  let strong = 0;
  const add = (cue: { bit: number; strong: boolean }): void => {
    mask |= cue.bit;
    if (cue.strong) strong |= cue.bit;
  };
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    for (const key of NUMBER.test(word) || NUMBER_WORDS.has(word) ? [word, '#number'] : [word]) {
      for (const cue of kinds.answersByFirst.get(key) ?? []) if (matchesAt(words, at, cue.stems)) add(cue);
    }
  }
  for (const cue of kinds.textCues) if (cue.test.test(text)) add(cue);
  return { kinds: mask, strong };
}
