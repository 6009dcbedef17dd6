import {
  corruptPattern,
  createRng,
  damRecall,
  hebbianWeights,
  hopfieldRecall,
  lseGradBatch,
  matrixFromData,
  randomPatterns,
  row,
  runCapacity,
  type Matrix,
} from '../../src/core';

/*
 * The four workloads of issue 2, shared by the vitest bench (core.bench.ts) and the plain-Node timing script
 * (run-core.ts) so both time exactly the same work. tests/bench/numpy/workloads.py does the same in NumPy.
 */

/** 1. lseGradBatch: 20 000 2-D particles × 32 memories. */
export function setupLse() {
  const rng = createRng(1);
  const mem = matrixFromData(32, 2, Float64Array.from({ length: 64 }, () => -2.5 + 5 * rng.uniform()));
  const xs = Float64Array.from({ length: 40000 }, () => -3 + 6 * rng.uniform());
  const out = new Float64Array(xs.length);
  return () => lseGradBatch(xs, mem, 4, out);
}

function probes(P: Matrix, count: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, q) => corruptPattern(row(P, q % P.rows), 0.1, rng));
}

/** 2. hopfieldRecall, N = 1024, K = 100, from 10 % flipped bits (energies included in the result). */
export function setupHopfield() {
  const P = randomPatterns(100, 1024, createRng(2));
  const W = hebbianWeights(P);
  const ps = probes(P, 16, 3);
  let q = 0;
  return () => {
    const r = hopfieldRecall(W, ps[q++ % ps.length], { rng: createRng(q) });
    if (!r.converged) throw new Error('hopfield bench: did not converge');
    return r;
  };
}

/** Hebbian weights for the workload-2 network (reported separately: recall receives W). */
export function setupHebbian() {
  const P = randomPatterns(100, 1024, createRng(2));
  return () => hebbianWeights(P);
}

/** 3. damRecall with F = eˣ, N = 1024, K = 256, from 10 % flipped bits. */
export function setupDam() {
  const P = randomPatterns(256, 1024, createRng(4));
  const ps = probes(P, 16, 5);
  let q = 0;
  return () => {
    const r = damRecall(P, ps[q++ % ps.length], { kind: 'exp' }, { rng: createRng(q) });
    if (!r.converged) throw new Error('dam bench: did not converge');
    return r;
  };
}

/** 4. Capacity sweep: classical network, N = 100, K = 1…40, 20 trials each (10 % flipped bits, exact recall). */
export function setupCapacity() {
  const Ks = Array.from({ length: 40 }, (_, i) => i + 1);
  let seed = 0;
  return () => runCapacity({ N: 100, Ks, rule: { kind: 'classical' }, corruption: 0.1, trials: 20, seed: seed++ });
}
