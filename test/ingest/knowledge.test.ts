import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boilerplatePatterns, knowledgePath, parseKnowledge, readKnowledge } from '../../src/corpus/knowledge.js';
import { defaultLexicon } from '../../src/corpus/lexicon.js';
import { CorpusError, loadDocument } from '../../src/corpus/load.js';
import { BOILERPLATE_PATTERNS } from '../../src/corpus/text.js';
import { projectRoot } from '../../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'ingest-knowledge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// A lower-cased scrape with a review badge and a menu line, as scrapers leave them.
const SCRAPE = [
  'acme cloud privacy notice.',
  'rated 4.8 on review hub by customers.',
  'data retention.',
  'we keep acme cloud backups on maple avenue servers for thirty days after you delete them.',
  'contact.',
  'we answer every question about this notice within thirty days of getting it.',
].join('\n');

describe('per-document knowledge files', () => {
  it('applies names and boilerplate phrases of <name>.knowledge.json to a lower-cased scrape', () => {
    const page = write('acme-scrape.txt', SCRAPE);
    const without = loadDocument(page);
    expect(JSON.stringify(without)).toContain('review hub');
    expect(without.sections.find((section) => section.path[0] === 'Data retention')?.text).toContain('acme cloud backups on maple avenue');

    write('acme-scrape.knowledge.json', JSON.stringify({ names: ['Acme Cloud', 'Maple Avenue'], boilerplate: ['Review Hub'], notStated: ['dark mode'] }));
    const withKnowledge = loadDocument(page);
    expect(JSON.stringify(withKnowledge.sections)).not.toMatch(/review hub/i);
    expect(withKnowledge.sections.find((section) => section.path[0] === 'Data retention')?.text).toBe(
      'We keep Acme Cloud backups on Maple Avenue servers for thirty days after you delete them.',
    );
    expect(withKnowledge.knowledge).toEqual({ names: ['Acme Cloud', 'Maple Avenue'], boilerplate: ['Review Hub'], notStated: ['dark mode'] });
  });

  it('drops boilerplate paragraphs in Markdown, HTML and rst too, and carries notStated and synonyms', () => {
    for (const [name, content] of [
      ['badge.md', '# Acme Notice\n\n## Retention\n\nWe keep data for 30 days.\n\nRated five stars on Review Hub!\n'],
      ['badge.html', '<h1>Acme Notice</h1><h2>Retention</h2><p>We keep data for 30 days.</p><p>Rated five stars on Review&nbsp;Hub!</p>'],
      ['badge.rst', 'Acme Notice\n===========\n\nRetention\n---------\n\nWe keep data for 30 days.\n\nRated five stars on Review Hub!\n'],
    ] as const) {
      const page = write(name, content);
      write(name.replace(/\.\w+$/, '.knowledge.json'), JSON.stringify({ boilerplate: ['review hub'], synonyms: [{ when: ['stash'], add: ['retain'], weight: 0.5 }] }));
      const document = loadDocument(page);
      expect(document.sections.map((section) => section.text), name).toEqual(['We keep data for 30 days.']);
      expect(document.knowledge?.synonyms, name).toEqual([{ when: ['stash'], add: ['retain'], weight: 0.5 }]);
    }
    expect(loadDocument(join(dir, 'badge.md'), { knowledge: false }).sections[0]?.text).toContain('Review Hub');
  });

  it('matches phrases as whole words, case and quotes folded', () => {
    const [pattern] = boilerplatePatterns(['peer’s badge']);
    expect(pattern?.test("rated by our PEER'S BADGE program")).toBe(true);
    expect(pattern?.test('peer’s badges')).toBe(false);
    expect(boilerplatePatterns(['  ', ''])).toEqual([]);
  });

  it('rejects a broken knowledge file with an error naming it and the key', () => {
    const page = write('broken.md', '# Broken\n\n## A\n\nText.\n');
    const file = knowledgePath(page);
    const cases: [string, RegExp][] = [
      ['not json', /broken\.knowledge\.json is not valid JSON/],
      ['[]', /broken\.knowledge\.json: must hold a JSON object/],
      ['{"names": "Acme"}', /"names" must be an array of strings/],
      ['{"names": ["Acme", 3]}', /"names\[1\]" must be a non-empty string/],
      ['{"boilerplate": [""]}', /"boilerplate\[0\]" must be a non-empty string/],
      ['{"nmaes": ["Acme"]}', /unknown key "nmaes" \(allowed: names, boilerplate, notStated, synonyms\)/],
      ['{"synonyms": {"when": []}}', /synonyms must be a list of \{ when, add, weight\? \} objects/],
      ['{"synonyms": [{"when": [], "add": ["x"]}]}', /field "when \(family 1\)" must be a non-empty list of non-empty strings/],
      ['{"synonyms": [{"when": ["a"], "add": [""]}]}', /field "add \(family 1\)" must be a list of non-empty strings/],
      ['{"synonyms": [{"when": ["a"], "add": ["b"], "wieght": 2}]}', /family 1 has an unknown field "wieght"/],
      ['{"synonyms": [{"when": ["a"], "add": ["b"], "weight": -1}]}', /family 1: weight must be a number in \(0, 1\]/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(file, content);
      let error: unknown;
      try {
        loadDocument(page);
      } catch (caught) {
        error = caught;
      }
      expect(error, content).toBeInstanceOf(CorpusError);
      expect((error as CorpusError).message, content).toMatch(message);
      expect((error as CorpusError).message, content).toContain(file);
      expect((error as CorpusError).path, content).toBe(file);
    }
    expect(parseKnowledge({}, 'empty.knowledge.json')).toEqual({});
  });

  it('keeps the general tables free of any one company: the bundled policy’s names and badge live in its knowledge file', () => {
    const raw = join(projectRoot, 'corpus', 'raw', 'datarobot-privacy-page.txt');
    const knowledge = readKnowledge(raw);
    expect(knowledge?.names).toEqual(expect.arrayContaining(['DataRobot', 'DataRobot Community', 'Franklin Street']));
    expect(knowledge?.boilerplate).toEqual(expect.arrayContaining(['gartner', 'peer insights']));
    const general = [...defaultLexicon, ...BOILERPLATE_PATTERNS.map(String)].join('\n').toLowerCase();
    for (const specific of ['datarobot', 'franklin', 'gartner', 'peer insights']) expect(general, specific).not.toContain(specific);
    // The served corpus file carries the same knowledge, copied by `npm run ingest`.
    expect(readFileSync(join(projectRoot, 'corpus', 'datarobot-privacy-policy.knowledge.json'), 'utf8')).toBe(readFileSync(knowledgePath(raw), 'utf8'));
  });
});
