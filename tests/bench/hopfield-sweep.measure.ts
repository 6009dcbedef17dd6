/*
 * Median and p95 of one hopfield-images sweep at N = 64×64 with 50 stored patterns (goal: under 5 ms), for each
 * memory the figure offers. Run: npx tsx tests/bench/hopfield-sweep.measure.ts
 */
import { sweepModel, timeOneSweep } from './hopfield-sweep';

for (const [memory, n] of [['classical', 2], ['poly', 3], ['rectified', 3], ['poly', 10], ['exp', 0]] as const) {
  const { model } = sweepModel(memory, n || 3);
  const probe = model.probe.slice();
  const times: number[] = [];
  for (let i = 0; i < 40; i++) timeOneSweep(model, probe); // warm-up
  for (let i = 0; i < 300; i++) times.push(timeOneSweep(model, probe));
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const flips = model.recaller!.flips;
  console.log(`${(memory + (memory === 'poly' || memory === 'rectified' ? ` n=${n}` : '')).padEnd(14)} first sweep (${flips} flips): median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms`);
}
