import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'scaling-capacity',
  title: 'More neurons, more memories',
  summary: 'How many patterns fit in an associative memory of N neurons, for each separation function F?',
  animated: false,
  seeded: false,
  notes:
    'Not animated and not seeded: the curves are the published capacity formulas (MATH.md §3), recomputed as the reader moves N or n. Promises 3 (time) and 5 (frame budget) do not apply.',
  props: {
    neurons: { type: 'number', integer: true, min: 10, max: 2000, default: 784, label: 'N', description: 'Number of neurons (784 is one 28×28 MNIST image).' },
    degree: { type: 'number', integer: true, min: 2, max: 8, default: 3, label: 'n', description: 'Power of the polynomial separation function F(x) = xⁿ (n = 2 is the classical network).' },
  },
});
