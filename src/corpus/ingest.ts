import { isAbsolute, join, relative, sep } from 'node:path';
import type { PolicyDocument } from '../types.js';
import { CorpusError } from './errors.js';
import { parseDate } from './dates.js';
import { readKnowledgeFile } from './knowledge.js';
import { DEFAULT_MAX_FILE_BYTES, formatOf, parseDocument, readPolicyFile, readSidecar, type PolicyFormat } from './load.js';
import { renderPolicyMarkdown } from './markdown.js';
import { slugify } from './slug.js';

/** Options of {@link ingestFile}. */
export interface IngestOptions {
  /** Overrides the title found in the page or its sidecar. */
  title?: string;
  /** Overrides the URL found in the page or its sidecar. */
  url?: string;
  /** Forces a format instead of the one implied by the extension. */
  format?: PolicyFormat;
  /** Folder the default output path and the recorded `source` are relative to. Default: the current directory. */
  cwd: string;
  /** Largest page read, in bytes (default 5 MB, as for the corpus loader). */
  maxFileBytes: number;
}

/** Defaults of {@link ingestFile}. */
export const defaultIngestOptions: IngestOptions = { cwd: process.cwd(), maxFileBytes: DEFAULT_MAX_FILE_BYTES };

/** The result of ingesting one page. */
export interface IngestResult {
  document: PolicyDocument;
  /** The corpus Markdown for the document. */
  markdown: string;
  /** Where the Markdown goes by default: `corpus/<document id>.md` under `cwd`. */
  defaultOutPath: string;
  /**
   * The page's `<name>.knowledge.json`, as written, when it has one: it belongs beside the corpus Markdown too, so the
   * served document carries the same names and phrases.
   */
  knowledgeJson?: string;
}

function portablePath(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  return rel.split(sep).join('/');
}

/**
 * Turns a policy page (plain text, HTML or Markdown) into corpus Markdown. The document id, and so the file name,
 * comes from the title: `DataRobot Privacy Policy` → `corpus/datarobot-privacy-policy.md`.
 *
 * @example
 * const { markdown, defaultOutPath } = ingestFile('corpus/raw/datarobot-privacy-page.txt');
 * // defaultOutPath => '<cwd>/corpus/datarobot-privacy-policy.md'
 */
export function ingestFile(input: string, options: Partial<IngestOptions> = {}): IngestResult {
  const settings: IngestOptions = { ...defaultIngestOptions, ...options };
  const format = settings.format ?? formatOf(input);
  if (!format) {
    throw new CorpusError(`corpus: ${input} has an unsupported extension; rename it or pass a format (text, html, markdown, rst)`, input);
  }
  const content = readPolicyFile(input, settings.maxFileBytes);
  const meta = readSidecar(input);
  const knowledgeFile = readKnowledgeFile(input);
  const knowledge = knowledgeFile?.knowledge;
  const title = settings.title ?? meta?.title;
  const url = settings.url ?? meta?.url;
  let document: PolicyDocument = parseDocument(content, {
    format,
    source: input,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(knowledge ? { knowledge } : {}),
  });
  if (meta?.updated && !document.updated) {
    const updated = parseDate(meta.updated);
    if (updated) document = { ...document, updated };
  }
  const id = slugify(document.title) || document.id;
  document = { ...document, id };
  const markdown = renderPolicyMarkdown(document, { source: portablePath(input, settings.cwd) });
  const result: IngestResult = { document, markdown, defaultOutPath: join(settings.cwd, 'corpus', `${id}.md`) };
  // Copied as written (the text that was validated) to keep the owner's layout.
  if (knowledgeFile) result.knowledgeJson = knowledgeFile.text;
  return result;
}
