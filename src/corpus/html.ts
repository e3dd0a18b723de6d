import { createRequire } from 'node:module';
import type { ChildNode, Element } from 'domhandler';
import type * as Htmlparser2 from 'htmlparser2';
import { isChromeLine, stripLineSeparators } from './chrome.js';
import { sectionsFromBlocks, takePolicyDate, type Block, type ParsedDocument } from './document.js';
import { parseDate } from './dates.js';
import { CorpusError } from './errors.js';

/** Options of {@link parseHtml}. */
export interface HtmlIngestOptions {
  /** Elements dropped with everything inside them. */
  dropTags: readonly string[];
  /** An element whose id, class, role or aria-label matches this is site chrome (cookie banner, newsletter box…). */
  chromePattern: RegExp;
  /** A whole class or id token naming navigation or page furniture (`menu`, `site-footer`…). */
  chromeTokenPattern: RegExp;
  /** A line of bold text alone (`<p><strong>…</strong></p>`, `<b>…</b><br>`) counts as a heading up to this many words. */
  maxBoldHeadingWords: number;
  /**
   * On a flat page (fewer headings than this), a short line of its own followed by prose is a heading too: many
   * policy pages mark their headings with nothing but a line break.
   */
  flatPageHeadings: number;
  /** Such a title line has at most this many words. */
  maxTitleLineWords: number;
  /**
   * Deepest element nesting accepted (unclosed `<b>`s count). The HTML parser slows down with the square of the depth
   * (400,000 unclosed tags, 2 MB, take about a minute), so a deeper page is refused with an error naming it.
   */
  maxNesting: number;
  /** File the HTML came from, for error messages. */
  source?: string;
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
  flatPageHeadings: 3,
  maxTitleLineWords: 8,
  maxNesting: 10_000,
};

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure',
  'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'body', 'html',
  'details', 'summary', 'center',
]);
const BOLD_TAGS = new Set(['b', 'strong']);
// Blocks whose bold line is an item or a cell, not a heading.
const NO_HEADING_CONTAINERS = new Set(['li', 'dd', 'td', 'th', 'caption', 'figcaption', 'summary']);
// Words that make an opening line the page's title rather than its first section.
const TITLE_WORDS = /\b(?:privacy|policy|policies|notice|statement|terms|cookies?)\b/i;
const ROLE_CHROME = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);

/** A paragraph block that may turn out to be a heading once the whole page is known to be flat. */
type HtmlBlock = Block & { bold?: boolean; titleLine?: boolean; splitFrom?: boolean };

// htmlparser2 is loaded on first use: the Markdown corpus path (start-up of `ask`) never pays for it.
let parser: typeof Htmlparser2 | undefined;
function htmlparser2(): typeof Htmlparser2 {
  parser ??= createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2;
  return parser;
}

// Elements that never hold others, or that the parser closes when the next one of their kind opens.
const NON_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot',
]);

/**
 * How deep the page nests elements, estimated from its tags alone (linear, before any parsing): opening tags count up,
 * closing tags down, elements that cannot nest are ignored.
 */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^<>]*?(\/?)>/g)) {
    const name = (match[2] ?? '').toLowerCase();
    if (NON_NESTING.has(name) || match[3]) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, (depth += 1));
  }
  return deepest;
}

/** Parses HTML into a DOM, refusing (with an error naming the file) nesting too deep to parse in reasonable time. */
function parseDom(html: string, settings: HtmlIngestOptions): ReturnType<typeof Htmlparser2.parseDocument> {
  const depth = nestingDepth(html);
  if (depth > settings.maxNesting) {
    throw new CorpusError(
      `corpus: ${settings.source ?? '<input>'} nests HTML elements about ${depth.toLocaleString('en-US')} levels deep (limit ${settings.maxNesting.toLocaleString('en-US')}); close its tags or save the page again`,
      settings.source,
    );
  }
  return htmlparser2().parseDocument(html, { decodeEntities: true });
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

function attr(element: Element, name: string): string {
  return element.attribs[name] ?? '';
}

/**
 * Text of nodes, with `<br>` as a space and dropped elements left out. Iterative: a page may nest thousands of
 * unclosed tags, and a recursive walk would overflow the stack.
 */
function textOf(nodes: readonly ChildNode[], isDropped: (element: Element) => boolean): string {
  let out = '';
  const stack: (ChildNode | string)[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    if (node.type === 'text') {
      out += node.data;
      continue;
    }
    if (!isElement(node) || isDropped(node)) continue;
    if (node.name === 'br') {
      out += ' ';
      continue;
    }
    const block = BLOCK_TAGS.has(node.name);
    if (block) {
      out += ' ';
      stack.push(' ');
    }
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      const child = node.children[index];
      if (child) stack.push(child);
    }
  }
  return out;
}

/** Every element under `nodes` (pre-order) that passes `test`; iterative for the same reason as {@link textOf}. */
function findAll(nodes: readonly ChildNode[], test: (element: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !isElement(node)) continue;
    if (test(node)) out.push(node);
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      const child = node.children[index];
      if (child) stack.push(child);
    }
  }
  return out;
}

/** The inline children at the start of a heading element, before any block it wrongly contains. */
function headingParts(heading: Element): { inline: ChildNode[]; blocks: ChildNode[] } {
  const firstBlock = heading.children.findIndex((child) => isElement(child) && BLOCK_TAGS.has(child.name));
  if (firstBlock < 0) return { inline: heading.children, blocks: [] };
  return { inline: heading.children.slice(0, firstBlock), blocks: heading.children.slice(firstBlock) };
}

/** The page's own anchor for a heading: its id, or the id/name of an `<a>` inside it. */
function headingAnchor(heading: Element): string | undefined {
  const own = attr(heading, 'id');
  if (own) return own;
  const named = findAll(heading.children, (element) => element.name === 'a' && (attr(element, 'id') !== '' || attr(element, 'name') !== ''))[0];
  return named ? attr(named, 'id') || attr(named, 'name') : undefined;
}

/** A list item that is only a link to another place on the same page: an entry of the page's table of contents. */
function isInPageLinkItem(element: Element): boolean {
  if (element.name !== 'li') return false;
  // Looks at the item's own children only, so nested lists cost nothing extra.
  const meaningful = element.children.filter((child) => !(child.type === 'text' && child.data.trim() === '') && child.type !== 'comment');
  const only = meaningful[0];
  return meaningful.length === 1 && only !== undefined && isElement(only) && only.name === 'a' && attr(only, 'href').startsWith('#');
}

/**
 * Non-space characters of text under every element, dropped tags left out, in one pass from the leaves up: deciding
 * whether a container holds most of the page must not re-read its subtree for every nested container.
 */
function visibleTextSizes(nodes: readonly ChildNode[], isDropped: (element: Element) => boolean): { sizes: Map<Element, number>; total: number } {
  const sizes = new Map<Element, number>();
  const ownText = (node: ChildNode): number => (node.type === 'text' ? node.data.replace(/\s+/g, '').length : 0);
  let total = 0;
  // Post-order with an explicit stack: an element's size is summed once its children are done.
  const stack: { node: ChildNode; done: boolean }[] = [...nodes].reverse().map((node) => ({ node, done: false }));
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    const { node } = frame;
    if (!isElement(node)) {
      if (node.parent === null || nodes.includes(node)) total += ownText(node);
      continue;
    }
    if (isDropped(node)) {
      sizes.set(node, 0);
      continue;
    }
    if (!frame.done) {
      stack.push({ node, done: true });
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        const child = node.children[index];
        if (child) stack.push({ node: child, done: false });
      }
      continue;
    }
    let size = 0;
    for (const child of node.children) size += isElement(child) ? (sizes.get(child) ?? 0) : ownText(child);
    sizes.set(node, size);
    if (nodes.includes(node)) total += size;
  }
  return { sizes, total };
}

interface Line {
  text: string;
  /** Non-space characters inside `<b>`/`<strong>`, and outside. */
  boldChars: number;
  plainChars: number;
}

/** Could this line be a heading by its shape: short, not a sentence (a question is fine: FAQ-style headings)? */
function headingShaped(text: string, maxWords: number): boolean {
  const words = wordCount(text);
  if (words === 0 || words > maxWords || !/\p{L}/u.test(text)) return false;
  return !/[.!]$/.test(text) || words <= 4;
}

/** A short line of its own that reads as a title: capitalized or numbered, no sentence punctuation at its end. */
function titleShaped(text: string, maxWords: number): boolean {
  const words = wordCount(text);
  if (words === 0 || words > maxWords || text.length > 80) return false;
  if (!/^[\p{Lu}\d]/u.test(text) || !/\p{L}/u.test(text)) return false;
  if (/[.,;:!]$/.test(text) || /@|https?:\/\/|www\./i.test(text)) return false;
  return !/^\d[\d\s.,/-]*$/.test(text);
}

/** A paragraph that reads as running prose: a sentence of some length. */
function isProse(text: string): boolean {
  return wordCount(text) >= 8 && /[.!?:;)"”’]$/.test(text);
}

interface WalkContext {
  isDropped: (element: Element) => boolean;
  /** The page's title `<h1>`, left out of the sections. */
  titleHeading?: Element;
  settings: HtmlIngestOptions;
}

/**
 * Walks the page in document order with an explicit stack and turns it into headings and paragraphs. Inline content
 * is gathered line by line (`<br>` ends a line, two end a paragraph), so a page that marks headings with nothing but
 * bold text and line breaks keeps them: a line of bold text alone is a heading.
 */
function walkBlocks(rootNodes: readonly ChildNode[], context: WalkContext): HtmlBlock[] {
  const { isDropped, settings } = context;
  const blocks: HtmlBlock[] = [];
  let lines: Line[] = [];
  let line: Line = { text: '', boldChars: 0, plainChars: 0 };
  let boldDepth = 0;
  const containers: string[] = [];
  let lastRealHeadingLevel: number | undefined;

  const endLine = (): void => {
    if (line.boldChars + line.plainChars > 0) lines.push(line);
    line = { text: '', boldChars: 0, plainChars: 0 };
  };
  const flush = (): void => {
    endLine();
    const container = containers[containers.length - 1] ?? '';
    const kept = lines
      .map((entry) => ({ ...entry, text: stripLineSeparators(collapse(entry.text)) }))
      .filter((entry) => entry.text !== '' && !isChromeLine(entry.text));
    lines = [];
    let prose: string[] = [];
    const flushProse = (): void => {
      if (prose.length > 0) blocks.push({ kind: 'paragraph', text: prose.join(' ') });
      prose = [];
    };
    kept.forEach((entry, index) => {
      const allBold = entry.plainChars === 0 && entry.boldChars > 0;
      if (allBold && !NO_HEADING_CONTAINERS.has(container) && headingShaped(entry.text, settings.maxBoldHeadingWords)) {
        flushProse();
        blocks.push({ kind: 'heading', level: (lastRealHeadingLevel ?? 1) + 1, text: entry.text.replace(/[:.]$/, ''), bold: true });
        return;
      }
      // A title line heading its own paragraph; whether it is a heading is decided once the page is known to be flat.
      if (index === 0 && kept.length > 1 && !NO_HEADING_CONTAINERS.has(container) && titleShaped(entry.text, settings.maxTitleLineWords)) {
        blocks.push({ kind: 'paragraph', text: entry.text, titleLine: true, splitFrom: true });
        return;
      }
      prose.push(entry.text);
    });
    flushProse();
    const last = blocks[blocks.length - 1];
    if (kept.length === 1 && last?.kind === 'paragraph' && !NO_HEADING_CONTAINERS.has(container) && titleShaped(last.text, settings.maxTitleLineWords)) {
      last.titleLine = true;
    }
  };

  // A block resets boldness: a `<b>` left open around paragraphs (broken markup) does not make their lines headings.
  type Frame = { node: ChildNode } | { exit: 'bold' } | { exit: 'block'; boldDepth: number };
  const stack: Frame[] = [...rootNodes].reverse().map((node) => ({ node }));
  const pushChildren = (children: readonly ChildNode[]): void => {
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push({ node: child });
    }
  };
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    if ('exit' in frame) {
      if (frame.exit === 'bold') boldDepth -= 1;
      else {
        flush();
        containers.pop();
        boldDepth = frame.boldDepth;
      }
      continue;
    }
    const node = frame.node;
    if (node.type === 'text') {
      line.text += node.data;
      const visible = node.data.replace(/\s+/g, '').length;
      if (boldDepth > 0) line.boldChars += visible;
      else line.plainChars += visible;
      continue;
    }
    if (!isElement(node) || isDropped(node)) continue;
    const name = node.name;
    if (/^h[1-6]$/.test(name)) {
      flush();
      // A heading left unclosed (or closed by the wrong tag) swallows the blocks after it: only its inline start is
      // the heading, the blocks are content.
      const parts = headingParts(node);
      const text = stripLineSeparators(collapse(textOf(parts.inline, isDropped)));
      if (text && node !== context.titleHeading && !isChromeLine(text)) {
        const level = Number(name.slice(1));
        lastRealHeadingLevel = level;
        const anchor = headingAnchor(node);
        blocks.push({ kind: 'heading', level, text, ...(anchor ? { anchor } : {}) });
      }
      containers.push(name);
      stack.push({ exit: 'block', boldDepth });
      boldDepth = 0;
      pushChildren(parts.blocks);
      continue;
    }
    if (name === 'br') {
      // Two line breaks in a row end the paragraph.
      if (line.boldChars + line.plainChars === 0 && lines.length > 0) flush();
      else endLine();
      continue;
    }
    if (name === 'tr') {
      flush();
      const cells = node.children
        .filter((child): child is Element => isElement(child) && (child.name === 'td' || child.name === 'th'))
        .map((cell) => collapse(textOf(cell.children, isDropped)))
        .filter(Boolean);
      if (cells.length > 0) blocks.push({ kind: 'paragraph', text: cells.join(' — ') });
      continue;
    }
    if (isInPageLinkItem(node)) continue;
    if (BLOCK_TAGS.has(name)) {
      flush();
      containers.push(name);
      stack.push({ exit: 'block', boldDepth });
      boldDepth = 0;
    } else if (BOLD_TAGS.has(name)) {
      boldDepth += 1;
      stack.push({ exit: 'bold' });
    }
    pushChildren(node.children);
  }
  flush();
  return blocks;
}

/** Drops runs of bold pseudo-headings that only list headings found again later: the page's table of contents. */
function dropTocRuns(blocks: HtmlBlock[]): HtmlBlock[] {
  const key = (text: string): string => collapse(text).toLowerCase();
  const dropped = new Set<number>();
  for (let start = 0; start < blocks.length; ) {
    let end = start;
    while (blocks[end]?.kind === 'heading' && blocks[end]?.bold) end += 1;
    if (end - start >= 3) {
      const later = new Set(blocks.slice(end).flatMap((block) => (block.kind === 'heading' ? [key(block.text)] : [])));
      const repeated = blocks.slice(start, end).filter((block) => later.has(key(block.text))).length;
      if (repeated * 2 >= end - start) for (let index = start; index < end; index += 1) dropped.add(index);
    }
    start = Math.max(end, start + 1);
  }
  return dropped.size === 0 ? blocks : blocks.filter((_, index) => !dropped.has(index));
}

/**
 * On a flat page, title lines followed by prose become headings; elsewhere a title line split off a paragraph goes
 * back into it.
 */
function resolveTitleLines(blocks: HtmlBlock[], settings: HtmlIngestOptions): Block[] {
  const flat = blocks.filter((block) => block.kind === 'heading').length < settings.flatPageHeadings;
  const out: Block[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (!block) continue;
    if (block.kind === 'heading') {
      out.push({ kind: 'heading', level: block.level, text: block.text, ...(block.anchor ? { anchor: block.anchor } : {}) });
      continue;
    }
    const next = blocks[index + 1];
    if (flat && block.titleLine && next?.kind === 'paragraph' && isProse(next.text)) {
      out.push({ kind: 'heading', level: 2, text: block.text });
      continue;
    }
    if (block.splitFrom && next?.kind === 'paragraph') {
      out.push({ kind: 'paragraph', text: `${block.text} ${next.text}` });
      index += 1;
      continue;
    }
    out.push({ kind: 'paragraph', text: block.text });
  }
  return out;
}

/**
 * Headings and paragraphs of an HTML fragment (raw HTML inside a Markdown file), with the same rules as whole pages.
 *
 * @example
 * htmlFragmentBlocks('<p>One<br><br>Two</p>') // => [{ kind: 'paragraph', text: 'One' }, { kind: 'paragraph', text: 'Two' }]
 */
export function htmlFragmentBlocks(html: string, options: Partial<HtmlIngestOptions> = {}): Block[] {
  const settings: HtmlIngestOptions = { ...defaultHtmlIngestOptions, ...options };
  // A comment-only block (`<!-- markdownlint-disable -->`) needs no parser.
  if (html.replace(/<!--[\s\S]*?-->/g, '').trim() === '') return [];
  const dropTags = new Set(settings.dropTags);
  const document = parseDom(html, settings);
  const blocks = walkBlocks(document.children, { isDropped: (element) => dropTags.has(element.name), settings });
  return blocks.map((block) => (block.kind === 'heading' ? { kind: 'heading', level: block.level, text: block.text } : { kind: 'paragraph', text: block.text }));
}

/**
 * Parses an HTML policy page with a real HTML parser: keeps `<main>`/`<article>` when present, drops scripts,
 * navigation, headers, footers, forms and cookie/newsletter banners; `<h1>`–`<h6>`, lines of bold text alone and, on
 * a flat page, short title lines followed by prose are headings; paragraphs (also those split by `<br><br>`), list
 * items and table rows (`cell — cell`) are the text; separators and "back to top" links go. Title from `<h1>` or
 * `<title>`, URL from `<link rel="canonical">` or `og:url`, date from a "Last updated …" line or `<time datetime>`.
 * Walks the page iteratively, so any nesting depth is fine.
 *
 * @example
 * parseHtml('<main><h1>Acme Policy</h1><h2>Data retention</h2><p>We keep data for 30 days.</p></main>').sections
 * // => [{ path: ['Data retention'], text: 'We keep data for 30 days.' }]
 */
export function parseHtml(html: string, options: Partial<HtmlIngestOptions> = {}): ParsedDocument {
  const settings: HtmlIngestOptions = { ...defaultHtmlIngestOptions, ...options };
  const dropTags = new Set(settings.dropTags);
  const document = parseDom(html, settings);
  const all = document.children;

  const byTag = (element: Element): boolean => dropTags.has(element.name) || ROLE_CHROME.has(attr(element, 'role').toLowerCase());
  const { sizes, total: pageTextSize } = visibleTextSizes(all, byTag);
  const decided = new Map<Element, boolean>();
  const isDropped = (element: Element): boolean => {
    if (byTag(element) || 'hidden' in element.attribs) return true;
    const cached = decided.get(element);
    if (cached !== undefined) return cached;
    const label = `${attr(element, 'id')} ${attr(element, 'class')} ${attr(element, 'aria-label')}`;
    let dropped = label.split(/\s+/).some((token) => settings.chromeTokenPattern.test(token)) || settings.chromePattern.test(label);
    // Class names lie more than tags: never drop by class an element that holds most of the page's text.
    if (dropped && (sizes.get(element) ?? 0) > 0.4 * pageTextSize) dropped = false;
    decided.set(element, dropped);
    return dropped;
  };

  const mains = findAll(all, (element) => element.name === 'main' || attr(element, 'role') === 'main');
  const articles = findAll(all, (element) => element.name === 'article');
  const bodies = findAll(all, (element) => element.name === 'body');
  const lengthOf = (element: Element): number => sizes.get(element) ?? 0;
  const longest = (elements: Element[]): Element | undefined =>
    elements.reduce<Element | undefined>((best, element) => (best && lengthOf(best) >= lengthOf(element) ? best : element), undefined);
  const root = longest(mains) ?? longest(articles) ?? bodies[0];
  const rootNodes: readonly ChildNode[] = root ? [root] : all;

  // Metadata first, from the whole page (the title often sits in a header the walk drops).
  const h1s = findAll(rootNodes, (element) => element.name === 'h1');
  const pageH1 = h1s[0] ?? findAll(all, (element) => element.name === 'h1')[0];
  const titleElement = findAll(all, (element) => element.name === 'title')[0];
  const titleFromTag = titleElement ? collapse(textOf(titleElement.children, () => false)).split(/\s+[|–—-]\s+/)[0] : undefined;
  const title = (pageH1 ? collapse(textOf(headingParts(pageH1).inline, () => false)) : undefined) || titleFromTag || undefined;
  const canonical = findAll(all, (element) => element.name === 'link' && attr(element, 'rel').toLowerCase().split(/\s+/).includes('canonical'))[0];
  const ogUrl = findAll(all, (element) => element.name === 'meta' && (attr(element, 'property') || attr(element, 'name')).toLowerCase() === 'og:url')[0];
  const url = (canonical && attr(canonical, 'href').trim()) || (ogUrl && attr(ogUrl, 'content').trim()) || undefined;

  const walked = walkBlocks(rootNodes, { isDropped, settings, ...(pageH1 ? { titleHeading: pageH1 } : {}) });
  let structured = resolveTitleLines(dropTocRuns(walked), settings);
  // Without an <h1>, a bold line that opens the page and names it ("Acme Privacy Policy") is its title.
  let boldTitle: string | undefined;
  const opening = structured[0];
  if (!pageH1 && opening?.kind === 'heading' && TITLE_WORDS.test(opening.text)) {
    boldTitle = opening.text;
    structured = structured.slice(1);
  }

  // The policy date: a short "Last updated …" line (removed from the text), else a <time datetime>.
  const dated = takePolicyDate(structured);
  const blocks = dated.blocks;
  let updated = dated.updated;
  if (!updated) {
    const time = findAll(rootNodes, (element) => element.name === 'time' && attr(element, 'datetime') !== '')[0];
    if (time) updated = parseDate(attr(time, 'datetime'));
  }

  const parsed: ParsedDocument = { sections: sectionsFromBlocks(blocks) };
  if (boldTitle ?? title) parsed.title = boldTitle ?? title;
  if (url) parsed.url = url;
  if (updated) parsed.updated = updated;
  return parsed;
}
