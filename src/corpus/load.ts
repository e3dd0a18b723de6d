import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { PolicyDocument } from '../types.js';
import { parseDate } from './dates.js';
import { finishDocument, type DocumentOptions, type ParsedDocument } from './document.js';
import { CorpusError } from './errors.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parseText, type TextIngestOptions } from './text.js';

export { CorpusError } from './errors.js';

/** Input formats the corpus understands. */
export type PolicyFormat = 'text' | 'html' | 'markdown';

/** File extensions per format; a folder load picks up exactly these. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, PolicyFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
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
  /** Tuning of the plain-text ingester. */
  text?: Partial<TextIngestOptions>;
}

/** Defaults of {@link loadDocument} and {@link loadCorpus}. */
export const defaultLoadOptions: LoadOptions = { sidecar: true };

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
  switch (options.format) {
    case 'markdown':
      parsed = parseMarkdown(content);
      break;
    case 'html':
      parsed = parseHtml(content);
      break;
    case 'text':
      parsed = parseText(content, options.text);
      break;
    default:
      throw new CorpusError(`corpus: unknown format "${String(options.format)}" for ${where}`, options.source);
  }
  return finishDocument(parsed, options);
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
  return join(resolve(file, '..'), `${basename(file, extname(file))}.meta.json`);
}

/**
 * Reads the metadata sidecar of a file, if there is one. Throws `CorpusError` when it exists but is not a JSON object
 * of strings.
 *
 * @example
 * readSidecar('corpus/raw/datarobot-privacy-page.txt')?.url // => 'https://www.datarobot.com/privacy/'
 */
export function readSidecar(file: string): SidecarMeta | undefined {
  const path = sidecarPath(file);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CorpusError(`corpus: ${path} is not valid JSON (${(error as Error).message})`, path);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CorpusError(`corpus: ${path} must hold a JSON object`, path);
  const meta: SidecarMeta = {};
  for (const key of ['title', 'url', 'updated', 'id'] as const) {
    const value = (data as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new CorpusError(`corpus: "${key}" in ${path} must be a string`, path);
    meta[key] = value;
  }
  return meta;
}

/**
 * Loads one policy file (.md, .markdown, .txt, .text, .html, .htm). Throws `CorpusError` naming the file when it is
 * missing, empty, binary, of an unknown type or holds no policy text.
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
  const content = readPolicyFile(path);
  const meta = settings.sidecar ? readSidecar(path) : undefined;
  const parseOptions: ParseOptions = { format, source: path };
  if (meta?.title) parseOptions.title = meta.title;
  if (meta?.url) parseOptions.url = meta.url;
  if (meta?.id) parseOptions.id = meta.id;
  if (settings.text) parseOptions.text = settings.text;
  const document = parseDocument(content, parseOptions);
  if (meta?.updated && !document.updated) {
    const updated = parseDate(meta.updated);
    if (updated) document.updated = updated;
  }
  return document;
}

/**
 * Reads a policy file as text, whatever its extension. Throws `CorpusError` naming the file when it is missing, not a
 * file, empty or binary; legacy 8-bit text is decoded as Windows-1252.
 *
 * @example
 * readPolicyFile('corpus/raw/datarobot-privacy-page.txt').startsWith('more intelligent tomorrow.') // => true
 */
export function readPolicyFile(path: string): string {
  assertFile(path);
  return decodeText(readFileSync(path), path);
}

function assertFile(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new CorpusError(`corpus: ${path} does not exist`, path);
  }
  if (!stats.isFile()) throw new CorpusError(`corpus: ${path} is not a file`, path);
}

/**
 * The policy files directly in a folder (not in sub-folders), sorted by name.
 *
 * @example
 * listPolicyFiles('corpus') // => ['corpus/datarobot-privacy-policy.md']
 */
export function listPolicyFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && formatOf(entry.name) !== undefined && !entry.name.startsWith('.'))
    .map((entry) => join(folder, entry.name))
    .sort();
}

/**
 * Loads policies from files and folders. A folder contributes its own policy files, not those of sub-folders (so
 * `corpus/raw/` stays out of `corpus/`). Throws `CorpusError` for a missing path, a folder without policy files or
 * two documents with the same id.
 *
 * @example
 * const documents = loadCorpus(['corpus']);
 * documents.map((doc) => doc.id) // => ['datarobot-privacy-policy']
 */
export function loadCorpus(paths: readonly string[], options: Partial<LoadOptions> = {}): PolicyDocument[] {
  if (paths.length === 0) throw new CorpusError('corpus: no corpus paths given');
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new CorpusError(`corpus: ${path} does not exist`, path);
    }
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
    const absolute = resolve(file);
    if (seenFiles.has(absolute)) continue;
    seenFiles.add(absolute);
    const document = loadDocument(file, options);
    const clash = byId.get(document.id);
    if (clash) throw new CorpusError(`corpus: ${file} and ${clash} have the same document id "${document.id}"; rename one`, file);
    byId.set(document.id, file);
    documents.push(document);
  }
  return documents;
}
