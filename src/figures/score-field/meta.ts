import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'score-field',
  title: 'The score of a data set, smoothed at noise level σ',
  summary: 'What does the score ∇ log p(x; σ) of a small data set look like as the noise level σ falls from coarse to fine, and which way does time run?',
  animated: false,
  seeded: false,
  notes:
    'No dynamics: the field is a function of σ alone, so there is no play/step/seed. The faint dots are a fixed sample of the noisy data (seeded internally, the same on every load). The σ slider and the time axis below the field are the controls.',
  props: {
    sigma: { type: 'number', log: true, min: 0.05, max: 3, default: 0.6, label: 'σ', description: 'Noise level: the data set is blurred with Gaussian noise of standard deviation σ before taking the score.' },
    time: {
      type: 'enum',
      options: ['forward', 'reverse'],
      optionLabels: ['forward time t (survey Eq. 3)', 'reverse time s (survey Eq. 4)'],
      default: 'forward',
      label: 'time',
      description: 'Label denoising with forward time t (survey Eq. 3) or with the reverse time s = T − t of most diffusion papers (survey Eq. 4).',
    },
    samples: { type: 'boolean', default: true, label: 'noisy samples', description: 'Show samples of the noisy data x + σz, the distribution whose score is drawn.' },
  },
});
