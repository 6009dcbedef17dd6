import { describe, expect, it } from 'vitest';
import { createFieldFlow, fieldFlowSteps, type Field2 } from '../../../../src/core';

const bowl = (x: number, y: number) => 0.5 * (x * x + y * y);
/** −∇ of the bowl: a conservative field. */
const inward: Field2 = (x, y, o) => {
  o[0] = -x;
  o[1] = -y;
};
/** A pure rotation: no energy has it as its gradient (its curl is 2 everywhere). */
const swirl: Field2 = (x, y, o) => {
  o[0] = -y;
  o[1] = x;
};

describe('fieldFlowSteps', () => {
  it('Euler on −∇ of a bowl: x_n = (1 − h)ⁿ x₀ exactly, and the energy never rises', () => {
    const f = createFieldFlow([1, -2, 0.5, 0.25], bowl);
    fieldFlowSteps(f, inward, bowl, 0.1, 20);
    const k = Math.pow(0.9, 20);
    expect(Array.from(f.xs)).toEqual([1 * k, -2 * k, 0.5 * k, 0.25 * k].map((v) => expect.closeTo(v, 14)));
    expect(Array.from(f.rose)).toEqual([0, 0]);
    expect(f.steps).toBe(20);
    expect(f.energy[0]).toBeCloseTo(bowl(f.xs[0], f.xs[1]), 15);
    // ‖F‖ before the last step: the distance one step earlier.
    expect(f.speed[0]).toBeCloseTo(Math.hypot(1, 2) * Math.pow(0.9, 19), 12);
  });
  it('Euler on a rotation spirals out by √(1 + h²) per step, so the bowl energy rises on every path', () => {
    const f = createFieldFlow([1, 0, 0, -0.5], bowl);
    fieldFlowSteps(f, swirl, bowl, 0.05, 10);
    expect(Math.hypot(f.xs[0], f.xs[1])).toBeCloseTo(Math.pow(1 + 0.05 * 0.05, 5), 12);
    expect(Array.from(f.rose)).toEqual([1, 1]);
  });
  it('a particle at a fixed point stays, with speed 0 and no rise', () => {
    const f = createFieldFlow([0, 0], bowl);
    fieldFlowSteps(f, inward, bowl, 0.3, 5);
    expect(Array.from(f.xs)).toEqual([0, 0]);
    expect(f.speed[0]).toBe(0);
    expect(f.rose[0]).toBe(0);
  });
});
