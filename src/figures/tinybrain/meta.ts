import { defineFigure } from '../../lib/figure/spec';

const LAGRANGIANS = ['identity', 'tanh', 'softmax'] as const;
const LAGRANGIAN_LABELS = ['identity: ½‖·‖², g = x', 'log-cosh: g = tanh x', 'log-sum-exp: g = softmax(βx)'] as const;

export const meta = defineFigure({
  id: 'tinybrain',
  title: 'TinyBrain: feature neurons, memory neurons and one synaptic matrix',
  summary:
    'Two layers of neurons joined by ξ, each with its own Lagrangian: watch every internal state and activation settle while the total energy E = E_x + E_h + E_syn only goes down.',
  animated: true,
  seeded: true,
  props: {
    nx: { type: 'number', integer: true, min: 3, max: 16, default: 12, label: 'N_x', description: 'Number of feature neurons x.' },
    nh: { type: 'number', integer: true, min: 1, max: 8, default: 3, label: 'N_h', description: 'Number of memory neurons h: one per stored pattern (row of ξ).' },
    lx: { type: 'enum', options: LAGRANGIANS, optionLabels: LAGRANGIAN_LABELS, default: 'tanh', label: 'L_x', description: 'Lagrangian of the feature layer; its gradient is the activation g = ∇L_x(x).' },
    lh: { type: 'enum', options: LAGRANGIANS, optionLabels: LAGRANGIAN_LABELS, default: 'softmax', label: 'L_h', description: 'Lagrangian of the memory layer; its gradient is the activation f = ∇L_h(h).' },
    beta: { type: 'number', log: true, min: 0.5, max: 20, default: 4, label: 'β', description: 'Inverse temperature of any log-sum-exp (softmax) layer.' },
    instant: { type: 'boolean', default: false, label: 'memory layer instantaneous (τ_h → 0)', description: 'Slave h to ξg(x) at every instant, as Hopfield did: with L_h the identity this is the classical network (Eqs. 17–18), with softmax the modern one.' },
    tauH: { type: 'number', log: true, min: 0.05, max: 4, default: 0.3, label: 'τ_h', description: 'Time constant of the memory layer (τ_x = 1).' },
    strength: { type: 'number', min: 0.25, max: 4, step: 0.05, default: 2, label: 's', description: 'Synaptic strength: ξ_μ = s · p_μ / √N_x for stored ±1 patterns p_μ.' },
    noise: { type: 'number', min: 0, max: 0.5, step: 0.05, default: 0.2, label: 'noise', description: 'Fraction of feature neurons that start with the wrong sign of pattern 1.' },
  },
});
