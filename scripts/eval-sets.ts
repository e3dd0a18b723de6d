/**
 * Question sets for `npm run eval`: where they live, what they contain, and which sections and passages answer each
 * question ("gold").
 *
 * Sets are files `eval/sets/<policy>.<split>[-<name>].json`, where `<policy>` is the file name (without extension)
 * of a policy in `corpus/` or `eval/policies/open/`, and `<split>` is `dev` (tuned on) or `heldout` (measured,
 * never tuned on). Writers give, for each answerable question, the heading path(s) of the answering section(s) as the
 * document shows them, and the policy sentence(s) that answer it, verbatim. Gold sections are resolved from both, so
 * they do not depend on how the ingester names sections: a section is gold when it contains one of the sentences, or
 * when its path starts with an expected path (after at most one leading heading, the document title some parsers
 * keep as a section).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTRODUCTION_TITLE } from '../src/corpus/document.js';
import type { PolicyDocument, PolicySection } from '../src/types.js';
import { bundledCorpusDir, projectRoot } from '../src/paths.js';
import { normalizeText } from '../src/search/tokenize.js';

/** An answerable question. */
export interface OnTopicItem {
  q: string;
  /** Heading paths of the answering sections, outermost first; `[]` is text before the first heading. */
  expect: string[][];
  /** Policy sentences that answer it, verbatim, best first. */
  sentences?: string[];
  voice?: string;
}

/** A question the policy does not answer. */
export interface OffTopicItem {
  q: string;
  voice?: string;
  /** `near`: shares words with the policy; `far`: not about privacy. */
  kind?: string;
}

/** A question set file. */
export interface QuestionSet {
  onTopic: OnTopicItem[];
  offTopic: OffTopicItem[];
}

/** Splits of the question sets. */
export type Split = 'dev' | 'heldout';

/** The sets of one policy. */
export interface PolicySets {
  /** The policy's file name without extension, e.g. `basecamp-privacy-policy`. */
  policy: string;
  /** The policy file. */
  file: string;
  /** Set files per split. */
  sets: Record<Split, string[]>;
}

/** Where question sets live. */
export const setsDir = join(projectRoot, 'eval', 'sets');
/** Where the open-licence policies live. */
export const openPoliciesDir = join(projectRoot, 'eval', 'policies', 'open');

const SET_FILE = /^(.+)\.(dev|heldout)(?:-[\w.-]+)?\.json$/;

/**
 * Every policy that has question sets, with its policy file and set files, sorted by policy name.
 *
 * @example
 * discoverPolicySets().map((p) => p.policy) // => ['automattic-privacy-policy', …, 'whereby-privacy-policy']
 */
export function discoverPolicySets(dir = setsDir): PolicySets[] {
  const byPolicy = new Map<string, PolicySets>();
  for (const name of readdirSync(dir).sort()) {
    const match = SET_FILE.exec(name);
    if (!match) continue;
    const policy = match[1]!;
    let entry = byPolicy.get(policy);
    if (entry === undefined) byPolicy.set(policy, (entry = { policy, file: policyFile(policy), sets: { dev: [], heldout: [] } }));
    entry.sets[match[2] as Split].push(join(dir, name));
  }
  return [...byPolicy.values()].sort((a, b) => a.policy.localeCompare(b.policy));
}

/** The policy file of a set: `corpus/<policy>.*` or `eval/policies/open/<policy>.*`. */
function policyFile(policy: string): string {
  for (const dir of [bundledCorpusDir, openPoliciesDir]) {
    const found = readdirSync(dir).find((name) => name.slice(0, name.lastIndexOf('.')) === policy && !name.endsWith('.json'));
    if (found !== undefined) return join(dir, found);
  }
  throw new Error(`eval: no policy file named ${policy}.* in corpus/ or eval/policies/open/ for its question sets`);
}

/**
 * Reads and validates a question set file.
 *
 * @example
 * readQuestionSet('eval/sets/basecamp-privacy-policy.dev.json').onTopic.length // => 35
 */
export function readQuestionSet(file: string): QuestionSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`eval: cannot read question set ${file}: ${(error as Error).message}`);
  }
  const set = parsed as Partial<QuestionSet> | null;
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((s) => typeof s === 'string');
  const valid =
    set !== null &&
    typeof set === 'object' &&
    Array.isArray(set.onTopic) &&
    Array.isArray(set.offTopic) &&
    set.onTopic.every((item) => typeof item?.q === 'string' && Array.isArray(item.expect) && item.expect.every(strings) && (item.sentences === undefined || strings(item.sentences))) &&
    set.offTopic.every((item) => typeof item?.q === 'string');
  if (!valid) throw new Error(`eval: ${file} is not { onTopic: [{ q, expect: [[...]], sentences? }], offTopic: [{ q }] }`);
  return set as QuestionSet;
}

/**
 * Reads every set file of a split into one set (questions in file order).
 *
 * @example
 * mergeSets(policy.sets.dev).offTopic.length
 */
export function mergeSets(files: readonly string[]): QuestionSet {
  const merged: QuestionSet = { onTopic: [], offTopic: [] };
  for (const file of files) {
    const set = readQuestionSet(file);
    merged.onTopic.push(...set.onTopic);
    merged.offTopic.push(...set.offTopic);
  }
  return merged;
}

/**
 * Text reduced to lower-case words separated by single spaces: what gold matching compares, so markup, quotes,
 * punctuation and line breaks never decide a match.
 *
 * @example
 * matchText('We **never** sell—your “data”.') // => 'we never sell your data'
 */
export function matchText(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Words per window when a long gold sentence is matched piecewise (our sentence splitter may cut it elsewhere). */
const WINDOW_WORDS = 12;

/**
 * Whether a text contains a gold sentence: the whole sentence, or for a long sentence any run of 12 of its words.
 *
 * @example
 * containsSentence(matchText(passage.text), matchText('We do not sell your data.')) // => true
 */
export function containsSentence(text: string, sentence: string): boolean {
  if (sentence === '') return false;
  if (text.includes(sentence)) return true;
  const words = sentence.split(' ');
  if (words.length <= WINDOW_WORDS) return false;
  for (let i = 0; i + WINDOW_WORDS <= words.length; i++) if (text.includes(words.slice(i, i + WINDOW_WORDS).join(' '))) return true;
  return false;
}

/** Key of a section in gold sets. */
export function sectionKey(documentId: string, sectionId: string): string {
  return `${documentId}#${sectionId}`;
}

function pathStartsWith(path: readonly string[], prefix: readonly string[], offset: number): boolean {
  if (prefix.length + offset > path.length) return false;
  return prefix.every((part, i) => matchText(path[i + offset]!) === matchText(part));
}

// Gold sections per document and item: every system scored, the unresolved check and the highlights ask for them.
const goldOfItems = new WeakMap<PolicyDocument, WeakMap<OnTopicItem, ReadonlySet<string>>>();

/**
 * The sections that answer an item: those containing one of its sentences, and those under one of its expected
 * paths. `[]` (text before the first heading) is the document's first section when that section has no heading of
 * its own in the source (the ingester calls it "Introduction" or names it after the document).
 *
 * @example
 * goldSections(document, { q: 'do you sell my data', expect: [['Sharing']], sentences: ['We never sell your data.'] })
 * // => Set { 'acme#sharing' }
 */
export function goldSections(document: PolicyDocument, item: OnTopicItem): ReadonlySet<string> {
  let ofDocument = goldOfItems.get(document);
  if (ofDocument === undefined) goldOfItems.set(document, (ofDocument = new WeakMap()));
  let gold = ofDocument.get(item);
  if (gold === undefined) ofDocument.set(item, (gold = findGoldSections(document, item)));
  return gold;
}

function findGoldSections(document: PolicyDocument, item: OnTopicItem): Set<string> {
  const gold = new Set<string>();
  const sentences = (item.sentences ?? []).map(matchText).filter((s) => s !== '');
  const texts = sectionTexts(document);
  for (const section of document.sections) {
    if (sentences.some((sentence) => containsSentence(texts.get(section)!, sentence))) gold.add(sectionKey(document.id, section.id));
  }
  for (const path of item.expect) {
    if (path.length === 0) {
      const first = document.sections[0];
      if (first !== undefined && (first.path.length === 1 && (first.path[0] === INTRODUCTION_TITLE || first.path[0] === document.title))) gold.add(sectionKey(document.id, first.id));
      continue;
    }
    for (const section of document.sections) {
      if (pathStartsWith(section.path, path, 0) || pathStartsWith(section.path, path, 1)) gold.add(sectionKey(document.id, section.id));
    }
  }
  return gold;
}

// Section texts as gold matching compares them, computed once per document (a set asks about the same sections
// hundreds of times).
const matchTexts = new WeakMap<PolicyDocument, Map<PolicySection, string>>();

function sectionTexts(document: PolicyDocument): Map<PolicySection, string> {
  let texts = matchTexts.get(document);
  if (texts === undefined) matchTexts.set(document, (texts = new Map(document.sections.map((section) => [section, matchText(section.text)]))));
  return texts;
}

/**
 * A share as a percentage with one decimal, right-aligned in six characters, for report columns.
 *
 * @example
 * percent(0.9123) // => '  91.2'
 */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}`.padStart(6);
}
