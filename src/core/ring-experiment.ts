import { createRng, type Rng } from './rng';
import type { Matrix } from './matrix';
import { sampleRing } from './datasets/ring';
import { karrasSigmas } from './diffusion/schedules';
import { smoothedScoreBatch } from './resemblance';
import { createDsmTrainer, dsmLossOf, dsmTrainStep, type DsmTrainer } from './score-net/dsm-train';
import { createScoreNet, createScoreNetScratch, DEFAULT_SCORE_NET, denoiserGain, scoreNetScoreBatch, type ScoreNet, type ScoreNetConfig } from './score-net/network';
import { scoreNetPolish, scoreNetSample } from './score-net/sample';
import { classifySamples, DEFAULT_CLASSIFY, pointAttractors, type Attractor, type ClassifyOptions } from './memorization';

/*
 * Pham et al.'s experiment in the plane (MATH.md §2g, their toy): train a score network on K points drawn from
 * the unit circle, generate samples, and sort them into memorized, spurious and generalized. Every K uses the
 * same number of training steps (as the paper keeps the iteration budget fixed). Deterministic in the seed:
 * the data, the initial weights, the minibatches and the sampler's starting noise each get their own stream.
 *
 * Used by the precompute script (Node) and by the training worker (browser), in chunks so the worker can report
 * progress and be cancelled between chunks.
 */

export interface RingExperimentOptions {
  K: number;
  width: number;
  depth?: number;
  steps?: number;
  batch?: number;
  lr?: number;
  seed?: number;
  /** Generated samples to classify. */
  samples?: number;
  /** Sampler steps (Karras schedule, then a final step to σ = 0). */
  sampleSteps?: number;
  classify?: ClassifyOptions;
  /** Override other score-network settings (σ range, embedding). */
  net?: Partial<ScoreNetConfig>;
}

export const RING_EXPERIMENT_DEFAULTS = { depth: 2, steps: 3000, batch: 128, lr: 3e-3, seed: 1, samples: 400, sampleSteps: 40 } as const;

export interface RingExperimentResult {
  K: number;
  width: number;
  depth: number;
  steps: number;
  seed: number;
  /** Training points, K×2 flat. */
  data: Float64Array;
  /** Settled generated samples, n×2 flat. */
  samples: Float64Array;
  /** Where each sample was before the settling iterations (the sampler's raw output). */
  raw: Float64Array;
  labels: Uint8Array;
  gains: Float64Array;
  fractions: [number, number, number];
  attractors: Attractor[];
  /** Running mean of the minibatch DSM loss over the last 10 % of training. */
  finalLoss: number;
  /** DSM loss E‖σ s + z‖² on 4,000 fixed held-out draws: the network, and the exact smoothed score. */
  heldOutLoss: number;
  exactLoss: number;
  /** Trained weights (flat) and the configuration to rebuild the network. */
  params: Float64Array;
  config: ScoreNetConfig;
}

/** A training run in progress. */
export interface RingExperiment {
  readonly opts: Required<Omit<RingExperimentOptions, 'net' | 'classify'>> & { classify: ClassifyOptions };
  readonly data: Matrix;
  readonly net: ScoreNet;
  readonly trainer: DsmTrainer;
  /** Steps done so far. */
  done: number;
  /** Minibatch losses, one per step. */
  losses: Float32Array;
}

function streams(seed: number): { data: Rng; init: Rng; batch: Rng; noise: Rng; eval: Rng } {
  return { data: createRng(seed * 4 + 1), init: createRng(seed * 4 + 2), batch: createRng(seed * 4 + 3), noise: createRng(seed * 4 + 4), eval: createRng(seed * 4 + 5) };
}

/** Sets up a run: draws the K ring points and initialises the network. Throws naming a bad option. */
export function createRingExperiment(o: RingExperimentOptions): RingExperiment {
  const opts = { ...RING_EXPERIMENT_DEFAULTS, classify: DEFAULT_CLASSIFY, ...o } as RingExperiment['opts'];
  if (!(Number.isInteger(opts.K) && opts.K >= 1 && opts.K <= 100000)) throw new Error(`K: must be an integer in [1, 100000] (got ${opts.K})`);
  if (!(Number.isInteger(opts.steps) && opts.steps >= 1)) throw new Error(`steps: must be a positive integer (got ${opts.steps})`);
  const r = streams(opts.seed);
  const data = sampleRing(opts.K, r.data);
  const config: ScoreNetConfig = { ...DEFAULT_SCORE_NET, ...o.net, width: opts.width, depth: opts.depth };
  const net = createScoreNet(config, r.init);
  const trainer = createDsmTrainer(net, { lr: opts.lr, batch: opts.batch, steps: opts.steps });
  return { opts, data, net, trainer, done: 0, losses: new Float32Array(opts.steps) };
}

const batchRngs = new WeakMap<RingExperiment, Rng>();

/** Runs up to `n` more training steps (never past opts.steps). Returns the number of steps now done. */
export function trainRingExperiment(run: RingExperiment, n: number): number {
  let rng = batchRngs.get(run);
  if (!rng) {
    rng = streams(run.opts.seed).batch;
    batchRngs.set(run, rng);
  }
  const end = Math.min(run.opts.steps, run.done + n);
  for (; run.done < end; run.done++) run.losses[run.done] = dsmTrainStep(run.trainer, run.data, rng);
  return run.done;
}

/**
 * Samples from a trained network and classifies the samples. Pipeline: start at x ~ N(0, σ_max²I); Euler
 * probability-flow steps on the Karras schedule down to σ_min and a last step to σ = 0 (scoreNetSample); then
 * 200 iterations of the learned denoiser at σ_min to settle on its attractor (scoreNetPolish); then the denoiser
 * gain there (denoiserGain) and classifySamples.
 */
export function sampleAndClassify(net: ScoreNet, data: Matrix, n: number, sampleSteps: number, rng: Rng, classify: ClassifyOptions = DEFAULT_CLASSIFY) {
  const c = net.config;
  const xs = new Float64Array(2 * n);
  for (let i = 0; i < xs.length; i++) xs[i] = c.sigmaMax * rng.normal();
  const scratch = createScoreNetScratch(net, Math.min(256, n));
  scoreNetSample(net, xs, karrasSigmas(sampleSteps, c.sigmaMin, c.sigmaMax), scratch);
  const raw = Float64Array.from(xs);
  scoreNetPolish(net, xs, c.sigmaMin, 200, scratch);
  const gains = denoiserGain(net, xs, c.sigmaMin);
  const cls = classifySamples(xs, gains, data, classify);
  return { samples: xs, raw, gains, ...cls, attractors: pointAttractors(xs, cls.labels, 2, 0.05) };
}

/** Finishes a run: samples, classifies and measures the held-out DSM loss. */
export function finishRingExperiment(run: RingExperiment): RingExperimentResult {
  const r = streams(run.opts.seed);
  const { net, data, opts } = run;
  const s = sampleAndClassify(net, data, opts.samples, opts.sampleSteps, r.noise, opts.classify);
  const tail = Math.max(1, Math.floor(run.done / 10));
  let fl = 0;
  for (let i = run.done - tail; i < run.done; i++) fl += run.losses[i];
  const heldOutLoss = dsmLossOf((x, sg, out) => scoreNetScoreBatch(net, x, sg, out), data, net.config, createRng(opts.seed * 4 + 5), 4000);
  const exactLoss = dsmLossOf((x, sg, out) => smoothedScoreBatch(x, data, sg, out), data, net.config, r.eval, 4000);
  return {
    K: opts.K,
    width: opts.width,
    depth: opts.depth,
    steps: run.done,
    seed: opts.seed,
    data: Float64Array.from(data.data),
    samples: s.samples,
    raw: s.raw,
    labels: s.labels,
    gains: s.gains,
    fractions: s.fractions,
    attractors: s.attractors,
    finalLoss: fl / tail,
    heldOutLoss,
    exactLoss,
    params: Float64Array.from(net.mlp.params),
    config: net.config,
  };
}
