import { describe, expect, it } from 'vitest';
import { PictureMemory, type Params } from '../../../src/figures/hopfield-images/sim';

const base: Params = { memory: 'classical', n: 3, size: '32', images: 4, extra: 0, target: 1, noise: 0.2, mode: 'flip' };

function settle(m: PictureMemory, p: Params, max = 5000): number {
  let steps = 0;
  while (!m.step(p) && steps < max) steps++;
  return steps;
}

describe('PictureMemory (hopfield-images)', () => {
  it('flip mode: each step flips exactly one neuron and the energy never rises', () => {
    for (const memory of ['classical', 'poly', 'rectified', 'exp'] as const) {
      const p = { ...base, memory, images: 6 };
      const m = new PictureMemory();
      m.reset(p, 3, []);
      let e = m.energy();
      let flips = m.recaller!.flips;
      for (let k = 0; k < 400 && !m.step(p); k++) {
        expect(m.recaller!.flips).toBe(flips + 1);
        flips++;
        const e2 = m.energy();
        expect(e2).toBeLessThanOrEqual(e + 1e-9 * Math.max(1, Math.abs(e)));
        e = e2;
      }
    }
  });

  it('the same seed replays the same run exactly', () => {
    const run = () => {
      const m = new PictureMemory();
      m.reset({ ...base, images: 8 }, 7, []);
      settle(m, { ...base, images: 8 });
      return Array.from(m.state).join('');
    };
    expect(run()).toBe(run());
  });

  it('recalls a lightly corrupted picture; with 8 correlated pictures the classical network ends spurious, F = eˣ recalls', () => {
    const m = new PictureMemory();
    m.reset(base, 1, []);
    settle(m, base);
    expect(m.verdict().kind).toBe('recalled');
    const crowded = { ...base, images: 8, target: 2, mode: 'sweep' as const };
    m.reset(crowded, 1, []);
    settle(m, crowded);
    expect(m.verdict().kind).toBe('spurious');
    const dense = { ...crowded, memory: 'exp' as const };
    m.reset(dense, 1, []);
    settle(m, dense);
    expect(m.verdict().text).toContain('recalled “house”');
  });

  it('past 0.14 N random patterns the classical network fails where F = eˣ still recalls', () => {
    const p = { ...base, extra: 200, mode: 'sweep' as const }; // K = 204 > 0.14 · 1024 ≈ 143
    const m = new PictureMemory();
    m.reset(p, 1, []);
    settle(m, p);
    expect(m.verdict().kind).not.toBe('recalled');
    m.reset({ ...p, memory: 'exp' }, 1, []);
    settle(m, { ...p, memory: 'exp' });
    expect(m.verdict().kind).toBe('recalled');
  });

  it('stores the reader’s pictures after the built-in ones and clamps a target beyond them with a note', () => {
    const m = new PictureMemory();
    const pixels = new Float64Array(16 * 16).map((_, i) => (i % 3 === 0 ? 1 : -1));
    m.reset({ ...base, target: 6 }, 1, [{ name: 'mine', side: 16, pixels }]);
    expect(m.patterns.rows).toBe(5);
    expect(m.names[4]).toBe('mine');
    expect(m.target).toBe(4);
    expect(m.note).toContain('Only 5 pictures');
  });

  it('hides half: the bottom half of the state becomes paper', () => {
    const m = new PictureMemory();
    m.reset(base, 1, []);
    m.mask(1);
    for (let i = 16 * 32; i < 1024; i++) expect(m.state[i]).toBe(-1);
  });
});
