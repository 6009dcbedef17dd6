import { corruptPattern, createRng, matrixFromData, PatternRecaller, type RecallRule } from '../../core';
import type { Params } from './sim';

/* The recall rule the props choose, and a warm-up that compiles its loops before the reader's first sweep. */

/** The recall rule the `memory` and `n` props choose. */
export function ruleOf(p: Pick<Params, 'memory' | 'n'>): RecallRule {
  if (p.memory === 'classical') return { kind: 'classical' };
  if (p.memory === 'exp') return { kind: 'exp', beta: 1 };
  return { kind: p.memory === 'rectified' ? 'rectified' : 'poly', n: p.n };
}

/** The rules whose recall loops have been warmed up (see PictureMemory.warmUp). */
const warmed = new Set<string>();
const warmKey = (p: Pick<Params, 'memory' | 'n'>) => (p.memory === 'classical' || p.memory === 'exp' ? p.memory : `${p.memory}${p.n}`);

  /**
   * Runs a few sweeps of a small throwaway memory with the same rule (own seed; the figure's state and random
   * streams are untouched), so that the JavaScript engine has compiled the recall loops before the reader's first
   * sweep of a large memory, which would otherwise run in unoptimised code for tens of milliseconds in one frame.
   */
export function warmUp(p: Pick<Params, 'memory' | 'n'>): void {
    if (isWarm(p)) return;
    warmed.add(warmKey(p));
    const N = 512;
    const K = 24;
    const rng = createRng(12345);
    const data = new Float64Array(K * N);
    for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < 0.5 ? -1 : 1;
    const r = new PatternRecaller(matrixFromData(K, N, data), corruptPattern(data.subarray(0, N), 0.3, rng), ruleOf(p), rng);
    for (let k = 0; k < 6; k++) {
      r.sweep();
      if (r.converged) r.reset(corruptPattern(data.subarray(k * N, (k + 1) * N), 0.3, rng));
    }
  }

  /** True once warmUp has run for this rule in this page. */
export function isWarm(p: Pick<Params, 'memory' | 'n'>): boolean {
    return warmed.has(warmKey(p));
  }

