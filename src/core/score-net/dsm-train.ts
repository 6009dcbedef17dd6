import type { Matrix } from '../matrix';
import { adamStep, createAdam, type Adam } from '../adam';
import { mlpBackward, mlpForward } from '../mlp';
import type { Rng } from '../rng';
import { writeScoreNetInput } from './input';
import { createScoreNetScratch, type ScoreNet, type ScoreNetConfig, type ScoreNetScratch } from './network';

/*
 * Training a ScoreNet by denoising score matching: minibatches of (data point, log-uniform σ, z) triples, the
 * noise-prediction loss of network.ts, and Adam with a cosine learning-rate decay.
 */

export interface DsmTrainer {
  net: ScoreNet;
  opt: Adam;
  batch: number;
  /** Total planned steps (sets the cosine learning-rate decay). */
  steps: number;
  grad: Float64Array;
  scratch: ScoreNetScratch;
  /** Noise targets z of the current batch (B×d). */
  z: Float64Array;
  dOut: Float64Array;
  /** Noisy inputs x̃ (B×d) and their σ (B) of the current batch. */
  xt: Float64Array;
  sig: Float64Array;
}

/**
 * Sets up training: Adam at learning rate `lr`, decayed by a cosine to lr/10 over `steps` updates, on batches of
 * `batch` (data point, σ, z) triples.
 */
export function createDsmTrainer(net: ScoreNet, { lr = 2e-3, batch = 128, steps = 2000 }: { lr?: number; batch?: number; steps?: number } = {}): DsmTrainer {
  if (!(Number.isInteger(batch) && batch >= 1)) throw new Error(`batch: must be a positive integer (got ${batch})`);
  const n = net.mlp.params.length;
  const d = net.config.dim;
  return {
    net,
    opt: createAdam(n, lr),
    batch,
    steps,
    grad: new Float64Array(n),
    scratch: createScoreNetScratch(net, batch),
    z: new Float64Array(batch * d),
    dOut: new Float64Array(batch * d),
    xt: new Float64Array(batch * d),
    sig: new Float64Array(batch),
  };
}

/**
 * One Adam step on a fresh minibatch drawn from `data` (K×d rows) with the rng. Returns the minibatch DSM loss
 * (1/B) Σ_b ‖ε̂_b − z_b‖² measured before the update. Mutates the network's weights and the trainer.
 */
export function dsmTrainStep(tr: DsmTrainer, data: Matrix, rng: Rng): number {
  const { net, batch: B, scratch, z, dOut, grad } = tr;
  const c = net.config;
  const d = c.dim;
  if (data.cols !== d) throw new Error(`data: dimension ${data.cols}, the network expects ${d}`);
  const inDim = net.mlp.sizes[0];
  const lo = Math.log(c.sigmaMin);
  const hi = Math.log(c.sigmaMax);
  const xt = new Float64Array(d);
  const xtAll = tr.xt;
  const sig = tr.sig;
  for (let b = 0; b < B; b++) {
    const m = Math.min(data.rows - 1, Math.floor(rng.uniform() * data.rows));
    const sigma = Math.exp(lo + (hi - lo) * rng.uniform());
    for (let i = 0; i < d; i++) {
      const zi = rng.normal();
      z[b * d + i] = zi;
      xt[i] = data.data[m * d + i] + sigma * zi;
      xtAll[b * d + i] = xt[i];
    }
    sig[b] = sigma;
    writeScoreNetInput(c, xt, 0, sigma, scratch.input, b * inDim);
  }
  const y = mlpForward(net.mlp, scratch.input, B, scratch.ws);
  let loss = 0;
  const x0 = c.param === 'x0';
  for (let i = 0; i < B * d; i++) {
    // ε̂ = F (eps) or (x̃ − F)/σ (x0); dLoss/dF = 2(ε̂ − z)/B · dε̂/dF.
    const sb = sig[(i / d) | 0];
    const e = x0 ? (xtAll[i] - y[i]) / sb : y[i];
    const r = e - z[i];
    loss += r * r;
    dOut[i] = x0 ? (-2 * r) / (B * sb) : (2 * r) / B;
  }
  grad.fill(0);
  mlpBackward(net.mlp, dOut, B, scratch.ws, grad);
  const t = Math.min(1, tr.opt.t / Math.max(1, tr.steps));
  const lr = tr.opt.lr * (0.1 + 0.45 * (1 + Math.cos(Math.PI * t)));
  adamStep(tr.opt, net.mlp.params, grad, lr);
  return loss / B;
}

/**
 * The DSM loss E‖σ s(ξ + σz, σ) + z‖² of any score function on a fixed, seeded set of `n` (ξ, σ, z) draws, so the
 * learned network and the exact score of the smoothed training set can be compared on the same noise. For the
 * exact score this is the irreducible part of the loss: no network can go below it on these draws.
 */
export function dsmLossOf(score: (xs: Float64Array, sigma: number, out: Float64Array) => Float64Array, data: Matrix, c: ScoreNetConfig, rng: Rng, n = 2000): number {
  const d = data.cols;
  const lo = Math.log(c.sigmaMin);
  const hi = Math.log(c.sigmaMax);
  const x = new Float64Array(d);
  const s = new Float64Array(d);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const m = Math.min(data.rows - 1, Math.floor(rng.uniform() * data.rows));
    const sigma = Math.exp(lo + (hi - lo) * rng.uniform());
    const z = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      z[i] = rng.normal();
      x[i] = data.data[m * d + i] + sigma * z[i];
    }
    score(x, sigma, s);
    for (let i = 0; i < d; i++) {
      const r = sigma * s[i] + z[i];
      total += r * r;
    }
  }
  return total / n;
}
