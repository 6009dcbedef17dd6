import { defineFigure } from '../../lib/figure/spec';

/*
 * Survey Figure 1: the same two memories seen as a log-probability landscape (left, with its score) and as an
 * associative memory's energy (right). The memories ξ₁, ξ₂ are the AM's four parameters; the reader drags them
 * (or moves them with the arrow keys), and both landscapes and every arrow follow.
 */
export const meta = defineFigure({
  id: 'landscape-duality',
  title: 'One landscape, two readings: log-probability and energy',
  summary:
    'Is following the score uphill on log p the same as rolling downhill on an energy? Drag the two memories, drop particles, and watch them move identically on both sides.',
  animated: true,
  seeded: true,
  props: {
    beta: { type: 'number', onChange: 'keep', log: true, min: 0.1, max: 50, default: 3, label: 'β', description: 'Inverse temperature of the energy E_θ: large β carves one sharp valley per memory; below β = 4/d² the two valleys merge into one.' },
    alpha: { type: 'number', onChange: 'keep', min: 0.01, max: 1, step: 0.01, default: 0.04, label: 'α', description: 'Step size of the update x^{t+1} = x^t − α∇E_θ(x^t). With α = 1 one step lands on ξᵀ softmax, the modern Hopfield update.' },
    particles: { type: 'number', integer: true, min: 0, max: 200, default: 10, label: 'particles', description: 'How many particles start at random places (clicking adds more, up to 400).' },
    x1: { type: 'number', onChange: 'keep', min: -2.7, max: 2.7, step: 0.01, default: 1.2, label: 'ξ₁ (first coordinate)', description: 'Horizontal position of memory ξ₁.' },
    y1: { type: 'number', onChange: 'keep', min: -2.7, max: 2.7, step: 0.01, default: 1.2, label: 'ξ₁ (second coordinate)', description: 'Vertical position of memory ξ₁.' },
    x2: { type: 'number', onChange: 'keep', min: -2.7, max: 2.7, step: 0.01, default: -1.2, label: 'ξ₂ (first coordinate)', description: 'Horizontal position of memory ξ₂.' },
    y2: { type: 'number', onChange: 'keep', min: -2.7, max: 2.7, step: 0.01, default: -1.2, label: 'ξ₂ (second coordinate)', description: 'Vertical position of memory ξ₂.' },
  },
  notes: 'The memory coordinates are set by dragging the handles (pointer, touch, or arrow keys on a focused handle), so they have no sliders.',
});
