import {
  createParticleScratch,
  createRng,
  gaussianMixture,
  geometricSigmas,
  langevinStepBatch,
  matrixFromRows,
  mixtureLogDensity,
  mixtureScoreBatch,
  nearestComponentFractions,
  sampleGrid,
  type BatchScoreFn,
  type Domain,
  type GaussianMixture,
  type Grid,
  type ParticleScratch,
  type Rng,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -4, x1: 4, y0: -4, y1: 4 };
export const SIGMA_MAX = 3;
export const SIGMA_MIN = 0.1;
/** Both components have this spread; the two basins are mirror images, so only the weights differ. */
export const COMPONENT_STD = 0.35;
export const MEANS = matrixFromRows([
  [-1.8, -1.8],
  [1.8, 1.8],
]);

export function mixtureOf(weight: number): GaussianMixture {
  return gaussianMixture(MEANS, [weight, 1 - weight], COMPONENT_STD);
}

/**
 * Two runs from the same uniform start: NCSN's annealed Langevin (σ₁ → σ_L, T steps each, α_i = ε σ_i²/σ_L²) and
 * plain Langevin at σ_L with α = ε for the same total number of steps. All stepping is core `langevinStepBatch`
 * with the mixture's exact score (core `mixtureScoreBatch`).
 */
export class AnnealedLangevin {
  mix: GaussianMixture = mixtureOf(0.8);
  sigmas: number[] = [];
  annealed = new Float64Array(0);
  single = new Float64Array(0);
  n = 0;
  /** Steps taken so far (same for both runs). */
  t = 0;
  total = 0;
  rngA: Rng = createRng(1);
  rngS: Rng = createRng(2);
  scratch: ParticleScratch = createParticleScratch(0);
  score: BatchScoreFn = (xs, s, out) => mixtureScoreBatch(this.mix, xs, s, out);
  fracAnnealed: Float64Array<ArrayBufferLike> = new Float64Array(2);
  fracSingle: Float64Array<ArrayBufferLike> = new Float64Array(2);
  /** −log p_σ grids, one per level (annealed) and at σ_L (single), rebuilt when the weight or L change. */
  grids: Grid[] = [];
  private gridKey = '';

  reset(p: Params, seed: number): void {
    this.mix = mixtureOf(p.weight);
    this.sigmas = geometricSigmas(p.levels, SIGMA_MIN, SIGMA_MAX);
    this.n = p.particles;
    const rng = createRng(seed);
    this.annealed = new Float64Array(2 * this.n);
    for (let i = 0; i < this.annealed.length; i++) this.annealed[i] = DOMAIN.x0 + (DOMAIN.x1 - DOMAIN.x0) * rng.uniform();
    this.single = this.annealed.slice();
    this.rngA = createRng(seed * 2 + 1);
    this.rngS = createRng(seed * 2 + 2);
    this.scratch = createParticleScratch(2 * this.n);
    this.t = 0;
    this.total = p.levels * p.stepsPerLevel;
    this.measure();
    const key = `${p.weight}|${p.levels}`;
    if (key !== this.gridKey) {
      this.grids = this.sigmas.map((s) => sampleGrid((x, y) => -mixtureLogDensity(this.mix, [x, y], s), DOMAIN, 64, 64));
      this.gridKey = key;
    }
  }

  /** The level index and σ the annealed run is at after `t` steps. */
  level(p: Params, t = this.t): number {
    return Math.min(p.levels - 1, Math.floor(t / p.stepsPerLevel));
  }

  step(p: Params): boolean {
    if (this.t >= this.total) return true;
    const i = this.level(p);
    const sL = this.sigmas[this.sigmas.length - 1];
    const s = this.sigmas[i];
    langevinStepBatch(this.score, this.annealed, s, (p.eps * s * s) / (sL * sL), this.rngA, this.scratch);
    langevinStepBatch(this.score, this.single, sL, p.eps, this.rngS, this.scratch);
    this.t++;
    if (this.t % 5 === 0 || this.t >= this.total) this.measure();
    return this.t >= this.total;
  }

  measure(): void {
    this.fracAnnealed = nearestComponentFractions(this.mix, this.annealed);
    this.fracSingle = nearestComponentFractions(this.mix, this.single);
  }

  describe(p: Params): string {
    const pct = (v: number) => `${(100 * v).toFixed(0)}%`;
    const i = this.level(p);
    const head = this.t >= this.total ? 'Finished' : `Step ${this.t} of ${this.total}, level ${i + 1} of ${p.levels} (σ = ${this.sigmas[i].toPrecision(2)})`;
    const heavy = p.particles > 5000 ? ` Heavy setting: 2 × ${p.particles.toLocaleString('en-US')} particles per step may run below 60 frames per second on a slow device.` : '';
    return `${head}. Lower-left share: annealed ${pct(this.fracAnnealed[0])}, single small σ ${pct(this.fracSingle[0])}; true weight w₁ = ${pct(p.weight)}.${heavy}`;
  }
}
