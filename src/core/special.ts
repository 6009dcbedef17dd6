/*
 * Special functions the core needs, written for stability rather than brevity: log-sum-exp with the max trick,
 * log cosh without overflow, and exponentially scaled modified Bessel functions I₀, I₁ (for the continuous ring
 * energy of MATH.md §2g). No allocation.
 */

/**
 * log Σ_{i<n} exp(v[off + i·stride]) with the max trick: exact for any finite inputs, never overflows.
 * Returns −Infinity when n = 0. Mutates nothing.
 */
export function logSumExp(v: ArrayLike<number>, n = v.length, off = 0, stride = 1): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = v[off + i * stride];
    if (a > m) m = a;
  }
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(v[off + i * stride] - m);
  return m + Math.log(s);
}

/**
 * Softmax of `v` (length n) times `scale`, written into `out`: out_i = exp(scale·v_i) / Σ_j exp(scale·v_j).
 * Uses the max trick; returns log Σ_j exp(scale·v_j). `out` may alias `v`.
 */
export function softmaxInto(v: ArrayLike<number>, scale: number, out: Float64Array): number {
  const n = out.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = scale * v[i];
    if (a > m) m = a;
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(scale * v[i] - m);
    out[i] = e;
    s += e;
  }
  const inv = 1 / s;
  for (let i = 0; i < n; i++) out[i] *= inv;
  return m + Math.log(s);
}

/** log cosh(x) = |x| + log1p(e^{−2|x|}) − log 2, finite for every finite x. */
export function logCosh(x: number): number {
  const a = Math.abs(x);
  return a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}

/*
 * Modified Bessel functions of the first kind, exponentially scaled: Iₙe(z) = e^{−|z|} Iₙ(z).
 * Power series for |z| < 17 (the terms stay below e^{17}·…, all positive, so the sum is accurate to ~1e-15)
 * and the Hankel asymptotic expansion beyond, truncated at its smallest term (error ≲ e^{−2z}).
 */
function besselIeSeries(nu: 0 | 1, z: number): number {
  const q = (z * z) / 4;
  let term = nu === 0 ? 1 : z / 2;
  let sum = term;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * (k + nu));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum * Math.exp(-z);
}

function besselIeAsymptotic(nu: 0 | 1, z: number): number {
  const mu = 4 * nu * nu;
  let term = 1;
  let sum = 1;
  let prev = Infinity;
  for (let k = 1; k < 60; k++) {
    const next = (-term * (mu - (2 * k - 1) * (2 * k - 1))) / (k * 8 * z);
    if (Math.abs(next) >= prev) break;
    prev = Math.abs(next);
    term = next;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum / Math.sqrt(2 * Math.PI * z);
}

/** e^{−|z|} I₀(z). Even in z. */
export function besselI0e(z: number): number {
  const a = Math.abs(z);
  return a < 17 ? besselIeSeries(0, a) : besselIeAsymptotic(0, a);
}

/** e^{−|z|} I₁(z). Odd in z. */
export function besselI1e(z: number): number {
  const a = Math.abs(z);
  const v = a < 17 ? besselIeSeries(1, a) : besselIeAsymptotic(1, a);
  return z < 0 ? -v : v;
}

/** log I₀(z) = |z| + log(e^{−|z|} I₀(z)), finite for every finite z. */
export function logBesselI0(z: number): number {
  return Math.abs(z) + Math.log(besselI0e(z));
}

/** I₁(z)/I₀(z), the mean resultant length of a von Mises distribution with concentration z; in (−1, 1). */
export function besselRatio(z: number): number {
  return besselI1e(z) / besselI0e(z);
}

/*
 * A fast, accurate exponential. V8's Math.exp is a call into C that costs tens of nanoseconds; the hot loops of
 * the core (softmax weights of every particle, DAM weights) need hundreds of thousands per frame. Table-driven
 * reduction as in Tang (1989): x = (32k + j)·ln2/32 + r, |r| ≤ ln2/64, e^x = 2^k · 2^{j/32} · e^r with a
 * degree-6 Taylor polynomial for e^r (truncation error < 4e-18). Relative error ≲ 3e-16 over the normal range
 * (measured against Math.exp in tests/unit/core/special.test.ts).
 */
const EXP_TABLE = new Float64Array(32);
for (let j = 0; j < 32; j++) EXP_TABLE[j] = Math.pow(2, j / 32);
// 2^k for k = −1074 … 1023 (index k + 1074).
const POW2 = new Float64Array(2098);
for (let k = -1074; k <= 1023; k++) POW2[k + 1074] = Math.pow(2, k);
const INV_L = 32 / Math.LN2;
// fdlibm's split of ln 2 (the high part has 32 significant bits, so n·L_HI is exact), divided by 32 (exact).
const L_HI = 6.9314718036912381649e-1 / 32;
const L_LO = 1.90821492927058770002e-10 / 32;

/**
 * e^x with relative error ≲ 5e-16 on [−708, 709] (measured against Math.exp in tests); outside that range
 * (underflow, overflow, NaN) it defers to Math.exp. Several times faster than Math.exp in V8 hot loops, where
 * it is inlined. Mutates nothing.
 */
export function fastExp(x: number): number {
  if (!(x >= -708 && x <= 709)) return Math.exp(x);
  const y = x * INV_L;
  const n = (y + (y < 0 ? -0.5 : 0.5)) | 0;
  const r = x - n * L_HI - n * L_LO;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  return EXP_TABLE[n & 31] * p * POW2[(n >> 5) + 1074];
}

/**
 * e^t for t ∈ [−708, 0] without range checks (the caller guarantees the range, e.g. t = a − max a > −50 in a
 * softmax where smaller terms are dropped); same accuracy as fastExp. Outside the range the result is wrong.
 */
export function fastExpNonPositive(t: number): number {
  const y = t * INV_L;
  const n = (y - 0.5) | 0;
  const r = t - n * L_HI - n * L_LO;
  return EXP_TABLE[n & 31] * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))))) * POW2[(n >> 5) + 1074];
}

/**
 * Softmax terms below e^{SOFTMAX_CUTOFF} relative to the largest (< 2e-22 each) are dropped in the hot loops:
 * far below double precision for any K < 10⁵.
 */
export const SOFTMAX_CUTOFF = -50;
