import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'attention-step',
  title: 'One step of recall is attention',
  summary:
    'A query x is compared with every stored pattern, the scores go through softmax(β·), and the output is the weighted average of the patterns: one step of the modern Hopfield update, and exactly the attention operation.',
  animated: true,
  seeded: true,
  props: {
    memories: { type: 'number', integer: true, min: 2, max: 10, default: 6, label: 'K', description: 'How many pictures are stored (the rows of ξ: keys and values at once).' },
    beta: { type: 'number', log: true, min: 0.5, max: 200, default: 6, label: 'β', description: 'Inverse temperature of the softmax: large β picks one pattern, small β blends them.' },
    iterate: { type: 'boolean', default: false, label: 'iterate to a fixed point', description: 'Repeat x ← ξᵀ softmax(βξx) until x stops changing, as an associative memory does; off = the single step an attention layer takes.' },
    query: { type: 'number', integer: true, min: 1, max: 10, default: 1, label: 'query from', description: 'Which stored picture the corrupted query is made from.' },
    corruption: { type: 'enum', options: ['noise', 'mask'], optionLabels: ['flip pixels', 'hide the bottom'], default: 'noise', label: 'corruption', description: 'How the query is corrupted: flip a fraction of its pixels, or blank out the bottom rows.' },
    amount: { type: 'number', min: 0, max: 0.9, step: 0.05, default: 0.3, label: 'amount', description: 'Fraction of pixels flipped, or fraction of rows hidden.' },
  },
});
