import { describe, expect, it } from 'vitest';
import { circulation, createDenoiser2, curl2, denoiserScore2, lineIntegralAlong, loopArea, type Field2 } from '../../../../src/core';
import { mem, circle } from './fixtures';

describe('curl and circulation', () => {
  const rot: Field2 = (x, y, o) => {
    o[0] = -y;
    o[1] = x;
  };
  const grad: Field2 = (x, y, o) => {
    o[0] = 2 * x * y;
    o[1] = x * x + 3 * y * y;
  };
  it('a rigid rotation has curl 2 everywhere and circulation 2 × area', () => {
    expect(curl2(rot, 0.3, -0.7)).toBeCloseTo(2, 8);
    const sq = [-1, -1, 1, -1, 1, 1, -1, 1];
    expect(loopArea(sq)).toBeCloseTo(4, 12);
    expect(circulation(rot, sq)).toBeCloseTo(8, 10);
    expect(circulation(rot, [...sq].reverse().flatMap((_, i, a) => (i % 2 ? [] : [a[i + 1], a[i]])))).toBeCloseTo(-8, 10);
  });
  it('a gradient field has zero curl and zero circulation', () => {
    expect(curl2(grad, 0.4, 1.1)).toBeCloseTo(0, 6);
    expect(Math.abs(circulation(grad, circle(0.2, -0.1, 1.3)))).toBeLessThan(1e-10);
  });
  it('rejects loops with fewer than 3 vertices', () => {
    expect(() => circulation(rot, [0, 0, 1, 1])).toThrow(/loop/);
  });
});

describe('lineIntegralAlong', () => {
  it('ends at the circulation and starts at zero', () => {
    const net = createDenoiser2(mem, 0.8, 1, 3);
    const free: Field2 = (x, y, o) => denoiserScore2(net, x, y, o);
    const loop = circle(0.1, 0.2, 1, 30);
    const { points, cumulative } = lineIntegralAlong(free, loop, 0.05);
    expect(cumulative[0]).toBe(0);
    expect(cumulative[cumulative.length - 1]).toBeCloseTo(circulation(free, loop, 0.05), 12);
    expect(points.length).toBe(2 * cumulative.length);
    expect(points[points.length - 2]).toBeCloseTo(loop[0], 12);
  });
});
