import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, loadDocument, parseDocument } from '../../src/corpus/load.js';
import { corpusError, tempCorpus } from '../helpers/corpus-files.js';

const { dir, file, remove } = tempCorpus('ingest-bad-');
afterAll(remove);

describe('bad input never crashes and never yields an empty document', () => {
  it('rejects an empty or blank file, naming it', () => {
    const empty = file('empty.md', '');
    expect(corpusError(() => loadDocument(empty)).message).toBe(`corpus: ${empty} is empty`);
    const blank = file('blank.txt', '  \n\n\t\n');
    expect(corpusError(() => loadDocument(blank)).message).toContain(`${blank} is empty`);
  });

  it('rejects binary files: NUL bytes or mostly invalid UTF-8', () => {
    const withNul = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(corpusError(() => loadDocument(withNul)).message).toMatch(new RegExp(`${withNul.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} looks binary`));
    const garbage = file('garbage.html', Buffer.from(Array.from({ length: 400 }, (_, index) => 0x80 + ((index * 37) % 127))));
    expect(corpusError(() => loadDocument(garbage)).message).toContain('looks binary');
    expect(() => parseDocument('text\u0000more', { format: 'text', source: 'pasted.txt' })).toThrow(/pasted\.txt looks binary/);
  });

  it('reads legacy Windows-1252 text instead of rejecting it', () => {
    const latin = file('legacy.txt', Buffer.from('Caf\xe9 Privacy Policy\n\nWe keep your r\xe9sum\xe9 for one year after you apply.\n', 'latin1'));
    const document = loadDocument(latin);
    expect(document.sections[0]?.text).toBe('We keep your résumé for one year after you apply.');
  });

  it('rejects unknown extensions and names the supported ones', () => {
    const pdf = file('policy.pdf', '%PDF-1.4 not really');
    expect(corpusError(() => loadDocument(pdf)).message).toMatch(/policy\.pdf has an unsupported extension "\.pdf"; use one of \.md/);
  });

  it('names a missing path, for files and for corpus paths', () => {
    const missing = join(dir, 'nope.md');
    expect(corpusError(() => loadDocument(missing)).message).toBe(`corpus: ${missing} does not exist`);
    expect(corpusError(() => loadCorpus([missing])).path).toBe(missing);
    expect(() => loadCorpus([])).toThrow(CorpusError);
  });

  it('rejects a document whose headings carry no text', () => {
    const headingsOnly = file('headings-only.md', '# Policy\n\n## One\n\n## Two\n');
    expect(corpusError(() => loadDocument(headingsOnly)).message).toBe(`corpus: ${headingsOnly} has no policy text (no section with any text)`);
  });

  it('rejects a folder without policy files and ignores its sub-folders', () => {
    const folder = join(dir, 'no-policies');
    file('no-policies/notes.json', '{}');
    file('no-policies/raw/page.md', '# Policy\n\nText.\n');
    expect(corpusError(() => loadCorpus([folder])).message).toContain(`folder ${folder} has no policy files`);
  });

  it('loads several documents per folder, skipping sidecars and sub-folders, and refuses duplicate ids', () => {
    const folder = join(dir, 'several');
    file('several/cookie-policy.md', '# Cookie Policy\n\n## Cookies\n\nWe use two cookies.\n');
    file('several/privacy-policy.html', '<h1>Privacy Policy</h1><h2>Data</h2><p>We keep little.</p>');
    file('several/privacy-policy.meta.json', '{"url": "https://example.test/privacy"}');
    file('several/raw/privacy-page.txt', 'raw scrape that must not be read');
    const documents = loadCorpus([folder, join(folder, 'cookie-policy.md')]);
    expect(documents.map((document) => [document.id, document.title, document.url])).toEqual([
      ['cookie-policy', 'Cookie Policy', undefined],
      ['privacy-policy', 'Privacy Policy', 'https://example.test/privacy'],
    ]);
    const other = file('elsewhere/cookie-policy.md', '## Cookies\n\nOther text.\n');
    expect(corpusError(() => loadCorpus([folder, other])).message).toContain('have the same document id "cookie-policy"');
  });

  it('names a broken sidecar', () => {
    const page = file('sidecar/page.txt', 'Some Privacy Notice\n\nWe keep nothing at all about anyone, ever.\n');
    const sidecar = file('sidecar/page.meta.json', '{"title": 42}');
    expect(corpusError(() => loadDocument(page)).message).toBe(`corpus: "title" in ${sidecar} must be a string`);
    writeFileSync(sidecar, 'not json');
    expect(corpusError(() => loadDocument(page)).message).toContain(`${sidecar} is not valid JSON`);
    expect(loadDocument(page, { sidecar: false }).title).toBe('Some Privacy Notice');
  });
});
