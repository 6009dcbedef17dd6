import { matrixFromData, type Matrix } from '../matrix';
import type { Rng } from '../rng';

/*
 * Patterns assembled from reusable parts: the features are split into windows, each window has a few candidate
 * ±1 parts, and each pattern picks one part per window. Patterns then share pieces, the structure a hierarchical
 * memory can exploit.
 */

/** Which part each of four patterns takes in each of three windows: every two patterns share exactly one part. */
export const FOUR_FROM_PARTS: number[][] = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];

/**
 * Draws `partsPerWindow` random ±1 parts of length `width` for each window, orthogonal to each other (so a part detector is silent on the others) and
 * assembles one pattern per row of `choice` (choice[μ][window] = part index). Returns the patterns (rows × windows·width)
 * and the parts (windows·partsPerWindow × width, window-major). Uses `rng`; throws if width is odd or below 2 (orthogonal ±1 vectors need an even length).
 */
export function patternsFromParts(choice: number[][], width: number, partsPerWindow: number, rng: Rng): { patterns: Matrix; parts: Matrix } {
  if (!(Number.isInteger(width) && width >= 2 && width % 2 === 0)) throw new Error(`width: need an even number of features per window, at least 2 (got ${width})`);
  const windows = choice[0]?.length ?? 0;
  const parts = new Float64Array(windows * partsPerWindow * width);
  for (let win = 0; win < windows; win++) {
    for (let c = 0; c < partsPerWindow; c++) {
      const at = (win * partsPerWindow + c) * width;
      for (;;) {
        for (let t = 0; t < width; t++) parts[at + t] = rng.uniform() < 0.5 ? -1 : 1;
        let clash = false;
        for (let e = 0; e < c && !clash; e++) {
          let dot = 0;
          for (let t = 0; t < width; t++) dot += parts[at + t] * parts[(win * partsPerWindow + e) * width + t];
          clash = dot !== 0;
        }
        if (!clash) break;
      }
    }
  }
  const n = windows * width;
  const data = new Float64Array(choice.length * n);
  choice.forEach((row, mu) => {
    row.forEach((c, win) => {
      if (!(Number.isInteger(c) && c >= 0 && c < partsPerWindow)) throw new Error(`choice[${mu}][${win}]: must be a part index below ${partsPerWindow} (got ${c})`);
      data.set(parts.subarray((win * partsPerWindow + c) * width, (win * partsPerWindow + c + 1) * width), mu * n + win * width);
    });
  });
  return { patterns: matrixFromData(choice.length, n, data), parts: matrixFromData(windows * partsPerWindow, width, parts) };
}
