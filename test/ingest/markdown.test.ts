import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, renderFrontMatter } from '../../src/corpus/front-matter.js';
import { CorpusError, loadDocument, parseDocument } from '../../src/corpus/load.js';
import { cleanInlineMarkdown, parseMarkdown, renderPolicyMarkdown } from '../../src/corpus/markdown.js';
import { projectRoot } from '../../src/paths.js';
import { sectionText } from '../helpers/corpus-files.js';

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

describe('Markdown dialects, parsed by markdown-it', () => {
  const nimbus = loadDocument(join(fixtures, 'nimbus-notes-notice.md'));
  const text = (id: string): string => sectionText(nimbus, id);

  it('reads nested front matter, lastmod and url, and takes the setext title out of the sections', () => {
    expect(nimbus).toMatchObject({ title: 'Nimbus Notes Privacy Notice', url: 'https://nimbus.example/privacy', updated: '2024-05-14' });
    expect(nimbus.sections.map((section) => [section.id, section.path.join(' › ')])).toEqual([
      ['introduction', 'Introduction'],
      ['what-we-collect', 'What we collect'],
      ['notes', 'What we collect › Notes you write'],
      ['attachments', 'What we collect › Notes you write › Attachments'],
      ['images', 'What we collect › Notes you write › Attachments › Images'],
      ['thumbnails', 'What we collect › Notes you write › Attachments › Images › Thumbnails'],
      ['sharing', 'Sharing'],
      ['questions', 'Questions?'],
    ]);
  });

  it('reads kramdown closed headings with ids as the heading, with the id as anchor, and drops attribute lines', () => {
    const parsed = parseMarkdown(
      '---\ntitle: Privacy\n---\n## Our privacy act statement ## {#our-privacy-act-statement}\n\nText.\n{: .lead }\n\n### Why  ### {#why}\n\nMore.\n',
    );
    expect(parsed.sections).toEqual([
      { path: ['Our privacy act statement'], text: 'Text.', anchor: 'our-privacy-act-statement' },
      { path: ['Our privacy act statement', 'Why'], text: 'More.', anchor: 'why' },
    ]);
    // Without a front matter title, a first heading that every other heading is below is the page's title.
    expect(parseMarkdown('Privacy Policy\n--------------\n\nIntro.\n\n### Scope\n\nAll apps.\n')).toMatchObject({
      title: 'Privacy Policy',
      sections: [{ path: [], text: 'Intro.' }, { path: ['Scope'], text: 'All apps.' }],
    });
    expect(text('what-we-collect')).toBe('We collect the e-mail address you sign up with and the notes you write.');
  });

  it('resolves reference links, drops in-page contents lists and HTML comments, reads tables, quotes and raw HTML', () => {
    expect(text('introduction')).toBe('This notice explains how Nimbus Notes handles the notes and account details you give us. See our terms for the rest.');
    expect(text('sharing').split('\n\n')).toEqual([
      'We never sell your notes.',
      'Shared notebooks are visible to the people you invite.',
      'Recipient — What they get — Why',
      'Hosting provider — Encrypted notes — Storage',
      'Mail service — E-mail address — Sign-in links',
      'Support staff can read a note only when you send it to them.',
      'Every such access is logged.',
    ]);
    expect(JSON.stringify(nimbus)).not.toMatch(/review this notice|\{[#:]|<\/?(?:div|p|br)\b|\*\*|\]\[/);
  });

  it('keeps line breaks of an address and finds the contact section', () => {
    expect(text('questions')).toBe('Write to us at privacy@nimbus.example or by post:\nNimbus Notes GmbH\nLindenweg 12, 10115 Berlin');
    expect(nimbus.contactSectionId).toBe('questions');
  });

  it('renders back to the same sections, ids and anchors included', () => {
    const again = parseDocument(renderPolicyMarkdown(nimbus), { format: 'markdown', source: 'again.md' });
    expect(again.sections).toEqual(nimbus.sections);
    expect(renderPolicyMarkdown(nimbus)).toContain('### Notes you write {#notes}\n');
    const tricky = parseDocument('## Ends with \\{#not-an-id}\n\nA \\{: kept} brace, a | pipe and **bold**.\n', { format: 'markdown' });
    expect(tricky.sections[0]).toMatchObject({ id: 'ends-with-not-an-id', path: ['Ends with {#not-an-id}'], text: 'A {: kept} brace, a | pipe and bold.' });
    const literal = { ...tricky, sections: [{ id: 'braces', path: ['Braces {#x}'], text: 'Text with {: braces} and {#hash}, | pipes |, ** stars **.' }] };
    expect(parseDocument(renderPolicyMarkdown(literal), { format: 'markdown' }).sections).toEqual(literal.sections);
  });

  it('repairs bold left open and table rows without a delimiter row, as authors meant them', () => {
    const parsed = parseMarkdown('## Data\n\n**Account data: **We ask for your e-mail.\n\n***Other services\\\n\n| If you live in the EU: | **Acme Ltd.**\\\n1 Quay Street |\n| Elsewhere: | **Acme Inc.** |\n');
    expect(parsed.sections[0]?.text.split('\n\n')).toEqual([
      'Account data: We ask for your e-mail.',
      'Other services',
      'If you live in the EU: — Acme Ltd.\n1 Quay Street\nElsewhere: — Acme Inc.',
    ]);
  });

  it('refuses nesting deeper than markdown-it reads instead of losing text, naming the file', () => {
    const deep = `${'>'.repeat(150)} deep text\n\nafter\n`;
    expect(() => parseDocument(deep, { format: 'markdown', source: 'deep-quotes.md' })).toThrow(/deep-quotes\.md nests quotes or lists more than 99 levels deep/);
    const list = Array.from({ length: 3000 }, (_, index) => `${' '.repeat(index * 2)}- item ${index}`).join('\n');
    expect(() => parseDocument(list, { format: 'markdown', source: 'deep-list.md' })).toThrow(CorpusError);
    const fine = parseDocument(`## A\n\n${'> '.repeat(40)}still read\n`, { format: 'markdown' });
    expect(fine.sections[0]?.text).toBe('still read');
  });
});
