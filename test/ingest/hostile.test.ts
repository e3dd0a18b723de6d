import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/load.js';

// Inputs on which an ingester that is quadratic somewhere (a regex retrying from every character of a long run, a
// subtree re-read for every nested container) takes seconds to minutes instead of milliseconds (the 300,000-letter
// word took 31 s before, a 1,000,000-letter one 497 s). They assert what comes out; the suite's timeout is what
// catches a slow path coming back.
describe('hostile input is read in linear time', () => {
  it('a plain-text line of one enormous word, and lines of long space and dot runs', () => {
    const word = parseDocument(`Policy\n${'a'.repeat(300_000)}.\nWe keep data for thirty days after you close the account.\n`, { format: 'text', source: 'word.txt' });
    expect(word.sections.map((section) => section.text.length).reduce((sum, length) => sum + length, 0)).toBeGreaterThan(300_000);
    const runs = parseDocument(`Policy\nWe keep data${' '.repeat(300_000)}x ${'.'.repeat(300_000)}y\nand more text here for the body.\n`, { format: 'text', source: 'runs.txt' });
    expect(runs.sections[0]?.text).toContain('We keep data x');
  });

  it('reStructuredText with a long run of spaces and deeply indented lists', () => {
    const spaces = parseDocument(`Title\n=====\n\nSection\n-------\n\nword${' '.repeat(300_000)}x\n`, { format: 'rst', source: 'spaces.rst' });
    expect(spaces.sections[0]?.text).toBe('word x');
    const lists = parseDocument(`Title\n=====\n\n${Array.from({ length: 1500 }, (_, index) => `${' '.repeat(index * 2)}- item ${index}\n`).join('\n')}`, {
      format: 'rst',
      source: 'lists.rst',
    });
    expect(lists.sections[0]?.text.split('\n\n')).toHaveLength(1500);
  });

  it('Markdown headings and code with long runs', () => {
    const heading = parseDocument(`## a ${'#'.repeat(300_000)}b {#x}\n\ntext\n`, { format: 'markdown', source: 'hashes.md' });
    expect(heading.sections[0]?.id).toBe('x');
    const code = parseDocument(`## A\n\n\`\`\`\n${' '.repeat(300_000)}x\n\`\`\`\n`, { format: 'markdown', source: 'code.md' });
    expect(code.sections[0]?.text.trim()).toBe('x');
  });

  it('HTML with thousands of nested chrome-looking containers around the text', () => {
    const page = `<body>${'<div class="banner">'.repeat(8000)}<h2>Retention</h2><p>${'We keep data. '.repeat(40_000)}</p>`;
    const document = parseDocument(page, { format: 'html', source: 'banners.html' });
    expect(document.sections[0]?.path).toEqual(['Retention']);
    expect(document.sections[0]?.text.length).toBeGreaterThan(500_000);
  });
});
