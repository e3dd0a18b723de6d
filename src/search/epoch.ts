/** Round numbers stay below this, well inside the range of the `Uint32Array` marks. */
const EPOCH_LIMIT = 0xfffffff0;

/**
 * The next round number for scratch marks that are never cleared between rounds (an entry is marked in the current
 * round when it holds the round's number). When the numbers would run out of range, the marks are zeroed and
 * counting starts again at 1, so a mark of an old round can never pass for the current one.
 *
 * @example
 * const marks = new Uint32Array(8);
 * let epoch = nextEpoch(0, [marks]); // => 1
 * marks[3] = epoch; // entry 3 is marked in round 1; in round 2 it is not, with no clearing in between
 */
export function nextEpoch(epoch: number, marks: readonly Uint32Array[]): number {
  if (epoch + 1 < EPOCH_LIMIT) return epoch + 1;
  for (const mark of marks) mark.fill(0);
  return 1;
}
