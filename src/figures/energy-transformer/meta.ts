import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'energy-transformer',
  title: 'An Energy Transformer block',
  summary:
    'Can a Transformer block be an associative memory? A few tokens follow the gradient of one energy, attention plus memory, and watch both fall together.',
  animated: true,
  seeded: true,
  props: {
    tokens: { type: 'number', integer: true, min: 2, max: 8, default: 5, label: 'tokens', description: 'How many tokens x_A the block holds (attention needs at least two).' },
    memories: { type: 'number', integer: true, min: 0, max: 6, default: 3, label: 'K', description: 'How many memories ξ_μ the Hopfield module stores (0 leaves attention alone).' },
    beta: { type: 'number', onChange: 'keep', log: true, min: 0.1, max: 10, default: 1, label: 'β', description: 'Inverse temperature of the attention energy E_ATT.' },
    alpha: { type: 'number', onChange: 'keep', min: 0.005, max: 0.2, step: 0.005, default: 0.1, label: 'α', description: 'Step size α = Δt/τ of the block’s dynamics x ← x − α ∂E/∂g.' },
  },
  edits: {
    // The angle as atan2 gives it, in radians: [−π, π] lies inside the range, and π rounded to 3 decimals too.
    move: { description: 'Puts token a on the LayerNorm circle at angle θ (radians); the energies restart from there.', args: [[0, 7, 'integer'], [-3.142, 3.142]], replaces: 1 },
  },
});
