import type { Matrix } from '../matrix';
import { basinEnergy, type BasinSeparation } from './energy';

/** Samples of the unit circle used for the boundary descent (0.25° apart). */
export const CIRCLE_SAMPLES = 1440;

/**
 * Descent along the unit circle, where the flow of a basin map is one-dimensional: samples E(θ) at
 * CIRCLE_SAMPLES angles and, for every sample, walks downhill to the local minimum of E(θ) it reaches.
 * Returns that minimum's sample index per sample (a new Int32Array). Costs O(CIRCLE_SAMPLES·K).
 */
export function circleSinks(memories: Matrix, F: BasinSeparation): Int32Array {
  const M = CIRCLE_SAMPLES;
  const e = new Float64Array(M);
  for (let j = 0; j < M; j++) {
    const t = (2 * Math.PI * j) / M;
    e[j] = basinEnergy(Math.cos(t), Math.sin(t), memories, F);
  }
  const sink = new Int32Array(M).fill(-1);
  const path = new Int32Array(M);
  for (let j = 0; j < M; j++) {
    let c = j;
    let len = 0;
    for (let guard = 0; guard < M; guard++) {
      if (sink[c] >= 0) {
        c = sink[c];
        break;
      }
      path[len++] = c;
      const l = (c + M - 1) % M;
      const r = (c + 1) % M;
      const next = e[l] < e[c] && e[l] <= e[r] ? l : e[r] < e[c] ? r : c;
      if (next === c) break;
      c = next;
    }
    // Every sample on the walk drains to the same minimum.
    for (let q = 0; q < len; q++) sink[path[q]] = c;
  }
  return sink;
}
