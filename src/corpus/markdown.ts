import markdownIt, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';
import type { PolicyDocument } from '../types.js';
import { sectionsFromBlocks, takePolicyDate, titleHeading, type Block, type ParsedDocument } from './document.js';
import { parseDate } from './dates.js';
import { CorpusError } from './errors.js';
import { parseFrontMatter, renderFrontMatter } from './front-matter.js';
import { htmlFragmentBlocks } from './html.js';
import { SlugRegistry } from './slug.js';
import { isSpace, trailingRun } from './strings.js';


/** Options of {@link parseMarkdown}. */
export interface MarkdownIngestOptions {
  /** File the Markdown came from, for error messages. */
  source?: string;
  /**
   * Deepest block nesting (quotes in lists in quotes…) read. markdown-it stops descending there and drops what is
   * deeper, so a page that reaches it is refused with an error instead of losing text silently.
   */
  maxNesting: number;
}

/** Defaults of {@link parseMarkdown}. */
export const defaultMarkdownIngestOptions: MarkdownIngestOptions = { maxNesting: 100 };

/** Front matter keys that may hold the policy date, in order of preference. */
const DATE_KEYS = ['updated', 'last-updated', 'last_updated', 'lastmod', 'last_modified', 'modified', 'effective', 'effective_date', 'date'];

// kramdown's inline attribute lists: `{#id}`, `{: .class key="v"}`, `{:refdef: …}`. A backslash before `{` escapes it.
const TRAILING_ATTRIBUTES = /(?<!\\)\{(?::[^{}\n]*|#[^{}\n]*|\.[^{}\n]*)\}[ \t]*$/;
const ATTRIBUTE_ID = /#([\p{L}\p{N}_.:-]+)/u;
const ATTRIBUTE_LINE = /^[ \t]*(?<!\\)\{:[^{}\n]*\}[ \t]*$/gm;
const SPAN_ATTRIBUTES = /(?<!\\)\{:[^{}\n]*\}/g;

/**
 * kramdown (Jekyll, GitHub Pages) writes attributes after headings and paragraphs, which CommonMark reads as text:
 * `## Title ## {#id}` would keep its closing hashes and the attribute. This core rule runs between block and inline
 * parsing: it takes a heading's attribute list off (keeping its `#id` as the anchor, and then the closing hashes
 * CommonMark could not see), and drops attribute lines and span attributes from paragraphs.
 */
function kramdownAttributes(state: StateCore): void {
  const tokens = state.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token || token.type !== 'inline') continue;
    const opener = tokens[index - 1];
    if (opener?.type === 'heading_open') {
      const attributes = TRAILING_ATTRIBUTES.exec(token.content);
      if (attributes) {
        const id = ATTRIBUTE_ID.exec(attributes[0])?.[1];
        if (id) opener.meta = { ...(opener.meta ?? {}), anchor: id };
        token.content = withoutClosingHashes(token.content.slice(0, attributes.index).trimEnd());
      }
      continue;
    }
    if (token.content.includes('{:')) token.content = token.content.replace(ATTRIBUTE_LINE, '').replace(SPAN_ATTRIBUTES, '').trim();
  }
}

/** `Title ##` → `Title`: the closing sequence of an ATX heading (hashes after a space). */
function withoutClosingHashes(heading: string): string {
  const hashes = trailingRun(heading, (ch) => ch === '#');
  const before = heading.slice(0, heading.length - hashes.length);
  return hashes && (before === '' || isSpace(before.charAt(before.length - 1))) ? before.trimEnd() : heading;
}

let parser: MarkdownIt | undefined;
let parserNesting = 0;
function markdownParser(maxNesting: number): MarkdownIt {
  if (!parser || parserNesting !== maxNesting) {
    // CommonMark plus GitHub tables and strikethrough; raw HTML is recognized (and read as HTML), bare URLs stay text.
    parser = markdownIt('default', { html: true, linkify: false, typographer: false, maxNesting });
    parser.core.ruler.after('block', 'kramdown_attributes', kramdownAttributes);
    // Escapes and entities stay `text_special` tokens, so the text tidying can tell them from markup left open.
    parser.disable('text_join');
    parserNesting = maxNesting;
  }
  return parser;
}

const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const ANCHOR_TAG = /^<a\s[^>]*\b(?:name|id)\s*=\s*["']?([^"'\s>]+)/i;

// Escaped characters, entities and code spans are kept apart while the text is tidied, as private-use placeholders.
const PROTECT_OPEN = '\ue000';
const PROTECT_CLOSE = '\ue001';
const PROTECTED = /\ue000(\d+)\ue001/g;

/** Plain text of an inline token: links keep their text, images their alt text, `<br>` and hard breaks a newline. */
function inlineText(token: Token | undefined): string {
  if (!token) return '';
  let out = '';
  const kept: string[] = [];
  const protect = (text: string): string => {
    kept.push(text);
    return `${PROTECT_OPEN}${kept.length - 1}${PROTECT_CLOSE}`;
  };
  // Iterative: image alt texts nest inline tokens, and a hostile page may nest them deeply.
  const stack: Token[] = [...(token.children ?? [])].reverse();
  while (stack.length > 0) {
    const child = stack.pop();
    if (!child) break;
    switch (child.type) {
      case 'text':
        out += child.content;
        break;
      case 'text_special':
      case 'code_inline':
        out += protect(child.content);
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'html_inline':
        if (LINE_BREAK_TAG.test(child.content)) out += '\n';
        break;
      case 'image':
        for (const alt of [...(child.children ?? [])].reverse()) stack.push(alt);
        break;
      default:
        break;
    }
  }
  return tidy(repairMarkup(out)).replace(PROTECTED, (_m, index: string) => kept[Number(index)] ?? '');
}

/**
 * Undoes markup that the author left broken, which renders as stray characters: bold never closed (`**Label: **Text`
 * or `***Heading`), a table row without its delimiter row (`| cell | cell |`), a backslash that ended the paragraph
 * instead of breaking a line. Only unescaped text reaches here, so a written `\*\*` or `\|` stays.
 */
function repairMarkup(text: string): string {
  let out = text.replace(/\*{2,}/g, '').replace(/\\$/, '');
  if (/^\|/.test(out)) {
    out = out
      .replace(/\s*\|\s+\|\s*/g, '\n')
      .split('\n')
      .map((line) => line.replace(/^\|\s*/, '').replace(/\s*\|$/, '').replace(/\s+\|\s+/g, ' — '))
      .join('\n');
  }
  return out;
}

/** Collapses spaces (non-breaking ones too) within lines and trims each line; newlines from hard breaks stay. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The `<a name="…">` anchor a heading carries as raw HTML (`## <a name="rights"></a>Your rights`), if any. */
function inlineAnchor(token: Token | undefined): string | undefined {
  for (const child of token?.children ?? []) {
    if (child.type !== 'html_inline') continue;
    const anchor = ANCHOR_TAG.exec(child.content)?.[1];
    if (anchor) return anchor;
  }
  return undefined;
}

/**
 * Strips inline Markdown with markdown-it: links keep their text, emphasis and code markers go, escapes and
 * entities resolve, white space collapses.
 *
 * @example
 * cleanInlineMarkdown('See **our** [cookie policy](/cookies).') // => 'See our cookie policy.'
 */
export function cleanInlineMarkdown(text: string): string {
  const md = markdownParser(defaultMarkdownIngestOptions.maxNesting);
  const tokens = md.parseInline(text, {});
  return inlineText(tokens[0]).replace(/\s+/g, ' ').trim();
}

/** Is this list item's text only a link to another place on the same page (an entry of the page's table of contents)? */
function isInPageLink(token: Token): boolean {
  const children = (token.children ?? []).filter((child) => !(child.type === 'text' && child.content.trim() === '') && child.type !== 'softbreak');
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || first.type !== 'link_open' || last?.type !== 'link_close') return false;
  if (!String(first.attrGet('href') ?? '').startsWith('#')) return false;
  return children.filter((child) => child.type === 'link_open').length === 1;
}

/** Reduces markdown-it's flat token stream to headings and paragraphs; list items, quotes and table rows each become a paragraph. */
function toBlocks(tokens: readonly Token[], source: string | undefined): Block[] {
  const blocks: Block[] = [];
  let row: string[] | undefined;
  let listItems = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[index + 1];
        const text = inlineText(inline).replace(/\n/g, ' ');
        const anchor = (token.meta?.anchor as string | undefined) ?? inlineAnchor(inline);
        blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), text, ...(anchor ? { anchor } : {}) });
        index += 1;
        break;
      }
      case 'list_item_open':
        listItems += 1;
        break;
      case 'list_item_close':
        listItems -= 1;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row && row.length > 0) blocks.push({ kind: 'paragraph', text: row.join(' — ') });
        row = undefined;
        break;
      case 'inline': {
        if (listItems > 0 && isInPageLink(token)) break;
        const text = inlineText(token);
        if (row) {
          if (text) row.push(text.replace(/\n/g, ' '));
        } else if (text) {
          blocks.push({ kind: 'paragraph', text });
        }
        break;
      }
      case 'fence':
      case 'code_block': {
        // Code is quoted as written: no inline cleanup, line breaks kept.
        const code = token.content.split('\n').map((line) => line.trimEnd()).join('\n').trim();
        if (code) blocks.push({ kind: 'paragraph', text: code });
        break;
      }
      case 'html_block':
        blocks.push(...htmlFragmentBlocks(token.content, source === undefined ? {} : { source }));
        break;
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Parses a Markdown policy with markdown-it (CommonMark, GitHub tables, raw HTML, kramdown attributes). Front matter
 * (`title`, `url`, `updated`/`lastmod`/`date`, `id`) is optional; a leading title heading (a `#`, or a first heading
 * every other one is below) is the title; text before the first section becomes the introduction; a "Last updated …"
 * line or a bare date under the title is the policy date. Throws `CorpusError` for nesting deeper than
 * `maxNesting`, which markdown-it would silently cut.
 *
 * @example
 * parseMarkdown('# Acme Policy\n\n## Data retention\n\nWe keep data for 30 days.\n').sections
 * // => [{ path: ['Data retention'], text: 'We keep data for 30 days.' }]
 */
export function parseMarkdown(content: string, options: Partial<MarkdownIngestOptions> = {}): ParsedDocument {
  const settings: MarkdownIngestOptions = { ...defaultMarkdownIngestOptions, ...options };
  const { data, body } = parseFrontMatter(content);
  const tokens = markdownParser(settings.maxNesting).parse(body, {});
  if (tokens.some((token) => token.level >= settings.maxNesting - 1)) {
    throw new CorpusError(
      `corpus: ${settings.source ?? '<input>'} nests quotes or lists more than ${settings.maxNesting - 1} levels deep; flatten it`,
      settings.source,
    );
  }
  let blocks = toBlocks(tokens, settings.source);

  let title = data.title;
  // A `#` heading is the title; a deeper first heading only when the front matter names none (else it is the page's
  // top section, as a site layout that prints the title above it shows it).
  const titleBlock = titleHeading(blocks);
  if (titleBlock && (titleBlock.level === 1 || data.title === undefined)) {
    title ??= titleBlock.text;
    blocks = blocks.filter((block) => block !== titleBlock);
  }
  const frontMatterDate = DATE_KEYS.map((key) => data[key]).find((value) => value !== undefined && parseDate(value) !== undefined);
  let updated = frontMatterDate === undefined ? undefined : parseDate(frontMatterDate);
  if (!updated) ({ updated, blocks } = takePolicyDate(blocks));

  const parsed: ParsedDocument = { sections: sectionsFromBlocks(blocks) };
  if (title) parsed.title = title;
  if (data.url) parsed.url = data.url;
  if (updated) parsed.updated = updated;
  if (data.id) parsed.id = data.id;
  return parsed;
}

/**
 * Escapes what Markdown would otherwise read as markup, so rendering then parsing is lossless.
 *
 * @example
 * escapeMarkdownText('1. *Not* a list') // => '1\\. \\*Not\\* a list'
 */
export function escapeMarkdownText(text: string): string {
  let out = text
    .replace(/([\\`*[\]~|])/g, '\\$1')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/\{(?=[#:.])/g, '\\{');
  // Line starts that would turn a paragraph into a heading, list, quote, table or rule.
  out = out.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out;
}

/** A heading ending in `#` must not read as a closing sequence: `C#` → `C\\#`. */
function escapeClosingHashes(heading: string): string {
  const hashes = trailingRun(heading, (ch) => ch === '#');
  return hashes ? `${heading.slice(0, heading.length - hashes.length)}\\${hashes}` : heading;
}

/** Options of {@link renderPolicyMarkdown}. */
export interface RenderMarkdownOptions {
  /** Written as `source:` in the front matter (e.g. the raw page it was ingested from). */
  source?: string;
}

/**
 * Renders a document in the corpus format: front matter, `# Title`, one `##`/`###`/`####` heading per section.
 * `parseMarkdown` reads it back to the same sections; a section id that is not its heading's slug (an anchor the page
 * gave) is kept as a kramdown `{#id}`.
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
  const slugs = new SlugRegistry();
  for (const section of document.sections) {
    const heading = section.path[section.path.length - 1] ?? '';
    const anchor = slugs.peek(heading) === section.id ? '' : ` {#${section.id}}`;
    slugs.unique(heading, 'section', section.id);
    parts.push(`${'#'.repeat(Math.min(section.path.length + 1, 6))} ${escapeClosingHashes(escapeMarkdownText(heading))}${anchor}`);
    for (const paragraph of section.text.split(/\n{2,}/)) {
      if (paragraph.trim()) parts.push(paragraph.split('\n').map((line) => escapeMarkdownText(line.trim())).join('  \n'));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
