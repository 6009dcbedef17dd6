import { defineFigure } from '../../lib/figure/spec';

/*
 * A drop of dye in water (survey §1): particles start in one or two droplets, or along a stroke the reader draws,
 * and diffuse under the forward VE process until the picture is uniform. The reverse process, run with the exact
 * score of the initial distribution smoothed to the current noise level, brings the picture back.
 */
export const meta = defineFigure({
  id: 'dye-diffusion',
  title: 'A drop of dye, diffused and un-diffused',
  summary:
    'Diffusion destroys the picture of a dye drop; can following the score of the smoothed distribution backward recreate it? Scrub time, then run the reverse process.',
  animated: true,
  seeded: true,
  props: {
    shape: {
      type: 'enum',
      options: ['two', 'one', 'drawn'],
      optionLabels: ['two droplets', 'one droplet', 'the shape you draw'],
      default: 'two',
      label: 'start',
      description: 'Where the dye starts: the initial distribution p₀ is a mixture of small Gaussian droplets along this shape.',
    },
    particles: { type: 'number', integer: true, min: 500, max: 100000, step: 500, default: 4000, label: 'particles', description: 'How many dye particles. Above about 8 000 particles for a drawn shape, each reverse step is spread over several frames, so time runs back more slowly.' },
    width: { type: 'number', min: 0.05, max: 0.6, step: 0.01, default: 0.15, label: 'w', description: 'Width of each droplet: p₀ = (1/K) Σ_μ N(c_μ, w²I).' },
    sigmaMax: { type: 'number', min: 1, max: 6, step: 0.1, default: 3, label: 'σ_max', description: 'Noise scale at the end of the forward process, σ(t) = σ_max·t for t ∈ [0, 1] (the EDM schedule).' },
    sampler: {
      type: 'enum',
      onChange: 'keep',
      options: ['sde', 'ode'],
      optionLabels: ['reverse SDE', 'probability-flow ODE'],
      default: 'sde',
      label: 'reverse',
      description: 'How to run time backward: the reverse-time SDE adds fresh noise at every step; the probability-flow ODE does not.',
    },
    direction: {
      type: 'enum',
      onChange: 'keep',
      options: ['forward', 'reverse'],
      optionLabels: ['forward (diffuse)', 'reverse (follow the score)'],
      default: 'forward',
      label: 'direction',
      description: 'Which way time runs when playing: forward spreads the dye; reverse follows the exact score back toward p₀.',
    },
  },
  edits: {
    drawn: {
      description: 'The shape the reader drew, as its droplet centres c_μ (x, y pairs, at most 32): the dye starts again from it when the start is “the shape you draw”, and it is kept across restarts.',
      args: [[-4, 4], [-4, 4]],
      repeat: { of: 2, max: 32 },
      digits: 2,
    },
    scrub: { description: 'The time slider: the particles go to step k of the forward path (t = k/200), and the run goes on from there.', args: [[0, 200, 'integer']], digits: 0, replaces: 0 },
  },
  notes: 'A drawn shape is kept across restarts; it and the time slider are recorded in links like any change.',
});
