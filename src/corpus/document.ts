import { basename, extname } from 'node:path';
import type { PolicyDocument, PolicySection } from '../types.js';
import { CorpusError } from './errors.js';
import { SlugRegistry, slugify } from './slug.js';

/** A section as a format parser sees it, before ids are assigned. */
export interface ParsedSection {
  /** Heading path; empty for text that comes before the first heading. */
  path: string[];
  text: string;
}

/** What a format parser (text, HTML, Markdown) extracts from one page. */
export interface ParsedDocument {
  title?: string;
  url?: string;
  updated?: string;
  id?: string;
  sections: ParsedSection[];
}

/** Options shared by every format; explicit values win over what the page itself says. */
export interface DocumentOptions {
  /** File the content came from; used for the id, the title fallback and error messages. */
  source?: string;
  title?: string;
  url?: string;
  /** Overrides the id derived from the file name or title. */
  id?: string;
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
 * Turns a parser's result into a `PolicyDocument`: title and id fallbacks, "Introduction" for leading text,
 * unique GitHub-style section ids. Throws `CorpusError` when nothing usable is left.
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

  const slugs = new SlugRegistry();
  const sections: PolicySection[] = [];
  // A page without any heading is one section named after the document.
  const untitledOnly = parsed.sections.length > 0 && parsed.sections.every((section) => section.path.length === 0);
  for (const section of parsed.sections) {
    const path = section.path.length > 0 ? section.path.map(cleanInline) : [untitledOnly ? title : INTRODUCTION_TITLE];
    const text = section.text.trim();
    const last = sections[sections.length - 1];
    // Two runs of leading text (e.g. split by a dropped banner) are one Introduction.
    if (section.path.length === 0 && last && sections.length === 1 && last.path.length === 1 && last.path[0] === path[0]) {
      last.text = [last.text, text].filter(Boolean).join('\n\n');
      continue;
    }
    if (path.length === 0 || path.some((part) => part === '')) continue;
    sections.push({ id: slugs.unique(path[path.length - 1] ?? '', 'section'), path, text });
  }
  if (!sections.some((section) => section.text.length > 0)) {
    throw new CorpusError(`corpus: ${where} has no policy text (no section with any text)`, options.source);
  }

  const document: PolicyDocument = { id, title, sections };
  const url = options.url ?? parsed.url;
  if (url) document.url = url;
  if (parsed.updated) document.updated = parsed.updated;
  if (options.source !== undefined) document.source = options.source;
  return document;
}

function cleanInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
