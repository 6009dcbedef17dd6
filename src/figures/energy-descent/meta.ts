import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'energy-descent',
  title: 'Descent in continuous and in discrete time',
  summary:
    'What changes when the smooth flow τ dx/dt = −∇E(x) is replaced by steps x ← x − α∇E(x), and how large may the step α be before the energy starts to rise?',
  animated: true,
  seeded: false,
  notes: 'Deterministic: the run is fixed by the start point x⁰ (drag it, or use the arrow keys on a panel), so there is no seed.',
  props: {
    energy: {
      type: 'enum',
      options: ['memories', 'valley'],
      optionLabels: ['two memories (log-sum-exp)', 'narrow valley (quadratic)'],
      default: 'memories',
      label: 'E',
      description: 'The energy being descended: the log-sum-exp energy of two stored memories, or a quadratic valley ½(x₁² + κx₂²).',
    },
    beta: { type: 'number', log: true, min: 0.2, max: 20, default: 3, label: 'β', description: 'Inverse temperature of the log-sum-exp energy (used when E is the two-memory energy).' },
    kappa: { type: 'number', min: 1, max: 20, step: 0.5, default: 8, label: 'κ', description: 'Stiffness of the valley: the curvature across it (the largest Hessian eigenvalue, λ_max = κ).' },
    alpha: { type: 'number', min: 0.02, max: 3, step: 0.01, default: 0.5, label: 'α', description: 'Step size of the discrete update x ← x − α∇E(x), α = Δt/τ.' },
    tau: { type: 'number', min: 0.25, max: 4, step: 0.05, default: 1, label: 'τ', description: 'Time constant of the continuous flow τ dx/dt = −∇E(x); it sets how much time one step of size α covers (Δt = ατ).' },
    x0: { type: 'number', min: -2.9, max: 2.9, step: 0.01, default: -2.5, label: 'x⁰₁', aria: 'start x zero, first coordinate', description: 'First coordinate of the start point x⁰.' },
    y0: { type: 'number', min: -2.9, max: 2.9, step: 0.01, default: 1.6, label: 'x⁰₂', aria: 'start x zero, second coordinate', description: 'Second coordinate of the start point x⁰.' },
  },
});
