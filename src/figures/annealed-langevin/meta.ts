import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'annealed-langevin',
  title: 'Annealed Langevin dynamics finds the right weights; one small noise level does not',
  summary: 'Why does NCSN anneal the noise from large to small: what goes wrong if Langevin dynamics runs at a single small noise level on a mixture with unequal weights?',
  animated: true,
  seeded: true,
  props: {
    weight: { type: 'number', min: 0.5, max: 0.95, step: 0.05, default: 0.8, label: 'w₁', description: 'Weight of the lower-left component; the upper-right one has weight 1 − w₁.' },
    levels: { type: 'number', integer: true, min: 2, max: 20, default: 10, label: 'L', description: 'Number of noise levels σ₁ > … > σ_L, geometric from σ₁ = 3 to σ_L = 0.1.' },
    stepsPerLevel: { type: 'number', integer: true, min: 5, max: 200, default: 40, label: 'M', description: 'Langevin steps at each noise level (M; T is the final time).' },
    eps: {
      type: 'number',
      log: true,
      min: 0.0005,
      max: 0.01,
      default: 0.008,
      label: 'ε',
      description: 'Step-size scale: α_i = ε σ_i²/σ_L². Above ε = σ_L² = 0.01 the largest steps would overshoot the widest noise level.',
    },
    particles: { type: 'number', integer: true, min: 100, max: 20000, default: 1000, label: 'particles', description: 'Particles per panel, started uniformly over the square.' },
  },
});
