import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'capacity',
  title: 'How many memories fit? A live capacity experiment',
  summary: 'Store K random patterns of N bits, corrupt one, let the network recall it, and count how often it comes back: the classical network fails near K ≈ 0.14 N while dense associative memories keep recalling far beyond N.',
  animated: false,
  seeded: true,
  notes: 'Not animated: the experiment runs in a Web Worker with a progress bar and a Cancel button instead of play/pause; the seed fixes the random patterns, so the same seed gives the same curves.',
  props: {
    N: { type: 'number', integer: true, min: 20, max: 400, step: 10, default: 100, label: 'N', description: 'Neurons per pattern. The classical network holds about 0.138 N patterns; dense memories far more.' },
    corruption: { type: 'number', min: 0, max: 0.3, step: 0.01, default: 0.1, label: 'ρ', description: 'Fraction of the bits flipped in each probe before recall starts (0 asks only whether the patterns are fixed points).' },
    trials: { type: 'number', integer: true, min: 1, max: 20, default: 3, label: 'trials', description: 'Fresh random pattern sets per K for the dense memories (the classical network gets 8 times as many); each set is probed 4 times.' },
  },
});
