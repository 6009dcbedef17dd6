import { readFileSync } from 'node:fs';
import { classicalCapacity, classicalNoErrorCapacity, exponentialCapacity, polynomialCapacity } from '../../core/capacity-scaling';
import { sampleRing } from '../../core/datasets/ring';
import { createRng } from '../../core/rng';
import { capacitySweep } from './experiments/capacitySweeps';
import { annealedLangevin, attentionStep, dsm, energyLandscape, hierarchyLearned, hopfieldSizes, sdeVsOde, tinybrainClassical } from './experiments/early';
import { anyCorruption, conservativeParticles, energyTransformer, fixedPoints, optimizers, sideBySide } from './experiments/figures';

/*
 * The experiments behind the numbers in the prose (`:num[experiment.key]`): each a pure, seeded function
 * returning named numbers, run at build (each well under a second) and at most once per compile.
 */

export type Experiment = () => Record<string, number>;

/** Largest angular gap between n sorted angles on the circle. */
function largestGap(angles: number[]): number {
  const a = [...angles].sort((x, y) => x - y);
  let gap = a[0] + 2 * Math.PI - a[a.length - 1];
  for (let i = 1; i < a.length; i++) gap = Math.max(gap, a[i] - a[i - 1]);
  return gap;
}

/** Chapter 7's training ring: 1,000 points drawn as the ring experiment draws them (data stream of seed s = rng 4s+1). */
function ring(): Record<string, number> {
  const n = 1000;
  const far = [1, 2, 3].map((seed) => {
    const m = sampleRing(n, createRng(seed * 4 + 1));
    const angles = Array.from({ length: n }, (_, k) => Math.atan2(m.data[2 * k + 1], m.data[2 * k]));
    return 2 * Math.sin(largestGap(angles) / 4);
  });
  return { spacing: (2 * Math.PI) / n, farthest1: far[0], farthestMin: Math.min(...far), farthestMax: Math.max(...far) };
}

interface MemorizationRun {
  K: number;
  width: number;
  seed: number;
  fractions: [number, number, number];
  heldOutLoss: number;
  exactLoss: number;
  gains: number[];
}

/** K where the seed-mean of `series` first crosses ½ (linear between grid points), or NaN if it never does. */
function halfPoint(points: [number, number][], falling: boolean): number {
  for (let i = 1; i < points.length; i++) {
    const [k0, f0] = points[i - 1];
    const [k1, f1] = points[i];
    if (falling ? f0 >= 0.5 && f1 < 0.5 : f0 < 0.5 && f1 >= 0.5) return k0 + ((k1 - k0) * (0.5 - f0)) / (f1 - f0);
  }
  return NaN;
}

/** Chapter 7's shipped runs (public/data/memorization.json): per width, half-points of the memorized and generalized fractions and the peak spurious fraction (seed means);
 * gains, losses and class percentages of single seed-1 runs. */
function memorization(): Record<string, number> {
  const file = new URL('../../../public/data/memorization.json', import.meta.url);
  const runs = (JSON.parse(readFileSync(file, 'utf8')) as { runs: MemorizationRun[] }).runs;
  const out: Record<string, number> = {};
  for (const width of [16, 32, 64, 128]) {
    const ks = [...new Set(runs.filter((r) => r.width === width).map((r) => r.K))].sort((a, b) => a - b);
    const mean = (k: number, c: number) => {
      const at = runs.filter((r) => r.width === width && r.K === k);
      return at.reduce((s, r) => s + r.fractions[c], 0) / at.length;
    };
    out[`memorizedHalf${width}`] = halfPoint(ks.map((k) => [k, mean(k, 0)]), true);
    out[`generalizedHalf${width}`] = halfPoint(ks.map((k) => [k, mean(k, 2)]), false);
    out[`memorizedPercentK8w${width}`] = 100 * mean(8, 0);
    out[`spuriousPeakPercent${width}`] = 100 * Math.max(...ks.map((k) => mean(k, 1)));
  }
  const one = (K: number, width: number) => runs.find((r) => r.K === K && r.width === width && r.seed === 1);
  for (const K of [2, 1000]) {
    const gains = runs.filter((r) => r.K === K && r.seed === 1).flatMap((r) => r.gains.filter(Number.isFinite));
    out[`gainMinK${K}`] = Math.min(...gains);
    out[`gainMaxK${K}`] = Math.max(...gains);
    out[`heldOutLossK${K}w32`] = one(K, 32)?.heldOutLoss ?? NaN;
    out[`exactLossK${K}`] = one(K, 32)?.exactLoss ?? NaN;
  }
  ['Memorized', 'Spurious', 'Generalized'].forEach((name, c) => {
    out[`percent${name}K8w32`] = 100 * (one(8, 32)?.fractions[c] ?? NaN);
  });
  return out;
}

/** Demircigil et al.'s rate I(x) = ½[(1+x) ln(1+x) + (1−x) ln(1−x)]. */
const rate = (x: number) => 0.5 * ((1 + x) * Math.log(1 + x) + (1 - x) * Math.log(1 - x));

/** Chapters 4 and 8: the published capacity formulas at the sizes the prose quotes. */
function capacity(): Record<string, number> {
  const n = 784;
  const halfRate = rate(1 - 2 / 8) / 2;
  const exp = exponentialCapacity(n).log10;
  return {
    cubicNoError100: polynomialCapacity(100, 3),
    expHalfRate: halfRate,
    expExponent16: halfRate * 16,
    expBound16: Math.exp(halfRate * 16),
    classicalNoError784: classicalNoErrorCapacity(n),
    cubicNoError784: polynomialCapacity(n, 3),
    expLog10At784: exp,
    expMantissa784: Math.pow(10, exp - Math.floor(exp)),
    expExponent784: Math.floor(exp),
    classical784: classicalCapacity(n),
    surveyMnist: 0.14 * n,
    survey1024: 0.14 * 1024,
    slopeOffset784: 1 + 1 / Math.log(n),
  };
}

/** Chapter 4's separation functions, scaled to F(1) = 1, at an overlap of 0.9. */
function separation(): Record<string, number> {
  return { square: 0.9 ** 2, fifth: 0.9 ** 5, exp12: Math.exp(12 * (0.9 - 1)) };
}

export const EXPERIMENTS: Record<string, Experiment> = {
  ring, memorization, capacity, separation, capacitySweep, optimizers, energyTransformer, sideBySide, fixedPoints, anyCorruption,
  dsm, annealedLangevin, sdeVsOde, attentionStep, hopfieldSizes, tinybrainClassical, conservativeParticles, energyLandscape, hierarchyLearned,
};
