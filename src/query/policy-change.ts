/**
 * Questions about changes to the policy itself ("will you email me when the privacy policy changes?"). A policy that
 * says nothing about its own changes does not answer them, however well a section about notifications shares their
 * words; whether it does is read from the whole document. The words are data (src/knowledge/policy-changes.json).
 */
import { POLICY_CHANGE_MAX_GAP, POLICY_CHANGE_WORDS, POLICY_SELF_WORDS } from '../knowledge/tables.js';
import { phraseAlternatives } from '../regexp.js';
import type { PolicyDocument } from '../types.js';

const CHANGE = `(?:${phraseAlternatives(POLICY_CHANGE_WORDS)})`;
const SELF = `(?:${phraseAlternatives(POLICY_SELF_WORDS)})`;
// A change word and a policy word with at most a few words between them, in either order, within one sentence.
const GAP = `(?:[^\\s.?!]+\\s+){0,${POLICY_CHANGE_MAX_GAP}}`;
const POLICY_CHANGE = new RegExp(`\\b${CHANGE}\\s+${GAP}${SELF}\\b|\\b${SELF}\\s+${GAP}${CHANGE}\\b`, 'i');

/**
 * Whether the text names a change to the policy itself.
 *
 * @example
 * namesPolicyChange('will u tell me when the privacy policy changes?') // => true
 * namesPolicyChange('We may update this policy from time to time.') // => true
 * namesPolicyChange('You will be notified of changes to your risk status.') // => false
 */
export function namesPolicyChange(text: string): boolean {
  return POLICY_CHANGE.test(text);
}

/**
 * Whether a heading on the path or the text names a change to the policy: a section or a passage about its changes.
 *
 * @example
 * namesPolicyChangeUnder(['Changes to this policy'], 'We e-mail every user a month ahead.') // => true
 * namesPolicyChangeUnder(['Notifications'], 'We e-mail you when a new device signs in.') // => false
 */
export function namesPolicyChangeUnder(path: readonly string[], text: string): boolean {
  return path.some(namesPolicyChange) || namesPolicyChange(text);
}

const statesChangesByDocument = new WeakMap<PolicyDocument, boolean>();

/**
 * Whether any heading or sentence of the document names a change to the policy ("Changes to this policy", "We will
 * post any changes to these terms"). Read once per document.
 *
 * @example
 * statesPolicyChanges(document) // => true for a policy with a "Changes to our Privacy Statement" section
 */
export function statesPolicyChanges(document: PolicyDocument): boolean {
  let states = statesChangesByDocument.get(document);
  if (states === undefined) {
    states = document.sections.some((section) => namesPolicyChangeUnder(section.path, section.text));
    statesChangesByDocument.set(document, states);
  }
  return states;
}
