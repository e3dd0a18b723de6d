/**
 * Compiles the knowledge tables (src/knowledge/) to what matching reads: stem-keyed phrases with the policy words
 * they add, filler, weak words, not-stated details and other kinds of policy.
 */
import {
  AGE_ASKS,
  AGE_STATEMENTS,
  DEFAULT_SYNONYM_WEIGHT,
  FILLER_PHRASES,
  FILLER_WORDS,
  OTHER_POLICY_KINDS,
  SYNONYM_RULES,
  UNSTATED_DETAILS,
  WEAK_WORDS,
  type SynonymRule,
} from '../knowledge/tables.js';
import { stem } from '../search/stem.js';
import { isStopword, tokenize } from '../search/tokenize.js';

/** Compiled synonym data: phrase (stems joined by spaces) → added stems with weights. */
export interface CompiledSynonyms {
  readonly rules: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly fillerPhrases: ReadonlySet<string>;
  readonly fillerWords: ReadonlySet<string>;
  /** Stems of the filler words, so inflections are filler too ("asks", "wondered"). */
  readonly fillerStems: ReadonlySet<string>;
  readonly weakStems: ReadonlySet<string>;
  readonly maxPhraseWords: number;
  /** Every proper prefix of a rule or filler phrase, so phrase lookup stops as soon as no phrase can match. */
  readonly prefixes: ReadonlySet<string>;
  /** Every word the synonym data mentions, so spelling correction can target question-only words ("long"). */
  readonly words: ReadonlySet<string>;
  /** Rule phrases that only come from rules marked `topical: false` (they rank, but name no policy topic). */
  readonly contextual: ReadonlySet<string>;
  /** Phrases of families that name a region or its law ("gdpr", "california", "us state"). */
  readonly jurisdictions: ReadonlySet<string>;
  /** Trigger keys of decisive families (see `SynonymRule.decisive`), with the stems of the family's incidental words. */
  readonly decisive: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Trigger keys that state someone's age ("my 14 year old", "i'm 15") or ask for the age limit ("is there an age
   * requirement?"); see src/query/stated-age.ts.
   */
  readonly agePhrases: ReadonlySet<string>;
  /**
   * Multi-word policy phrases the rules add ("third parti", "sale of asset"): the index stores each as one term
   * wherever its words stand together, so a rule can look for the phrase rather than its words.
   */
  readonly phraseTargets: ReadonlySet<string>;
  /** Phrases naming another kind of policy ("refund policy"): an unknown concept, whatever words they share. */
  readonly otherPolicies: ReadonlySet<string>;
  /**
   * Phrases asking for a specific fact that privacy policies rarely state ("SOC 2", "encrypted at rest", "by
   * name", "ever had a breach"): an unknown concept, whatever family their words belong to, unless (single words)
   * the policy itself uses the word. None is a family's trigger.
   */
  readonly unstated: ReadonlySet<string>;
}

function phraseKey(phrase: string): string[] {
  return tokenize(phrase).map(stem);
}

/**
 * Compiles the synonym and filler tables to stem form.
 *
 * @example
 * const compiled = compileSynonyms(); // uses SYNONYM_RULES, FILLER_PHRASES, FILLER_WORDS, WEAK_WORDS
 * compiled.rules.get('kid')?.get('children') // => 0.8
 */
export function compileSynonyms(
  rules: readonly SynonymRule[] = SYNONYM_RULES,
  fillerPhrases: readonly string[] = FILLER_PHRASES,
  fillerWords: readonly string[] = FILLER_WORDS,
  weakWords: readonly string[] = WEAK_WORDS,
  otherPolicyKinds: readonly string[] = OTHER_POLICY_KINDS,
  unstatedDetails: readonly string[] = UNSTATED_DETAILS,
): CompiledSynonyms {
  // The general tables alone are compiled once per thread and shared by the answerers it builds (the served index
  // lives in a worker thread of its own, so a hot reload compiles them again there).
  const isDefault =
    rules === SYNONYM_RULES && fillerPhrases === FILLER_PHRASES && fillerWords === FILLER_WORDS && weakWords === WEAK_WORDS && otherPolicyKinds === OTHER_POLICY_KINDS && unstatedDetails === UNSTATED_DETAILS;
  if (isDefault && compiledDefaults !== undefined) return compiledDefaults;
  const compiled = compileTables(rules, fillerPhrases, fillerWords, weakWords, otherPolicyKinds, unstatedDetails);
  if (isDefault) compiledDefaults = compiled;
  return compiled;
}

let compiledDefaults: CompiledSynonyms | undefined;

function compileTables(
  rules: readonly SynonymRule[],
  fillerPhrases: readonly string[],
  fillerWords: readonly string[],
  weakWords: readonly string[],
  otherPolicyKinds: readonly string[],
  unstatedDetails: readonly string[],
): CompiledSynonyms {
  const compiled = new Map<string, Map<string, number>>();
  const topicalKeys = new Set<string>();
  const contextualKeys = new Set<string>();
  const jurisdictionKeys = new Set<string>();
  const decisiveKeys = new Map<string, Set<string>>();
  const phraseTargets = new Set<string>();
  const words = new Set<string>();
  const weakStems = new Set(weakWords.map((word) => stem(word)));
  let maxPhraseWords = 1;
  for (const rule of rules) {
    const weight = rule.weight ?? DEFAULT_SYNONYM_WEIGHT;
    const added = new Map<string, number>();
    for (const phrase of rule.add) {
      const tokens = tokenize(phrase);
      for (const token of tokens) words.add(token);
      if (tokens.length === 0 || (tokens.length === 1 && isStopword(tokens[0]!))) continue;
      // A phrase ("third party", "sale of assets") is one index term, matched only where its words stand together:
      // each word alone ("party", "sale") would match unrelated passages.
      const key = tokens.map(stem).join(' ');
      if (tokens.length > 1) phraseTargets.add(key);
      added.set(key, weight);
    }
    for (const phrase of rule.when) {
      const tokens = tokenize(phrase);
      if (tokens.length === 0) continue;
      for (const token of tokens) words.add(token);
      maxPhraseWords = Math.max(maxPhraseWords, tokens.length);
      const key = tokens.map(stem).join(' ');
      if (rule.topical === false) contextualKeys.add(key);
      else topicalKeys.add(key);
      if (rule.jurisdiction === true) jurisdictionKeys.add(key);
      if (rule.decisive === true) {
        let incidental = decisiveKeys.get(key);
        if (incidental === undefined) decisiveKeys.set(key, (incidental = new Set()));
        for (const word of rule.incidental ?? []) incidental.add(phraseKey(word).join(' '));
      }
      let target = compiled.get(key);
      if (target === undefined) compiled.set(key, (target = new Map()));
      for (const [term, w] of added) target.set(term, Math.max(target.get(term) ?? 0, w));
    }
  }
  // Phrase lists without added words (filler phrases, unstated details): stem keys, and their words as correction targets.
  const phraseKeys = (phrases: readonly string[]): Set<string> => {
    const keys = new Set<string>();
    for (const phrase of phrases) {
      const key = phraseKey(phrase);
      if (key.length === 0) continue;
      maxPhraseWords = Math.max(maxPhraseWords, key.length);
      keys.add(key.join(' '));
      for (const token of tokenize(phrase)) words.add(token);
    }
    return keys;
  };
  const fillerPhraseKeys = phraseKeys(fillerPhrases);
  for (const word of fillerWords) words.add(word);
  const otherPolicies = new Set<string>();
  for (const kind of otherPolicyKinds) {
    for (const noun of ['policy', 'policies']) {
      const key = phraseKey(`${kind} ${noun}`);
      maxPhraseWords = Math.max(maxPhraseWords, key.length);
      otherPolicies.add(key.join(' '));
    }
    for (const token of tokenize(kind)) words.add(token);
  }
  const unstated = phraseKeys(unstatedDetails);
  // A detail privacy policies rarely state that a family names as a trigger is covered after all: a company's
  // knowledge that lists "on prem" describes its on-premise installs (the general tables, linted, never overlap).
  for (const key of compiled.keys()) unstated.delete(key);
  // Age phrases count only as the triggers a family lists them as (the children family's `@AGE_STATEMENTS`, `@AGE_ASKS`).
  const agePhrases = new Set([...AGE_STATEMENTS, ...AGE_ASKS].map((phrase) => phraseKey(phrase).join(' ')).filter((key) => compiled.has(key)));
  // A phrase is contextual only if no topical rule lists it too.
  for (const key of topicalKeys) contextualKeys.delete(key);
  const prefixes = new Set<string>();
  for (const key of [...compiled.keys(), ...fillerPhraseKeys, ...otherPolicies, ...unstated]) {
    const parts = key.split(' ');
    for (let length = 1; length < parts.length; length++) prefixes.add(parts.slice(0, length).join(' '));
  }
  return {
    prefixes,
    rules: compiled,
    fillerPhrases: fillerPhraseKeys,
    fillerWords: new Set(fillerWords),
    fillerStems: new Set(fillerWords.map(stem)),
    weakStems,
    maxPhraseWords,
    words,
    contextual: contextualKeys,
    jurisdictions: jurisdictionKeys,
    decisive: decisiveKeys,
    agePhrases,
    phraseTargets,
    otherPolicies,
    unstated,
  };
}
