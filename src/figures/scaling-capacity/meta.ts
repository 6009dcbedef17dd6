import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'scaling-capacity',
  title: 'More neurons, more memories',
  summary: 'How many random patterns fit in an associative memory of N neurons with no wrong bits, for each separation function F?',
  animated: false,
  seeded: false,
  notes:
    'Not animated and not seeded: the curves are the published capacity formulas (MATH.md §3), recomputed as the reader moves N or n. The three coloured curves share one criterion (no wrong bits: N/(2 ln N), the Krotov–Hopfield no-error bound, 2^(N/2)); the grey dashed 0.138 N allows about 1.5 % wrong bits and is drawn only for comparison. All are asymptotic, so below N ≈ 38 N/(2 ln N) even exceeds 0.138 N. Promises 3 (time) and 5 (frame budget) do not apply.',
  props: {
    neurons: { type: 'number', integer: true, min: 10, max: 2000, default: 784, label: 'N', description: 'Number of neurons (784 is one 28×28 MNIST image).' },
    degree: { type: 'number', integer: true, min: 2, max: 8, default: 3, label: 'n', description: 'Power of the polynomial separation function F(x) = xⁿ (n = 2 is the classical network).' },
  },
});
