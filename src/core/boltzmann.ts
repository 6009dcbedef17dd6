import type { Rng } from './rng';
import { checkPositive } from './validate';

/*
 * The Boltzmann distribution of survey Eq. 1 at temperature T: p(x) = e^{−E(x)/T} / Z_T, Z_T = ∫ e^{−E/T} dx.
 * At T = 1 this is Eq. 1 exactly; the score is ∇log p = −∇E/T = F/T (Eq. 2 at T = 1).
 */

/** A 1-D energy and its derivative. */
export interface Energy1d {
  energy(x: number): number;
  grad(x: number): number;
}

/**
 * A tilted double well, E(x) = h·((x/a)² − 1)² + c·x: two valleys near ±a of depth ≈ h, the right one lowered
 * by the tilt c > 0. Mutates nothing.
 */
export function tiltedDoubleWell(h: number, a: number, c: number): Energy1d {
  checkPositive(h, 'h');
  checkPositive(a, 'a');
  return {
    energy: (x) => {
      const u = (x / a) * (x / a) - 1;
      return h * u * u + c * x;
    },
    grad: (x) => (4 * h * x * ((x / a) * (x / a) - 1)) / (a * a) + c,
  };
}

/**
 * The Boltzmann density on a uniform grid: p_i = e^{−E_i/T} / Z with Z = Σ_j e^{−E_j/T} Δx (a Riemann sum), computed
 * with the max trick so small T never underflows. energies: E at the grid points; dx: spacing. Returns p (new
 * array, ∫p dx = 1) and log Z, so log p_i = −E_i/T − log Z.
 */
export function boltzmannDensity(energies: ArrayLike<number>, dx: number, temperature: number): { p: Float64Array; logZ: number } {
  checkPositive(dx, 'dx');
  checkPositive(temperature, 'temperature');
  const n = energies.length;
  if (n === 0) throw new Error('energies: need at least one grid point');
  let eMin = Infinity;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(energies[i])) throw new Error(`energies: entry ${i} is not finite`);
    if (energies[i] < eMin) eMin = energies[i];
  }
  const p = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    p[i] = Math.exp(-(energies[i] - eMin) / temperature);
    z += p[i];
  }
  z *= dx;
  for (let i = 0; i < n; i++) p[i] /= z;
  return { p, logZ: Math.log(z) - eMin / temperature };
}

/**
 * One step of overdamped Langevin dynamics at temperature T for n independent 1-D walkers:
 *   x ← x − α E′(x) + √(2αT) z.
 * Its stationary density is the Boltzmann density e^{−E/T}/Z (for small α). Mutates xs; consumes xs.length normals.
 */
export function langevinStep1d(xs: Float64Array, e: Energy1d, alpha: number, temperature: number, rng: Rng): void {
  checkPositive(alpha, 'alpha');
  checkPositive(temperature, 'temperature');
  const s = Math.sqrt(2 * alpha * temperature);
  for (let i = 0; i < xs.length; i++) xs[i] += -alpha * e.grad(xs[i]) + s * rng.normal();
}

/**
 * Total-variation distance between the histogram of samples and a density on the same uniform grid (bin i
 * covers [x0 + iΔx, x0 + (i+1)Δx)); samples outside the grid count as mass in the wrong place. Returns a number in [0, 1].
 */
export function histogramTvDistance(samples: ArrayLike<number>, x0: number, dx: number, density: ArrayLike<number>): number {
  const nb = density.length;
  const counts = new Float64Array(nb);
  let outside = 0;
  for (let i = 0; i < samples.length; i++) {
    const b = Math.floor((samples[i] - x0) / dx);
    if (b >= 0 && b < nb) counts[b]++;
    else outside++;
  }
  let tv = outside / samples.length;
  for (let b = 0; b < nb; b++) tv += Math.abs(counts[b] / samples.length - density[b] * dx);
  return Math.min(1, 0.5 * tv);
}
