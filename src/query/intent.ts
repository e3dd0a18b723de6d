/**
 * Stage 5 of query analysis: what kind of question it is. An instruction about product objects ("how do I deploy a
 * model") is not a privacy question, however many policy words it shares; the opening interrogative ("how do you
 * collect…", "what do you collect…") aligns with headings that differ only in that word.
 */
import type { QueryConcept } from './types.js';
import { isModifier, isVerb } from './words.js';

// Interjections that may precede the opener ("ok so how do I …").
const LEADING_INTERJECTIONS: ReadonlySet<string> = new Set(['hey', 'hi', 'hello', 'so', 'ok', 'okay', 'quick', 'question', 'um', 'uh', 'also', 'and', 'but', 'please', 'pls', 'plz']);
const HOW_TO_OPENERS: ReadonlySet<string> = new Set(['how', 'can', 'could', 'may']);
const HOW_TO_MODALS: ReadonlySet<string> = new Set(['do', 'can', 'could', 'should', 'would', 'to']);
const HOW_TO_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'one', 'my', 'our']);

/**
 * Whether the question opens as an instruction request ("how do I …", "how can we …", "how to …", "can I …"):
 * the index of the first word after the opener, or -1.
 *
 * @example
 * instructionStart(['how', 'do', 'i', 'delete', 'a', 'project']) // => 3
 */
export function instructionStart(tokens: readonly string[]): number {
  let at = 0;
  while (at < tokens.length && LEADING_INTERJECTIONS.has(tokens[at]!)) at++;
  const first = tokens[at];
  if (first === undefined || !HOW_TO_OPENERS.has(first)) return -1;
  if (first === 'how') {
    if (tokens[at + 1] === 'to') return at + 2;
    if (HOW_TO_MODALS.has(tokens[at + 1] ?? '') && HOW_TO_SUBJECTS.has(tokens[at + 2] ?? '')) return at + 3;
    return -1;
  }
  return HOW_TO_SUBJECTS.has(tokens[at + 1] ?? '') ? at + 2 : -1;
}

// "how long", "how much": a quantity, not a manner.
const QUANTITY_AFTER_HOW: ReadonlySet<string> = new Set(['long', 'much', 'many', 'often', 'old', 'soon', 'far', 'quickly', 'fast', 'safe', 'secure']);

/**
 * The interrogative a question opens with, as a heading would start: "how" (also "when", "in which/what way(s)",
 * "by what means", which ask for the circumstances a "How we …" section lists), "what" (also "which") or "why".
 *
 * @example
 * leadInterrogative(['how', 'do', 'you', 'collect'], false) // => 'how'
 * leadInterrogative(['how', 'long', 'do', 'you', 'keep'], false) // => null
 * leadInterrogative(['why', 'do', 'you', 'need', 'my', 'address'], false) // => 'why'
 */
export function leadInterrogative(tokens: readonly string[], instruction: boolean): 'how' | 'what' | 'why' | null {
  if (instruction) return null;
  let at = 0;
  while (at < tokens.length && (LEADING_INTERJECTIONS.has(tokens[at]!) || tokens[at] === 'in' || tokens[at] === 'by')) at++;
  const first = tokens[at];
  const next = tokens[at + 1] ?? '';
  if (first === 'how' || first === "how's" || first === 'hows') return QUANTITY_AFTER_HOW.has(next) ? null : 'how';
  if (first === 'when') return 'how';
  if (first === 'why') return 'why';
  if ((first === 'which' || first === 'what') && /^(ways?|manner|means|methods?)$/.test(next)) return 'how';
  if (first === 'what' || first === 'which' || first === "what's" || first === 'whats') return 'what';
  return null;
}

/**
 * Whether an instruction request is about product objects, given its concepts and the index of its action: the
 * direct object is a plain word no privacy family knows ("how do I delete a project"), or the action is a verb
 * the policy never uses ("how do I add a user"). A privacy phrase as the action ("opt out of…") names its topic.
 *
 * `actsAsVerb` says whether the action's word reads as a verb there (by default: whether it mostly is one).
 *
 * @example
 * isProductInstruction(concepts, 0) // => true for "how do I deploy a model"
 */
export function isProductInstruction(concepts: readonly QueryConcept[], actionAt: number, actsAsVerb: (word: string) => boolean = isVerb): boolean {
  const action = concepts[actionAt];
  if (action === undefined) return false;
  const objects = concepts.slice(actionAt + 1).filter((concept) => !concept.weak);
  // Modifiers before the object ("service related emails", "a second dataset") are not the object.
  const direct = objects.find((concept) => !isModifier(concept.surface)) ?? objects[0];
  // The direct object must be a plain product word; after it, context words of the synonym table ("app",
  // "tool") are product words too: they name no policy topic, so "how do I delete a project in the app" stays an
  // instruction about the product, while "can I opt in to emails" (emails as the object) does not.
  const productObject = direct !== undefined && !direct.fromRule && objects.every((concept) => !concept.topical);
  // An action verb the policy never uses ("how do I add a user", "how do I join two datasets") is an instruction
  // about the product, whatever its object: privacy requests use the policy's own verbs.
  // A verb the policy has only a dictionary relative of ("buy" → "purchase", "switch" → "change") is as foreign to it
  // as one it lacks, unless a policy topic is the object ("lodge a complaint", "pull up my mom's test result").
  const onlyRelatives = !action.fromRule && action.alternatives.every((alternative) => alternative.weight < 1);
  const policyLacksVerb = action.alternatives.length === 0 || (onlyRelatives && objects.every((concept) => !concept.fromRule));
  const productAction = objects.length > 0 && policyLacksVerb && actsAsVerb(action.surface);
  const privacyPhraseAction = action.topical && action.source.includes(' ');
  return !privacyPhraseAction && (productObject || productAction);
}
