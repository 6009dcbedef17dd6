import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'dispersed-memories',
  title: 'One knob from creation to recall: the smoothed pattern set as an associative memory',
  summary:
    'How do the attractors of a Gaussian-smoothed set of patterns change with the noise σ, and when does a sample become a stored memory rather than a blend?',
  animated: true,
  seeded: true,
  notes: 'The reader edits the patterns directly on the landscape (add, drag, remove); those edits are kept across σ changes and resets, replaced only by a new seed or pattern count, and recorded in links like any change.',
  props: {
    sigma: { type: 'number', onChange: 'keep', log: true, min: 0.05, max: 3, default: 0.55, label: 'σ', description: 'Noise level of the smoothing; the energy is E_β with β = 1/σ².' },
    memories: { type: 'number', integer: true, min: 1, max: 12, default: 5, label: 'K', description: 'How many patterns ξ_μ the seed places (add, drag and remove them on the landscape).' },
    alpha: { type: 'number', onChange: 'keep', min: 0.05, max: 1, step: 0.05, default: 0.3, label: 'α', description: 'Step size of x ← x − α∇E_β(x); α = 1 is exactly the one-step denoiser, the modern Hopfield update.' },
    particles: { type: 'number', integer: true, min: 0, max: 5000, default: 400, label: 'particles', description: 'How many particles start from random places and descend E_β.' },
  },
  edits: {
    add: { description: 'Adds a pattern at (x, y) (at most 12).', args: [[-3, 3], [-3, 3]] },
    move: { description: 'Moves pattern i to (x, y).', args: [[0, 11, 'integer'], [-3, 3], [-3, 3]], replaces: 1 },
    remove: { description: 'Removes pattern i (one always stays).', args: [[0, 11, 'integer']] },
    patterns: { description: 'The whole pattern set, as x, y pairs: what a restart keeps of the edits before it.', args: [[-3, 3], [-3, 3]], repeat: { of: 2, max: 12 }, digits: 6 },
  },
});
