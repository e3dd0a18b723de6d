/**
 * Cuts section text into passages: runs of whole sentences, each a verbatim slice of the section text.
 */
import type { Passage, PolicyDocument, PolicySection } from '../types.js';

/** A half-open character range `[start, end)` in a section's text. */
export interface TextSpan {
  start: number;
  end: number;
}

// Words that end in a period without ending the sentence when the next word starts in lower case.
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'inc', 'etc', 'co', 'ltd', 'jr', 'sr', 'u.s', 'u.k', 'cf', 'approx', 'dept', 'fig',
]);

const CLOSERS = '"\')]}\u201D\u2019\u00BB';

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00A0';
}

/** The word just before position `dot` (exclusive), lower-cased, e.g. "e.g" for "e.g.". */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && !isSpace(text[i]) && text[i] !== '(') i--;
  return text.slice(i + 1, dot).toLowerCase();
}

/**
 * Finds sentence spans in text: a sentence ends at `.`, `!` or `?` (plus closing quotes) followed by white
 * space, or at any line break (paragraphs and list items end sentences even without punctuation).
 * Spans exclude surrounding white space.
 *
 * @example
 * splitSentences('We keep it. We delete it!\n\nItem one') // three spans: "We keep it.", "We delete it!", "Item one"
 */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = -1;
  const push = (end: number): void => {
    let e = end;
    while (e > start && isSpace(text[e - 1])) e--;
    if (start >= 0 && e > start) spans.push({ start, end: e });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (start < 0) {
      if (!isSpace(ch)) start = i;
      else continue;
    }
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text[end] ?? '')) end++;
    if (end < text.length && !isSpace(text[end])) continue; // "datarobot.com", "3.5"
    if (ch === '.') {
      let next = end;
      while (next < text.length && text[next] === ' ') next++;
      const following = text[next];
      const abbreviation = ABBREVIATIONS.has(wordBefore(text, i));
      // After an abbreviation only a capital letter or a line break proves the sentence ended.
      if (abbreviation && following !== undefined && following !== '\n' && following === following.toLowerCase()) continue;
    }
    push(end);
    i = end - 1;
  }
  if (start >= 0) push(text.length);
  return spans;
}

/**
 * Groups whole sentences of `text` into passages of at most `maxChars` characters (a single longer sentence
 * becomes a passage of its own). Sizes are balanced, so 900 characters give two passages of ~450 rather
 * than 800 + 100. Each span is a verbatim slice of `text`; empty text gives no span.
 *
 * @example
 * splitPassages('One. Two. Three.', 10) // => spans of "One. Two.", "Three."
 */
export function splitPassages(text: string, maxChars = 800): TextSpan[] {
  const sentences = splitSentences(text);
  const passages: TextSpan[] = [];
  const limit = Math.max(1, maxChars);
  let i = 0;
  while (i < sentences.length) {
    const first = sentences[i]!;
    const lastSentence = sentences[sentences.length - 1]!;
    const remaining = lastSentence.end - first.start;
    const target = remaining / Math.ceil(remaining / limit);
    let j = i;
    // Take the next sentence while it fits and its middle stays within the balanced target size.
    while (j + 1 < sentences.length) {
      const next = sentences[j + 1]!;
      const length = next.end - first.start;
      if (length > limit) break;
      if ((next.start + next.end) / 2 - first.start > target) break;
      j++;
    }
    passages.push({ start: first.start, end: sentences[j]!.end });
    i = j + 1;
  }
  return passages;
}

/**
 * The sentence that introduces the list a span starts inside, if any: a paragraph ending in a colon ("We may share
 * your data with:") followed by list items up to the span's start. Items are paragraphs that end in ";" or ",", or
 * are short, or start in lower case; a list item quoted alone would not say what it is a list of.
 *
 * @example
 * const text = 'We share data with:\n\nvendors;\n\naffiliates.';
 * listIntroduction(text, text.indexOf('affiliates')) // => { start: 0, end: 19 } ("We share data with:")
 */
export function listIntroduction(text: string, start: number): TextSpan | null {
  // The span must itself start with a list item...
  const firstEnd = text.indexOf('\n\n', start);
  if (!isListItem(text.slice(start, firstEnd < 0 ? text.length : firstEnd).trim())) return null;
  // ...and the paragraphs before it, nearest first, be items back to a paragraph ending in a colon.
  let paragraphEnd = text.lastIndexOf('\n\n', start);
  if (paragraphEnd < 0) return null;
  for (let items = 0; items < 60; items++) {
    const previousStart = text.lastIndexOf('\n\n', paragraphEnd - 1);
    const paragraph = text.slice(previousStart < 0 ? 0 : previousStart + 2, paragraphEnd).trim();
    if (paragraph === '') return null;
    if (/:\s*$/.test(paragraph)) {
      const paragraphStart = previousStart < 0 ? 0 : previousStart + 2;
      const sentences = splitSentences(text.slice(paragraphStart, paragraphEnd));
      const last = sentences[sentences.length - 1];
      return last === undefined ? null : { start: paragraphStart + last.start, end: paragraphStart + last.end };
    }
    if (!isListItem(paragraph)) return null;
    if (previousStart < 0) return null;
    paragraphEnd = previousStart;
  }
  return null;
}

function isListItem(paragraph: string): boolean {
  return /[;,]\s*(?:and|or)?\s*$/.test(paragraph) || paragraph.length <= 160 || /^\p{Ll}/u.test(paragraph);
}

/** A passage plus what answering needs to cite it. */
export interface IndexedPassage extends Passage {
  /** The document the passage comes from. */
  document: PolicyDocument;
  /** The section the passage comes from. */
  policySection: PolicySection;
  /** Position of the section in its document (for "consecutive passages" and stable ordering). */
  sectionIndex: number;
  /**
   * When the passage starts inside a list whose introducing sentence is in an earlier passage: that sentence,
   * verbatim ("We may share your personal data with:"), so the items are quoted with what they are a list of.
   */
  intro?: string;
}

/**
 * Splits every section of every document into passages (empty sections give none).
 *
 * @example
 * const passages = buildPassages(documents, 800);
 * passages[0]?.section // => ['Introduction']
 */
export function buildPassages(documents: readonly PolicyDocument[], maxChars = 800): IndexedPassage[] {
  const passages: IndexedPassage[] = [];
  for (const document of documents) {
    document.sections.forEach((section, sectionIndex) => {
      if (typeof section.text !== 'string' || section.text.trim() === '') return;
      for (const span of splitPassages(section.text, maxChars)) {
        const passage: IndexedPassage = {
          index: passages.length,
          documentId: document.id,
          sectionId: section.id,
          section: section.path,
          text: section.text.slice(span.start, span.end),
          document,
          policySection: section,
          sectionIndex,
        };
        const intro = listIntroduction(section.text, span.start);
        if (intro !== null) passage.intro = section.text.slice(intro.start, intro.end);
        passages.push(passage);
      }
    });
  }
  return passages;
}
