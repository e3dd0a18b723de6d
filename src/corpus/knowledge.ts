import { readSynonymRules } from '../knowledge/tables.js';
import type { DocumentKnowledge } from '../types.js';
import { CorpusError } from './errors.js';
import { besidePath, COMPANION_SUFFIXES, readJsonCompanion } from './files.js';
import { escapeRegExp } from '../regexp.js';

/** A knowledge file is a short list of names and phrases; anything this big is a mistake. */
const MAX_KNOWLEDGE_BYTES = 1024 * 1024;

const KNOWN_KEYS = ['names', 'boilerplate', 'notStated', 'synonyms'] as const;

/**
 * Path of the knowledge file of a policy file: `<name>.knowledge.json` beside `<name>.<ext>`.
 *
 * @example
 * knowledgePath('corpus/raw/datarobot-privacy-page.txt') // => '<absolute>/corpus/raw/datarobot-privacy-page.knowledge.json'
 */
export function knowledgePath(file: string): string {
  return besidePath(file, COMPANION_SUFFIXES.knowledge);
}

function fail(file: string, message: string): never {
  throw new CorpusError(`corpus: ${file}: ${message}`, file);
}

function stringList(file: string, where: string, value: unknown, allowEmpty: boolean): string[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    fail(file, `"${where}" must be ${allowEmpty ? 'an' : 'a non-empty'} array of strings`);
  }
  return value.map((item: unknown, index) => {
    if (typeof item !== 'string' || item.trim() === '') fail(file, `"${where}[${index}]" must be a non-empty string`);
    return item.trim();
  });
}

/**
 * Validates the parsed JSON of a knowledge file. Throws `CorpusError` naming `file` and the offending key for anything
 * that is not the documented shape (unknown keys included, so a misspelt key never silently does nothing).
 *
 * @example
 * parseKnowledge({ names: ['Acme Cloud'], boilerplate: ['rated 5 stars'] }, 'acme.knowledge.json').names // => ['Acme Cloud']
 */
export function parseKnowledge(data: unknown, file: string): DocumentKnowledge {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail(file, 'must hold a JSON object');
  const record = data as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !(KNOWN_KEYS as readonly string[]).includes(key));
  if (unknownKey !== undefined) fail(file, `unknown key "${unknownKey}" (allowed: ${KNOWN_KEYS.join(', ')})`);

  const knowledge: DocumentKnowledge = {};
  if (record.names !== undefined) knowledge.names = stringList(file, 'names', record.names, true);
  if (record.boilerplate !== undefined) knowledge.boilerplate = stringList(file, 'boilerplate', record.boilerplate, true);
  if (record.notStated !== undefined) knowledge.notStated = stringList(file, 'notStated', record.notStated, true);
  if (record.synonyms !== undefined) {
    // The same shape, and the same check, as the general paraphrase families (src/knowledge/privacy-pack.json).
    try {
      knowledge.synonyms = readSynonymRules(record.synonyms, file).map((rule) => ({ ...rule, when: [...rule.when], add: [...rule.add] }));
    } catch (error) {
      fail(file, (error as Error).message.replace(/^knowledge: \S+ /, ''));
    }
  }
  return knowledge;
}

/**
 * Reads and validates the knowledge file beside a policy file, if there is one. Throws `CorpusError` naming the
 * knowledge file when it is unreadable, not JSON or not of the documented shape.
 *
 * @example
 * readKnowledge('corpus/raw/datarobot-privacy-page.txt')?.names?.includes('DataRobot') // => true
 */
export function readKnowledge(file: string): DocumentKnowledge | undefined {
  return readKnowledgeFile(file)?.knowledge;
}

/**
 * {@link readKnowledge}, with the file's text as read (the ingester copies it as the owner wrote it).
 *
 * @example
 * readKnowledgeFile('corpus/raw/datarobot-privacy-page.txt')?.text.startsWith('{') // => true
 */
export function readKnowledgeFile(file: string): { knowledge: DocumentKnowledge; text: string } | undefined {
  const path = knowledgePath(file);
  const read = readJsonCompanion(path, MAX_KNOWLEDGE_BYTES, 'knowledge file');
  return read === undefined ? undefined : { knowledge: parseKnowledge(read.data, path), text: read.text };
}

/** Folds case, curly quotes and runs of white space, so a phrase matches however the page typesets it. */
function foldPhrase(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/**
 * One case-insensitive pattern per boilerplate phrase, matching it as whole words anywhere in a line (curly quotes
 * and line-internal white space folded). Lines are tested lower-cased, as the text ingester keys them.
 *
 * @example
 * boilerplatePatterns(['peer insights'])[0].test('rated 4.6 on peer insights') // => true
 */
export function boilerplatePatterns(phrases: readonly string[]): RegExp[] {
  return phrases
    .map(foldPhrase)
    .filter((phrase) => phrase !== '')
    .map((phrase) => {
      const body = escapeRegExp(phrase).replace(/'/g, "['’‘]").replace(/"/g, '["“”]').replace(/ /g, '\\s+');
      const start = /^[\p{L}\p{N}]/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
      const end = /[\p{L}\p{N}]$/u.test(phrase) ? '(?![\\p{L}\\p{N}])' : '';
      return new RegExp(`${start}${body}${end}`, 'iu');
    });
}
