import { createParticleScratch, createRng, energyDescentStepBatch, lseEnergy, lseGradBatch, matrixFromData, sampleGrid, scatterUniform, type Domain, type Grid, type Matrix } from '../../core';
import { placeMemories as placeMemoriesFrom } from '../../core/placement';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
/** Above this many particles the figure says it may drop below 60 frames per second. */
export const HEAVY_PARTICLES = 4000;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };

/** Memories scattered by the seed, kept away from the border so every valley is visible. */
export function placeMemories(k: number, seed: number): Matrix {
  return matrixFromData(k, 2, placeMemoriesFrom(k, seed, 'energy-landscape.memories', { kind: 'square', half: 2.2 }));
}

/** The figure's state: particle positions and the gradient scratch, all typed arrays. */
export class Descent {
  memories: Matrix = placeMemories(1, 1);
  xs = new Float64Array(0);
  scratch = createParticleScratch(0);
  n = 0;
  lastMove = Infinity;

  reset(p: Params, seed: number): void {
    this.memories = placeMemories(p.memories, seed);
    const rng = createRng(seed);
    this.n = p.particles;
    this.xs = new Float64Array(2 * this.n);
    this.scratch = createParticleScratch(2 * this.n);
    scatterUniform(this.xs, DOMAIN, rng);
    this.lastMove = Infinity;
  }

  /** x ← x − α∇E(x) for every particle; returns true when no particle moved more than 10⁻⁴. */
  step(p: Params): boolean {
    const beta = p.beta;
    this.lastMove = energyDescentStepBatch((xs, out) => lseGradBatch(xs, this.memories, beta, out), this.xs, p.alpha, this.scratch);
    return this.lastMove < 1e-4;
  }

  /** Adds particles around (x, y), e.g. where the reader clicked. */
  drop(x: number, y: number, count: number, seed: number): void {
    const rng = createRng(seed);
    const xs = new Float64Array(this.xs.length + 2 * count);
    xs.set(this.xs);
    for (let i = 0; i < count; i++) {
      xs[this.xs.length + 2 * i] = x + 0.08 * rng.normal();
      xs[this.xs.length + 2 * i + 1] = y + 0.08 * rng.normal();
    }
    this.xs = xs;
    this.scratch = createParticleScratch(xs.length);
    this.n += count;
    this.lastMove = Infinity;
  }

  grid(beta: number, res = 120): Grid {
    return sampleGrid((x, y) => lseEnergy([x, y], this.memories, beta), DOMAIN, res, res);
  }

  /** Whether every particle has stopped (moved less than 10⁻⁴ in the last step), and a warning past the smooth range. */
  describe(p: Params): string {
    const settled = this.lastMove < 1e-4;
    // Measured in Chromium at 1280 px: 3,000 particles keep p95 frame work near 8 ms; 5,000 reach 36 ms.
    const heavy = this.n > HEAVY_PARTICLES ? ` Heavy setting: ${this.n.toLocaleString('en-US')} particles may run below 60 frames per second on a slow device.` : '';
    return `${this.n} particles descending E with β = ${p.beta} and ${p.memories} memories; ${settled ? 'all have settled in a valley' : 'still moving'}.${heavy}`;
  }
}
