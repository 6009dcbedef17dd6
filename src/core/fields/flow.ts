import type { Field2 } from './loops';

/*
 * Particles following a 2-D field, dx/dt = F(x), by Euler steps, with a watch on an energy along the way: the
 * experiment that tells a conservative field (F = −∇E, so E can only fall for small steps) from one that is not.
 */

/** n particles: positions xs (flat [x0, y0, …], length 2n), the energy at each, and per-particle bookkeeping. */
export interface FieldFlow {
  xs: Float64Array;
  /** E at each particle's current position. */
  energy: Float64Array;
  /** 1 once E has risen along that particle's path (by more than 1e-12 relative), else 0. */
  rose: Uint8Array;
  /** ‖F‖ at each particle's position before its last step. */
  speed: Float64Array;
  /** Euler steps taken. */
  steps: number;
}

/** Starts a flow at the given positions (copied). */
export function createFieldFlow(starts: ArrayLike<number>, energy: (x: number, y: number) => number): FieldFlow {
  const xs = Float64Array.from(starts);
  const n = xs.length / 2;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = energy(xs[2 * i], xs[2 * i + 1]);
  return { xs, energy: e, rose: new Uint8Array(n), speed: new Float64Array(n).fill(Infinity), steps: 0 };
}

/**
 * `count` Euler steps x ← x + h F(x) for every particle, re-evaluating E after each and marking a particle whose
 * E rose. Mutates flow.xs, energy, rose, speed and steps. h > 0.
 */
export function fieldFlowSteps(flow: FieldFlow, field: Field2, energy: (x: number, y: number) => number, h: number, count = 1): void {
  const o = new Float64Array(2);
  const n = flow.xs.length / 2;
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < n; i++) {
      const x = flow.xs[2 * i];
      const y = flow.xs[2 * i + 1];
      field(x, y, o);
      flow.speed[i] = Math.hypot(o[0], o[1]);
      flow.xs[2 * i] = x + h * o[0];
      flow.xs[2 * i + 1] = y + h * o[1];
      const e = energy(flow.xs[2 * i], flow.xs[2 * i + 1]);
      if (e > flow.energy[i] + 1e-12 * Math.max(1, Math.abs(flow.energy[i]))) flow.rose[i] = 1;
      flow.energy[i] = e;
    }
    flow.steps++;
  }
}
