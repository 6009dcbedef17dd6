import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'separation-functions',
  title: 'Spikier separation functions, cleaner basins',
  summary: 'The same memories on a circle, stored with four separation functions F: the faster F grows near a perfect match, the more memories keep a basin of their own.',
  animated: false,
  seeded: true,
  notes: 'Not animated: each panel is the end point of gradient descent from every pixel (a basin map), recomputed when the memories or F change. The seed places the memories; drag them to move them. A link records where they were dragged (edit `angles`, at step 0).',
  props: {
    K: { type: 'number', integer: true, min: 2, max: 8, default: 5, label: 'K', description: 'How many memories ξ_μ are stored (unit vectors, drawn on the circle).' },
    n: { type: 'number', integer: true, min: 2, max: 12, default: 5, label: 'n', description: 'The power of the polynomial separations F(m) = mⁿ and max(m, 0)ⁿ.' },
    beta: { type: 'number', log: true, min: 1, max: 100, default: 12, label: 'β', description: 'The sharpness of the exponential separation F(m) = e^{βm}; in N dimensions overlaps grow with N, so β plays the part of N.' },
  },
  edits: {
    angles: { description: 'Where the memories sit on the circle: one angle in radians per memory, K in all (what dragging them sets).', args: [[-7, 7]], repeat: { of: 1, max: 8 } },
  },
});
