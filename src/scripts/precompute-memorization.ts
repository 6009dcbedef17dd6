/*
 * Regenerates public/data/memorization.json: Pham et al.'s memorization → spurious → generalization sweep in
 * the plane, for the memorization-generalization figure (chapter 7).
 *
 *   npx tsx src/scripts/precompute-memorization.ts                 # the shipped file, start to finish
 *
 * With no arguments it runs the whole recipe: seed 1 for every width (16, 32, 64, 128) and every K of SWEEP_K, with the
 * trained weights (the figure draws those networks), then seeds 2 and 3 at the boundary K values BOUNDARY_K for the
 * widths of EXTRA_SEED_WIDTHS (16, 32, 64: the widest network costs about four times as much to train), without weights (the figure averages the fractions over every seed it has). Each run trains a fresh score network
 * by denoising score matching on K points of the unit circle — same seed ⇒ same data, weights, minibatches and
 * sampler noise — samples 400 points, settles them on the learned attractors and classifies them
 * (src/core/ring-experiment.ts). Every number in the JSON comes from this script.
 *
 * To use both cores, split the recipe and merge:
 *   npx tsx src/scripts/precompute-memorization.ts --seeds 1 --widths 16,64 --out a.json
 *   npx tsx src/scripts/precompute-memorization.ts --seeds 1 --widths 32 --out b.json
 *   npx tsx src/scripts/precompute-memorization.ts --seeds 2,3 --ks 6,8,12,16,24,32 --weights false --out c.json
 *   npx tsx src/scripts/precompute-memorization.ts --merge a.json,b.json,c.json
 * Options: --seeds 1,2 --widths 16,32 --ks 2,4 --steps 3000 --weights true|false --out path --merge files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRingExperiment, finishRingExperiment, trainRingExperiment, RING_EXPERIMENT_DEFAULTS, DEFAULT_CLASSIFY, type RingExperimentResult } from '../core';

export const SWEEP_K = [2, 4, 6, 8, 12, 16, 24, 32, 64, 128, 256, 512, 1000];
export const BOUNDARY_K = [6, 8, 12, 16, 24, 32];
export const WIDTHS = [16, 32, 64, 128];
/** Widths that get the extra boundary seeds. */
export const EXTRA_SEED_WIDTHS = [16, 32, 64];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : undefined;
}
const list = (s: string) => s.split(',').map(Number);

const steps = Number(arg('steps') ?? RING_EXPERIMENT_DEFAULTS.steps);
const out = arg('out') ?? 'public/data/memorization.json';
const merge = arg('merge');
const custom = arg('seeds') !== undefined || arg('widths') !== undefined || arg('ks') !== undefined;

interface Job {
  seed: number;
  width: number;
  K: number;
  weights: boolean;
}
const jobs: Job[] = [];
if (!merge) {
  if (custom) {
    const weights = arg('weights') !== 'false';
    for (const seed of list(arg('seeds') ?? '1')) for (const width of list(arg('widths') ?? WIDTHS.join(','))) for (const K of list(arg('ks') ?? SWEEP_K.join(','))) jobs.push({ seed, width, K, weights });
  } else {
    for (const width of WIDTHS) for (const K of SWEEP_K) jobs.push({ seed: 1, width, K, weights: true });
    for (const seed of [2, 3]) for (const width of EXTRA_SEED_WIDTHS) for (const K of BOUNDARY_K) jobs.push({ seed, width, K, weights: false });
  }
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
function f32base64(a: Float64Array): string {
  return Buffer.from(new Float32Array(a).buffer).toString('base64');
}

function encode(r: RingExperimentResult, ms: number, weights: boolean) {
  return {
    K: r.K,
    width: r.width,
    depth: r.depth,
    steps: r.steps,
    seed: r.seed,
    trainMs: Math.round(ms),
    finalLoss: r4(r.finalLoss),
    heldOutLoss: r4(r.heldOutLoss),
    exactLoss: r4(r.exactLoss),
    fractions: r.fractions.map(r4),
    data: weights ? Array.from(r.data, r4) : undefined,
    samples: weights ? Array.from(r.samples, r4) : undefined,
    labels: weights ? Array.from(r.labels).join('') : undefined,
    gains: weights ? Array.from(r.gains, (g) => Math.round(g * 100) / 100) : undefined,
    attractors: weights ? r.attractors.map((a) => ({ x: r4(a.centre[0]), y: r4(a.centre[1]), count: a.count, kind: a.kind })) : undefined,
    config: r.config,
    params: weights ? f32base64(r.params) : undefined,
  };
}

type Encoded = ReturnType<typeof encode>;
const runs: Encoded[] = [];
const t0 = Date.now();
if (merge) {
  for (const f of merge.split(',')) {
    for (const r of JSON.parse(readFileSync(f, 'utf8')).runs as Encoded[]) {
      // Runs kept without weights keep only their numbers.
      runs.push(r.params ? r : { ...r, data: undefined, samples: undefined, labels: undefined, gains: undefined, attractors: undefined });
    }
  }
}
for (const job of jobs) {
  const t = performance.now();
  const run = createRingExperiment({ K: job.K, width: job.width, steps, seed: job.seed });
  trainRingExperiment(run, steps);
  const trainMs = performance.now() - t;
  const res = finishRingExperiment(run);
  runs.push(encode(res, trainMs, job.weights));
  const [m, s, g] = res.fractions;
  console.log(
    `seed ${job.seed}  width ${String(job.width).padStart(3)}  K ${String(job.K).padStart(5)}  memorized ${m.toFixed(3)}  spurious ${s.toFixed(3)}  generalized ${g.toFixed(3)}  ` +
      `loss ${res.finalLoss.toFixed(4)} (held-out ${res.heldOutLoss.toFixed(4)}, exact score ${res.exactLoss.toFixed(4)})  ${(trainMs / 1000).toFixed(1)} s`,
  );
}
runs.sort((a, b) => a.seed - b.seed || a.width - b.width || a.K - b.K);
const uniq = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

writeFileSync(
  out,
  JSON.stringify({
    about:
      'Memorization → spurious → generalization on K points of the unit circle (Pham et al. 2025, in the plane). Generated by src/scripts/precompute-memorization.ts (run it with no arguments to regenerate this file); do not edit by hand.',
    seed: 1,
    seeds: uniq(runs.map((r) => r.seed)),
    steps,
    widths: uniq(runs.map((r) => r.width)),
    ks: uniq(runs.filter((r) => r.params).map((r) => r.K)),
    classify: DEFAULT_CLASSIFY,
    samples: RING_EXPERIMENT_DEFAULTS.samples,
    runs,
  }),
);
console.log(`wrote ${out}: ${runs.length} runs (${jobs.length} trained now) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
