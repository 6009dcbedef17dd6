/** A seeded source of random numbers. The same seed always gives the same stream. */
export interface Rng {
  /** A uniform number in [0, 1). */
  uniform(): number;
  /** A standard normal number N(0, 1). */
  normal(): number;
}

/**
 * Creates a deterministic generator from a 32-bit seed.
 * Based on mulberry32 (Tommy Ettinger) for uniforms and the Marsaglia polar method for normals.
 * No global state: each call returns an independent generator.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`seed: must be a finite number (got ${seed})`);
  // State kept as int32 (the same 32 bits as the uint32 of mulberry32), and the spare normal in a typed array,
  // so that no call boxes a number on the heap: uniform() costs a few nanoseconds.
  let a = (Math.floor(seed) ^ 0x9e3779b9) | 0;
  const spare = new Float64Array(1);
  let hasSpare = false;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare[0];
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare[0] = v * m;
    hasSpare = true;
    return u * m;
  };
  return { uniform, normal };
}
