import { writeFileSync } from 'node:fs';
import { CAPACITY_SWEEPS, CAPACITY_SWEEP_FILE } from './capacitySweeps';
import { sweepCurve } from './capacitySweep';

/*
 * Writes capacity-sweep.json, the measurements behind chapter 4's capacity numbers: `npx tsx
 * src/content/compiler/experiments/precomputeCapacity.ts`. Deterministic: the same code writes the same file.
 */

const t0 = performance.now();
const curves = CAPACITY_SWEEPS.map((s) => {
  const t = performance.now();
  const c = sweepCurve(s.name, s.kind, s.spec, s.Ks);
  console.log(`${s.name}: ${c.points.length} points in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return c;
});
writeFileSync(CAPACITY_SWEEP_FILE, JSON.stringify({ note: 'Written by precomputeCapacity.ts; do not edit.', curves }, null, 1) + '\n');
console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
