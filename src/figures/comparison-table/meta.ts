import { defineFigure } from '../../lib/figure/spec';

/** The rows of survey Table 1, in the survey's order. */
export const ROWS = ['parameterizes', 'continuous', 'discrete', 'time', 'fixed-point', 'energy', 'corruption'] as const;

export const meta = defineFigure({
  id: 'comparison-table',
  title: 'Diffusion models and associative memories, side by side (survey Table 1)',
  summary: 'Where exactly do diffusion models and associative memories differ? Each row of the survey’s Table 1, with the figure and the equation that show it.',
  animated: false,
  seeded: false,
  notes:
    'A static table: it has no dynamics, so no play/pause/step/seed and no frame budget. Its live parts are the links from each row to the figure (#fig-…) and equation (#eq-…) that demonstrate it, and a row highlight that lecture mode or the markdown can set.',
  props: {
    highlight: {
      type: 'enum',
      options: ['none', ...ROWS],
      optionLabels: ['no row', 'what is parameterized', 'continuous update', 'discrete update', 'valid time domain', 'fixed-point attractor?', 'tractable energy?', 'what corruption it undoes'],
      default: 'none',
      label: 'highlight',
      description: 'A row of the table to emphasise.',
    },
  },
});
