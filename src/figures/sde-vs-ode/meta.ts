import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'sde-vs-ode',
  title: 'The same noise through the reverse SDE and the probability-flow ODE',
  summary: 'Starting from the same noise, how do the stochastic reverse SDE and the deterministic probability-flow ODE differ, and can the ODE run backwards to give every data point its own latent?',
  animated: true,
  seeded: true,
  props: {
    steps: { type: 'number', integer: true, min: 10, max: 400, default: 60, label: 'N', description: 'Number of noise levels (Karras schedule, ρ = 7) from σ_max = 4 down to σ_min = 0.01, then 0.' },
    particles: { type: 'number', integer: true, min: 10, max: 5000, default: 400, label: 'particles', description: 'How many noise samples x ~ p(x; σ_max) are run through both samplers.' },
    paths: { type: 'number', integer: true, min: 0, max: 40, default: 10, label: 'paths', description: 'How many of the particles have their whole trajectory drawn.' },
    show: {
      type: 'enum',
      onChange: 'keep',
      options: ['both', 'ode', 'sde'],
      optionLabels: ['SDE and ODE', 'ODE only', 'SDE only'],
      default: 'both',
      label: 'show',
      description: 'Which sampler to draw.',
    },
  },
});
