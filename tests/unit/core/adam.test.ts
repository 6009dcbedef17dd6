import { describe, expect, it } from 'vitest';
import { adamStep, createAdam } from '../../../src/core';

describe('adam', () => {
  it('minimises a badly scaled quadratic', () => {
    const p = Float64Array.of(3, -2);
    const opt = createAdam(2, 0.05);
    const g = new Float64Array(2);
    for (let t = 0; t < 2000; t++) {
      g[0] = 100 * p[0];
      g[1] = 0.01 * p[1];
      adamStep(opt, p, g);
    }
    expect(Math.abs(p[0])).toBeLessThan(1e-2);
    expect(Math.abs(p[1])).toBeLessThan(1e-2);
  });
});
