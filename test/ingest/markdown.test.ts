import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, renderFrontMatter } from '../../src/corpus/front-matter.js';
import { loadDocument, parseDocument } from '../../src/corpus/load.js';
import { cleanInlineMarkdown, parseMarkdown, renderPolicyMarkdown } from '../../src/corpus/markdown.js';
import { projectRoot } from '../../src/paths.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'ingest');

describe('Markdown ingestion', () => {
  const acme = loadDocument(join(fixtures, 'acme-privacy-notice.md'));

  it('reads front matter and takes the setext title out of the sections', () => {
    expect(acme).toMatchObject({ id: 'acme-privacy-notice', title: 'Acme Privacy Notice', url: 'https://acme.example/legal/privacy/', updated: '2023-11-02' });
    expect(acme.sections.map((section) => section.path.join(' › '))).toEqual([
      'Introduction',
      'What we collect',
      'What we collect › Data you give us directly',
      'What we collect › Data we collect automatically',
      'Retention',
      'Contact',
    ]);
  });

  it('keeps link text, strips emphasis and code markers, resolves escapes', () => {
    const intro = acme.sections[0]?.text;
    expect(intro).toBe('Acme Widgets Ltd. respects your privacy. This notice explains what we do with your personal data when you use our shop.');
    const retention = acme.sections.find((section) => section.id === 'retention')?.text ?? '';
    expect(retention).toContain('We delete data *only* when the period above ends. See the retention schedule.');
    expect(retention.split('\n\n').slice(0, 3)).toEqual(['Data — How long', 'Orders — 7 years', 'Server logs — 30 days']);
    expect(acme.sections.find((section) => section.id === 'contact')?.text).toBe('Write to privacy@acme.example.');
  });

  it('turns list items into paragraphs and does not read code fences as headings', () => {
    const collect = acme.sections.find((section) => section.id === 'what-we-collect')?.text.split('\n\n');
    expect(collect).toEqual([
      'We collect:',
      'your name and delivery address;',
      'your e-mail address, so we can send you order updates;',
      'payment details, which are handled by our payment provider.',
    ]);
    const automatic = acme.sections.find((section) => section.id === 'data-we-collect-automatically')?.text;
    expect(automatic).toContain('Our servers log your IP address for 30 days.');
    expect(automatic).toContain('# This line is inside a code fence, not a heading');
    expect(acme.sections.some((section) => section.path.some((part) => part.includes('code fence')))).toBe(false);
  });

  it('names leading text "Introduction", takes a missing title from the file name', () => {
    const document = parseDocument('Intro text here.\n\n## Cookies\n\nWe use two cookies.\n', { format: 'markdown', source: 'corpus/acme-cookie-notes.md' });
    expect(document.title).toBe('Acme Cookie Notes');
    expect(document.id).toBe('acme-cookie-notes');
    expect(document.sections.map((section) => section.path[0])).toEqual(['Introduction', 'Cookies']);
  });

  it('keeps several # headings as sections instead of taking one as the title', () => {
    const parsed = parseMarkdown('# First\n\nOne.\n\n# Second\n\nTwo.\n');
    expect(parsed.title).toBeUndefined();
    expect(parsed.sections.map((section) => section.path)).toEqual([['First'], ['Second']]);
  });

  it('renders the corpus format and reads it back unchanged, escapes included', () => {
    const document = parseDocument(
      [
        '---',
        'title: "Odd: Policy"',
        '---',
        '## Tricky text',
        '',
        'Stars \\*like this\\*, a [bracket\\], snake\\_case and `code`.',
        '',
        '1\\. Not a list.',
        '',
        '\\# Not a heading.',
      ].join('\n'),
      { format: 'markdown' },
    );
    expect(document.sections[0]?.text).toBe('Stars *like this*, a [bracket], snake_case and code.\n\n1. Not a list.\n\n# Not a heading.');
    const again = parseDocument(renderPolicyMarkdown(document), { format: 'markdown' });
    expect(again.title).toBe('Odd: Policy');
    expect(again.sections).toEqual(document.sections);
  });

  it('parses and renders front matter with quoting', () => {
    expect(parseFrontMatter('---\ntitle: Acme # comment\nurl: "https://a.example/#x"\n---\nBody').data).toEqual({ title: 'Acme', url: 'https://a.example/#x' });
    expect(parseFrontMatter('No front matter').data).toEqual({});
    expect(renderFrontMatter({ title: 'A: B', url: 'https://a.example/p', updated: undefined })).toBe('---\ntitle: "A: B"\nurl: https://a.example/p\n---\n');
  });

  it('cleans inline markup', () => {
    expect(cleanInlineMarkdown('**Bold** and __strong__, _em_ and ![logo](x.png) <br> <https://a.example>')).toBe('Bold and strong, em and logo https://a.example');
    expect(cleanInlineMarkdown('AT&amp;T &#8217; &unknown;')).toBe('AT&T ’ &unknown;');
  });
});
