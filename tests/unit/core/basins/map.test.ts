import { describe, expect, it } from 'vitest';
import { basinMap, matrixFromRows } from '../../../../src/core';

const unit = (a: number) => [Math.cos(a), Math.sin(a)];

describe('basinMap', () => {
  it('gives every well-separated memory a basin with the exponential, and the classical network only one pair', () => {
    const angles = [0, 1.3, 2.6, 3.9, 5.1];
    const mem = matrixFromRows(angles.map(unit));
    const exp = basinMap(mem, { kind: 'exp', beta: 20 }, 40, 40);
    const seen = new Set(exp.label.filter((l) => l >= 0));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(exp.spurious).toEqual([]);
    // A quadratic form on the circle has one pair of minima: at most one memory and one negative can be found.
    const quad = basinMap(mem, { kind: 'poly', n: 2 }, 40, 40);
    const kept = new Set([...quad.label].filter((l) => l >= 0 && l < 5));
    expect(kept.size).toBeLessThanOrEqual(1);
  });

  it('labels the starts outside the disk −2 and a start next to a memory with that memory', () => {
    const mem = matrixFromRows([unit(0.5), unit(3.5)]);
    const map = basinMap(mem, { kind: 'exp', beta: 10 }, 20, 20);
    expect(map.label[0]).toBe(-2);
    // The pixel centre nearest to ξ_0 · 0.9.
    const px = Math.floor(((0.9 * Math.cos(0.5) + 1) / 2) * 20);
    const py = Math.floor(((1 - 0.9 * Math.sin(0.5)) / 2) * 20);
    expect(map.label[py * 20 + px]).toBe(0);
  });

  it('marks the negative −ξ of an even polynomial, and a merged pair as spurious', () => {
    const even = basinMap(matrixFromRows([unit(1)]), { kind: 'poly', n: 4 }, 30, 30);
    expect(new Set(even.label)).toEqual(new Set([-2, 0, 1]));
    // Two memories 0.6 rad apart merge under F = max(m, 0)³ into one spurious minimum half-way between them.
    const close = basinMap(matrixFromRows([unit(0), unit(0.6)]), { kind: 'rectified', n: 3 }, 30, 30);
    expect(close.spurious.length).toBe(2);
    expect(Math.atan2(close.spurious[1], close.spurious[0])).toBeCloseTo(0.3, 2);
    expect(new Set(close.label)).toEqual(new Set([-2, -1]));
  });
});
