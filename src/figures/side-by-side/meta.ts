import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'side-by-side',
  title: 'One landscape, two dynamics',
  summary:
    'Started from the same points, does an associative memory descending its energy (survey Eq. 10) end where a diffusion model following its time-dependent score along a noise schedule (survey Eq. 9) ends?',
  animated: true,
  seeded: true,
  props: {
    memories: { type: 'number', integer: true, min: 2, max: 8, default: 3, label: 'K', description: 'How many memories (training points) ξ_μ shape the landscape.' },
    particles: { type: 'number', integer: true, min: 1, max: 5000, default: 80, label: 'particles', description: 'How many starting points; each is run by both dynamics.' },
    schedule: {
      type: 'enum',
      options: ['karras', 'geometric', 'linear'],
      optionLabels: ['EDM (Karras, ρ = 7)', 'geometric (NCSN)', 'linear in σ'],
      default: 'karras',
      label: 'schedule σ(t)',
      description: 'How the diffusion model lowers its noise level σ from σ(0) to σ(T).',
    },
    sigmaMax: { type: 'number', log: true, min: 0.5, max: 80, default: 3, label: 'σ(0)', description: 'The noise level the diffusion model starts from.' },
    sigmaMin: {
      type: 'number',
      log: true,
      min: 0.05,
      max: 1,
      default: 0.2,
      label: 'σ(T)',
      description: 'The last noise level. The associative memory uses β = 1/σ(T)², so both share one landscape (Ambrogioni).',
    },
    updates: { type: 'number', integer: true, min: 2, max: 200, default: 30, label: 'N', description: 'Number of diffusion updates between t = 0 and t = T.' },
    alpha: { type: 'number', onChange: 'keep', min: 0.01, max: 1, step: 0.01, default: 0.15, label: 'α', description: 'The associative memory’s constant step size α = Δt/τ (survey Eq. 11).' },
    afterT: {
      type: 'enum',
      onChange: 'keep',
      options: ['halt', 'hold'],
      optionLabels: ['halt at T (Trick 1)', 'keep stepping at σ(T)'],
      default: 'halt',
      label: 'after T',
      description: 'The diffusion model is only defined on t ∈ [0, T]: it halts there, or keeps repeating its last update with σ held at σ(T).',
    },
  },
  constraints: {
    // The schedule lowers σ from σ(0) down to σ(T); σ(0) = σ(T) is a constant level.
    sigmaMin: (v) => ({ max: v.sigmaMax, because: `when σ(0) = ${v.sigmaMax}` }),
  },
});
