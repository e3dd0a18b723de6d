/**
 * Stage 4 of the answerer, abstention: whether the policy covers the question at all.
 *
 * Decided on signals that are comparable across questions (raw BM25 is not): the idf-weighted share of the
 * question's concepts that a top passage with its headings covers, the idf mass it covers, whether the question
 * names any policy topic or personal data, and whether it is an instruction about product objects ("how do I delete a project").
 */
import { givesContact } from '../query/asked-contact.js';
import { statesName } from '../query/asked-name.js';
import { statesNumber } from '../query/asked-number.js';
import { statesAgeLimit } from '../query/stated-age.js';
import { statesTimeFrame } from '../query/time-frame.js';
import { statesLegalBasis } from '../query/legal-basis.js';
import { statesBreachNotice } from '../query/breach-notice.js';
import { namesCountry } from '../query/data-location.js';
import { namesPolicyChangeUnder, statesPolicyChanges } from '../query/policy-change.js';
import type { AnalyzedQuery } from '../query/types.js';
import type { PolicyDocument } from '../types.js';
import type { AbstentionThresholds } from './options.js';
import type { RankedCandidate } from './rank.js';

/**
 * Whether to answer from the ranked candidates (false: "the policy doesn't cover this").
 *
 * @example
 * shouldAnswer(query, ranker.rank(query, 12), defaultAbstentionThresholds, index.bm25.rareIdf) // => true
 */
export function shouldAnswer(query: AnalyzedQuery, candidates: readonly RankedCandidate[], t: AbstentionThresholds, rareIdf: number): boolean {
  if (candidates.length === 0) return false;
  // "Are you SOC 2 certified?": a detail policies rarely state, and this one does not (not-stated.json), is what
  // the question asks, however many of its other words a passage shares.
  if (t.declineUnstatedDetail && query.concepts.some((concept) => concept.unknown === 'unstated')) return false;
  const top = candidates.slice(0, Math.max(1, t.decisionDepth));
  // "how do I delete a project": an instruction about product objects, however many policy words it shares.
  if (t.declineProductHowTo && query.productHowTo) return false;
  // "The app crashes on startup, any fix?", "is it down rn?": a support question, whatever else it shares.
  if (t.declineTroubleshooting && query.asksForFix && !query.namesPersonalData) return false;
  // "Are we still hiring frontend devs in the Oslo office?": a question about jobs, not about anyone's data.
  if (t.declineJobOpenings && query.asksAboutJobOpenings) return false;
  // "Will you email me when the privacy policy changes?": a policy that never mentions its own changes does not say.
  if (t.requireStatedPolicyChanges && query.asksPolicyChange && !statesPolicyChanges(candidates[0]!.passage.document)) return false;
  // "If you get hacked, how fast will you tell me?": only a passage that states a time frame for it answers.
  const asked = query.timeFrameTopic;
  // A cookie's generic lifetime words ("session", "persistent") answer only from a passage about the asked cookie: "What
  // is a cookie?" does not say how long the Google Analytics cookie lasts.
  if (asked !== null && !top.some((c) => statesTimeFrame(c.passage.text, c.passage.section, asked, c.coverage >= t.topicEvidenceCoverage))) return false;
  // "How many requests did you get last year?": the passage the answer leads with must state a number.
  if (t.requireStatedNumber && query.askedNumber !== null && !statesNumber(candidates[0]!.passage.text, query.askedNumber)) return false;
  // "Is there a phone number I can call?": the passage the answer leads with must give one.
  const contact = query.askedContact;
  if (t.requireStatedContact && contact !== null && !givesContact(candidates[0]!.passage.text, contact)) return false;
  // "What's the name of your DPO?", "which company does the ID check?": the contact section gives the role's email,
  // the sharing section the vendor's kind; the answer must give the name.
  const name = query.askedName;
  if (t.requireStatedName && name !== null && !top.some((c) => statesName(c.passage.text, name, ownWords(c.passage.document)))) return false;
  // "What's our lawful basis for the analytics cookies?": a cookie table that does not say on what basis does not answer it.
  if (t.requireStatedBasis && query.asksLegalBasis && !top.some((c) => statesLegalBasis(c.passage.text, c.passage.section))) return false;
  // "If you get hacked, will you tell me?": a security section that says nothing about telling people does not answer it.
  if (t.requireStatedBreachNotice && query.asksBreachNotice && !top.some((c) => statesBreachNotice(c.passage.text))) return false;
  // "Which countries are your data centers in?": a transfers section that only says data may leave the EEA does not say.
  if (t.requireStatedCountry && query.asksDataLocation && !namesCountry(candidates[0]!.passage.text)) return false;
  // "My 14 year old wants an account for homework calls, is that allowed?": the policy's age limit answers it.
  if (t.answerStatedAge && query.concernsAge && statesAgeLimit(candidates[0]!.passage.text)) return true;
  // "What's the minimum age to sign up? My 12 yo wants an account": where no top passage gives an age limit, the
  // policy does not say, however well a children's or sign-up section matches the rest.
  if (t.requireStatedAge && query.concernsAge && !top.some((c) => statesAgeLimit(c.passage.text))) return false;
  // "If there's a security incident, do we tell the affected users?": the passage it leads with says so. After the
  // checks that decline a stated detail, so that a question asking two things must find both stated.
  if (t.answerStatedBreachNotice && query.asksBreachNotice && statesBreachNotice(candidates[0]!.passage.text)) return true;
  // "If I keep using Firefox after the policy is updated, have I agreed to it?": the changes section says what happens.
  if (t.answerStatedPolicyChange && query.asksPolicyChange && namesPolicyChangeUnder(candidates[0]!.passage.section, candidates[0]!.passage.text)) return true;
  if (t.requireTopical && !query.namesPersonalData && !query.concepts.some((concept) => concept.topical)) {
    // Several specific words found together in one passage still show the policy talks about this.
    const specific = query.concepts.filter((concept) => !concept.weak && concept.alternatives.length > 0).length;
    return specific >= t.coOccurrenceConcepts && top.some((c) => c.coverage >= t.coOccurrenceCoverage);
  }
  // A long question tells a story: each concept past the usual few is more likely an incidental word.
  const conceptCount = query.concepts.filter((concept) => !concept.weak).length;
  const minCoverage = Math.max(t.coveredWeightCoverage, t.minCoverage - t.coverageDropPerConcept * Math.max(0, conceptCount - t.longQuestionConcepts));
  return top.some((c) => c.coverage >= minCoverage || (c.coveredWeight >= t.minCoveredWeight * rareIdf && c.coverage >= t.coveredWeightCoverage));
}

const ownWordsByDocument = new WeakMap<PolicyDocument, ReadonlySet<string>>();

/** The lower-case words of a policy's title ("GitHub", "Privacy"): they name the policy's own company. */
function ownWords(document: PolicyDocument): ReadonlySet<string> {
  let words = ownWordsByDocument.get(document);
  if (words === undefined) {
    words = new Set(document.title.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word !== ''));
    ownWordsByDocument.set(document, words);
  }
  return words;
}
