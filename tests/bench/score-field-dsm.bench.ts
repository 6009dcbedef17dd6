import { bench, describe } from 'vitest';
import { ScoreField } from '../../src/figures/score-field/sim';
import { Dsm } from '../../src/figures/denoising-score-matching/sim';

/*
 * score-field has no animation loop: its cost is one recomputation per σ change (lattice score, −log p grid,
 * noisy samples). This measures that work in Node; the canvas paint comes on top (`npm run bench:frames`
 * measures every figure's frames in Chromium).
 */
const lattice = (n: number) => {
  const out = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    out[2 * (j * n + i)] = -3 + ((i + 0.5) / n) * 6;
    out[2 * (j * n + i) + 1] = -3 + ((j + 0.5) / n) * 6;
  }
  return out;
};

describe('score-field: one σ change', () => {
  const f = new ScoreField();
  const pts = lattice(21);
  let k = 0;
  bench('21×21 arrows + 96×96 energy grid (defaults, 1280 px)', () => {
    f.update(0.05 + (k++ % 50) * 0.05, pts);
  });
  const f2 = new ScoreField();
  const pts2 = lattice(15);
  bench('15×15 arrows + 96×96 energy grid (phone)', () => {
    f2.update(0.05 + (k++ % 50) * 0.05, pts2);
  });
});

describe('denoising-score-matching: one step', () => {
  const d = new Dsm();
  const p = { sigma: 0.5, batch: 100, bins: 14, total: 1e9 };
  d.reset(p, 1);
  bench('defaults (100 samples, 14×14 bins)', () => {
    d.step(p);
  });
  const d2 = new Dsm();
  const q = { sigma: 0.5, batch: 5000, bins: 30, total: 1e12 };
  d2.reset(q, 1);
  bench('heaviest (5000 samples, 30×30 bins)', () => {
    d2.step(q);
  });
});
