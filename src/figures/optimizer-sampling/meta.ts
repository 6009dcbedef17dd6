import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'optimizer-sampling',
  title: 'Optimizers as samplers',
  summary:
    'If sampling is gradient descent on an energy, how many steps do deep learning’s optimizers need to reach a memory, compared with a diffusion model’s fixed noise schedule?',
  animated: true,
  seeded: true,
  props: {
    memories: { type: 'number', integer: true, min: 2, max: 8, default: 4, label: 'K', description: 'How many memories ξ_μ shape the energy E_β.' },
    beta: { type: 'number', log: true, min: 0.5, max: 50, default: 4, label: 'β', description: 'Inverse temperature of the log-sum-exp energy E_β.' },
    alpha: { type: 'number', min: 0.01, max: 0.5, step: 0.01, default: 0.05, label: 'α', description: 'Step size shared by gradient descent, momentum and Adam (L-BFGS picks its own by line search).' },
    starts: { type: 'number', integer: true, min: 1, max: 6, default: 3, label: 'starts', description: 'How many starting points x⁰, the same for every method.' },
    schedule: { type: 'number', integer: true, min: 4, max: 100, default: 18, label: 'N (schedule)', description: 'Number of noise levels σ_i of the diffusion sampler (Karras schedule, Heun steps).' },
  },
  edits: {
    // The plane is sim.ts's DOMAIN; the index runs up to the most starts (a start past the current count is ignored).
    move: { description: 'Moves start i to (x, y); every method races again from the starts.', args: [[0, 5, 'integer'], [-3, 3], [-3, 3]], replaces: 1 },
  },
});
