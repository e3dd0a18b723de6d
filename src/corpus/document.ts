import { basename, extname } from 'node:path';
import type { DocumentKnowledge, PolicyDocument, PolicySection } from '../types.js';
import { findContactSection } from './contact.js';
import { DATE_LABEL_PATTERN, DATE_PATTERN, parseDate } from './dates.js';
import { CorpusError } from './errors.js';
import { boilerplatePatterns } from './knowledge.js';
import { SlugRegistry, slugify } from './slug.js';

/** A section as a format parser sees it, before ids are assigned. */
export interface ParsedSection {
  /** Heading path; empty for text that comes before the first heading. */
  path: string[];
  text: string;
  /** The anchor the page itself gives the heading (`{#authority}`, `<h2 id="authority">`), used as the section id. */
  anchor?: string;
}

/** What a format parser (text, HTML, Markdown, reStructuredText) extracts from one page. */
export interface ParsedDocument {
  title?: string;
  url?: string;
  updated?: string;
  id?: string;
  sections: ParsedSection[];
}

/** A heading or a paragraph, in page order: what the structured formats (HTML, Markdown, rst) reduce a page to. */
export type Block = { kind: 'heading'; level: number; text: string; anchor?: string } | { kind: 'paragraph'; text: string };

/** Options shared by every format; explicit values win over what the page itself says. */
export interface DocumentOptions {
  /** File the content came from; used for the id, the title fallback and error messages. */
  source?: string;
  title?: string;
  url?: string;
  /** Overrides the id derived from the file name or title. */
  id?: string;
  /** The document's own knowledge file: its boilerplate phrases are dropped, and it is attached to the document. */
  knowledge?: DocumentKnowledge;
}

/** Section title given to text that comes before the first heading. */
export const INTRODUCTION_TITLE = 'Introduction';

/**
 * Human title from a file name: `acme-cookie-policy.md` → `Acme Cookie Policy`.
 *
 * @example
 * titleFromFileName('corpus/acme-cookie-policy.md') // => 'Acme Cookie Policy'
 */
export function titleFromFileName(file: string): string {
  const stem = basename(file, extname(file)).replace(/[-_.]+/g, ' ').trim();
  return stem.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase()) || 'Policy';
}

/** Where a problem is, for error messages. */
function describeSource(source: string | undefined): string {
  return source ?? '<input>';
}

/**
 * The page's title heading, if it has one: a level-1 heading that every other heading is below, or a first heading
 * of any level that opens the page and that every other heading is below (a page whose title is a `##` or an rst
 * underline).
 *
 * @example
 * titleHeading([{ kind: 'heading', level: 2, text: 'Privacy Policy' }, { kind: 'heading', level: 3, text: 'Scope' }])?.text
 * // => 'Privacy Policy'
 */
export function titleHeading(blocks: readonly Block[]): (Block & { kind: 'heading' }) | undefined {
  const headings = blocks.filter((block): block is Block & { kind: 'heading' } => block.kind === 'heading');
  const first = headings[0];
  if (!first || !headings.slice(1).every((heading) => heading.level > first.level)) return undefined;
  if (first.level === 1 || (blocks[0] === first && headings.length > 1)) return first;
  return undefined;
}

/**
 * Nests headings by level and gathers the paragraphs under each: the section list of a structured page. Levels may
 * skip (`##` then `####`); a heading closes every open section at its level or below.
 *
 * @example
 * sectionsFromBlocks([{ kind: 'heading', level: 2, text: 'Rights' }, { kind: 'paragraph', text: 'You may ask.' }])
 * // => [{ path: ['Rights'], text: 'You may ask.' }]
 */
export function sectionsFromBlocks(blocks: readonly Block[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: { path: string[]; paragraphs: string[]; anchor?: string } = { path: [], paragraphs: [] };
  const close = (): void => {
    if (current.path.length === 0 && current.paragraphs.length === 0) return;
    const section: ParsedSection = { path: current.path, text: current.paragraphs.join('\n\n') };
    if (current.anchor !== undefined) section.anchor = current.anchor;
    sections.push(section);
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      current.paragraphs.push(block.text);
      continue;
    }
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= block.level) stack.pop();
    stack.push({ level: block.level, text: block.text });
    close();
    current = { path: stack.map((entry) => entry.text), paragraphs: [] };
    if (block.anchor !== undefined) current.anchor = block.anchor;
  }
  close();
  return sections;
}

/**
 * Finds the policy's own date among the paragraphs: a "Last updated …" paragraph anywhere (dropped from the text when
 * it says little else), or else a bare date of a few words before the first heading ("September 9, 2020"). Returns
 * the ISO date and the blocks without the dropped paragraph.
 *
 * @example
 * takePolicyDate([{ kind: 'paragraph', text: 'Last updated: 2 May 2024' }]).updated // => '2024-05-02'
 */
export function takePolicyDate(blocks: readonly Block[]): { updated?: string; blocks: Block[] } {
  const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
  let index = blocks.findIndex((block) => block.kind === 'paragraph' && DATE_PATTERN.test(block.text) && DATE_LABEL_PATTERN.test(block.text));
  let dropAt = 10;
  if (index < 0) {
    const firstHeading = blocks.findIndex((block) => block.kind === 'heading');
    const intro = firstHeading < 0 ? blocks : blocks.slice(0, firstHeading);
    index = intro.findIndex((block) => block.kind === 'paragraph' && words(block.text) <= 4 && DATE_PATTERN.test(block.text));
    dropAt = 4;
  }
  const found = blocks[index];
  const updated = found ? parseDate(found.text) : undefined;
  if (!found || !updated) return { blocks: [...blocks] };
  return { updated, blocks: words(found.text) <= dropAt ? blocks.filter((_, position) => position !== index) : [...blocks] };
}

/**
 * Checks a document URL: only absolute `http:`/`https:` URLs become citation links. Throws `CorpusError` naming the
 * file for anything else (`javascript:`, `data:`, a relative path, white space).
 *
 * @example
 * checkDocumentUrl('https://acme.example/privacy', 'acme.md') // => 'https://acme.example/privacy'
 */
export function checkDocumentUrl(url: string, source: string | undefined, origin = 'url'): string {
  const where = describeSource(source);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const printable = JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '' || /[\s<>"`\\]|\p{Cc}/u.test(url)) {
    throw new CorpusError(`corpus: ${where}: ${origin} ${printable} is not an absolute http(s) URL; give the policy's public address (https://…)`, source);
  }
  return url;
}

function cleanInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops the paragraphs of a section that contain one of the document's boilerplate phrases. */
function dropBoilerplate(text: string, patterns: readonly RegExp[]): string {
  if (patterns.length === 0) return text;
  return text
    .split('\n\n')
    .filter((paragraph) => !patterns.some((pattern) => pattern.test(paragraph)))
    .join('\n\n');
}

/**
 * Turns a parser's result into a `PolicyDocument`: title and id fallbacks, "Introduction" for leading text,
 * unique GitHub-style section ids (or the page's own anchors), the document's boilerplate phrases dropped, the URL
 * checked, and the contact section found. Throws `CorpusError` when nothing usable is left.
 *
 * @example
 * finishDocument({ sections: [{ path: ['Data retention'], text: 'We keep data for 30 days.' }] }, { source: 'acme.md' })
 *   .sections[0].id // => 'data-retention'
 */
export function finishDocument(parsed: ParsedDocument, options: DocumentOptions = {}): PolicyDocument {
  const where = describeSource(options.source);
  const title = cleanInline(options.title ?? parsed.title ?? (options.source ? titleFromFileName(options.source) : 'Policy'));
  const id =
    options.id ?? parsed.id ?? (options.source ? slugify(basename(options.source, extname(options.source))) : slugify(title));
  if (!id) throw new CorpusError(`corpus: cannot derive a document id for ${where} (title "${title}")`, options.source);
  const boilerplate = boilerplatePatterns(options.knowledge?.boilerplate ?? []);

  const slugs = new SlugRegistry();
  const sections: PolicySection[] = [];
  // A page without any heading is one section named after the document.
  const untitledOnly = parsed.sections.length > 0 && parsed.sections.every((section) => section.path.length === 0);
  const [firstParsed, secondParsed] = parsed.sections;
  // Leading text followed by the page's own "Introduction" heading is one Introduction, not two.
  const leadingJoinsIntroduction =
    firstParsed?.path.length === 0 && secondParsed?.path.length === 1 && cleanInline(secondParsed.path[0] ?? '').toLowerCase() === INTRODUCTION_TITLE.toLowerCase();
  for (const [index, section] of parsed.sections.entries()) {
    const path = section.path.length > 0 ? section.path.map(cleanInline) : [untitledOnly ? title : INTRODUCTION_TITLE];
    let text = dropBoilerplate(section.text.trim(), boilerplate);
    if (index === 1 && leadingJoinsIntroduction && firstParsed) text = [dropBoilerplate(firstParsed.text.trim(), boilerplate), text].filter(Boolean).join('\n\n');
    if (index === 0 && leadingJoinsIntroduction) continue;
    const last = sections[sections.length - 1];
    // Two runs of leading text (e.g. split by a dropped banner) are one Introduction.
    if (section.path.length === 0 && last && sections.length === 1 && last.path.length === 1 && last.path[0] === path[0]) {
      last.text = [last.text, text].filter(Boolean).join('\n\n');
      continue;
    }
    if (path.length === 0 || path.some((part) => part === '')) continue;
    sections.push({ id: slugs.unique(path[path.length - 1] ?? '', 'section', section.anchor), path, text });
  }
  if (!sections.some((section) => section.text.length > 0)) {
    throw new CorpusError(`corpus: ${where} has no policy text (no section with any text)`, options.source);
  }

  const document: PolicyDocument = { id, title, sections };
  const url = options.url ?? parsed.url;
  if (url) document.url = checkDocumentUrl(url, options.source, options.url !== undefined ? 'url' : 'the page URL');
  if (parsed.updated) document.updated = parsed.updated;
  if (options.source !== undefined) document.source = options.source;
  const contact = findContactSection(sections);
  if (contact) document.contactSectionId = contact.id;
  if (options.knowledge) document.knowledge = options.knowledge;
  return document;
}
