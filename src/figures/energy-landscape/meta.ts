import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'energy-landscape',
  title: 'Particles descending an energy landscape',
  summary: 'Where does a particle go if it always walks downhill on the log-sum-exp energy of a few stored memories?',
  animated: true,
  seeded: true,
  props: {
    memories: { type: 'number', integer: true, min: 1, max: 12, default: 3, label: 'K', description: 'How many memories ξ_μ are stored.' },
    beta: { type: 'number', onChange: 'keep', log: true, min: 0.1, max: 100, default: 4, label: 'β', description: 'Inverse temperature: large β carves one sharp valley per memory; small β merges them.' },
    alpha: { type: 'number', onChange: 'keep', min: 0.01, max: 1, step: 0.01, default: 0.05, label: 'α', description: 'Step size of gradient descent x ← x − α∇E(x).' },
    particles: { type: 'number', integer: true, min: 1, max: 20000, default: 600, label: 'particles', description: 'How many particles start from random places.' },
  },
});
