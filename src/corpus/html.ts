import { createRequire } from 'node:module';
import type { ChildNode, Element } from 'domhandler';
import type * as Htmlparser2 from 'htmlparser2';
import type { ParsedDocument, ParsedSection } from './document.js';
import { DATE_LABEL_PATTERN, DATE_PATTERN, parseDate } from './dates.js';

/** Options of {@link parseHtml}. */
export interface HtmlIngestOptions {
  /** Elements dropped with everything inside them. */
  dropTags: readonly string[];
  /** An element whose id, class, role or aria-label matches this is site chrome (cookie banner, newsletter box…). */
  chromePattern: RegExp;
  /** A whole class or id token naming navigation or page furniture (`menu`, `site-footer`…). */
  chromeTokenPattern: RegExp;
  /** A `<p>`/`<div>` holding only bold text counts as a heading when it has at most this many words. */
  maxBoldHeadingWords: number;
}

/** Defaults of {@link parseHtml}. */
export const defaultHtmlIngestOptions: HtmlIngestOptions = {
  dropTags: ['script', 'style', 'nav', 'header', 'footer', 'aside', 'form', 'noscript', 'template', 'svg', 'iframe', 'button', 'select', 'dialog', 'canvas', 'video', 'audio', 'object'],
  // "cookie" or "consent" alone is not enough: a cookie policy's own sections are often named so.
  chromePattern:
    /(?:cookie|consent|gdpr)[-_\s]?(?:banner|bar|notice|popup|pop-up|modal|dialog|overlay|notification|alert|accept|toast|prompt|wall|manager|consent)|\b(?:cc|cky)[-_]|onetrust|cookiebot|truste|osano|didomi|usercentrics|newsletter|subscribe|signup|sign-up|banner|modal|popup|breadcrumb|skip-link/i,
  chromeTokenPattern:
    /^(?:nav|navbar|navigation|menu|main-menu|menubar|topbar|site-header|site-footer|header|footer|sidebar|share|sharing-buttons|social-share|social-links|social-icons)$/i,
  maxBoldHeadingWords: 12,
};

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure',
  'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'body', 'html',
  'details', 'summary', 'center',
]);
const ROLE_CHROME = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);

type Block = { kind: 'heading'; level: number; text: string; bold: boolean } | { kind: 'paragraph'; text: string };

// htmlparser2 is loaded on first use: the Markdown corpus path (start-up of `ask`) never pays for it.
let parser: typeof Htmlparser2 | undefined;
function htmlparser2(): typeof Htmlparser2 {
  parser ??= createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2;
  return parser;
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Text of a node, with `<br>` as a space and dropped elements left out. */
function textOf(node: ChildNode, isDropped: (element: Element) => boolean): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node)) return '';
  if (isDropped(node)) return '';
  if (node.name === 'br') return ' ';
  const inner = node.children.map((child) => textOf(child, isDropped)).join('');
  return BLOCK_TAGS.has(node.name) ? ` ${inner} ` : inner;
}

function findAll(nodes: readonly ChildNode[], test: (element: Element) => boolean, out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) out.push(node);
    findAll(node.children, test, out);
  }
  return out;
}

function attr(element: Element, name: string): string {
  return element.attribs[name] ?? '';
}

/** The inline text at the start of a heading element, before any block it wrongly contains. */
function headingText(heading: Element, isDropped: (element: Element) => boolean): string {
  const firstBlock = heading.children.findIndex((child) => isElement(child) && BLOCK_TAGS.has(child.name));
  const inline = firstBlock < 0 ? heading.children : heading.children.slice(0, firstBlock);
  return collapse(inline.map((child) => textOf(child, isDropped)).join(''));
}

/** Does the element hold nothing but bold text (`<p><strong>Heading</strong></p>`)? */
function boldOnlyText(element: Element, isDropped: (element: Element) => boolean): string | undefined {
  const meaningful = element.children.filter((child) => !(child.type === 'text' && child.data.trim() === '') && child.type !== 'comment');
  if (meaningful.length !== 1) return undefined;
  const only = meaningful[0];
  if (!only || !isElement(only) || !['strong', 'b'].includes(only.name)) return undefined;
  return collapse(textOf(only, isDropped));
}

/**
 * Parses an HTML policy page with a real HTML parser: keeps `<main>`/`<article>` when present, drops scripts,
 * navigation, headers, footers, forms and cookie/newsletter banners; `<h1>`–`<h6>` and bold-only paragraphs are
 * headings; paragraphs, list items and table rows (`cell — cell`) are the text. Title from `<h1>` or `<title>`,
 * URL from `<link rel="canonical">` or `og:url`, date from a "Last updated …" line or `<time datetime>`.
 *
 * @example
 * parseHtml('<main><h1>Acme Policy</h1><h2>Data retention</h2><p>We keep data for 30 days.</p></main>').sections
 * // => [{ path: ['Data retention'], text: 'We keep data for 30 days.' }]
 */
export function parseHtml(html: string, options: Partial<HtmlIngestOptions> = {}): ParsedDocument {
  const settings: HtmlIngestOptions = { ...defaultHtmlIngestOptions, ...options };
  const dropTags = new Set(settings.dropTags);
  const document = htmlparser2().parseDocument(html, { decodeEntities: true });
  const all = document.children;

  const byTag = (element: Element): boolean => dropTags.has(element.name) || ROLE_CHROME.has(attr(element, 'role').toLowerCase());
  const pageTextLength = collapse(all.map((node) => textOf(node, byTag)).join(' ')).length;
  const decided = new Map<Element, boolean>();
  const isDropped = (element: Element): boolean => {
    if (byTag(element) || 'hidden' in element.attribs) return true;
    const cached = decided.get(element);
    if (cached !== undefined) return cached;
    const label = `${attr(element, 'id')} ${attr(element, 'class')} ${attr(element, 'aria-label')}`;
    let dropped = label.split(/\s+/).some((token) => settings.chromeTokenPattern.test(token)) || settings.chromePattern.test(label);
    // Class names lie more than tags: never drop by class an element that holds most of the page's text.
    if (dropped && collapse(textOf(element, byTag)).length > 0.4 * pageTextLength) dropped = false;
    decided.set(element, dropped);
    return dropped;
  };

  const mains = findAll(all, (element) => element.name === 'main' || attr(element, 'role') === 'main');
  const articles = findAll(all, (element) => element.name === 'article');
  const bodies = findAll(all, (element) => element.name === 'body');
  const longest = (elements: Element[]): Element | undefined =>
    elements.reduce<Element | undefined>((best, element) => (best && textOf(best, isDropped).length >= textOf(element, isDropped).length ? best : element), undefined);
  const root = longest(mains) ?? longest(articles) ?? bodies[0];
  const rootNodes: readonly ChildNode[] = root ? [root] : all;

  // Metadata first, from the whole page (the title often sits in a header the walk drops).
  const h1s = findAll(rootNodes, (element) => element.name === 'h1');
  const pageH1 = h1s[0] ?? findAll(all, (element) => element.name === 'h1')[0];
  const titleElement = findAll(all, (element) => element.name === 'title')[0];
  const titleFromTag = titleElement ? collapse(textOf(titleElement, () => false)).split(/\s+[|–—-]\s+/)[0] : undefined;
  const title = (pageH1 ? headingText(pageH1, () => false) : undefined) || titleFromTag || undefined;
  const canonical = findAll(all, (element) => element.name === 'link' && attr(element, 'rel').toLowerCase().split(/\s+/).includes('canonical'))[0];
  const ogUrl = findAll(all, (element) => element.name === 'meta' && (attr(element, 'property') || attr(element, 'name')).toLowerCase() === 'og:url')[0];
  const url = (canonical && attr(canonical, 'href')) || (ogUrl && attr(ogUrl, 'content')) || undefined;

  const blocks: Block[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = collapse(buffer);
    if (text) blocks.push({ kind: 'paragraph', text });
    buffer = '';
  };
  let lastRealHeadingLevel: number | undefined;

  const walk = (node: ChildNode): void => {
    if (node.type === 'text') {
      buffer += node.data;
      return;
    }
    if (!isElement(node) || isDropped(node)) return;
    const name = node.name;
    if (/^h[1-6]$/.test(name)) {
      flush();
      // A heading left unclosed (or closed by the wrong tag) swallows the blocks after it: only its inline start
      // is the heading, the blocks are content.
      const firstBlock = node.children.findIndex((child) => isElement(child) && BLOCK_TAGS.has(child.name));
      const text = headingText(node, isDropped);
      if (text && node !== pageH1) {
        const level = Number(name.slice(1));
        lastRealHeadingLevel = level;
        blocks.push({ kind: 'heading', level, text, bold: false });
      }
      if (firstBlock >= 0) for (const child of node.children.slice(firstBlock)) walk(child);
      flush();
      return;
    }
    if (name === 'br') {
      buffer += ' ';
      return;
    }
    if (name === 'tr') {
      flush();
      const cells = node.children
        .filter((child): child is Element => isElement(child) && (child.name === 'td' || child.name === 'th'))
        .map((cell) => collapse(textOf(cell, isDropped)))
        .filter(Boolean);
      if (cells.length > 0) blocks.push({ kind: 'paragraph', text: cells.join(' — ') });
      return;
    }
    if (name === 'p' || name === 'div' || name === 'dt') {
      const bold = boldOnlyText(node, isDropped);
      if (bold && wordCount(bold) <= settings.maxBoldHeadingWords && (!/[.!?]$/.test(bold) || wordCount(bold) <= 6)) {
        flush();
        blocks.push({ kind: 'heading', level: (lastRealHeadingLevel ?? 1) + 1, text: bold.replace(/[:.]$/, ''), bold: true });
        return;
      }
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  for (const node of rootNodes) walk(node);
  flush();

  // The policy date: a short "Last updated …" line (removed from the text), else a <time datetime>.
  let updated: string | undefined;
  const dateIndex = blocks.findIndex(
    (block) => block.kind === 'paragraph' && DATE_PATTERN.test(block.text) && DATE_LABEL_PATTERN.test(block.text),
  );
  const dateBlock = blocks[dateIndex];
  if (dateBlock) {
    updated = parseDate(dateBlock.text);
    if (dateBlock.kind === 'paragraph' && wordCount(dateBlock.text) <= 10) blocks.splice(dateIndex, 1);
  }
  if (!updated) {
    const time = findAll(rootNodes, (element) => element.name === 'time' && attr(element, 'datetime') !== '')[0];
    if (time) updated = parseDate(attr(time, 'datetime'));
  }

  const headingLevels = blocks.flatMap((block) => (block.kind === 'heading' ? [block.level] : []));
  const minLevel = Math.min(...headingLevels, 6);
  const sections: ParsedSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: { path: string[]; paragraphs: string[] } = { path: [], paragraphs: [] };
  const close = (): void => {
    if (current.path.length > 0 || current.paragraphs.length > 0) sections.push({ path: current.path, text: current.paragraphs.join('\n\n') });
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      current.paragraphs.push(block.text);
      continue;
    }
    const level = block.level - minLevel + 1;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack.push({ level, text: block.text });
    close();
    current = { path: stack.map((entry) => entry.text), paragraphs: [] };
  }
  close();

  const parsed: ParsedDocument = { sections };
  if (title) parsed.title = title;
  if (url) parsed.url = url;
  if (updated) parsed.updated = updated;
  return parsed;
}
