import { isSpace, trimTrailing } from './strings.js';
import { sectionsFromBlocks, takePolicyDate, titleHeading, type Block, type ParsedDocument } from './document.js';

/** Options of {@link parseRst}. */
export interface RstIngestOptions {
  /**
   * Directives whose body is policy text (admonitions and containers): their content stays, their markup goes. Any
   * other directive (`toctree`, `image`, `raw`, `meta`, `include`…) and every comment is dropped with its body.
   */
  keptDirectives: readonly string[];
}

/** Defaults of {@link parseRst}. */
export const defaultRstIngestOptions: RstIngestOptions = {
  keptDirectives: ['note', 'important', 'warning', 'tip', 'hint', 'caution', 'attention', 'danger', 'error', 'admonition', 'seealso', 'topic', 'sidebar', 'container', 'rubric', 'versionadded', 'versionchanged', 'deprecated', 'only'],
};

// Section adornment characters docutils accepts: a line of one repeated non-alphanumeric printable ASCII character.
const ADORNMENT = /^([!-/:-@[-`{-~])\1+\s*$/;
const BULLET = /^([-*+•‣⁃])(?:\s+(.*))?$/;
const ENUMERATOR = /^(?:\(?(?:\d+|#|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)[.)]|\((?:\d+|#|[A-Za-z]|[ivxlcdm]+)\))\s+(.*)$/;
const FIELD = /^:((?:[^:`\\]|\\.)+):(?:\s+(.*))?$/;
const EXPLICIT = /^\.\.(?:\s+(.*))?$/;
const DIRECTIVE = /^([\w:.+-]+)::(?:\s+(.*))?$/;
const LINE_BLOCK = /^\|(?:\s+(.*))?$/;
const GRID_BORDER = /^\+(?:[-=]+\+)+$/;
const SIMPLE_BORDER = /^=+(?:\s+=+)+$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/**
 * Inline reStructuredText to plain text: emphasis and literals lose their markers, `` `text <url>`_ `` and
 * `:ref:`text <target>`` keep their text, `` `Name`_ `` and `name_` references keep the name, footnote and citation
 * references go, backslash escapes resolve.
 *
 * @example
 * cleanRstInline('See our `Terms <https://example.com/terms>`_ and **do not** copy ``code``.')
 * // => 'See our Terms and do not copy code.'
 */
export function cleanRstInline(text: string): string {
  const escaped: string[] = [];
  // White space first: every pattern below then meets single spaces, never a long run to retry from.
  let out = text.replace(/\s+/g, ' ').replace(/\\(.)/g, (_m, ch: string) => {
    escaped.push(ch);
    return `\ue000${escaped.length - 1}\ue000`;
  });
  out = out
    .replace(/``(.+?)``/g, (_m, literal: string) => {
      escaped.push(literal);
      return `\ue000${escaped.length - 1}\ue000`;
    })
    .replace(/ ?\[(?:#[\w-]*|\*|\d+|[\w.-]+)\]_/g, '')
    .replace(/:[\w:.+-]+:`([^`]*?)\s*<[^<>`]*>`/g, '$1')
    .replace(/:([\w:.+-]+):`([^`]*)`/g, (_m, role: string, target: string) => (role === 'doc' ? (target.split('/').pop() ?? target).replace(/[-_]+/g, ' ') : target))
    .replace(/`([^`<]*?)\s*<[^<>`]*>`_{1,2}/g, '$1')
    .replace(/`([^`]+)`(?:_{1,2}|:[\w:.+-]+:)?/g, '$1')
    .replace(/(?<![\p{L}\p{N}_`.-])([\p{L}\p{N}][\p{L}\p{N}.-]*)__?(?![\p{L}\p{N}])/gu, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/\|([^|\s][^|]*?)\|_{0,2}/g, '$1');
  out = out.replace(/\ue000(\d+)\ue000/g, (_m, index: string) => escaped[Number(index)] ?? '');
  // An escaped literal may hold escapes of its own.
  out = out.replace(/\ue000(\d+)\ue000/g, (_m, index: string) => escaped[Number(index)] ?? '');
  return out.replace(/\s+/g, ' ').trim();
}

/** Cells of a grid-table row line (`| a | b |`). */
function gridCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/**
 * Parses a reStructuredText policy: section titles by their adornment (levels in order of first use, an overlined
 * style apart from the same underline), paragraphs, bullet and enumerated lists, definition lists (`term — text`),
 * field lists (`Name: value`), line blocks, literal blocks, grid and simple tables (`cell — cell`), and the bodies
 * of admonitions. Comments, hyperlink targets, substitution definitions and other directives are dropped. A leading
 * title whose style no other heading shares is the title; "Effective date: …" or "Last updated …" is the date.
 * Line based and iterative, so no nesting depth can overflow the stack.
 *
 * @example
 * parseRst('Acme Policy\n===========\n\nRetention\n---------\n\nWe keep data for 30 days.\n').sections
 * // => [{ path: ['Retention'], text: 'We keep data for 30 days.' }]
 */
export function parseRst(content: string, options: Partial<RstIngestOptions> = {}): ParsedDocument {
  const settings: RstIngestOptions = { ...defaultRstIngestOptions, ...options };
  const kept = new Set(settings.keptDirectives.map((name) => name.toLowerCase()));
  const lines = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => trimTrailing(line.replace(/\t/g, '        '), isSpace));
  const blocks: Block[] = [];
  const styles: string[] = [];
  const levelOf = (style: string): number => {
    if (!styles.includes(style)) styles.push(style);
    return styles.indexOf(style) + 1;
  };
  // `.. _label:` right before a title names the section (Sphinx's cross-reference label): its anchor.
  let pendingAnchor: string | undefined;
  const paragraph = (text: string): void => {
    const clean = cleanRstInline(text);
    if (clean) blocks.push({ kind: 'paragraph', text: clean });
    pendingAnchor = undefined;
  };
  const heading = (level: number, text: string): void => {
    blocks.push({ kind: 'heading', level, text: cleanRstInline(text), ...(pendingAnchor ? { anchor: pendingAnchor } : {}) });
    pendingAnchor = undefined;
  };
  // Lines after `index` that belong to the construct opened at `index`: indented deeper than `indent` (blank lines
  // inside included). Returns the index after the last such line.
  const bodyEnd = (index: number, indent: number): number => {
    let end = index + 1;
    let last = index;
    while (end < lines.length) {
      const line = lines[end] ?? '';
      if (!isBlank(line)) {
        if (indentOf(line) <= indent) break;
        last = end;
      }
      end += 1;
    }
    return last + 1;
  };
  // A literal block (after `::`) is quoted as written, line breaks kept.
  let literalNext = false;

  for (let index = 0; index < lines.length; ) {
    const line = lines[index] ?? '';
    if (isBlank(line)) {
      index += 1;
      continue;
    }
    const indent = indentOf(line);
    const text = line.trim();
    const next = lines[index + 1];

    if (literalNext && indent > 0) {
      literalNext = false;
      const end = bodyEnd(index - 1, indent - 1);
      const body = lines.slice(index, end);
      const margin = Math.min(...body.filter((entry) => !isBlank(entry)).map(indentOf));
      const literal = body.map((entry) => entry.slice(margin)).join('\n').trim();
      if (literal) blocks.push({ kind: 'paragraph', text: literal });
      pendingAnchor = undefined;
      index = end;
      continue;
    }
    literalNext = false;

    const explicit = EXPLICIT.exec(text);
    if (explicit) {
      const directive = DIRECTIVE.exec(explicit[1] ?? '');
      const name = directive?.[1]?.toLowerCase().replace(/^\w+:(?!:)/, '');
      if (directive && name && kept.has(name)) {
        // Keep the directive's argument (an admonition's title, a rubric) and its body; drop its options.
        if (directive[2]) paragraph(directive[2]);
        index += 1;
        while (index < lines.length && FIELD.test((lines[index] ?? '').trim()) && indentOf(lines[index] ?? '') > indent) index += 1;
        continue;
      }
      const label = /^_([^:`]+|`[^`]+`):$/.exec(explicit[1] ?? '')?.[1];
      index = bodyEnd(index, indent);
      if (label) pendingAnchor = label.replace(/`/g, '').trim().toLowerCase().replace(/\s+/g, '-');
      continue;
    }
    if (/^__(?:\s|$)/.test(text)) {
      index = bodyEnd(index, indent);
      continue;
    }

    // Section titles: overline + title + underline, or title + underline.
    const over = ADORNMENT.exec(text);
    const underAfterNext = ADORNMENT.exec((lines[index + 2] ?? '').trim());
    if (over && next !== undefined && !isBlank(next) && !ADORNMENT.test(next.trim()) && underAfterNext?.[1] === over[1] && indent === 0) {
      heading(levelOf(`${over[1]}/over`), next.trim());
      index += 3;
      continue;
    }
    const under = next === undefined ? null : ADORNMENT.exec(next.trim());
    if (under && !over && indent === 0 && indentOf(next ?? '') === 0 && (next ?? '').trim().length >= Math.min(text.length, 3)) {
      heading(levelOf(under[1] ?? ''), text);
      index += 2;
      continue;
    }
    if (over) {
      // A transition (a lone line of punctuation) separates, it says nothing.
      index += 1;
      continue;
    }

    if (GRID_BORDER.test(text)) {
      let row: string[] | undefined;
      index += 1;
      while (index < lines.length && !isBlank(lines[index])) {
        const rowLine = (lines[index] ?? '').trim();
        if (GRID_BORDER.test(rowLine)) {
          if (row) paragraph(row.filter(Boolean).join(' — '));
          row = undefined;
        } else if (rowLine.startsWith('|')) {
          const cells = gridCells(rowLine);
          row = row ? row.map((cell, position) => `${cell} ${cells[position] ?? ''}`.trim()) : cells;
        }
        index += 1;
      }
      if (row) paragraph(row.filter(Boolean).join(' — '));
      continue;
    }
    if (SIMPLE_BORDER.test(text)) {
      const starts = [...text.matchAll(/=+/g)].map((match) => (match.index ?? 0) + indent);
      index += 1;
      let borders = 1;
      while (index < lines.length && borders < 3) {
        const rowLine = lines[index] ?? '';
        if (SIMPLE_BORDER.test(rowLine.trim())) {
          borders += 1;
        } else if (!isBlank(rowLine)) {
          const cells = starts.map((start, position) => rowLine.slice(start, starts[position + 1] ?? rowLine.length).trim());
          paragraph(cells.filter(Boolean).join(' — '));
        }
        index += 1;
        if (borders === 2 && isBlank(lines[index])) break;
      }
      continue;
    }

    const item = BULLET.exec(text) ?? ENUMERATOR.exec(text);
    const field = FIELD.exec(text);
    const lineBlock = LINE_BLOCK.exec(text);
    if (lineBlock) {
      const kept: string[] = [];
      while (index < lines.length && LINE_BLOCK.test((lines[index] ?? '').trim())) {
        kept.push(cleanRstInline(LINE_BLOCK.exec((lines[index] ?? '').trim())?.[1] ?? ''));
        index += 1;
      }
      const joined = kept.filter(Boolean).join('\n');
      if (joined) blocks.push({ kind: 'paragraph', text: joined });
      pendingAnchor = undefined;
      continue;
    }

    // Paragraph-like: gather the lines up to a blank line; list items and fields also take their indented lines.
    const gathered: string[] = [item ? (item.length === 3 ? (item[2] ?? '') : (item[1] ?? '')) : field ? `${field[1] ?? ''}:${field[2] ? ` ${field[2]}` : ''}` : text];
    index += 1;
    const ownIndent = indent;
    while (index < lines.length && !isBlank(lines[index])) {
      const continuation = lines[index] ?? '';
      const continuationText = continuation.trim();
      if ((item || field) && indentOf(continuation) <= ownIndent) break;
      if (!item && !field && indentOf(continuation) > ownIndent && gathered.length === 1) {
        // A term followed directly by an indented definition.
        const end = bodyEnd(index - 1, ownIndent);
        const definition = lines.slice(index, end).map((entry) => entry.trim()).filter(Boolean).join(' ');
        gathered[0] = `${gathered[0]} — ${definition}`;
        index = end;
        break;
      }
      if (!item && !field && (BULLET.test(continuationText) || FIELD.test(continuationText)) && indentOf(continuation) === ownIndent) break;
      gathered.push(continuationText);
      index += 1;
    }
    let joined = gathered.join(' ');
    if (/::$/.test(joined)) {
      literalNext = true;
      joined = /(?:^|\s)::$/.test(joined) ? joined.replace(/\s*::$/, '') : joined.replace(/::$/, ':');
    }
    paragraph(joined);
  }

  let sectionBlocks = blocks;
  const titleBlock = titleHeading(sectionBlocks);
  if (titleBlock) sectionBlocks = sectionBlocks.filter((block) => block !== titleBlock);
  const { updated, blocks: withoutDate } = takePolicyDate(sectionBlocks);
  const parsed: ParsedDocument = { sections: sectionsFromBlocks(withoutDate) };
  if (titleBlock) parsed.title = titleBlock.text;
  if (updated) parsed.updated = updated;
  return parsed;
}
