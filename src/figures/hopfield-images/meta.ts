import { defineFigure } from '../../lib/figure/spec';
import { MAX_PIXELS, MAX_STROKE_RUNS } from './strokes';

/** The most pictures of their own a reader can store (drawn or uploaded). */
export const MAX_READER = 20;

export const meta = defineFigure({
  id: 'hopfield-images',
  title: 'Storing pictures in a Hopfield network',
  summary: 'Store binary pictures, corrupt one, and watch the network flip one neuron at a time down its energy until it recalls the picture, or falls into a spurious mixture when it holds too many.',
  animated: true,
  seeded: true,
  notes:
    'Brush strokes and “Hide half” are edits of the state: recall starts again from the edited state while the run goes on (its step count does not go back to 0), and a link replays them exactly. The reader’s own pictures (drawn or uploaded) cannot go in a link: it records only how many were stored, and opening it says they are missing, so that run is not the one that was shared.',
  props: {
    memory: {
      type: 'enum',
      options: ['classical', 'poly', 'rectified', 'exp'],
      optionLabels: ['classical (F = x²)', 'dense, F = xⁿ', 'dense, F = max(x, 0)ⁿ', 'dense, F = eˣ'],
      default: 'classical',
      label: 'memory',
      description: 'Which energy E = −Σ_μ F(ξ_μ · s) the network descends: the classical Hopfield network (F = x²) or a dense associative memory.',
    },
    n: { type: 'number', integer: true, min: 2, max: 10, default: 3, label: 'n', description: 'The power n of the polynomial separation F(x) = xⁿ (n = 2 is the classical network).' },
    size: {
      type: 'enum',
      options: ['16', '24', '32', '48', '64'],
      optionLabels: ['16×16', '24×24', '32×32', '48×48', '64×64'],
      default: '32',
      label: 'pixels',
      description: 'The picture size; the network has N = side² neurons, one per pixel.',
    },
    images: { type: 'number', integer: true, min: 1, max: 20, default: 4, label: 'pictures', description: 'How many of the built-in pictures are stored as memories ξ_μ.' },
    extra: { type: 'number', integer: true, min: 0, max: 600, default: 0, label: '+ random', description: 'Extra random ±1 patterns stored alongside the pictures, to push K past the classical capacity 0.14 N.' },
    target: { type: 'number', integer: true, min: 1, max: 40, default: 1, label: 'ξ target', description: 'Which stored picture (built-in ones first, then your own) is corrupted and given to the network as its starting state.' },
    noise: { type: 'number', min: 0, max: 0.5, step: 0.01, default: 0.2, label: 'noise', description: 'The fraction of pixels flipped at random when the picture is corrupted.' },
    mode: {
      type: 'enum',
      onChange: 'keep',
      options: ['sweep', 'flip'],
      optionLabels: ['one sweep per step', 'one flip per step'],
      default: 'flip',
      label: 'step',
      description: 'What one step does: a sweep visits every neuron once in random order; a flip goes on until one neuron changes sign.',
    },
  },
  edits: {
    paint: {
      description: 'Brush stroke k sets pixels of the state, as (gap, ±length) runs in reading order (+ ink, − paper), and recall starts again from it; a later edit of the same stroke at the same step replaces it.',
      args: [[0, 999, 'integer'], [0, MAX_PIXELS - 1, 'integer'], [-MAX_PIXELS, MAX_PIXELS, 'integer']],
      repeat: { of: 2, max: MAX_STROKE_RUNS },
      digits: 0,
      replaces: 1,
    },
    mask: { description: 'Hides the bottom half of the state (it becomes paper) and recall starts again from it.', args: [], replaces: 0 },
    own: { description: 'The run stored n pictures of the reader’s own, which a link cannot carry (recorded so that opening the link says so).', args: [[1, MAX_READER, 'integer']] },
  },
});
