/**
 * Regenerates src/search/english-lexicon.ts from `natural`'s English lexicon, so the answerer can tell real words from
 * typos (and nouns from verbs) without parsing the 4 MB JSON at run time.
 *
 * Usage: `npm run build && node dist/scripts/generate-english-lexicon.js` (writes the file; `--check` only compares).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isEntryPoint, projectRoot } from '../src/paths.js';
import { writeGeneratedFile } from './generated-file.js';

const require = createRequire(import.meta.url);
const sourcePath = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
export const lexiconModulePath = join(projectRoot, 'src', 'search', 'english-lexicon.ts');

const classes = ['noun', 'verb', 'adjective', 'adverb', 'other'] as const;
type WordClass = (typeof classes)[number];

function classOf(tag: string): WordClass {
  if (tag.startsWith('NN')) return 'noun';
  if (tag.startsWith('VB')) return 'verb';
  if (tag.startsWith('JJ')) return 'adjective';
  if (tag.startsWith('RB')) return 'adverb';
  return 'other';
}

/**
 * Builds the module text: lower-case alphabetic words of 2–16 letters grouped by the class of their first tag.
 *
 * @example
 * const text = renderLexiconModule(JSON.parse(readFileSync(sourcePath, 'utf8')));
 */
export function renderLexiconModule(lexicon: Record<string, string[]>): string {
  const groups = new Map<WordClass, string[]>(classes.map((c) => [c, []]));
  for (const [word, tags] of Object.entries(lexicon)) {
    const first = tags[0];
    if (first === undefined || !/^[a-z]{2,16}$/.test(word)) continue;
    groups.get(classOf(first))!.push(word);
  }
  const header = readFileSync(lexiconModulePath, 'utf8').split('export const')[0];
  const lines = classes.map((c) => `  ${c}: ${JSON.stringify(groups.get(c)!.sort().join(' '))},`);
  return `${header}export const ENGLISH_WORDS_BY_CLASS = {\n${lines.join('\n')}\n} as const;\n`;
}

if (isEntryPoint(import.meta.url)) writeGeneratedFile('english-lexicon', lexiconModulePath, renderLexiconModule(JSON.parse(readFileSync(sourcePath, 'utf8')) as Record<string, string[]>), process.argv);
