/**
 * `node dist/scripts/check-question-set.js <policy file> [<set.json>]`: the tool of the helpers who write question sets
 * (eval/writers/BRIEF.md). With a policy only, prints its sections as the answerer holds them (heading path, first
 * words), the paths a set's `expect` names. With a set, checks it and prints what is wrong: a gold sentence that is not
 * verbatim in any section, an expected path that names no section, a repeated question, a missing voice or kind.
 * Exits 0 when the set has no problem, 1 when it has, 2 for bad arguments. It never prints a question that is right,
 * so running it on a held-out set shows nothing of it.
 */
import { loadDocument } from '../src/corpus/load.js';
import { isEntryPoint } from '../src/paths.js';
import type { PolicyDocument } from '../src/types.js';
import { goldSections, readQuestionSet, type QuestionSet } from './eval-sets.js';

/** Voices a question is written in. */
export const VOICES: readonly string[] = ['employee', 'community', 'support'];
/** Kinds of not-covered question. */
export const NOT_COVERED_KINDS: readonly string[] = ['near', 'far'];

/**
 * What is wrong with a question set for a policy, one line per problem (empty when nothing is).
 *
 * @example
 * checkQuestionSet(document, { onTopic: [{ q: 'do you sell my data?', voice: 'community', expect: [['Selling']], sentences: ['We never sell it.'] }], offTopic: [] })
 * // => [] when the policy has a "Selling" section and that sentence
 */
export function checkQuestionSet(document: PolicyDocument, set: QuestionSet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of [...set.onTopic, ...set.offTopic]) {
    const key = item.q.trim().toLowerCase();
    if (seen.has(key)) problems.push(`repeated question ${JSON.stringify(item.q)}`);
    seen.add(key);
    if (!VOICES.includes(item.voice ?? '')) problems.push(`voice is not one of ${VOICES.join(', ')}: ${JSON.stringify(item.q)}`);
  }
  for (const item of set.offTopic) if (!NOT_COVERED_KINDS.includes(item.kind ?? '')) problems.push(`kind is not near or far: ${JSON.stringify(item.q)}`);
  for (const item of set.onTopic) {
    if ((item.sentences ?? []).length === 0) problems.push(`no answer sentence: ${JSON.stringify(item.q)}`);
    // Each sentence and each path must find a section on its own, as gold matching finds them (eval-sets.ts).
    for (const sentence of item.sentences ?? []) {
      if (goldSections(document, { q: item.q, expect: [], sentences: [sentence] }).size === 0) problems.push(`sentence not in the policy: ${JSON.stringify(item.q)} → ${JSON.stringify(sentence)}`);
    }
    for (const path of item.expect) {
      if (goldSections(document, { q: item.q, expect: [path] }).size === 0) problems.push(`path names no section: ${JSON.stringify(item.q)} → ${JSON.stringify(path)}`);
    }
  }
  return problems;
}

/**
 * Command-line entry point; returns the exit code.
 *
 * @example
 * process.exitCode = main(['eval/policies/open/lobsters-privacy.html', 'eval/sets/lobsters-privacy.heldout.json']);
 */
export function main(argv: readonly string[]): number {
  const [policyFile, setFile, ...rest] = argv;
  if (policyFile === undefined || rest.length > 0) {
    console.error('check-question-set: usage: check-question-set <policy file> [<set.json>]');
    return 2;
  }
  const document = loadDocument(policyFile);
  if (setFile === undefined) {
    for (const section of document.sections) console.log(`${JSON.stringify(section.path)} | ${section.text.replace(/\s+/g, ' ').slice(0, 90)}`);
    return 0;
  }
  const set = readQuestionSet(setFile);
  const problems = checkQuestionSet(document, set);
  for (const problem of problems) console.log(problem);
  console.log(`${setFile}: ${set.onTopic.length} on-topic, ${set.offTopic.length} not-covered, ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
