import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'hierarchy',
  title: 'A hierarchical associative memory',
  summary: 'Stack as many layers of neurons as you like, each joined to the next by its own synapses: all layers settle together, and the total energy still never rises. Learned from patterns, the middle layer holds their parts and the stack completes a pattern shown in part.',
  animated: true,
  seeded: true,
  props: {
    synapses: {
      type: 'enum',
      options: ['random', 'trained'],
      optionLabels: ['random', 'learned from four patterns'],
      default: 'random',
      label: 'synapses',
      description: 'Random synapses (any depth), or three layers (features, parts, memories) whose synapses are learned from four patterns built of shared parts; the input is one of them with a window hidden.',
    },
    layers: { type: 'number', integer: true, min: 3, max: 8, default: 4, label: 'layers', description: 'Number of neuron layers L (adjacent layers are joined by a synaptic matrix W_ℓ).' },
    width: { type: 'number', integer: true, min: 3, max: 12, default: 7, label: 'n', description: 'Neurons per layer.' },
    top: { type: 'enum', options: ['softmax', 'tanh'], optionLabels: ['log-sum-exp (softmax)', 'log-cosh (tanh)'], default: 'softmax', label: 'L_top', description: 'Lagrangian of the top layer; the layers below use log-cosh (tanh).' },
    beta: { type: 'number', log: true, min: 0.5, max: 20, default: 4, label: 'β', description: 'Inverse temperature of a softmax top layer.' },
    scale: { type: 'number', min: 0.25, max: 4, step: 0.05, default: 1.6, label: 's', description: 'Synaptic strength: random W_ℓ have entries N(0, s²/n); learned ones are scaled by s.' },
    input: { type: 'number', min: 0, max: 2, step: 0.05, default: 0.6, label: 'I', description: 'Strength of the input current into the bottom layer (a fixed random ±1 pattern, or a stored pattern with one window hidden).' },
  },
});
