import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'fixed-points',
  title: 'Fixed points, and the tricks that fake them',
  summary:
    'Does a diffusion sampler come to rest like an associative memory? Run it past its final time T, or restart it at the wrong time for the noise, and watch it wander or jump basins while the memory stays put.',
  animated: true,
  seeded: true,
  props: {
    experiment: {
      type: 'enum',
      options: ['sample', 'restart'],
      optionLabels: ['generate from noise', 'repair a corrupted memory'],
      default: 'sample',
      label: 'experiment',
      description: 'Start from pure noise (generation), or from training points with noise of size σ_c added (recall).',
    },
    memories: { type: 'number', integer: true, min: 1, max: 12, default: 3, label: 'K', description: 'How many training points ξ_μ (the diffusion model knows their exact smoothed score).' },
    particles: { type: 'number', integer: true, min: 1, max: 3000, default: 300, label: 'particles', description: 'How many samples each dynamics runs, from the same starting points.' },
    sampler: {
      type: 'enum',
      options: ['sde', 'ode'],
      optionLabels: ['reverse SDE (stochastic)', 'probability-flow ODE'],
      default: 'sde',
      label: 'sampler',
      description: 'The diffusion sampler: Euler–Maruyama on the reverse SDE, or Euler on the probability-flow ODE.',
    },
    updates: { type: 'number', integer: true, min: 5, max: 200, default: 40, label: 'N', description: 'Updates from t = 0 to t = T.' },
    sigmaT: { type: 'number', log: true, min: 0.02, max: 1, default: 0.05, label: 'σ(T)', description: 'The noise level at the final time T. The memory uses β = 1/σ(T)².' },
    halt: { type: 'boolean', onChange: 'keep', default: true, label: 'halt at T (Trick 1)', description: 'Stop the sampler at T. Unchecked, it keeps taking Langevin steps at σ(T) forever.' },
    anneal: { type: 'boolean', default: true, label: 'anneal σ (Trick 2)', description: 'Lower the noise level step by step. Unchecked, the sampler uses σ(T) from the start.' },
    sigmaStart: {
      type: 'number',
      log: true,
      min: 0.02,
      max: 10,
      default: 3,
      label: 'σ(0)',
      description: 'The noise level the sampler assumes when it starts; when repairing, its best guess of how much noise there is.',
    },
    corruption: { type: 'number', log: true, min: 0.02, max: 2, default: 0.3, label: 'σ_c', description: 'When repairing: the size of the noise actually added to each training point.' },
  },
  constraints: {
    // Annealing lowers σ from σ(0) down to σ(T); σ(0) = σ(T) is a constant level.
    sigmaT: (v) => (v.anneal ? { max: v.sigmaStart, because: `when annealing from σ(0) = ${v.sigmaStart}` } : { because: '' }),
  },
});
