import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: 'any-corruption',
  title: 'Recall from any corruption',
  summary:
    'Does an associative memory care how a picture was damaged? The same stored pictures, recalled from Gaussian noise, a mask, blur and pixelation, by energy descent and by the one-step denoiser of the smoothed data (a modern Hopfield step).',
  animated: true,
  seeded: true,
  props: {
    memories: { type: 'number', integer: true, min: 2, max: 20, default: 6, label: 'K', description: 'How many built-in 16×16 pictures ξ_μ are stored.' },
    memory: { type: 'number', integer: true, min: 1, max: 20, default: 1, label: 'μ', description: 'Which stored picture to corrupt (1 to K; a larger value is taken as K).' },
    strength: { type: 'number', min: 0, max: 1, step: 0.05, default: 0.4, label: 'strength', description: 'How hard each corruption hits: noise σ_c = 1.5·strength, the masked fraction, the blur radius, the pixel-block size.' },
    sigma: {
      type: 'number',
      log: true,
      min: 1,
      max: 40,
      default: 3,
      label: 'σ',
      description: 'The noise level the denoiser assumes. The energy uses β = 1/σ², so one descent step with α = 1 is exactly the denoiser (Ambrogioni).',
    },
    alpha: { type: 'number', onChange: 'keep', min: 0.05, max: 1, step: 0.05, default: 0.15, label: 'α', description: 'Step size of energy descent x ← x − α∇E_β(x) (survey Eq. 11).' },
  },
  constraints: {
    memory: (v) => ({ max: v.memories, because: `for ${v.memories} stored pictures` }),
  },
});
