/**
 * Question suggestions drawn from the policy, for "as you type" pickers (Discord's autocomplete) and example lists
 * (Slack's Home tab): the typed question itself when the answerer answers it, the headings of the sections it reaches,
 * then headings that share the typed words. Every suggestion is a question that the answerer answers from the section
 * it names, checked by asking it. Platform-free: adapters map {@link Suggestion}s to their own choice objects.
 */
import { EXAMPLE_QUESTIONS } from './example-questions.js';
import {
  ADDRESSEES,
  AUXILIARIES_BEFORE_SUBJECT,
  LEADING_GREETINGS,
  NON_TOPIC_WORDS,
  QUESTION_OPENERS,
  QUESTION_SUBJECTS,
} from './question-words.js';
import type { AnswerPassage, Answerer, PolicyDocument } from './types.js';
import { clampChars } from './render/trim.js';

/** One suggestion: what the list shows, and what is asked when it is picked. */
export interface Suggestion {
  /** Shown in the list: the typed question, or a section heading (with its parent when the heading repeats). */
  label: string;
  /** Asked when picked; the answerer answers it from the suggested section (or, for the typed text, as typed). */
  question: string;
}

/** Options for {@link suggestQuestions} and {@link exampleQuestions}. */
export interface SuggestOptions {
  /** At most this many suggestions. */
  limit: number;
  /** Longest label and question, in characters (Discord's choice name and value limit). */
  maxChars: number;
  /** Typed text is cut to this many characters before answering, bounding the work per keystroke. */
  maxTypedChars: number;
  /** Sections of the typed question's answer that are suggested (the answer's own passages, best first). */
  answerSections: number;
  /**
   * Answerer calls one request may spend checking sections not checked before. A corpus of many similar policies has
   * thousands of headings that match a typed word but that no short question reaches; without a budget one keystroke
   * could check them all. Checks are cached, so later keystrokes find more.
   */
  maxChecks: number;
}

export const defaultSuggestOptions: Readonly<SuggestOptions> = { limit: 10, maxChars: 100, maxTypedChars: 300, answerSections: 3, maxChecks: 24 };

// Typed words that say nothing about a topic never match a heading.
const nonTopicWords = new Set([...QUESTION_OPENERS, ...AUXILIARIES_BEFORE_SUBJECT, ...QUESTION_SUBJECTS, ...LEADING_GREETINGS, ...ADDRESSEES, ...NON_TOPIC_WORDS]);

interface IndexedSection {
  document: PolicyDocument;
  path: readonly string[];
  /** Heading, or "parent › heading" when the heading repeats in its document; plus the document title if there are several. */
  label: string;
  /** Lower-case words of the label, for matching typed words. */
  words: string[];
  /** Lazily: the first candidate question that the answerer answers from this section, or null when none does. */
  question?: string | null;
}

interface SectionIndex {
  sections: IndexedSection[];
  byPassage: Map<string, IndexedSection>;
  examples?: string[];
}

// Keyed by the answerer's documents array, which is new whenever hot reload builds a new answerer.
const indexes = new WeakMap<readonly PolicyDocument[], SectionIndex>();

/**
 * Up to `limit` suggestions for what a person has typed so far; with nothing typed, the example questions the policy
 * answers and then its top-level headings. Cheap enough for every keystroke: one answer for the typed text and one
 * (cached) check per suggested section.
 *
 * @example
 * suggestQuestions(answerer, 'how long do you keep')
 * // => [{ label: 'how long do you keep', question: 'how long do you keep' },
 * //     { label: 'Data retention', question: 'Data retention' }, …]
 */
export function suggestQuestions(answerer: Answerer, typed: string, options: Partial<SuggestOptions> = {}): Suggestion[] {
  const opts = { ...defaultSuggestOptions, ...options };
  const index = sectionIndex(answerer.documents);
  const text = typed.replace(/\s+/g, ' ').trim().slice(0, opts.maxTypedChars).trim();
  const out: Suggestion[] = [];
  const questions = new Set<string>();
  const sections = new Set<IndexedSection>();
  const budget = { checks: opts.maxChecks };

  const add = (label: string, question: string): void => {
    const key = question.toLowerCase();
    if (out.length >= opts.limit || question.length > opts.maxChars || questions.has(key)) return;
    questions.add(key);
    out.push({ label: clampChars(label, opts.maxChars), question });
  };
  const addSection = (section: IndexedSection): void => {
    if (out.length >= opts.limit || sections.has(section)) return;
    sections.add(section);
    const question = reachingQuestion(answerer, section, budget);
    if (question) add(section.label, question);
  };

  if (!text) {
    for (const example of exampleQuestions(answerer, opts)) add(example, example);
    for (const section of index.sections) if (section.path.length === 1) addSection(section);
    return out;
  }
  const answer = answerer.answer(text, { top: opts.answerSections });
  if (answer.answered) {
    add(text, text);
    for (const passage of answer.passages) {
      const section = index.byPassage.get(passageKey(passage.documentId, passage.sectionId));
      if (section) addSection(section);
    }
  }
  for (const section of headingsMatching(index, text)) addSection(section);
  return out;
}

/**
 * The general example questions (`src/example-questions.ts`) that this policy answers, in their listed order.
 *
 * @example
 * exampleQuestions(answerer, { limit: 3 }) // => ['How long do you keep my data?', 'Do you sell my data?', …]
 */
export function exampleQuestions(answerer: Answerer, options: Partial<Pick<SuggestOptions, 'limit'>> = {}): string[] {
  const limit = options.limit ?? defaultSuggestOptions.limit;
  const index = sectionIndex(answerer.documents);
  index.examples ??= EXAMPLE_QUESTIONS.filter((question) => answerer.answer(question, { top: 1 }).answered);
  return index.examples.slice(0, limit);
}

function sectionIndex(documents: readonly PolicyDocument[]): SectionIndex {
  let index = indexes.get(documents);
  if (index) return index;
  const sections: IndexedSection[] = [];
  const byPassage = new Map<string, IndexedSection>();
  for (const document of documents) {
    const headingCounts = new Map<string, number>();
    for (const section of document.sections) {
      const heading = lastOf(section.path).toLowerCase();
      headingCounts.set(heading, (headingCounts.get(heading) ?? 0) + 1);
    }
    for (const section of document.sections) {
      if (section.path.length === 0) continue;
      const heading = lastOf(section.path);
      const repeated = (headingCounts.get(heading.toLowerCase()) ?? 0) > 1 && section.path.length > 1;
      let label = repeated ? `${section.path[section.path.length - 2]} › ${heading}` : heading;
      if (documents.length > 1) label += ` (${document.title})`;
      const indexed: IndexedSection = { document, path: section.path, label, words: wordsOf(label) };
      sections.push(indexed);
      byPassage.set(passageKey(document.id, section.id), indexed);
    }
  }
  index = { sections, byPassage };
  indexes.set(documents, index);
  return index;
}

/**
 * The heading, then "parent: heading", then the whole path: the first that the answerer answers with a passage of
 * this section (or of one of its sub-sections) first. Cached on the section; undefined (not checked, nothing cached)
 * when the budget does not cover all the candidates.
 */
function reachingQuestion(answerer: Answerer, section: IndexedSection, budget: { checks: number }): string | null | undefined {
  if (section.question !== undefined) return section.question;
  const heading = lastOf(section.path);
  const candidates = [heading];
  if (section.path.length > 1) candidates.push(`${section.path[section.path.length - 2]}: ${heading}`, section.path.join(': '));
  const distinct = [...new Set(candidates)];
  if (budget.checks < distinct.length) return undefined;
  section.question = null;
  for (const candidate of distinct) {
    budget.checks -= 1;
    const first = answerer.answer(candidate, { top: 1 }).passages[0];
    if (first && reaches(first, section)) {
      section.question = candidate;
      break;
    }
  }
  return section.question;
}

function reaches(passage: AnswerPassage, section: IndexedSection): boolean {
  return passage.documentId === section.document.id && section.path.every((heading, i) => passage.section[i] === heading);
}

/**
 * Sections whose label has a word starting with a typed topic word (three letters or more), best first: a typed word
 * counts more the fewer headings it matches, and words matching more than a fifth of the headings ("data", "your")
 * do not count at all.
 */
function headingsMatching(index: SectionIndex, text: string): IndexedSection[] {
  const typed = [...new Set(wordsOf(text))].filter((word) => word.length >= 3 && !nonTopicWords.has(word));
  const scores = new Map<IndexedSection, number>();
  const tooCommon = Math.max(3, index.sections.length / 5);
  for (const word of typed) {
    const matched = index.sections.filter((section) => section.words.some((headingWord) => headingWord.startsWith(word)));
    if (matched.length === 0 || matched.length > tooCommon) continue;
    const weight = Math.log(1 + index.sections.length / matched.length);
    for (const section of matched) scores.set(section, (scores.get(section) ?? 0) + weight);
  }
  // Array.prototype.sort is stable, so equal scores keep document order.
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([section]) => section);
}

function passageKey(documentId: string, sectionId: string): string {
  return `${documentId}#${sectionId}`;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

function lastOf(path: readonly string[]): string {
  return path[path.length - 1] ?? '';
}

