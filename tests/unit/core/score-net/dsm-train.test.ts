import { describe, expect, it } from 'vitest';
import {
  createDsmTrainer,
  createRng,
  createScoreNet,
  DEFAULT_SCORE_NET,
  denoiserGain,
  dsmLossOf,
  dsmTrainStep,
  matrixFromRows,
  scoreNetPolish,
  scoreNetSample,
  scoreNetScoreBatch,
  smoothedScoreBatch,
} from '../../../../src/core';


const cfg = { ...DEFAULT_SCORE_NET, width: 32, sigmaMin: 0.05 };
const data = matrixFromRows([
  [1, 0],
  [-1, 0],
]);

describe('denoising score matching', () => {
  it('the training loss falls (seeded, tick by tick) and approaches the exact score’s loss', () => {
    const net = createScoreNet(cfg, createRng(1));
    const tr = createDsmTrainer(net, { steps: 1500, batch: 64, lr: 3e-3 });
    const rng = createRng(2);
    const losses: number[] = [];
    for (let t = 0; t < 1500; t++) losses.push(dsmTrainStep(tr, data, rng));
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const first = mean(losses.slice(0, 100));
    const last = mean(losses.slice(-200));
    expect(last).toBeLessThan(0.5 * first);
    const exact = dsmLossOf((x, s, o) => smoothedScoreBatch(x, data, s, o), data, cfg, createRng(9), 1500);
    const learned = dsmLossOf((x, s, o) => scoreNetScoreBatch(net, x, s, o), data, cfg, createRng(9), 1500);
    expect(learned).toBeGreaterThan(exact - 0.05);
    expect(learned).toBeLessThan(exact + 0.15);
  }, 180000);

  it('is deterministic in its seeds', () => {
    const run = () => {
      const net = createScoreNet(cfg, createRng(5));
      const tr = createDsmTrainer(net, { steps: 20, batch: 16 });
      const rng = createRng(6);
      for (let t = 0; t < 20; t++) dsmTrainStep(tr, data, rng);
      return Array.from(net.mlp.params.slice(0, 10));
    };
    expect(run()).toEqual(run());
  });

  it('a net trained on two points memorises them: samples settle on a training point in a point attractor', () => {
    const net = createScoreNet(cfg, createRng(1));
    const tr = createDsmTrainer(net, { steps: 2500, batch: 128, lr: 3e-3 });
    const rng = createRng(2);
    for (let t = 0; t < 2500; t++) dsmTrainStep(tr, data, rng);
    const n = 40;
    const xs = Float64Array.from({ length: 2 * n }, () => cfg.sigmaMax * rng.normal());
    const sig = Array.from({ length: 30 }, (_, i) => cfg.sigmaMax * Math.pow(cfg.sigmaMin / cfg.sigmaMax, i / 29));
    scoreNetSample(net, xs, [...sig, 0]);
    scoreNetPolish(net, xs, cfg.sigmaMin, 30);
    const gains = denoiserGain(net, xs, cfg.sigmaMin);
    for (let p = 0; p < n; p++) {
      const d = Math.min(Math.hypot(xs[2 * p] - 1, xs[2 * p + 1]), Math.hypot(xs[2 * p] + 1, xs[2 * p + 1]));
      expect(d).toBeLessThan(0.05);
      expect(gains[p]).toBeLessThan(0.5);
    }
  }, 180000);

  it('rejects impossible configurations', () => {
    expect(() => createScoreNet({ ...cfg, width: 0 }, createRng(1))).toThrow(/width/);
    expect(() => createScoreNet({ ...cfg, sigmaMin: 2, sigmaMax: 1 }, createRng(1))).toThrow(/sigma/);
  });
});
