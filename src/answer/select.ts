/**
 * Stage 5 of the answerer, selection: which of the ranked passages to quote, in which order, with which score.
 */
import type { RankingOptions } from './options.js';
import type { RankedCandidate } from './rank.js';

/** A chosen passage and its relevance in [0, 1], comparable across questions. */
export interface SelectedPassage {
  candidate: RankedCandidate;
  relevance: number;
}

/**
 * Picks up to `top` passages, distinct sections first, then more of the same sections, best rank first. A later
 * passage must be relevant in its own right: ranked near the best one and covering nearly as much of the question,
 * not just sharing one of its words ("record your consent" for "how long do you keep…").
 *
 * @example
 * selectPassages(ranker.rank(query, 12), 3, defaultRankingOptions).map((s) => s.candidate.passage.section)
 */
export function selectPassages(candidates: readonly RankedCandidate[], top: number, options: RankingOptions): SelectedPassage[] {
  const best = candidates[0];
  if (best === undefined) return [];
  const { relativeFloor, secondaryRankRatio, secondaryCoverageRatio } = options;
  const relevant = candidates.filter(
    (c) => c === best || (c.rank >= best.rank * Math.max(relativeFloor, secondaryRankRatio) && c.coverage >= best.coverage * secondaryCoverageRatio),
  );
  const chosen: RankedCandidate[] = [];
  const sections = new Set<string>();
  for (const candidate of relevant) {
    if (chosen.length >= top) break;
    const key = `${candidate.passage.documentId}#${candidate.passage.sectionId}`;
    if (sections.has(key)) continue;
    sections.add(key);
    chosen.push(candidate);
  }
  for (const candidate of relevant) {
    if (chosen.length >= top) break;
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  chosen.sort((a, b) => b.rank - a.rank);
  return scoreSelected(chosen);
}

/**
 * The best passage scores its coverage (comparable across questions); the others are scaled by their rank relative
 * to it and never score above a better-ranked passage.
 */
function scoreSelected(chosen: readonly RankedCandidate[]): SelectedPassage[] {
  const best = chosen[0];
  if (best === undefined) return [];
  let previous = best.coverage;
  return chosen.map((candidate) => {
    const relevance = Math.min(previous, Math.min(candidate.coverage, best.coverage) * (0.5 + (0.5 * candidate.rank) / best.rank));
    previous = relevance;
    return { candidate, relevance };
  });
}
