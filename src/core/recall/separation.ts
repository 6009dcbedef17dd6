import { checkInt, checkPositive } from '../validate';

/** Separation function of a dense associative memory: F(x) = xⁿ, max(x, 0)ⁿ, or e^{βx} (β = 1 by default). */
export type Separation = { kind: 'poly'; n: number } | { kind: 'rectified'; n: number } | { kind: 'exp'; beta?: number };

/** How a PatternRecaller updates a bit: the classical Hebbian network, or a DAM with separation function F. */
export type RecallRule = { kind: 'classical' } | Separation;

/** Throws unless F is a supported separation function with valid parameters (message names `name`). */
export function checkSeparation(F: Separation, name = 'F'): void {
  if (!F || typeof F !== 'object') throw new Error(`${name}: expected a separation function { kind: 'poly' | 'rectified' | 'exp' }`);
  if (F.kind === 'poly') checkInt(F.n, 1, 40, `${name}.n`);
  else if (F.kind === 'rectified') {
    if (!(Number.isFinite(F.n) && F.n >= 1 && F.n <= 40)) throw new Error(`${name}.n: must be a number in [1, 40] (got ${F.n})`);
  } else if (F.kind === 'exp') {
    if (F.beta !== undefined) checkPositive(F.beta, `${name}.beta`);
  } else throw new Error(`${name}.kind: must be 'poly', 'rectified' or 'exp' (got ${(F as { kind: unknown }).kind})`);
}

/** F(x) for a polynomial or rectified separation (integer powers by repeated multiplication). */
export function separationValue(F: Separation, x: number): number {
  if (F.kind === 'exp') return Math.exp((F.beta ?? 1) * x);
  if (F.kind === 'rectified' && x <= 0) return 0;
  return powN(x, F.n);
}

function powN(x: number, n: number): number {
  if (n === 1) return x;
  if (n === 2) return x * x;
  if (n === 3) return x * x * x;
  if (Number.isInteger(n)) {
    let r = 1;
    let b = x;
    let e = n;
    while (e > 0) {
      if (e & 1) r *= b;
      b *= b;
      e >>= 1;
    }
    return r;
  }
  return Math.pow(x, n);
}
