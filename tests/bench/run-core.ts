/*
 * Plain-Node timing of the four issue-2 workloads (median and p95 over repeated runs), for comparison with
 * tests/bench/numpy/workloads.py under the same machine load: `npx tsx tests/bench/run-core.ts`.
 * The vitest bench (npm run bench) times the same functions.
 */
import { setupCapacity, setupDam, setupHebbian, setupHopfield, setupLse } from './workloads';

function stats(ts: number[]) {
  const v = ts.slice().sort((a, b) => a - b);
  const q = (p: number) => +v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(4);
  return { median: q(0.5), p95: q(0.95), min: +v[0].toFixed(4) };
}

/** Wall time and CPU time (process.cpuUsage, less sensitive to other processes on a shared machine) per run. */
function time(name: string, fn: () => unknown, minMs = 1500, minRuns = 10): void {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (wall.length < minRuns || performance.now() - start < minMs) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  console.log(JSON.stringify({ impl: 'ts', name, runs: wall.length, wall_ms: stats(wall), cpu_ms: stats(cpu) }));
}

const only = process.argv[2];
const all: [string, () => () => unknown][] = [
  ['lseGradBatch', setupLse],
  ['hopfieldRecall', setupHopfield],
  ['hebbianWeights', setupHebbian],
  ['damRecall-exp', setupDam],
  ['capacity', setupCapacity],
];
for (const [name, setup] of all) if (!only || name === only) time(name, setup());
