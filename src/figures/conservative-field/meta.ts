import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'conservative-field',
  title: 'Is the score the gradient of an energy?',
  summary:
    'Walk a loop, or let particles sample, through an unconstrained learned score and through the gradient of the energy of survey Eq. 19: which one gives back zero work around every loop, which one lets the energy only fall, and what does the Jacobian term of survey Eq. 20 have to do with it?',
  animated: true,
  seeded: true,
  notes: 'The dynamics here are a walker going once around the loop and adding up F·dl, stopping when the loop is closed; or, with walk = particles, particles following each field by Euler steps until they come to rest. The seed draws the error network’s weights (another “training run”) and the particles’ starts. A loop the reader draws is kept across restarts and recorded in links like any change.',
  props: {
    memories: { type: 'number', integer: true, min: 1, max: 6, default: 3, label: 'K', description: 'How many training points the denoiser f_θ was fit to.' },
    sigma: { type: 'number', log: true, min: 0.25, max: 2, default: 0.6, label: 'σ', description: 'The noise level at which the denoiser and the energy of survey Eq. 19 are evaluated.' },
    eps: {
      type: 'number',
      min: 0,
      max: 2,
      step: 0.05,
      default: 0.6,
      label: 'ε',
      description: 'How far the learned denoiser is from the exact one: f_θ = D_σ + ε·(a small random tanh network). At ε = 0 both fields are gradients.',
    },
    jacobian: { type: 'boolean', default: true, label: 'Jacobian term of survey Eq. 20', description: 'Include the first term (∂f_θ/∂x)ᵀ(x − f_θ)/σ² in the right-hand field.' },
    walk: {
      type: 'enum',
      options: ['loop', 'particles'],
      optionLabels: ['a walker round a loop', 'particles following each field'],
      default: 'loop',
      label: 'walk',
      description: 'Walk one closed loop adding up F·dl, or let particles sample each field from the same starts and watch E_θ along their paths.',
    },
    loop: {
      type: 'enum',
      options: ['memory', 'between', 'wide', 'drawn'],
      optionLabels: ['circle round a training point', 'circle between points', 'wide square', 'the loop I drew'],
      default: 'between',
      label: 'loop',
      description: 'The closed path to walk. Drawing on either panel with a pointer makes a new loop.',
    },
    pieces: { type: 'number', onChange: 'keep', integer: true, min: 1, max: 40, default: 6, label: 'pieces/step', aria: 'pieces per step', description: 'How many pieces of the loop the walker covers per update.' },
  },
  edits: {
    drawn: {
      description: 'A closed loop the reader drew, as x, y vertices (at most 120; closed from the last back to the first): walked from its start when the loop is “the loop I drew”, and kept across restarts.',
      args: [[-2.5, 2.5], [-2.5, 2.5]],
      repeat: { of: 2, max: 120 },
      digits: 2,
    },
  },
});
