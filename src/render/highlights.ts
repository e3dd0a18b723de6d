/**
 * Highlighted sentences of a quoted passage, made safe for every renderer: ranges clamped to the text and widened to
 * whole sentences, so a renderer that escapes each run on its own and wraps highlighted runs in bold or `<mark>`
 * only ever cuts the text where a sentence starts or ends (next to white space), never inside a word, an escape or
 * a link. Pure functions of the passage.
 */
import { splitSentences, type TextSpan } from '../search/passages.js';
import type { AnswerPassage } from '../types.js';

/** A stretch of a passage's text, highlighted or not. */
export interface TextRun {
  text: string;
  highlighted: boolean;
}

/**
 * The highlighted ranges of a text in text order, each a run of whole sentences: ranges outside the text or empty
 * are dropped, partial ones widened to the sentences they touch, overlapping ones merged.
 *
 * @example
 * sentenceRanges('One. Two. Three.', [{ start: 6, end: 7 }]) // => [{ start: 5, end: 9 }] ("Two.")
 */
export function sentenceRanges(text: string, highlights: readonly TextSpan[]): TextSpan[] {
  const valid = highlights.filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end) && h.end > h.start && h.end > 0 && h.start < text.length);
  if (valid.length === 0) return [];
  const sentences = splitSentences(text);
  const ranges: TextSpan[] = [];
  for (const highlight of valid) {
    const start = Math.max(0, highlight.start);
    const end = Math.min(text.length, highlight.end);
    const touched = sentences.filter((s) => s.start < end && s.end > start);
    if (touched.length > 0) ranges.push({ start: touched[0]!.start, end: touched[touched.length - 1]!.end });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: TextSpan[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The text as lines (split at line breaks, which are dropped), each a list of runs; highlighted runs are whole
 * sentences and never hold a line break. Highlights are taken through {@link sentenceRanges}.
 *
 * @example
 * highlightedLines('We keep it. We delete it.\nAsk us.', [{ start: 12, end: 25 }])
 * // => [[{ text: 'We keep it. ', highlighted: false }, { text: 'We delete it.', highlighted: true }], [{ text: 'Ask us.', highlighted: false }]]
 */
export function highlightedLines(text: string, highlights: readonly TextSpan[]): TextRun[][] {
  const ranges = sentenceRanges(text, highlights);
  const lines: TextRun[][] = [[]];
  const push = (from: number, to: number, highlighted: boolean): void => {
    const parts = text.slice(from, to).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ text: part, highlighted });
    });
  };
  let at = 0;
  for (const range of ranges) {
    push(at, range.start, false);
    push(range.start, range.end, true);
    at = range.end;
  }
  push(at, text.length, false);
  return lines;
}

/**
 * The highlights of a passage that lie wholly inside its first `length` characters (what is left after trimming a
 * quote for a platform's limits): a highlight that trimming cut is not shown.
 *
 * @example
 * highlightsWithin(passage, 120) // highlights ending at or before character 120
 */
export function highlightsWithin(passage: Pick<AnswerPassage, 'highlights'>, length: number, offset = 0): TextSpan[] {
  return (passage.highlights ?? [])
    .map((h) => ({ start: h.start - offset, end: h.end - offset }))
    .filter((h) => h.start >= 0 && h.end <= length && h.end > h.start);
}

/**
 * The highlighted sentences of a passage, verbatim, in text order: adjacent ones keep the text between them, others
 * are joined with " … ". The whole passage when it has no highlights.
 *
 * @example
 * highlightedText({ text: 'One. Two. Three.', highlights: [{ start: 10, end: 16 }, { start: 0, end: 4 }] }) // => 'One. … Three.'
 */
export function highlightedText(passage: Pick<AnswerPassage, 'text' | 'highlights'>): string {
  const ranges = sentenceRanges(passage.text, passage.highlights ?? []);
  if (ranges.length === 0) return passage.text;
  let out = passage.text.slice(ranges[0]!.start, ranges[0]!.end);
  for (let i = 1; i < ranges.length; i++) {
    const between = passage.text.slice(ranges[i - 1]!.end, ranges[i]!.start);
    out += between.trim() === '' ? between : ' … ';
    out += passage.text.slice(ranges[i]!.start, ranges[i]!.end);
  }
  return out;
}
