import type { ParsedDocument, ParsedSection } from './document.js';
import { isChromeLine } from './chrome.js';
import { trimTrailing } from './strings.js';
import { DATE_LABEL_PATTERN, DATE_PATTERN, parseDate } from './dates.js';
import { defaultLexicon } from './lexicon.js';
import { createTruecaser, type Truecaser } from './truecase.js';

/** Tuning of the plain-text ingester. The defaults fit scraped policy pages; every rule is general, none names a page. */
export interface TextIngestOptions {
  /** Proper nouns and acronyms restored when the text was lower-cased by a scraper. */
  terms: readonly string[];
  /** A heading line has at most this many words. */
  maxHeadingWords: number;
  /** The line after a heading must be a sentence of at least this many words. */
  minBodyWords: number;
  /** A table of contents has at least this many entries that reappear as headings. */
  minTocEntries: number;
  /** Extra patterns of site chrome (banners, newsletter boxes, badges) to drop, tested on lower-cased lines. */
  boilerplate: readonly RegExp[];
  /** Below this share of upper-case letters the text counts as lower-cased and is truecased. */
  lowercaseRatio: number;
}

/** Defaults of {@link parseText}. */
export const defaultTextIngestOptions: TextIngestOptions = {
  terms: defaultLexicon,
  maxHeadingWords: 12,
  minBodyWords: 8,
  minTocEntries: 3,
  boilerplate: [],
  lowercaseRatio: 0.01,
};

/**
 * Site chrome that surrounds policies on many sites: cookie and "policy updated" banners, newsletter boxes, copyright
 * lines. Matched against a whole (lower-cased) line. A site's own badges and menus go in its `<name>.knowledge.json`.
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /\bwe[’']ve updated (the|our) (terms|privacy|policy|policies)\b/,
  /\bby continuing,? you (confirm|agree|accept|consent)\b/,
  /^read (the |our )?(full |updated )?policy$/,
  /^(accept|reject|decline)( all)?( cookies)?$/,
  /^(manage )?cookie (settings|preferences)$/,
  /^(this (site|website)|we) uses? cookies\b.{0,80}(experience|browsing)/,
  /^subscribe\b/,
  /\bsign up for (our|the) newsletter\b/,
  /\ball rights reserved\b/,
  /^(©|copyright\b)/,
  /\bis a (registered )?trademark\b/,
  /^(skip to (main )?content|back to top|share this( page)?)$/,
];

// Words that open a sentence (a subject, a subordinate clause or an instruction) rather than a heading or list item.
const SENTENCE_OPENERS = new Set([
  'we', 'i', 'you', 'they', 'he', 'she', 'it', 'its', 'this', 'these', 'those', 'there', 'here', 'that', 'if', 'when',
  'whenever', 'where', 'while', 'please', 'note', 'see',
]);
// Further words that commonly open a body sentence after a heading.
const BODY_OPENERS = new Set([
  ...SENTENCE_OPENERS,
  'the', 'a', 'an', 'our', 'in', 'as', 'for', 'any', 'all', 'each', 'some', 'depending', 'under', 'unless', 'although',
  'because', 'since', 'once', 'before', 'after', 'during', 'upon', 'except', 'otherwise', 'however', 'additionally',
  'generally', 'most', 'many', 'certain', 'no', 'only',
]);
const CONNECTORS = new Set(['and', 'or', 'and/or', 'but', 'nor', 'so', 'then', 'plus']);
// A heading never ends on a word that needs a complement.
const DANGLING_ENDINGS = new Set(['to', 'of', 'the', 'a', 'an', 'and', 'or', 'for', 'with', 'in', 'on', 'at', 'by', 'from', 'as', 'that', 'which', 'than', 'such', 'is', 'are']);
// A line ending like this announces a list (the scrape turned its colon into a period).
const LEAD_IN_ENDINGS = new Set(['to', 'follows', 'following', 'include', 'includes', 'including', 'below']);
// Only unambiguous top-level domains: "com, …" continues "acme.", "ai for good." does not; "eu"/"uk" also
// start sentences, so they only continue a domain when punctuation follows directly.
const TLD_CONTINUATION = /^(?:(?:com|org|net|gov|edu|io|info|biz)(?=[\s,;:/)]|\.(?:\s|$)|$)|(?:eu|uk)(?=[,;:/)]|\.(?:\s|$)|$))/;
// A period after these does not end the sentence when the next line goes on with a non-opening word.
const ABBREVIATION_END = /\b(?:inc|ltd|llc|co|corp|plc|gmbh|etc|vs|no|st|dr|mr|mrs|ms|approx|dept)\.$/i;
// Letter markers only with a bracket: "g. the faq" is the end of a split "e.g.", not item g.
const LIST_MARKER = /^(?:[-*•▪◦‣–]|\(?\d{1,3}[.)]|\(?[a-z]\))\s+/;

interface Unit {
  text: string;
  /** Lower case, curly quotes folded, trailing punctuation dropped: the form used to compare lines. */
  key: string;
  words: number;
  /** The line held runs of tabs: a flattened navigation menu. */
  tabbed: boolean;
  /** A blank line came before it in the source. */
  blankBefore: boolean;
  /** The line carried a list marker in the source. */
  listItem: boolean;
  /** Its marker when that was a number (`5.`), which a numbered heading keeps. */
  number?: string;
}

interface TocEntry {
  key: string;
  /** 1 for a top-level section, 2 for a child recovered from a concatenated TOC line. */
  level: number;
}

interface Toc {
  start: number;
  end: number;
  entries: TocEntry[];
}

function lineKey(text: string): string {
  const folded = text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  return trimTrailing(folded, (ch) => /[\s.:;,!?]/.test(ch))
    .replace(/\s+/g, ' ')
    .trim();
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function firstWord(text: string): string {
  return (/^[“"‘'(]*([\p{L}\p{N}/’'-]+)/u.exec(text.toLowerCase())?.[1] ?? '').replace(/[’']s$/, '');
}

function lastWord(text: string): string {
  const lower = text.toLowerCase();
  const untilWord = trimTrailing(lower, (ch) => !/[\p{L}\p{N}]/u.test(ch));
  return untilWord.slice(trimTrailing(untilWord, (ch) => /[\p{L}\p{N}/-]/u.test(ch)).length);
}

function makeUnit(text: string, tabbed = false, blankBefore = false, listItem = false): Unit {
  return { text, key: lineKey(text), words: countWords(text), tabbed, blankBefore, listItem };
}

/** Splits the text into line units, undoing hard wraps (mixed-case text only) and scrape breaks after periods. */
function toUnits(content: string, lowercased: boolean): Unit[] {
  const units: Unit[] = [];
  let blank = false;
  for (const raw of content.split('\n')) {
    const trimmed = raw.trim();
    if (trimmed === '') {
      blank = true;
      continue;
    }
    // Separators ("|", "• • •") and navigation ("Back to top") between the lines of a page are not text. A line of
    // items between pipes stays: in plain text it is as likely a table row as a menu.
    if (isChromeLine(trimmed, { menus: false })) continue;
    const tabbed = /\t{2,}/.test(trimmed);
    const listMatch = LIST_MARKER.exec(trimmed);
    const text = trimmed.replace(LIST_MARKER, '').replace(/\s+/g, ' ');
    const previous = units[units.length - 1];
    if (previous && !blank && !tabbed && !previous.tabbed) {
      // "acme." + "com, …": a domain split by a scraper that breaks after every period.
      if (/[\p{L}\p{N}-]\.$/u.test(previous.text) && TLD_CONTINUATION.test(text)) {
        Object.assign(previous, makeUnit(previous.text + text, false, previous.blankBefore, previous.listItem));
        continue;
      }
      // "e." + "g. …": an abbreviation split letter by letter.
      if (/(?:^|[\s(])\p{L}\.$/u.test(previous.text) && /^\p{L}\.(?:\s|,|$)/u.test(text)) {
        Object.assign(previous, makeUnit(previous.text + text, false, previous.blankBefore, previous.listItem));
        continue;
      }
      // "acme ltd." + "handles your data…": the abbreviation did not end the sentence.
      if (ABBREVIATION_END.test(previous.text) && /^\p{Ll}/u.test(text) && !BODY_OPENERS.has(firstWord(text)) && !listMatch) {
        Object.assign(previous, makeUnit(`${previous.text} ${text}`, false, previous.blankBefore, previous.listItem));
        continue;
      }
      // A line cannot start with a comma or closing bracket: it continues the previous one.
      if (/^[,;:)\]]/.test(text)) {
        Object.assign(previous, makeUnit(previous.text + text, false, previous.blankBefore, previous.listItem));
        continue;
      }
      // Hard-wrapped prose: the previous line stops mid-sentence and this one goes on in lower case.
      if (!lowercased && !listMatch && !/[.!?:;"”)]$/.test(previous.text) && /^\p{Ll}/u.test(text) && previous.words > 6) {
        Object.assign(previous, makeUnit(`${previous.text} ${text}`, false, previous.blankBefore, previous.listItem));
        continue;
      }
    }
    const unit = makeUnit(text, tabbed, blank, listMatch !== null);
    const number = listMatch ? /^\(?\d{1,3}[.)]/.exec(listMatch[0])?.[0] : undefined;
    if (number) unit.number = number;
    units.push(unit);
    blank = false;
  }
  return units;
}

function isBodySentence(unit: Unit | undefined, minWords: number): boolean {
  return unit !== undefined && !unit.tabbed && unit.words >= minWords && BODY_OPENERS.has(firstWord(unit.text));
}

/** A full sentence of some length, whatever word opens it ("Cookies are small files…"). */
function isSentenceLine(unit: Unit | undefined, minWords: number): boolean {
  return unit !== undefined && !unit.tabbed && unit.words >= minWords && /^[\p{Lu}\d“"‘(]/u.test(unit.text) && /[.!?:;)"”’]$/.test(unit.text);
}

/** A short line that is not a sentence: a list item or a heading. */
function isShortFragment(unit: Unit | undefined): boolean {
  return unit !== undefined && !unit.tabbed && unit.words > 0 && unit.words <= 8 && !/[.!?:]$/.test(unit.text);
}

/** Is the line one of the items of a list that a lead-in line ("We may collect:") opened just before? */
function isListAfterLeadIn(units: readonly Unit[], index: number, from: number): boolean {
  let position = index - 1;
  while (position >= from && index - position <= 20 && isShortFragment(units[position])) position -= 1;
  const leadIn = units[position];
  return position >= from && leadIn !== undefined && isLeadIn(leadIn);
}

function isLeadIn(unit: Unit): boolean {
  return /:$/.test(unit.text) || LEAD_IN_ENDINGS.has(lastWord(unit.text)) || /\bthe following\b/i.test(unit.text);
}

/** A list item or other fragment: does not open like a sentence, or (in mixed-case text) does not end like one. */
function isFragment(unit: Unit, lowercased: boolean): boolean {
  return unit.listItem || !BODY_OPENERS.has(firstWord(unit.text)) || (!lowercased && !/[.!?:;"”’)]$/.test(unit.text));
}

function isBoilerplate(unit: Unit, patterns: readonly RegExp[]): boolean {
  return unit.tabbed || patterns.some((pattern) => pattern.test(unit.key));
}

/**
 * Could this line be a heading, judging by its own shape (length, grammar, punctuation)? In a lower-cased scrape every
 * line ends with a period, headings too; in ordinary text a line of more than three words that ends with a period is
 * a sentence.
 */
function looksLikeHeadingLine(unit: Unit, options: TextIngestOptions, lowercased: boolean): boolean {
  if (unit.tabbed || unit.words === 0 || unit.words > options.maxHeadingWords || unit.text.length > 100) return false;
  if (!lowercased && /[.!]$/.test(unit.text) && unit.words > 3) return false;
  const bare = unit.text.replace(/[.:?]$/, '');
  if (/[,;]$/.test(bare)) return false;
  // A full stop inside the line (other than in an abbreviation or a domain) means prose.
  if (/[.!?;](\s|$)/.test(bare.replace(/\b(?:inc|ltd|co|corp|e\.g|i\.e|etc|no|vs|st)\./gi, ''))) return false;
  const first = firstWord(unit.text);
  if (first === '' || SENTENCE_OPENERS.has(first) || CONNECTORS.has(first)) return false;
  return !DANGLING_ENDINGS.has(lastWord(unit.text));
}

/**
 * Positions of each line key where the line is followed by body prose: where a TOC entry would land in the body.
 */
function headingLandings(units: Unit[], options: TextIngestOptions, boilerplate: readonly RegExp[]): Map<string, number[]> {
  const candidate = (unit: Unit | undefined): unit is Unit =>
    unit !== undefined && unit.words <= options.maxHeadingWords && !isBoilerplate(unit, boilerplate);
  const prose = (unit: Unit | undefined): boolean =>
    unit !== undefined && !isBoilerplate(unit, boilerplate) && (unit.words >= Math.min(6, options.minBodyWords) || BODY_OPENERS.has(firstWord(unit.text)));
  const landsOnProse = units.map((unit, index) => candidate(unit) && prose(units[index + 1]));
  const landings = new Map<string, number[]>();
  units.forEach((unit, index) => {
    // A parent heading may be followed directly by its first child heading instead of prose.
    if (!candidate(unit) || !(landsOnProse[index] || landsOnProse[index + 1])) return;
    const list = landings.get(unit.key) ?? [];
    list.push(index);
    landings.set(unit.key, list);
  });
  return landings;
}

/**
 * Finds the table of contents: the longest run of consecutive short lines that each reappear later, in order, as a
 * line followed by prose. A TOC line that glues a parent to the lines after it ("what we collectpersonal data…")
 * marks those lines as the parent's children.
 */
function findToc(units: Unit[], options: TextIngestOptions, boilerplate: readonly RegExp[]): Toc | undefined {
  const landings = headingLandings(units, options, boilerplate);
  const landsAfter = (key: string, index: number): boolean => (landings.get(key) ?? []).some((position) => position > index);

  // Per line: undefined = not a TOC entry; otherwise the entries it stands for.
  const entriesAt: (TocEntry[] | undefined)[] = units.map((unit, index) => {
    if (unit.tabbed || unit.key === '') return undefined;
    for (let children = Math.min(8, units.length - index - 1); children >= 1; children -= 1) {
      const childKeys = units.slice(index + 1, index + 1 + children).map((child) => child.key);
      const suffix = childKeys.join('');
      if (unit.key.length > suffix.length && unit.key.endsWith(suffix)) {
        const parent = unit.key.slice(0, unit.key.length - suffix.length).trim();
        if (landsAfter(parent, index)) return [{ key: parent, level: 1 }];
      }
    }
    return landsAfter(unit.key, index) && unit.words <= options.maxHeadingWords ? [{ key: unit.key, level: 1 }] : undefined;
  });

  let best: { start: number; end: number } | undefined;
  for (let start = 0; start < units.length; ) {
    if (!entriesAt[start]) {
      start += 1;
      continue;
    }
    let end = start;
    // One stray line inside a TOC (an entry whose heading the page words differently) does not end it.
    while (end + 1 < units.length && (entriesAt[end + 1] || (end > start && entriesAt[end + 2] && !units[end + 1]?.tabbed))) end += 1;
    if (end - start + 1 >= options.minTocEntries && (!best || end - start > best.end - best.start)) best = { start, end };
    start = end + 1;
  }
  if (!best) return undefined;

  const entries: TocEntry[] = [];
  let childrenLeft = 0;
  for (let index = best.start; index <= best.end; index += 1) {
    const unit = units[index];
    const entry = entriesAt[index]?.[0];
    if (!unit || !entry) continue;
    if (childrenLeft > 0) {
      entries.push({ key: unit.key, level: 2 });
      childrenLeft -= 1;
      continue;
    }
    if (entry.key !== unit.key) {
      // A glued parent: count how many following lines it swallowed.
      let suffix = unit.key.slice(entry.key.length);
      let children = 0;
      while (suffix.length > 0) {
        const child = units[index + 1 + children];
        if (!child || !suffix.trimStart().startsWith(child.key)) break;
        suffix = suffix.trimStart().slice(child.key.length);
        children += 1;
      }
      childrenLeft = children;
    }
    entries.push({ key: entry.key, level: 1 });
  }
  return { start: best.start, end: best.end, entries };
}

/** Finds the policy's own date ("last updated …") and the lines that only state it. */
function findDate(units: Unit[], from: number, to: number): { iso: string; lines: number[] } | undefined {
  let fallback: { iso: string; lines: number[] } | undefined;
  for (let index = from; index < to; index += 1) {
    const unit = units[index];
    if (!unit || !DATE_PATTERN.test(unit.text)) continue;
    const iso = parseDate(unit.text);
    if (!iso) continue;
    const previous = units[index - 1];
    const short = unit.words <= 10;
    const labelled = DATE_LABEL_PATTERN.test(unit.text);
    const labelBefore = previous !== undefined && index - 1 >= from && previous.words <= 8 && DATE_LABEL_PATTERN.test(previous.text) && !DATE_PATTERN.test(previous.text);
    if (labelled || labelBefore) {
      const lines = short ? [index] : [];
      if (labelBefore && short) lines.unshift(index - 1);
      return { iso, lines };
    }
    if (!fallback && short && unit.words <= 4) fallback = { iso, lines: [index] };
  }
  return fallback;
}

const TITLE_WORDS = /\b(policy|policies|notice|statement|terms|privacy)\b/i;

function findTitle(units: Unit[], before: number): string | undefined {
  const window = units.slice(Math.max(0, before - 6), before);
  const candidate = window.find((unit) => unit.words <= 8 && TITLE_WORDS.test(unit.text));
  return candidate?.text.replace(/[.:]$/, '');
}

function toTitleCase(text: string, truecase: Truecaser): string {
  return truecase.heading(text).replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
}

/**
 * Parses a plain-text policy, including a raw scrape of a policy web page: drops the site's menus, banners and
 * footer, recovers sections from the page's table of contents and from heading-shaped lines, finds the policy date,
 * rejoins sentences the scrape broke and, for lower-cased scrapes, restores capitalization.
 *
 * @example
 * parseText('privacy notice\n\ndata retention\nwe keep your data for as long as your account is open.\n');
 * // => { title: 'Privacy Notice',
 * //      sections: [{ path: ['Data retention'], text: 'We keep your data for as long as your account is open.' }] }
 */
export function parseText(content: string, options: Partial<TextIngestOptions> = {}): ParsedDocument {
  const settings: TextIngestOptions = { ...defaultTextIngestOptions, ...options };
  const boilerplate = [...BOILERPLATE_PATTERNS, ...settings.boilerplate];
  const normalized = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const letters = normalized.match(/\p{L}/gu)?.length ?? 0;
  const uppers = normalized.match(/\p{Lu}/gu)?.length ?? 0;
  const lowercased = letters > 0 && uppers / letters < settings.lowercaseRatio;
  const truecase = createTruecaser({ terms: settings.terms });
  const units = toUnits(normalized, lowercased);

  const toc = findToc(units, settings, boilerplate);
  // Without a TOC, a first line such as "Acme Privacy Notice" is the title, not a section.
  const firstLine = units[0];
  const titleLine = !toc && firstLine && firstLine.words <= 8 && TITLE_WORDS.test(firstLine.text) && !/[.!?]\s/.test(firstLine.text) ? firstLine : undefined;
  const bodyStart = toc ? toc.end + 1 : titleLine ? 1 : 0;
  const chromeKeys = new Set(units.slice(0, toc ? toc.start : 0).map((unit) => unit.key));
  const keyCounts = new Map<string, number>();
  for (const unit of units) keyCounts.set(unit.key, (keyCounts.get(unit.key) ?? 0) + 1);

  const date = findDate(units, toc ? toc.start : 0, units.length);
  const dropped = new Set(date?.lines ?? []);

  // TOC entries as they land in the body, in TOC order.
  const headingLevel = new Map<number, number>();
  const tocEntries = toc?.entries ?? [];
  let tocPointer = 0;
  for (let index = bodyStart; index < units.length && tocPointer < tocEntries.length; index += 1) {
    const unit = units[index];
    if (!unit || dropped.has(index) || unit.words > settings.maxHeadingWords) continue;
    const tocIndex = tocEntries.findIndex((entry, position) => position >= tocPointer && entry.key === unit.key);
    if (tocIndex < 0) continue;
    headingLevel.set(index, tocEntries[tocIndex]?.level ?? 1);
    tocPointer = tocIndex + 1;
  }

  // The policy ends at the first banner or site-menu line after its last TOC heading, or (without a TOC) after its
  // last prose sentence.
  const isMenuRepeat = (unit: Unit): boolean =>
    toc ? chromeKeys.has(unit.key) && unit.words <= 6 : (keyCounts.get(unit.key) ?? 0) > 1 && unit.words <= 4;
  let lastContent = bodyStart - 1;
  if (headingLevel.size > 0) {
    lastContent = Math.max(...headingLevel.keys());
  } else {
    units.forEach((unit, index) => {
      if (index >= bodyStart && isBodySentence(unit, settings.minBodyWords) && !isBoilerplate(unit, boilerplate)) lastContent = index;
    });
  }
  let bodyEnd = units.length;
  for (let index = lastContent + 1; index < units.length; index += 1) {
    const unit = units[index];
    if (unit && (isBoilerplate(unit, boilerplate) || isMenuRepeat(unit))) {
      bodyEnd = index;
      break;
    }
  }

  // Other headings: heading-shaped lines followed by prose; not list items (after a lone "and.", or after a lead-in
  // such as "We may collect:"), not the lines of a postal address.
  const freeHeadings: number[] = [];
  const addressLines = addressBlockLines(units.slice(bodyStart, bodyEnd));
  for (let index = bodyStart; index < bodyEnd; index += 1) {
    const unit = units[index];
    if (!unit || headingLevel.has(index) || dropped.has(index) || isBoilerplate(unit, boilerplate)) continue;
    let nextIndex = index + 1;
    while (dropped.has(nextIndex)) nextIndex += 1;
    const next = nextIndex < bodyEnd ? units[nextIndex] : undefined;
    if (!next || isBoilerplate(next, boilerplate)) continue;
    const previous = units[index - 1];
    if (previous && CONNECTORS.has(previous.key)) continue;
    const prose = isBodySentence(next, settings.minBodyWords) || (!lowercased && isSentenceLine(next, settings.minBodyWords));
    if (!looksLikeHeadingLine(unit, settings, lowercased) || !prose || addressLines.has(unit)) continue;
    if (!lowercased && isListAfterLeadIn(units, index, bodyStart)) continue;
    if (!toc && isMenuRepeat(unit)) continue;
    freeHeadings.push(index);
    headingLevel.set(index, 0);
  }
  const freeKeyCounts = new Map<string, number>();
  for (const index of freeHeadings) {
    const key = units[index]?.key ?? '';
    freeKeyCounts.set(key, (freeKeyCounts.get(key) ?? 0) + 1);
  }

  // Levels: TOC entries keep theirs; other headings sit one below the latest TOC heading, except that a heading
  // repeated across the document ("Legal basis for processing") nests under the heading before it.
  let anchorLevel = 0;
  let lastFreeLevel: number | undefined;
  const orderedHeadings = [...headingLevel.keys()].sort((a, b) => a - b);
  for (const index of orderedHeadings) {
    const key = units[index]?.key ?? '';
    if ((headingLevel.get(index) ?? 0) > 0) {
      anchorLevel = headingLevel.get(index) ?? 1;
      lastFreeLevel = undefined;
    } else if ((freeKeyCounts.get(key) ?? 0) > 1) {
      headingLevel.set(index, (lastFreeLevel ?? anchorLevel) + 1);
    } else {
      lastFreeLevel = anchorLevel + 1;
      headingLevel.set(index, lastFreeLevel);
    }
  }

  const sentence = (text: string): string => (lowercased ? truecase.sentence(text) : text);
  const heading = (text: string): string => (lowercased ? truecase.heading(text) : text.replace(/[.:]$/, '').trim());

  const sections: ParsedSection[] = [];
  const stack: { level: number; title: string }[] = [];
  let current: { path: string[]; units: Unit[] } = { path: [], units: [] };
  const closeSection = (): void => {
    if (current.path.length > 0 || current.units.length > 0) sections.push({ path: current.path, text: renderParagraphs(current.units, sentence, lowercased) });
  };
  for (let index = bodyStart; index < bodyEnd; index += 1) {
    const unit = units[index];
    if (!unit || dropped.has(index) || isBoilerplate(unit, boilerplate)) continue;
    if (!toc && current.path.length === 0 && !headingLevel.has(index)) {
      // Before the first heading of a TOC-less page, skip menu lines (short lines the page repeats).
      if ((keyCounts.get(unit.key) ?? 0) > 1 && unit.words <= 4) continue;
    }
    const level = headingLevel.get(index);
    if (level === undefined) {
      current.units.push(unit);
      continue;
    }
    closeSection();
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack.push({ level, title: unit.number ? `${unit.number} ${heading(unit.text)}` : heading(unit.text) });
    current = { path: stack.map((entry) => entry.title), units: [] };
  }
  closeSection();

  const parsed: ParsedDocument = { sections: sections.filter((section) => section.path.length > 0 || section.text.length > 0) };
  const rawTitle = toc ? findTitle(units, toc.start) : titleLine?.text.replace(/[.:]$/, '');
  if (rawTitle) parsed.title = lowercased ? toTitleCase(rawTitle, truecase) : rawTitle;
  if (date) parsed.updated = date.iso;
  return parsed;
}

/**
 * Groups a section's lines into paragraphs. A scrape has lost paragraph breaks, so list items (lines after a lead-in
 * or lines that do not open like a sentence) each become a paragraph; consecutive sentences share one.
 */
function renderParagraphs(units: Unit[], sentence: (text: string) => string, lowercased: boolean): string {
  const paragraphs: string[][] = [];
  const hasBlankLines = units.some((unit, index) => index > 0 && unit.blankBefore);
  const addressLine = addressBlockLines(units);
  let previous: Unit | undefined;
  let pendingConnector: string | undefined;
  for (const unit of units) {
    // A lone "and." between list items belongs to the item after it.
    if (CONNECTORS.has(unit.key)) {
      pendingConnector = unit.text.replace(/[.;,:]$/, '');
      continue;
    }
    const text = pendingConnector ? `${pendingConnector} ${unit.text}` : unit.text;
    const sameAddress = previous !== undefined && addressLine.has(unit) && addressLine.has(previous);
    const breakBefore =
      previous === undefined ||
      (!sameAddress &&
        (unit.blankBefore ||
          unit.listItem ||
          previous.listItem ||
          (!hasBlankLines && (isLeadIn(previous) || isFragment(unit, lowercased) || isFragment(previous, lowercased) || pendingConnector !== undefined))));
    pendingConnector = undefined;
    const rendered = sentence(text);
    if (breakBefore) paragraphs.push([rendered]);
    else paragraphs[paragraphs.length - 1]?.push(rendered);
    previous = unit;
  }
  return paragraphs.map((lines) => lines.join(' ')).join('\n\n');
}

/** Lines of a postal address: a run of at least three very short lines, one of them with a number (street, ZIP). */
function addressBlockLines(units: Unit[]): Set<Unit> {
  const lines = new Set<Unit>();
  let run: Unit[] = [];
  const closeRun = (): void => {
    if (run.length >= 3 && run.some((unit) => /\d/.test(unit.text))) for (const unit of run) lines.add(unit);
    run = [];
  };
  for (const unit of units) {
    if (unit.words <= 5 && !unit.listItem && !CONNECTORS.has(unit.key) && !DANGLING_ENDINGS.has(lastWord(unit.text))) run.push(unit);
    else closeRun();
  }
  closeRun();
  return lines;
}
