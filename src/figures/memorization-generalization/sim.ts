import {
  createRng,
  createScoreNet,
  createScoreNetScratch,
  GENERALIZED,
  karrasSigmas,
  MEMORIZED,
  scoreNetPolish,
  scoreNetSampleStep,
  scoreNetScoreBatch,
  SPURIOUS,
  type ScoreNet,
  type ScoreNetScratch,
} from '../../core';
import type { TrainedRun } from '../../workers/train-score.worker';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
/** The shipped sweep of trained runs, under public/ (fetched by the figure, read from disk by the build's poster). */
export const DATA_URL = 'data/memorization.json';
export const PLANE = { x0: -1.6, x1: 1.6, y0: -1.6, y1: 1.6 };
export const CLASS_NAMES = ['memorized', 'spurious', 'generalized'] as const;
/** Sampler steps (Karras schedule) and settling iterations, as in src/core/ring-experiment.ts. */
export const SAMPLE_STEPS = 40;
export const POLISH_ITERS = 200;
export const POLISH_PER_STEP = 5;

/** The shipped sweep, as written by src/scripts/precompute-memorization.ts. */
export interface PrecomputedFile {
  about: string;
  seed: number;
  seeds: number[];
  steps: number;
  widths: number[];
  ks: number[];
  classify: { deltaM: number; gainMax: number };
  samples: number;
  runs: EncodedRun[];
}

/**
 * A run as the shipped JSON holds it: the same fields as TrainedRun, with arrays as JSON lists (weights as
 * float32 base64, labels as a digit string). The arrays are present only for runs shipped with their weights.
 */
export type EncodedRun = Omit<TrainedRun, 'fractions' | 'data' | 'samples' | 'labels' | 'gains' | 'attractors' | 'params' | 'source'> & {
  fractions: number[];
  data?: number[];
  samples?: number[];
  labels?: string;
  gains?: number[];
  attractors?: TrainedRun['attractors'];
  params?: string;
};

/** One run's numbers: what the phase plot averages over seeds. */
export type RunStats = Pick<TrainedRun, 'K' | 'width' | 'seed' | 'fractions'>;

function base64Float32(s: string): Float64Array {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return Float64Array.from(new Float32Array(bytes.buffer));
}

/** Decodes the shipped JSON: the runs the figure draws (weights from float32 base64), and every run's numbers. */
export function decodeRuns(file: PrecomputedFile): { drawable: TrainedRun[]; stats: RunStats[] } {
  const stats = file.runs.map((r) => ({ K: r.K, width: r.width, seed: r.seed, fractions: [r.fractions[0], r.fractions[1], r.fractions[2]] as [number, number, number] }));
  const drawable = file.runs
    .filter((r) => r.params && r.data && r.samples && r.labels && r.gains && r.attractors)
    .map((r) => ({
      ...r,
      fractions: [r.fractions[0], r.fractions[1], r.fractions[2]] as [number, number, number],
      data: Float64Array.from(r.data!),
      samples: Float64Array.from(r.samples!),
      labels: Uint8Array.from(r.labels!, (c) => Number(c)),
      gains: Float64Array.from(r.gains!),
      attractors: r.attractors!,
      params: base64Float32(r.params!),
      source: 'precomputed' as const,
    }));
  return { drawable, stats };
}

/**
 * Mean fractions per (width, K) over every seed available, for the phase plot. Live runs count as one more seed
 * unless the same (width, K, seed) is already there. Returns width → points sorted by K, with the seed count.
 */
export function phaseCurves(stats: RunStats[], live: TrainedRun[]): Map<number, { K: number; fractions: [number, number, number]; seeds: number }[]> {
  const all = [...stats];
  for (const r of live) if (!all.some((s) => s.K === r.K && s.width === r.width && s.seed === r.seed)) all.push({ K: r.K, width: r.width, seed: r.seed, fractions: r.fractions });
  const groups = new Map<string, RunStats[]>();
  for (const s of all) {
    const k = runKey(s.width, s.K);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(s);
  }
  const out = new Map<number, { K: number; fractions: [number, number, number]; seeds: number }[]>();
  for (const g of groups.values()) {
    const f: [number, number, number] = [0, 1, 2].map((c) => g.reduce((a, s) => a + s.fractions[c], 0) / g.length) as [number, number, number];
    const w = g[0].width;
    if (!out.has(w)) out.set(w, []);
    out.get(w)!.push({ K: g[0].K, fractions: f, seeds: g.length });
  }
  for (const list of out.values()) list.sort((a, b) => a.K - b.K);
  return out;
}

export const runKey = (width: number, K: number) => `${width}:${K}`;

/**
 * Where the replay may find its states computed ahead (the figure's worker, replay.client.ts): the samples after
 * update `step` (1-based) of `run`'s replay, or undefined when not there (yet). Every replay of a run starts from
 * the same noise, so one computation serves every replay of it.
 */
export interface StepSource {
  after(run: TrainedRun, step: number): Float64Array | undefined;
}

/**
 * Replays the sampler of one trained run in the main thread, one step per frame: the same starting noise as the
 * precompute (seed stream 4·seed + 4), Euler probability-flow steps down the Karras schedule, then the settling
 * iterations of the learned denoiser. When done, the figure shows the run's classified samples. With `ahead`,
 * an update whose result it already holds copies it instead of computing it: the same numbers (the
 * worker runs this very code on the same inputs), without the main thread's time.
 */
export class Replay {
  run: TrainedRun | null = null;
  net: ScoreNet | null = null;
  xs = new Float64Array(0);
  eps = new Float64Array(0);
  sigmas: number[] = [];
  /** Sampler steps done; then settling iterations done. */
  i = 0;
  polished = 0;
  /** States computed ahead, or null (then every update is computed here, as in Node). */
  ahead: StepSource | null = null;
  private scratch: ScoreNetScratch | null = null;

  load(run: TrainedRun | null): void {
    this.run = run;
    this.net = run ? createScoreNet(run.config, null, run.params) : null;
    this.scratch = this.net ? createScoreNetScratch(this.net, 256) : null;
    this.reset();
  }

  reset(): void {
    const run = this.run;
    if (!run || !this.net) {
      this.xs = new Float64Array(0);
      return;
    }
    const n = run.samples.length / 2;
    const rng = createRng(run.seed * 4 + 4);
    this.xs = new Float64Array(2 * n);
    for (let i = 0; i < this.xs.length; i++) this.xs[i] = run.config.sigmaMax * rng.normal();
    this.eps = new Float64Array(2 * n);
    this.sigmas = karrasSigmas(SAMPLE_STEPS, run.config.sigmaMin, run.config.sigmaMax);
    this.i = 0;
    this.polished = 0;
  }

  get done(): boolean {
    return !this.run || this.polished >= POLISH_ITERS;
  }

  /** Current noise level of the replay (0 once the sampler has finished). */
  get sigma(): number {
    return this.i < this.sigmas.length - 1 ? this.sigmas[this.i] : 0;
  }

  /** Updates done since the start: sampler steps, then settling steps of POLISH_PER_STEP iterations. */
  get updates(): number {
    return this.i + this.polished / POLISH_PER_STEP;
  }

  /** One sampler step, or POLISH_PER_STEP settling iterations; true when finished. */
  step(): boolean {
    if (!this.run || !this.net) return true;
    const held = this.done ? undefined : this.ahead?.after(this.run, this.updates + 1);
    const ahead = held && held.length === this.xs.length ? held : undefined;
    if (ahead) this.xs.set(ahead);
    if (this.i < this.sigmas.length - 1) {
      if (!ahead) scoreNetSampleStep(this.net, this.xs, this.sigmas[this.i], this.sigmas[this.i + 1], this.eps, this.scratch ?? undefined);
      this.i++;
      return false;
    }
    if (this.polished < POLISH_ITERS) {
      if (!ahead) scoreNetPolish(this.net, this.xs, this.run.config.sigmaMin, POLISH_PER_STEP, this.scratch ?? undefined);
      this.polished += POLISH_PER_STEP;
    }
    return this.done;
  }

  /** The learned score s_θ(x, σ) on a lattice of points (flat x, y), for the arrow field. */
  field(points: Float64Array, sigma: number): Float64Array {
    const out = new Float64Array(points.length);
    if (!this.net) return out;
    return scoreNetScoreBatch(this.net, points, sigma, out, this.scratch ?? undefined);
  }

  describe(p: Params): string {
    const run = this.run;
    if (!run) return `No result yet for K = ${p.K} at width ${p.width}: train it to see where its samples land.`;
    const [m, s, g] = run.fractions;
    const pct = (v: number) => `${Math.round(100 * v)}%`;
    const phase = m >= 0.5 ? 'memorization' : g >= 0.5 ? 'generalization' : 'the boundary between the two';
    const state = this.done
      ? ''
      : this.i < this.sigmas.length - 1
        ? ` Replaying the sampler: σ = ${this.sigma.toFixed(3)}.`
        : ` Settling on the learned attractors: ${this.polished} of ${POLISH_ITERS} recall steps.`;
    return `K = ${run.K}, width ${run.width} (${run.source}): ${pct(m)} memorized, ${pct(s)} spurious, ${pct(g)} generalized — ${phase}. DSM loss ${run.heldOutLoss.toFixed(3)} (exact smoothed score: ${run.exactLoss.toFixed(3)}).${state}`;
  }
}

export { MEMORIZED, SPURIOUS, GENERALIZED };
