/**
 * Stage 3 of query analysis: segmentation. Each position of the question starts the longest phrase of the tables
 * that matches there (on stems): a paraphrase family's trigger, a filler phrase ("can you tell me"), a fact privacy
 * policies rarely state ("SOC 2", "how many days") or another kind of policy ("refund policy"); any other word is a
 * segment of its own. An aspect verb before a gerund ("keeps sending") is skipped: it means "again", not "retain".
 */
import { ASPECT_VERBS } from '../knowledge/tables.js';
import { isStopword } from '../search/tokenize.js';
import type { QueryContext } from './types.js';
import { isFiller, isGerund } from './words.js';

/** A run of question words and what it is. */
export type Segment =
  | { kind: 'skip' | 'filler' | 'word' | 'unstated'; start: number; length: number }
  | { kind: 'rule'; start: number; length: number; rule: ReadonlyMap<string, number> }
  /** A multi-word detail the policy states, and the index term it states it as: the phrase, or its initials ("gpc"). */
  | { kind: 'stated'; start: number; length: number; term: string };

/**
 * Segments the question's words.
 *
 * @example
 * segmentWords(['how', 'long', 'do', 'you', 'keep', 'it'], stems, context).map((s) => s.kind)
 * // => ['rule', 'word', 'word', 'rule', 'word']
 */
export function segmentWords(tokens: readonly string[], stems: readonly string[], context: QueryContext): Segment[] {
  const { synonyms, terms } = context;
  const segments: Segment[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (ASPECT_VERBS.has(tokens[i]!) && isGerund(tokens[i + 1] ?? '')) {
      segments.push({ kind: 'skip', start: i, length: 1 });
      i++;
      continue;
    }
    let best: Segment = { kind: 'word', start: i, length: 1 };
    // Longest phrase starting here: extend word by word while some phrase still has this prefix.
    let key = '';
    for (let length = 1; i + length <= tokens.length && length <= synonyms.maxPhraseWords; length++) {
      key = length === 1 ? stems[i]! : `${key} ${stems[i + length - 1]!}`;
      const rule = synonyms.rules.get(key);
      // A lone stopword or filler word never triggers a rule, even when it shares a stem with one ("to" and
      // "ToS", "guys" and "GUI").
      const blocked = length === 1 && (isStopword(tokens[i]!) || isFiller(tokens[i]!, synonyms));
      // A detail the policy itself names is stated after all ("hipaa" in a policy that names HIPAA, "do not track"
      // in one that says how it treats Do Not Track).
      // So is one the policy states in other words ("sso" in a policy that names SAML).
      const detail = synonyms.unstated.has(key);
      const ownWords = detail && length === 1 && terms.has(key);
      const statedAs = !detail || ownWords ? null : statedInOwnWords(tokens, i, length, key, context) ?? context.statedAlike?.get(key) ?? null;
      const unstated = detail && !ownWords && statedAs === null;
      if ((length > 1 && synonyms.otherPolicies.has(key)) || unstated) best = { kind: 'unstated', start: i, length };
      // Stated, a multi-word detail is the asker's phrase: "do not track" is not the word "track".
      else if (statedAs !== null) best = { kind: 'stated', start: i, length, term: statedAs };
      else if (rule !== undefined && !blocked) best = { kind: 'rule', start: i, length, rule };
      else if (length > 1 && synonyms.fillerPhrases.has(key)) best = { kind: 'filler', start: i, length };
      if (!synonyms.prefixes.has(key)) break;
    }
    segments.push(best);
    i += best.length;
  }
  return joinCompoundDetails(segments, stems, context);
}

/** The index term of a multi-word detail the policy states, written out or as its initials; null otherwise. */
function statedInOwnWords(tokens: readonly string[], i: number, length: number, key: string, context: QueryContext): string | null {
  if (length === 1) return null;
  return context.statedPhrases?.has(key) === true ? key : statedInitials(tokens, i, length, context);
}

/**
 * Two details written side by side name one thing ("SAML SSO", "Okta SSO"): when the policy states one of them, it
 * states the compound, and the unstated half no longer declines the question.
 */
function joinCompoundDetails(segments: Segment[], stems: readonly string[], context: QueryContext): Segment[] {
  const { synonyms, terms } = context;
  const statedDetail = (segment: Segment | undefined): string | null => {
    if (segment === undefined || segment.length !== 1 || segment.kind === 'unstated' || segment.kind === 'stated') return null;
    const stem = stems[segment.start]!;
    return synonyms.unstated.has(stem) && terms.has(stem) ? stem : null;
  };
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    if (segment.kind !== 'unstated' || segment.length !== 1) continue;
    for (const at of [k - 1, k + 1]) {
      const term = statedDetail(segments[at]);
      if (term === null) continue;
      const first = Math.min(k, at);
      segments.splice(first, 2, { kind: 'stated', start: segments[first]!.start, length: 2, term });
      break;
    }
  }
  return segments;
}

/**
 * The initials of a detail of three or more words when the policy writes it so ("GPC" for "global privacy control",
 * "DNT" for "do not track"): the detail is stated after all. Null otherwise.
 */
function statedInitials(tokens: readonly string[], start: number, length: number, context: QueryContext): string | null {
  if (length < 3) return null;
  let initials = '';
  for (let k = start; k < start + length; k++) initials += tokens[k]![0] ?? '';
  return context.terms.has(initials) ? initials : null;
}
