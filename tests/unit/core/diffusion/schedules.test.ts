import { describe, expect, it } from 'vitest';
import { geometricSigmas, karrasSigmas } from '../../../../src/core';

describe('noise schedules', () => {
  it('karrasSigmas: n descending levels from σ_max to σ_min by the EDM formula, then 0', () => {
    const s = karrasSigmas(18, 0.002, 80);
    expect(s.length).toBe(19);
    expect(s[0]).toBe(80);
    expect(s[17]).toBe(0.002);
    expect(s[18]).toBe(0);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThan(s[i - 1]);
    const a = 80 ** (1 / 7);
    const b = 0.002 ** (1 / 7);
    expect(s[5]).toBeCloseTo((a + (5 / 17) * (b - a)) ** 7, 12);
    expect(() => karrasSigmas(0, 0.1, 1)).toThrow(/n/);
    expect(() => karrasSigmas(5, 0, 1)).toThrow(/sigmaMin/);
    expect(() => karrasSigmas(5, 2, 1)).toThrow(/sigmaMax/);
  });
  it('geometricSigmas: geometric from σ_max to σ_min', () => {
    const s = geometricSigmas(10, 0.01, 1);
    expect(s[0]).toBe(1);
    expect(s[9]).toBe(0.01);
    expect(s[1] / s[0]).toBeCloseTo(s[5] / s[4], 12);
  });
});
