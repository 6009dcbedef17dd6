import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'denoising-score-matching',
  title: 'Denoising score matching: noisy targets that average to the score',
  summary: 'Each perturbed sample x̃ = ξ + σz comes with the target −(x̃ − ξ)/σ² that a network is trained to predict; does the average of those targets, taken locally, become the true score?',
  animated: true,
  seeded: true,
  props: {
    sigma: { type: 'number', log: true, min: 0.15, max: 2, default: 0.5, label: 'σ', description: 'Noise level used to perturb the data: x̃ = ξ + σz.' },
    batch: { type: 'number', onChange: 'keep', integer: true, min: 1, max: 5000, default: 100, label: 'samples per step', description: 'How many perturbed samples (and targets) are drawn in one update.' },
    bins: { type: 'number', integer: true, min: 6, max: 30, default: 14, label: 'bins', description: 'The targets are averaged in a bins × bins grid of cells.' },
    total: { type: 'number', integer: true, min: 1000, max: 200000, default: 40000, label: 'budget', description: 'The run stops after this many samples.' },
  },
});
