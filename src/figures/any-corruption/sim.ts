import {
  amDescentStep,
  corruptImage,
  createRng,
  damRecall,
  lseEnergy,
  matrixFromRows,
  patternOverlaps,
  tweedieDenoise,
  type CorruptionKind,
  type Matrix,
} from '../../core';
import { builtinPatterns, BUILTIN_PICTURES } from '../../lib/patterns/builtins';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const SIDE = 16;
export const KINDS: { kind: CorruptionKind; label: string }[] = [
  { kind: 'noise', label: 'Gaussian noise' },
  { kind: 'mask', label: 'masked (inpainting)' },
  { kind: 'blur', label: 'blur' },
  { kind: 'pixelate', label: 'pixelation' },
];

export interface Row {
  kind: CorruptionKind;
  x0: Float64Array;
  /** The associative memory's state, descending E_β. */
  x: Float64Array;
  grad: Float64Array;
  /** The one-step denoiser of the smoothed empirical distribution, D_σ(x0) = ξᵀ softmax(−‖x0 − ξ‖²/2σ²). */
  oneStep: Float64Array;
  /** The binary dense associative memory (Krotov–Hopfield, F = exp) started from sign(x0). */
  dam: Float64Array;
  energies: number[];
  move: number;
}

/** Which memory is nearest by overlap (cosine), and how close. */
export function bestMatch(memories: Matrix, x: Float64Array): { index: number; overlap: number } {
  const m = patternOverlaps(memories, x);
  let norm = 0;
  for (let i = 0; i < x.length; i++) norm += x[i] * x[i];
  norm = Math.sqrt(norm) || 1;
  const scale = Math.sqrt(memories.cols);
  let best = 0;
  for (let k = 1; k < m.length; k++) if (m[k] > m[best]) best = k;
  // patternOverlaps returns the raw ξ·x; every ξ has norm √N, so this is a cosine.
  return { index: best, overlap: m[best] / (scale * norm) };
}

/** Four corrupted copies of one stored picture, each recalled three ways. All state in typed arrays. */
export class AnyCorruption {
  memories: Matrix = matrixFromRows(builtinPatterns(2, SIDE));
  rows: Row[] = [];
  beta = 1;
  t = 0;
  target = 0;

  reset(p: Params, seed: number): void {
    this.memories = matrixFromRows(builtinPatterns(p.memories, SIDE));
    this.beta = 1 / (p.sigma * p.sigma);
    this.target = p.memory - 1;
    const clean = this.memories.data.subarray(this.target * this.memories.cols, (this.target + 1) * this.memories.cols);
    const d = this.memories.cols;
    this.rows = KINDS.map(({ kind }, k) => {
      const rng = createRng(seed * 31 + k);
      const x0 = corruptImage(kind, clean, SIDE, SIDE, p.strength, rng, new Float64Array(d));
      const probe = Float64Array.from(x0, (v) => (v > 0 ? 1 : -1));
      const dam = damRecall(this.memories, probe, { kind: 'exp' }, { rng: createRng(seed * 97 + k), maxSweeps: 50 }).state;
      return {
        kind,
        x0,
        x: Float64Array.from(x0),
        grad: new Float64Array(d),
        oneStep: tweedieDenoise(x0, this.memories, p.sigma),
        dam,
        energies: [lseEnergy(x0, this.memories, this.beta)],
        move: Infinity,
      };
    });
    this.t = 0;
  }

  step(p: Params): boolean {
    let done = true;
    for (const r of this.rows) {
      r.move = amDescentStep(r.x, this.memories, this.beta, p.alpha, r.grad);
      r.energies.push(lseEnergy(r.x, this.memories, this.beta));
      if (r.move > 1e-4) done = false;
    }
    this.t++;
    return done;
  }

  /** Recalled = the nearest stored picture is the target, with cosine overlap above 0.9. */
  recalled(b: { index: number; overlap: number }): boolean {
    return b.index === this.target && b.overlap > 0.9;
  }

  pictureName(i: number): string {
    return BUILTIN_PICTURES[i]?.name ?? `picture ${i + 1}`;
  }

  describe(): string {
    const name = this.pictureName(this.target);
    const parts = this.rows.map((r, k) => {
      const am = bestMatch(this.memories, r.x);
      const one = bestMatch(this.memories, r.oneStep);
      const dam = bestMatch(this.memories, r.dam);
      const v = (b: { index: number; overlap: number }) => (this.recalled(b) ? 'recalls' : 'misses');
      return `${KINDS[k].label}: descent ${v(am)} it (overlap ${am.overlap.toFixed(2)}), one-step denoiser ${v(one)} it (${one.overlap.toFixed(2)}), binary DAM ${v(dam)} it`;
    });
    const settled = this.rows.every((r) => r.move <= 1e-4);
    return `The ${name}, after ${this.t} descent steps${settled ? ' (settled)' : ''}. ${parts.join('; ')}.`;
  }
}
