/*
 * The survey's notation (its Appendix A, Table 2) as data: the one place the essay defines its symbols. The
 * appendix renders this table, and the glossary enhancer uses it to explain a symbol wherever a reader hovers
 * or focuses it in the essay's math. Pure data: no DOM, so tests and the build can read it.
 */
export interface GlossaryEntry {
  /** Stable id; the anchor of the symbol’s first use is `#sym-<id>` (chapters 1 and 2). */
  id: string;
  /** The character KaTeX renders for the symbol's base letter (what the enhancer matches). */
  char: string;
  /** TeX for display in the appendix. */
  tex: string;
  /** The meaning, from the survey's Table 2, in the essay's words. */
  meaning: string;
  /** Where the essay first uses the symbol (an element id). */
  firstUse: string;
  /** When two rows share a letter: a script (superscript or subscript) that picks this row (x⋆, f_θ). */
  marker?: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 't', char: 't', tex: 't', meaning: 'time', firstUse: 'sym-t' },
  { id: 's', char: 's', tex: 's', meaning: 'reverse time: as s increases, time runs backward (the diffusion literature’s convention)', firstUse: 'sym-s' },
  { id: 'theta', char: 'θ', tex: '\\theta', meaning: 'the parameters of a neural network', firstUse: 'sym-theta' },
  { id: 'p', char: 'p', tex: 'p_\\theta(x)', meaning: 'the probability distribution of some data, parameterized by θ', firstUse: 'sym-p' },
  { id: 'e', char: 'E', tex: 'E_\\theta(x)', meaning: 'the energy of some data, parameterized by θ; the negative log-probability up to a constant', firstUse: 'sym-e' },
  { id: 'z', char: 'Z', tex: 'Z_\\theta', meaning: 'the normalizing constant that turns energies into probabilities, the partition function', firstUse: 'sym-z' },
  { id: 'f', char: 'F', tex: 'F_\\theta(x)', meaning: 'the score function, or the force: minus the gradient of the energy with respect to x, parameterized by θ', firstUse: 'sym-f' },
  { id: 'alpha', char: 'α', tex: '\\alpha', meaning: 'the size of a discrete step down the energy', firstUse: 'sym-alpha' },
  { id: 'eps', char: 'ϵ', tex: '\\epsilon', meaning: 'the noise added at each step of the discrete forward process of a diffusion model', firstUse: 'sym-eps' },
  { id: 'domega', char: 'ω', tex: 'd\\omega_t', meaning: 'the infinitesimal noise added by the continuous forward process of diffusion', firstUse: 'sym-domega' },
  { id: 'sigma', char: 'σ', tex: '\\sigma(t)', meaning: 'the scale of the noise added by time t of the continuous forward process', firstUse: 'sym-sigma' },
  { id: 'tmax', char: 'T', tex: 'T', meaning: 'the maximum depth of a diffusion model; the time at which an associative memory reaches its fixed point', firstUse: 'sym-tmax' },
  { id: 'tau', char: 'τ', tex: '\\tau', meaning: 'the rate (time) constant of continuous-time dynamics', firstUse: 'sym-tau' },
  { id: 'n', char: 'N', tex: 'N_\\ell', meaning: 'the number of neurons in layer ℓ of an associative memory', firstUse: 'sym-n' },
  { id: 'x', char: 'x', tex: 'x', meaning: 'the state of a data point, which evolves in time (the position of a particle)', firstUse: 'sym-x' },
  { id: 'g', char: 'g', tex: 'g', meaning: 'the activations of a state x (a neuron’s output)', firstUse: 'sym-g' },
  { id: 'l', char: 'L', tex: 'L', meaning: 'the Lagrangian of a layer, which defines that layer’s energy and activations', firstUse: 'sym-l' },
  { id: 'xstar', char: 'x', tex: 'x^\\star', meaning: 'a fixed point of the memory-retrieval dynamics', firstUse: 'sym-xstar', marker: '⋆' },
  { id: 'xi', char: 'ξ', tex: '\\xi', meaning: 'the weights of an associative memory (its stored memories)', firstUse: 'sym-xi' },
  { id: 'ftheta', char: 'f', tex: 'f_\\theta', meaning: 'any generic function parameterized by θ (e.g. a denoising network)', firstUse: 'sym-ftheta', marker: 'θ' },
  { id: 'drift', char: 'f', tex: 'f(x, t)', meaning: 'the drift term of diffusion’s corruption process, typically set to 0', firstUse: 'sym-drift' },
];

/** Characters KaTeX may emit for the same symbol (ε for ϵ). */
const ALIASES: Record<string, string> = { ε: 'ϵ', '∗': '⋆', '*': '⋆' };

/**
 * The glossary row for a base character, given the text of the scripts (super- and subscript) attached to it. Returns
 * undefined for characters the table does not define.
 */
export function lookupSymbol(char: string, superscript = ''): GlossaryEntry | undefined {
  const c = ALIASES[char] ?? char;
  const sup = [...superscript].map((ch) => ALIASES[ch] ?? ch).join('');
  const rows = GLOSSARY.filter((g) => g.char === c);
  if (rows.length === 0) return undefined;
  return rows.find((r) => r.marker && sup.includes(r.marker)) ?? rows.find((r) => !r.marker);
}
