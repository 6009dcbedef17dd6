/*
 * Measures the capacities the chapter quotes, with the same experiment as the capacity figure's worker
 * (core runCapacity; success = final overlap ≥ 0.95 from a probe with 10% of its bits flipped), but with more
 * pattern sets per K for tighter numbers. Run: npx tsx tests/bench/hopfield-capacity.measure.ts
 * Prints, per memory and N, the K where the recall rate falls to 90% and to 50% (interpolated), and K/N.
 */
import { runCapacity } from '../../src/core';
import { capacityGrid, crossing, ruleFor, type MemoryKind } from '../../src/lib/capacity/spec';

function measure(kind: MemoryKind, N: number, trials: number, Ks: number[]) {
  const t0 = performance.now();
  const points = Ks.map((K) => {
    const r = runCapacity({ N, Ks: [K], rule: ruleFor(kind), corruption: 0.1, trials, probesPerTrial: 4, minOverlap: 0.95, seed: 12345 + K });
    return { K, recallRate: r.points[0].recallRate, meanOverlap: r.points[0].meanOverlap, probes: r.points[0].probes };
  });
  const log = kind !== 'classical';
  const c90 = crossing(points, 0.9, log);
  const c50 = crossing(points, 0.5, log);
  const fmt = (c: number | null) => (c === null ? `> ${Ks[Ks.length - 1]}` : `${c.toFixed(1)} (K/N = ${(c / N).toFixed(3)})`);
  console.log(`${kind.padEnd(9)} N = ${N}: 90% at K = ${fmt(c90)}, 50% at K = ${fmt(c50)}  [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
  console.log('   ' + points.map((p) => `${p.K}:${p.recallRate.toFixed(2)}`).join(' '));
}

const fine = (N: number) => Array.from({ length: 29 }, (_, i) => Math.max(1, Math.round(N * (0.04 + i * 0.01))));
if (!process.argv.includes('--exp-only')) {
measure('classical', 100, 100, fine(100));
measure('classical', 400, 25, fine(400));
measure('poly3', 100, 10, [100, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 1000, 1200]);
measure('poly4', 100, 4, capacityGrid('poly4', 100));
measure('exp', 100, 4, capacityGrid('exp', 100));
measure('poly3', 50, 10, capacityGrid('poly3', 50));
measure('poly4', 50, 10, capacityGrid('poly4', 50));
measure('poly4', 30, 10, [...capacityGrid('poly4', 30), 800, 1000, 1500, 2000]);
}
// Where the exponential memory finally fails: small N, so that K can reach past it.
const geo = (lo: number, hi: number, n: number) => Array.from({ length: n + 1 }, (_, i) => Math.round(lo * Math.pow(hi / lo, i / n)));
measure('exp', 16, 10, geo(4, 4000, 15));
measure('exp', 24, 6, geo(8, 20000, 15));
if (process.argv.includes('--large')) measure('classical', 1000, 6, Array.from({ length: 16 }, (_, i) => Math.round(1000 * (0.08 + i * 0.008))));
