import type { PolicyDocument } from '../types.js';
import type { ParsedDocument, ParsedSection } from './document.js';
import { parseDate } from './dates.js';
import { parseFrontMatter, renderFrontMatter } from './front-matter.js';

interface Heading {
  level: number;
  text: string;
}

type Block = { kind: 'heading'; heading: Heading } | { kind: 'paragraph'; text: string };

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const TABLE_ROW = /^ {0,3}\|.*\|[ \t]*$/;
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]+\S+/;
const BLOCKQUOTE = /^ {0,3}>[ \t]?/;

// Characters a backslash can escape in Markdown; mapped to private-use code points while inline markup is stripped.
const ESCAPABLE = '\\`*_{}[]()#+-.!|<>~&"\'';
const ESCAPE_BASE = 0xe000;

const INLINE_MARKUP = /[\\`*_[\]<>&~!]/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Strips inline Markdown: links keep their text, emphasis and code markers go, backslash escapes resolve.
 *
 * @example
 * cleanInlineMarkdown('See **our** [cookie policy](/cookies).') // => 'See our cookie policy.'
 */
export function cleanInlineMarkdown(text: string): string {
  // Plain prose (most of a policy) has no markup at all: skip the regex passes, this is on the start-up path.
  if (!INLINE_MARKUP.test(text)) return text.replace(/\s+/g, ' ').trim();
  let out = text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&"'])/g, (_m, ch: string) =>
    String.fromCharCode(ESCAPE_BASE + ESCAPABLE.indexOf(ch)),
  );
  out = out
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(?:mailto:)?([^<>\s]+@[^<>\s]+|https?:\/\/[^<>\s]+)>/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (entity: string, name: string) => decodeEntity(entity, name));
  out = out.replace(/[\ue000-\ue0ff]/g, (ch) => ESCAPABLE.charAt(ch.charCodeAt(0) - ESCAPE_BASE));
  return out.replace(/\s+/g, ' ').trim();
}

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name.toLowerCase()] ?? entity;
}

function splitTableRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cleanInlineMarkdown(cell))
    .filter((cell) => cell.length > 0);
}

function toBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let paragraphIsListItem = false;
  let fence: { marker: string; lines: string[] } | undefined;

  const flush = (): void => {
    const text = cleanInlineMarkdown(paragraph.join(' '));
    if (text) blocks.push({ kind: 'paragraph', text });
    paragraph = [];
    paragraphIsListItem = false;
  };

  for (const rawLine of body.split('\n')) {
    const line = rawLine.replace(/\s+$/, '');
    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close?.[1] && close[1].charAt(0) === fence.marker.charAt(0) && close[1].length >= fence.marker.length && !close[2]?.trim()) {
        // Code is quoted as written: no inline cleanup, line breaks kept.
        const code = fence.lines.join('\n').trim();
        if (code) blocks.push({ kind: 'paragraph', text: code });
        fence = undefined;
      } else {
        fence.lines.push(rawLine);
      }
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen?.[1] && !(fenceOpen[1].startsWith('`') && fenceOpen[2]?.includes('`'))) {
      flush();
      fence = { marker: fenceOpen[1], lines: [] };
      continue;
    }
    const content = line.replace(BLOCKQUOTE, '');
    if (content.trim() === '' || /^\s*<!--.*-->\s*$/.test(content)) {
      flush();
      continue;
    }
    const atx = ATX_HEADING.exec(content);
    if (atx?.[1]) {
      flush();
      blocks.push({ kind: 'heading', heading: { level: atx[1].length, text: cleanInlineMarkdown(atx[2] ?? '') } });
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(content);
    if (setext?.[1] && paragraph.length > 0 && !paragraphIsListItem) {
      const text = cleanInlineMarkdown(paragraph.join(' '));
      paragraph = [];
      blocks.push({ kind: 'heading', heading: { level: setext[1].startsWith('=') ? 1 : 2, text } });
      continue;
    }
    if (THEMATIC_BREAK.test(content)) {
      flush();
      continue;
    }
    if (TABLE_SEPARATOR.test(content) && content.includes('-') && content.includes('|')) continue;
    if (TABLE_ROW.test(content)) {
      flush();
      const cells = splitTableRow(content);
      if (cells.length > 0) blocks.push({ kind: 'paragraph', text: cells.join(' — ') });
      continue;
    }
    if (LINK_DEFINITION.test(content)) continue;
    const item = LIST_ITEM.exec(content);
    if (item) {
      flush();
      paragraph.push(item[1] ?? '');
      paragraphIsListItem = true;
      continue;
    }
    paragraph.push(content.trim());
  }
  if (fence) {
    const code = fence.lines.join('\n').trim();
    if (code) blocks.push({ kind: 'paragraph', text: code });
  }
  flush();
  return blocks;
}

/**
 * Parses a Markdown policy. Front matter (`title`, `url`, `updated`, `id`) is optional; a single leading `#` heading
 * is the title when every other heading is deeper; text before the first section becomes the introduction.
 *
 * @example
 * parseMarkdown('# Acme Policy\n\n## Data retention\n\nWe keep data for 30 days.\n').sections
 * // => [{ path: ['Data retention'], text: 'We keep data for 30 days.' }]
 */
export function parseMarkdown(content: string): ParsedDocument {
  const { data, body } = parseFrontMatter(content);
  const blocks = toBlocks(body);
  const headings = blocks.flatMap((block) => (block.kind === 'heading' ? [block.heading] : []));

  let title = data.title;
  let titleBlock: Block | undefined;
  const first = headings[0];
  if (first && first.level === 1 && headings.slice(1).every((heading) => heading.level > 1)) {
    titleBlock = blocks.find((block) => block.kind === 'heading' && block.heading === first);
    title ??= first.text;
  }
  const sectionHeadings = headings.filter((heading) => titleBlock?.kind !== 'heading' || heading !== titleBlock.heading);
  const minLevel = Math.min(...sectionHeadings.map((heading) => heading.level), 6);

  const sections: ParsedSection[] = [];
  const stack: Heading[] = [];
  let current: { path: string[]; paragraphs: string[] } = { path: [], paragraphs: [] };
  const close = (): void => {
    if (current.path.length > 0 || current.paragraphs.length > 0) {
      sections.push({ path: current.path, text: current.paragraphs.join('\n\n') });
    }
  };
  for (const block of blocks) {
    if (block === titleBlock) continue;
    if (block.kind === 'paragraph') {
      current.paragraphs.push(block.text);
      continue;
    }
    const level = block.heading.level - minLevel + 1;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack.push({ level, text: block.heading.text });
    close();
    current = { path: stack.map((heading) => heading.text), paragraphs: [] };
  }
  close();

  const parsed: ParsedDocument = { sections };
  if (title) parsed.title = title;
  if (data.url) parsed.url = data.url;
  const updated = data.updated ?? data.date ?? data['last-updated'] ?? data.last_updated;
  if (updated) {
    const iso = parseDate(updated);
    if (iso) parsed.updated = iso;
  }
  if (data.id) parsed.id = data.id;
  return parsed;
}

/**
 * Escapes what `cleanInlineMarkdown` would otherwise strip or reinterpret, so rendering then parsing is lossless.
 *
 * @example
 * escapeMarkdownText('1. *Not* a list') // => '1\\. \\*Not\\* a list'
 */
export function escapeMarkdownText(text: string): string {
  let out = text
    .replace(/([\\`*[\]~|])/g, '\\$1')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/<(?=[A-Za-z/!])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&');
  // Line starts that would turn a paragraph into a heading, list, quote, table or rule.
  out = out.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out;
}

/** Options of {@link renderPolicyMarkdown}. */
export interface RenderMarkdownOptions {
  /** Written as `source:` in the front matter (e.g. the raw page it was ingested from). */
  source?: string;
}

/**
 * Renders a document in the corpus format: front matter, `# Title`, one `##`/`###`/`####` heading per section.
 * `parseMarkdown` reads it back to the same sections.
 *
 * @example
 * renderPolicyMarkdown({ id: 'acme', title: 'Acme Policy', sections: [{ id: 'a', path: ['A'], text: 'Text.' }] });
 * // => '---\ntitle: Acme Policy\n---\n\n# Acme Policy\n\n## A\n\nText.\n'
 */
export function renderPolicyMarkdown(document: PolicyDocument, options: RenderMarkdownOptions = {}): string {
  const parts: string[] = [
    renderFrontMatter({ title: document.title, url: document.url, updated: document.updated, source: options.source }).trimEnd(),
    `# ${escapeMarkdownText(document.title)}`,
  ];
  for (const section of document.sections) {
    const heading = section.path[section.path.length - 1] ?? '';
    parts.push(`${'#'.repeat(Math.min(section.path.length + 1, 6))} ${escapeMarkdownText(heading).replace(/#+$/, (m) => `\\${m}`)}`);
    for (const paragraph of section.text.split(/\n{2,}/)) {
      if (paragraph.trim()) parts.push(paragraph.split('\n').map((line) => escapeMarkdownText(line.trim())).join('  \n'));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
