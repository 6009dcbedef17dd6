/*
 * Rough single-thread limits of this machine as seen from V8, to say how close the core's hot paths come:
 * streaming read bandwidth (sum of a 64 MB Float64Array), scalar multiply-add throughput on cached data
 * (4 independent accumulators), and Math.exp / fastExp throughput. CPU time (process.cpuUsage), medians.
 * `npx tsx tests/bench/machine-limits.ts`
 */
import { fastExp } from '../../src/core/special';

function cpuMedian(f: () => unknown, runs = 15): number {
  f();
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    ts.push((d.user + d.system) / 1000);
  }
  return ts.sort((a, b) => a - b)[runs >> 1];
}

const big = new Float64Array(8 << 20).fill(1.5); // 64 MB
let sink = 0;
const tRead = cpuMedian(() => {
  let a = 0;
  let b = 0;
  for (let i = 0; i < big.length; i += 2) {
    a += big[i];
    b += big[i + 1];
  }
  sink += a + b;
});
const small = new Float64Array(4096).map((_, i) => 1 + i * 1e-6);
const reps = 2000;
const tFma = cpuMedian(() => {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < small.length; i += 4) {
      a += small[i] * 1.0000001;
      b += small[i + 1] * 0.9999999;
      c += small[i + 2] * 1.0000002;
      d += small[i + 3] * 0.9999998;
    }
  }
  sink += a + b + c + d;
});
const xs = new Float64Array(1 << 20).map(() => -20 * Math.random());
const tExp = cpuMedian(() => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i]);
  sink += s;
});
const tFast = cpuMedian(() => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += fastExp(xs[i]);
  sink += s;
});
console.log(
  JSON.stringify({
    stream_read_GBps: +((big.length * 8) / (tRead * 1e6)).toFixed(2),
    scalar_muladd_ns: +((tFma * 1e6) / (reps * small.length)).toFixed(3),
    math_exp_ns: +((tExp * 1e6) / xs.length).toFixed(2),
    fast_exp_ns: +((tFast * 1e6) / xs.length).toFixed(2),
    sink: sink > 0,
  }),
);
