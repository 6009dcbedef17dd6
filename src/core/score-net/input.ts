import type { ScoreNetConfig } from './network';

/**
 * Writes the network input for point x (length d, read from `x` at offset `xo`) at noise σ into `out` at offset
 * `o`: the scaled point c_in(σ)·x, c_in = 1/√(σ_d² + σ²), then the noise embedding [c, sin(kπc/2), cos(kπc/2)
 * for k = 1 … F] of c = (ln σ − m)/h (see network.ts). Writes d + 2F + 1 numbers; mutates only `out`.
 */
export function writeScoreNetInput(c: ScoreNetConfig, x: ArrayLike<number>, xo: number, sigma: number, out: Float64Array, o: number): void {
  const cin = 1 / Math.sqrt(c.sigmaData * c.sigmaData + sigma * sigma);
  for (let i = 0; i < c.dim; i++) out[o + i] = cin * x[xo + i];
  const lo = Math.log(c.sigmaMin);
  const hi = Math.log(c.sigmaMax);
  const t = (2 * (Math.log(sigma) - lo)) / (hi - lo) - 1;
  let k = o + c.dim;
  out[k++] = t;
  for (let f = 1; f <= c.freqs; f++) {
    out[k++] = Math.sin((f * Math.PI * t) / 2);
    out[k++] = Math.cos((f * Math.PI * t) / 2);
  }
}
