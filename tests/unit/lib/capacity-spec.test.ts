import { describe, expect, it } from 'vitest';
import { capacityGrid, crossing, specKey, theoryCapacity } from '../../../src/lib/capacity/spec';

describe('capacity spec', () => {
  it('grids: the classical one brackets 0.138 N finely, the dense ones reach 20 N', () => {
    const g = capacityGrid('classical', 100);
    expect(g[0]).toBe(2);
    expect(g.at(-1)).toBe(32);
    expect(g).toContain(14);
    const d = capacityGrid('exp', 100);
    expect(d[0]).toBe(1);
    expect(d.at(-1)).toBe(2000);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });
  it('crossing interpolates where the rate falls below a level', () => {
    const pts = [10, 20, 30].map((K, i) => ({ K, recallRate: [1, 0.6, 0.2][i], meanOverlap: 1, probes: 1 }));
    expect(crossing(pts, 0.5, false)).toBeCloseTo(22.5, 10);
    expect(crossing(pts, 0.1, false)).toBeNull();
  });
  it('theory: 0.138 N, the Krotov–Hopfield no-error bounds of MATH.md (11, 362, 7238 at N = 100) and 2^{N/2}', () => {
    expect(theoryCapacity('classical', 100).K).toBeCloseTo(13.8, 10);
    expect(Math.round(theoryCapacity('poly3', 100).K)).toBe(362);
    expect(Math.round(theoryCapacity('poly4', 100).K)).toBe(7238);
    expect(theoryCapacity('exp', 784).K).toBeCloseTo(1.0087e118, -115);
    expect(specKey({ N: 100, corruption: 0.1, trials: 3, probes: 4, minOverlap: 0.95, seed: 1 })).toBe('v2|100|0.1|3|4|0.95|1');
  });
});
