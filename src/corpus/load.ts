import { readdirSync, realpathSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DocumentKnowledge, PolicyDocument } from '../types.js';
import { parseDate } from './dates.js';
import { checkDocumentUrl, finishDocument, type DocumentOptions, type ParsedDocument } from './document.js';
import { CorpusError, fileSystemError } from './errors.js';
import { besidePath, COMPANION_SUFFIXES, readFileBounded, readJsonCompanion, statPath } from './files.js';
import { parseHtml } from './html.js';
import { boilerplatePatterns, readKnowledge } from './knowledge.js';
import { extendLexicon } from './lexicon.js';
import { parseMarkdown } from './markdown.js';
import { parseRst } from './rst.js';
import { defaultTextIngestOptions, parseText, type TextIngestOptions } from './text.js';

export { CorpusError } from './errors.js';

/** Input formats the corpus understands. */
export type PolicyFormat = 'text' | 'html' | 'markdown' | 'rst';

/** The formats, for usage messages and validation. */
export const POLICY_FORMATS: readonly PolicyFormat[] = ['text', 'html', 'markdown', 'rst'];

/** File extensions per format; a folder load picks up exactly these. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, PolicyFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.rst': 'rst',
};

/** Options of {@link parseDocument}. */
export interface ParseOptions extends DocumentOptions {
  format: PolicyFormat;
  /** Tuning of the plain-text ingester (lexicon, boilerplate patterns…). */
  text?: Partial<TextIngestOptions>;
}

/** Options of {@link loadDocument} and {@link loadCorpus}. */
export interface LoadOptions {
  /** Read `<name>.meta.json` (title, url, updated, id) next to a file when present. Default true. */
  sidecar: boolean;
  /** Read `<name>.knowledge.json` (names, boilerplate, notStated, synonyms) next to a file when present. Default true. */
  knowledge: boolean;
  /**
   * Largest policy file read, in bytes (default 5 MB: a long policy is well under 1 MB of text). A bigger file is
   * refused with an error naming it and the limit, before it is read.
   */
  maxFileBytes: number;
  /** Tuning of the plain-text ingester. */
  text?: Partial<TextIngestOptions>;
}

/** Default cap on one policy file: 5 MB. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Defaults of {@link loadDocument} and {@link loadCorpus}. */
export const defaultLoadOptions: LoadOptions = { sidecar: true, knowledge: true, maxFileBytes: DEFAULT_MAX_FILE_BYTES };

/** A sidecar holds four short strings. */
const MAX_SIDECAR_BYTES = 64 * 1024;

/** Metadata a sidecar file may give for a page that does not state it (a .txt scrape has no URL). */
export interface SidecarMeta {
  title?: string;
  url?: string;
  updated?: string;
  id?: string;
}

/**
 * Parses policy content in a known format into a `PolicyDocument`. Throws `CorpusError` (naming `source`) for
 * binary content or content with no policy text.
 *
 * @example
 * const doc = parseDocument('# Acme Policy\n\n## Data retention\n\nWe keep data for 30 days.\n', { format: 'markdown' });
 * doc.sections[0].path // => ['Data retention']
 */
export function parseDocument(content: string, options: ParseOptions): PolicyDocument {
  const where = options.source ?? '<input>';
  if (content.includes('\u0000')) throw new CorpusError(`corpus: ${where} looks binary (contains NUL bytes), not a policy text`, options.source);
  if (content.trim() === '') throw new CorpusError(`corpus: ${where} is empty`, options.source);
  let parsed: ParsedDocument;
  // The parsers that refuse hostile nesting name the file in their error.
  const named = options.source === undefined ? {} : { source: options.source };
  switch (options.format) {
    case 'markdown':
      parsed = parseMarkdown(content, named);
      break;
    case 'html':
      parsed = parseHtml(content, named);
      break;
    case 'rst':
      parsed = parseRst(content);
      break;
    case 'text':
      parsed = parseText(content, textOptions(options.text, options.knowledge));
      break;
    default:
      throw new CorpusError(`corpus: unknown format "${String(options.format)}" for ${where}`, options.source);
  }
  return finishDocument(parsed, options);
}

/** The text ingester's options with the document's own names and boilerplate phrases added. */
function textOptions(text: Partial<TextIngestOptions> | undefined, knowledge: DocumentKnowledge | undefined): Partial<TextIngestOptions> {
  if (!knowledge?.names?.length && !knowledge?.boilerplate?.length) return text ?? {};
  const terms = text?.terms ?? defaultTextIngestOptions.terms;
  const boilerplate = text?.boilerplate ?? defaultTextIngestOptions.boilerplate;
  return {
    ...text,
    terms: extendLexicon(knowledge.names ?? [], terms),
    boilerplate: [...boilerplate, ...boilerplatePatterns(knowledge.boilerplate ?? [])],
  };
}

/**
 * The format of a file, from its extension; `undefined` for anything else.
 *
 * @example
 * formatOf('corpus/acme.htm') // => 'html'
 */
export function formatOf(file: string): PolicyFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
}

/** Decodes file bytes as text, refusing binary files; falls back to Windows-1252 for legacy 8-bit text. */
function decodeText(bytes: Buffer, file: string): string {
  if (bytes.length === 0) throw new CorpusError(`corpus: ${file} is empty`, file);
  if (bytes.includes(0)) throw new CorpusError(`corpus: ${file} looks binary (contains NUL bytes), not a policy text`, file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const invalid = lenient.match(/\uFFFD/g)?.length ?? 0;
    let controls = 0;
    for (let index = 0; index < lenient.length; index += 1) {
      const code = lenient.charCodeAt(index);
      if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls += 1;
    }
    if ((invalid + controls) / Math.max(1, lenient.length) > 0.05) {
      throw new CorpusError(`corpus: ${file} looks binary (not valid UTF-8 text)`, file);
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Path of the optional metadata sidecar of a file.
 *
 * @example
 * sidecarPath('corpus/raw/page.txt') // => '<absolute>/corpus/raw/page.meta.json'
 */
export function sidecarPath(file: string): string {
  return besidePath(file, COMPANION_SUFFIXES.sidecar);
}

/**
 * Reads the metadata sidecar of a file, if there is one. Throws `CorpusError` naming the sidecar when it exists but is
 * unreadable, not a JSON object of strings, or gives a `url` that is not an absolute http(s) URL.
 *
 * @example
 * readSidecar('corpus/raw/datarobot-privacy-page.txt')?.url // => 'https://www.datarobot.com/privacy/'
 */
export function readSidecar(file: string): SidecarMeta | undefined {
  const path = sidecarPath(file);
  const data = readJsonCompanion(path, MAX_SIDECAR_BYTES, 'sidecar')?.data;
  if (data === undefined) return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CorpusError(`corpus: ${path} must hold a JSON object`, path);
  const meta: SidecarMeta = {};
  for (const key of ['title', 'url', 'updated', 'id'] as const) {
    const value = (data as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new CorpusError(`corpus: "${key}" in ${path} must be a string`, path);
    meta[key] = value;
  }
  if (meta.url !== undefined) checkDocumentUrl(meta.url, path);
  return meta;
}

/**
 * Loads one policy file (.md, .markdown, .txt, .text, .html, .htm, .rst) with its sidecar and knowledge file. Throws
 * `CorpusError` naming the file when it is missing, unreadable, over the size limit, empty, binary, of an unknown type
 * or holds no policy text.
 *
 * @example
 * const doc = loadDocument('corpus/datarobot-privacy-policy.md');
 * doc.title // => 'DataRobot Privacy Policy'
 */
export function loadDocument(path: string, options: Partial<LoadOptions> = {}): PolicyDocument {
  const settings: LoadOptions = { ...defaultLoadOptions, ...options };
  assertFile(path);
  const format = formatOf(path);
  if (!format) {
    throw new CorpusError(
      `corpus: ${path} has an unsupported extension "${extname(path) || '(none)'}"; use one of ${Object.keys(FORMAT_BY_EXTENSION).join(', ')}`,
      path,
    );
  }
  const content = readPolicyFile(path, settings.maxFileBytes);
  const meta = settings.sidecar ? readSidecar(path) : undefined;
  const knowledge = settings.knowledge ? readKnowledge(path) : undefined;
  const parseOptions: ParseOptions = { format, source: path };
  if (meta?.title) parseOptions.title = meta.title;
  if (meta?.url) parseOptions.url = meta.url;
  if (meta?.id) parseOptions.id = meta.id;
  if (knowledge) parseOptions.knowledge = knowledge;
  if (settings.text) parseOptions.text = settings.text;
  const document = parseDocument(content, parseOptions);
  if (meta?.updated && !document.updated) {
    const updated = parseDate(meta.updated);
    if (updated) document.updated = updated;
  }
  return document;
}

/**
 * Reads a policy file as text, whatever its extension. Throws `CorpusError` naming the file when it is missing,
 * unreadable, not a regular file, over `maxBytes` (checked before reading), empty or binary; legacy 8-bit text is
 * decoded as Windows-1252.
 *
 * @example
 * readPolicyFile('corpus/raw/datarobot-privacy-page.txt').startsWith('more intelligent tomorrow.') // => true
 */
export function readPolicyFile(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): string {
  return decodeText(readFileBounded(path, maxBytes), path);
}

function assertFile(path: string): void {
  const stats = statPath(path);
  if (stats.isDirectory()) throw new CorpusError(`corpus: ${path} is a folder, not a file`, path);
  if (!stats.isFile()) throw new CorpusError(`corpus: ${path} is not a file`, path);
}

/**
 * The policy files directly in a folder (not in sub-folders), sorted by name. Symbolic links to files count (a
 * Kubernetes ConfigMap mount is a folder of links into a hidden `..data` folder); hidden entries never do, so each
 * policy is listed once. A link that is broken or loops is an error naming it.
 *
 * @example
 * listPolicyFiles('corpus') // => ['corpus/datarobot-privacy-policy.md']
 */
export function listPolicyFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw fileSystemError(folder, error);
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || formatOf(entry.name) === undefined) continue;
    const path = join(folder, entry.name);
    if (entry.isFile()) {
      files.push(path);
    } else if (entry.isSymbolicLink()) {
      const stats = statPath(path);
      if (stats.isFile()) files.push(path);
    }
  }
  return files.sort();
}

/** The file's real path, so that two links to one file load it once. */
function identityOf(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    throw fileSystemError(path, error);
  }
}

/**
 * Loads policies from files and folders. A folder contributes its own policy files (symbolic links included), not
 * those of sub-folders (so `corpus/raw/` stays out of `corpus/`); a file reached twice (listed twice, or through two
 * links) is loaded once. Throws `CorpusError` for a missing or unreadable path, a folder without policy files, a file
 * over the size limit or two documents with the same id.
 *
 * @example
 * const documents = loadCorpus(['corpus']);
 * documents.map((doc) => doc.id) // => ['datarobot-privacy-policy']
 */
export function loadCorpus(paths: readonly string[], options: Partial<LoadOptions> = {}): PolicyDocument[] {
  if (paths.length === 0) throw new CorpusError('corpus: no corpus paths given');
  const files: string[] = [];
  for (const path of paths) {
    const stats = statPath(path);
    if (stats.isDirectory()) {
      const found = listPolicyFiles(path);
      if (found.length === 0) {
        throw new CorpusError(`corpus: folder ${path} has no policy files (${Object.keys(FORMAT_BY_EXTENSION).join(', ')})`, path);
      }
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  const seenFiles = new Set<string>();
  const byId = new Map<string, string>();
  const documents: PolicyDocument[] = [];
  for (const file of files) {
    const identity = identityOf(file);
    if (seenFiles.has(identity)) continue;
    seenFiles.add(identity);
    const document = loadDocument(file, options);
    const clash = byId.get(document.id);
    if (clash) throw new CorpusError(`corpus: ${file} and ${clash} have the same document id "${document.id}"; rename one`, file);
    byId.set(document.id, file);
    documents.push(document);
  }
  return documents;
}
