import { defineFigure } from '../../lib/figure/spec';

/*
 * Survey Eqs. 1–2 in one dimension: an energy E(x), its Boltzmann density p ∝ e^{−E/T}, and a particle whose force
 * F = −∇E is drawn both on the energy and, as the score ∇log p = F/T, on the log-probability. Playing runs
 * Langevin walkers at temperature T, whose histogram fills in the density.
 */
export const meta = defineFigure({
  id: 'boltzmann',
  title: 'Energy, force and the Boltzmann density',
  summary: 'How does an energy become a probability? Slide the temperature, drag the particle, and compare the force on the energy with the score on log p.',
  animated: true,
  seeded: true,
  props: {
    T: { type: 'number', onChange: 'keep', log: true, min: 0.05, max: 5, default: 0.5, label: '1/β', description: 'Temperature 1/β in p(x) ∝ e^{−βE(x)} (the essay keeps T for the final time). 1/β = 1 is survey Eq. 1; a low temperature piles the probability into the deepest valley, a high one spreads it out.' },
    tilt: { type: 'number', onChange: 'keep', min: -0.6, max: 0.6, step: 0.01, default: 0.25, label: 'c', description: 'Tilt of the double well E(x) = ((x/a)² − 1)² + c·x: positive c makes the left valley deeper.' },
    x: { type: 'number', onChange: 'keep', min: -2.6, max: 2.6, step: 0.01, default: 0.7, label: 'x', description: 'Position of the particle; the arrows show the force F = −∇E(x) and the score ∇log p(x) = βF there.' },
    walkers: { type: 'number', integer: true, min: 0, max: 20000, step: 100, default: 2000, label: 'walkers', description: 'Particles running Langevin dynamics x ← x − α∇E + √(2α/β) z; their histogram approaches p.' },
  },
});
