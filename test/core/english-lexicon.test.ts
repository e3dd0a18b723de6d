import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { commonWordsPath, renderCommonWords, senseIndexPath } from '../../scripts/generate-common-words.js';
import { lexiconModulePath, renderLexiconModule } from '../../scripts/generate-english-lexicon.js';

const require = createRequire(import.meta.url);

describe('english-lexicon (generated data)', () => {
  it('is exactly what scripts/generate-english-lexicon.ts produces from natural’s lexicon', () => {
    const source = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
    expect(renderLexiconModule(source)).toBe(readFileSync(lexiconModulePath, 'utf8'));
  });
});

describe('common-words (generated data)', () => {
  it('is exactly what scripts/generate-common-words.ts produces from WordNet’s sense index', () => {
    expect(renderCommonWords(readFileSync(senseIndexPath, 'latin1'))).toBe(readFileSync(commonWordsPath, 'utf8'));
  });
});
