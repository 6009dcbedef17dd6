/*
 * How many patterns an associative memory of N neurons can store, by separation function F (MATH.md §3).
 * These are the published asymptotic formulas, not simulations. They do not all count the same thing:
 *
 * No wrong bits (a stored pattern, or for eˣ a probe with vanishingly few flipped bits, comes back exactly,
 * with probability → 1 as N grows). One criterion, so these curves can be compared with each other:
 *   classical Hopfield (F(x) = x²):    K ≈ N / (2 ln N)                  (McEliece et al. 1987; K&H at n = 2)
 *   polynomial F(x) = xⁿ:              K ≈ N^{n−1} / (2 (2n−3)!! ln N)   (Krotov & Hopfield 2016)
 *   exponential F(x) = eˣ:             K < 2^{N/2}                       (Demircigil et al. 2017, basin → 0)
 *
 * Some wrong bits allowed (the retrieval state survives, with about 1.5 % of its bits wrong at the edge):
 *   classical Hopfield:                K ≈ 0.138 N                       (Amit, Gutfreund & Sompolinsky 1985)
 */
import { checkInt, checkPositive } from './validate';

/** (2k−1)!! = 1·3·5·…·(2k−1); doubleFactorialOdd(2n−3) for n ≥ 2. */
function oddDoubleFactorial(m: number): number {
  let p = 1;
  for (let k = m; k > 1; k -= 2) p *= k;
  return p;
}

/**
 * Classical Hopfield capacity α_c N with α_c = 0.138: the load up to which retrieval states exist, each with
 * about 1.5 % of its bits wrong near α_c. Not a no-error bound; compare it with classicalNoErrorCapacity.
 */
export function classicalCapacity(n: number): number {
  checkPositive(n, 'N');
  return 0.138 * n;
}

/** Krotov–Hopfield no-error capacity N^{n−1} / (2 (2n−3)!! ln N) for F(x) = xⁿ, n ≥ 2, N ≥ 2. */
export function polynomialCapacity(n: number, degree: number): number {
  checkPositive(n, 'N');
  checkInt(degree, 2, 20, 'n');
  if (n < 2) throw new Error('polynomialCapacity: N must be at least 2');
  return Math.pow(n, degree - 1) / (2 * oddDoubleFactorial(2 * degree - 3) * Math.log(n));
}

/** Classical Hopfield no-error capacity N / (2 ln N) (McEliece et al.): polynomialCapacity at n = 2, N ≥ 2. */
export function classicalNoErrorCapacity(n: number): number {
  return polynomialCapacity(n, 2);
}

/** Demircigil et al.'s bound for F(x) = eˣ: 2^{N/2} (as the basin radius goes to 0). Returns log₁₀ too. */
export function exponentialCapacity(n: number): { value: number; log10: number } {
  checkPositive(n, 'N');
  const log10 = (n / 2) * Math.log10(2);
  return { value: Math.pow(2, n / 2), log10 };
}
