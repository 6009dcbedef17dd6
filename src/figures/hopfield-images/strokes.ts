/*
 * A brush stroke as the arguments of a `paint` edit: the pixels it set, in reading order, as runs of one value.
 * Each run is two numbers, (gap, ±length): the pixels skipped since the end of the previous run (from pixel 0),
 * then the run's length, positive for ink (+1) and negative for paper (−1). A stroke across a 64×64 picture is a
 * few dozen numbers in a link, not one per pixel. Pure TypeScript (no DOM).
 */

/** The most runs one `paint` edit holds; a longer stroke goes on in a new edit. */
export const MAX_STROKE_RUNS = 256;
/** The largest picture side (64): gaps and lengths stay within its N = 4096 pixels. */
export const MAX_PIXELS = 64 * 64;

/** The runs of the pixels a stroke set (pixel index → +1 or −1), as (gap, ±length) pairs. */
export function strokeRuns(values: ReadonlyMap<number, number>): number[] {
  const idx = [...values.keys()].sort((a, b) => a - b);
  const sign = (i: number) => (values.get(i)! > 0 ? 1 : -1);
  const out: number[] = [];
  let end = 0;
  for (let k = 0; k < idx.length; ) {
    const v = sign(idx[k]);
    let j = k + 1;
    while (j < idx.length && idx[j] === idx[j - 1] + 1 && sign(idx[j]) === v) j++;
    out.push(idx[k] - end, v * (j - k));
    end = idx[k] + (j - k);
    k = j;
  }
  return out;
}

/** Writes the runs into the state s. Pixels past its end are ignored, and so is a run of length 0. */
export function applyStrokeRuns(runs: readonly number[], s: Float64Array): void {
  let pos = 0;
  for (let r = 0; r + 1 < runs.length; r += 2) {
    pos += runs[r];
    const len = Math.abs(runs[r + 1]);
    const v = runs[r + 1] > 0 ? 1 : -1;
    for (let k = 0; k < len && pos < s.length; k++) s[pos++] = v;
    if (pos >= s.length) return;
  }
}
