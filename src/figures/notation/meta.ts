import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'notation',
  title: 'Notation (survey Table 2)',
  summary: 'What does each symbol in the essay’s equations mean? The survey’s Table 2, the one place the essay defines its notation.',
  animated: false,
  seeded: false,
  notes:
    'A reference table, not a simulation: promises 2, 3 and 5 do not apply. It renders src/lib/glossary/glossary.ts, the same data the essay’s symbol tooltips read.',
  props: {},
});
