import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core';

describe('createRng', () => {
  it('is a fixed stream: the same values as the original mulberry32 + polar implementation', () => {
    const r = createRng(42);
    expect([r.uniform(), r.uniform(), r.normal(), r.normal(), r.uniform()]).toEqual([
      0.4813160905614495, 0.9852536325342953, 1.4460940812782141, 0.6872329396953424, 0.7036195879336447,
    ]);
  });
  it('same seed, same stream; uniforms in [0, 1); normals with mean 0 and variance 1', () => {
    const a = createRng(7);
    const b = createRng(7);
    let s = 0;
    let s2 = 0;
    const n = 100000;
    let same = true;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const u = a.uniform();
      same &&= u === b.uniform();
      inRange &&= u >= 0 && u < 1;
      const z = a.normal();
      same &&= z === b.normal();
      s += z;
      s2 += z * z;
    }
    expect(same).toBe(true);
    expect(inRange).toBe(true);
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
  it('names a bad seed', () => {
    expect(() => createRng(NaN)).toThrow(/seed/);
  });
});
