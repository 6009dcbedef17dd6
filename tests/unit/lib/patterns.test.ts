import { describe, expect, it } from 'vitest';
import { BUILTIN_PICTURES, builtinPatterns, rasterize } from '../../../src/lib/patterns/builtins';
import { binarizeRgba, resamplePattern } from '../../../src/lib/patterns/binarize';

describe('built-in pictures', () => {
  it('ships at least 16 distinct pictures of at least 32×32 ±1 pixels, each with real ink and paper', () => {
    expect(BUILTIN_PICTURES.length).toBeGreaterThanOrEqual(16);
    const pats = builtinPatterns(BUILTIN_PICTURES.length, 32);
    const seen = new Set<string>();
    for (const p of pats) {
      expect(p.length).toBe(32 * 32);
      let ink = 0;
      for (const v of p) {
        expect(v === 1 || v === -1).toBe(true);
        if (v > 0) ink++;
      }
      expect(ink / p.length).toBeGreaterThan(0.1);
      expect(ink / p.length).toBeLessThan(0.9);
      seen.add(p.join(''));
    }
    expect(seen.size).toBe(pats.length);
    expect(new Set(BUILTIN_PICTURES.map((b) => b.name)).size).toBe(BUILTIN_PICTURES.length);
  });

  it('rasterises at any size, row 0 at the top', () => {
    const tri = BUILTIN_PICTURES.find((b) => b.name === 'triangle')!;
    const p = rasterize(tri, 64);
    const row = (r: number) => p.slice(r * 64, (r + 1) * 64).filter((v) => v > 0).length;
    expect(row(54)).toBeGreaterThan(row(10)); // wide base at the bottom, apex at the top
  });
});

describe('binarizeRgba', () => {
  it('makes dark pixels ink (+1) and light ones paper, by the mean luminance', () => {
    const side = 2;
    const rgba = [0, 0, 0, 255, 255, 255, 255, 255, 40, 40, 40, 255, 250, 250, 250, 255];
    expect([...binarizeRgba(rgba, side)]).toEqual([1, -1, 1, -1]);
  });
  it('treats transparent pixels as paper and refuses a flat picture', () => {
    expect([...binarizeRgba([0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0], 2)]).toEqual([1, -1, 1, -1]);
    expect(() => binarizeRgba(new Array(16).fill(128), 2)).toThrow(/single flat colour/);
    expect(() => binarizeRgba([1, 2, 3], 2)).toThrow(/RGBA/);
  });
  it('resamples between sizes by nearest neighbour', () => {
    const p = Float64Array.from([1, -1, -1, 1]);
    expect([...resamplePattern(p, 2, 4)]).toEqual([1, 1, -1, -1, 1, 1, -1, -1, -1, -1, 1, 1, -1, -1, 1, 1]);
  });
});
