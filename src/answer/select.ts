/**
 * Stage 5 of the answerer, selection: which of the ranked passages to quote, in which order, with which score.
 */
import type { RankingOptions } from './options.js';
import type { RankedCandidate } from './rank.js';

/** A chosen passage, its relevance in [0, 1] (comparable across questions) and whether it answers in its own right. */
export interface SelectedPassage {
  candidate: RankedCandidate;
  relevance: number;
  confidence: 'high' | 'low';
}

/**
 * Picks `top` passages (fewer only when fewer match the question at all), distinct sections first, then more of
 * the same sections, keeping the last slot for another section. A later passage that is not relevant in its own
 * right (ranked well below the best one, or covering much less of the question: "record your consent" for "how long
 * do you keep…") is still returned, marked low-confidence: the asker asked for `top` passages, and the answer may be
 * among them.
 *
 * @example
 * selectPassages(ranker.rank(query, 12), 3, defaultRankingOptions).map((s) => [s.candidate.passage.section, s.confidence])
 */
export function selectPassages(candidates: readonly RankedCandidate[], top: number, options: RankingOptions): SelectedPassage[] {
  const best = candidates[0];
  if (best === undefined) return [];
  const { secondaryRankRatio, secondaryCoverageRatio } = options;
  const confident = (c: RankedCandidate): boolean => c === best || (c.rank >= best.rank * secondaryRankRatio && c.coverage >= best.coverage * secondaryCoverageRatio);
  const chosen: RankedCandidate[] = [];
  const sections = new Set<string>();
  // Confident passages of distinct sections, then more confident ones of the same sections but for the last slot,
  // which goes to another section if any matches (marked low-confidence), then the rest by rank: one more passage
  // of a section already quoted rarely answers what the others did not, another section may (dev +7 hit@3, none
  // lost; giving every remaining slot to other sections, +9, dropped confident passages of the best section).
  const passes: Array<(c: RankedCandidate) => boolean> = [
    (c) => confident(c) && !sections.has(sectionOf(c)),
    (c) => confident(c) && chosen.length < top - 1,
    (c) => !sections.has(sectionOf(c)),
    (c) => confident(c),
    () => true,
  ];
  for (const accepts of passes) {
    for (const candidate of candidates) {
      if (chosen.length >= top) break;
      if (chosen.includes(candidate) || !accepts(candidate)) continue;
      sections.add(sectionOf(candidate));
      chosen.push(candidate);
    }
  }
  const ordered = [...chosen.filter(confident).sort((a, b) => b.rank - a.rank), ...chosen.filter((c) => !confident(c)).sort((a, b) => b.rank - a.rank)];
  return scoreSelected(ordered).map((selected) => ({ ...selected, confidence: confident(selected.candidate) ? 'high' : 'low' }));
}

function sectionOf(candidate: RankedCandidate): string {
  return `${candidate.passage.documentId}#${candidate.passage.sectionId}`;
}

/**
 * The best passage scores its coverage (comparable across questions); the others are scaled by their rank relative
 * to it and never score above a better-ranked passage.
 */
function scoreSelected(chosen: readonly RankedCandidate[]): Array<Omit<SelectedPassage, 'confidence'>> {
  const best = chosen[0];
  if (best === undefined) return [];
  let previous = best.coverage;
  return chosen.map((candidate) => {
    const relevance = Math.min(previous, Math.min(candidate.coverage, best.coverage) * (0.5 + (0.5 * candidate.rank) / best.rank));
    previous = relevance;
    return { candidate, relevance };
  });
}
