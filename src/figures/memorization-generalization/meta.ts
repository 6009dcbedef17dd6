import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'memorization-generalization',
  title: 'From memorization to generalization: a score network trained on K points of a ring',
  summary:
    'As the training set grows from 2 to 1,000 points of a circle, does a small diffusion model copy its data, invent spurious states, or learn the ring?',
  animated: true,
  seeded: false,
  notes:
    'The run (data, initial weights, minibatches, sampler noise) is fixed by the precompute seed, so the figure shows no seed control; play/step replays the sampler from its first noise level to the settled samples. Training runs in a Web Worker with progress and cancel.',
  props: {
    K: { type: 'number', integer: true, min: 2, max: 1000, default: 8, label: 'K', description: 'How many training points are drawn from the unit circle.' },
    width: { type: 'enum', options: ['16', '32', '64', '128'], optionLabels: ['16 units', '32 units', '64 units', '128 units'], default: '32', label: 'width', description: 'Hidden units per layer of the two-layer score network (a smaller network generalizes at smaller K).' },
    sigma: { type: 'number', onChange: 'keep', log: true, min: 0.05, max: 3, default: 0.1, label: 'σ', description: 'Noise level at which the learned score field s_θ(x, σ) is drawn.' },
  },
});
