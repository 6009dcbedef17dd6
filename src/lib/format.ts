/*
 * The one number formatter for figure readouts, summaries and axis notes. Pure (no DOM): sims use it in their
 * describe() text, painters in their labels.
 */

export interface NumberFormat {
  /** Fixed digits after the point. Without it: no decimals from 100, one from 10, else two significant digits. */
  decimals?: number;
  /** With `decimals`: magnitudes from this value up print with no decimals. */
  wholeFrom?: number;
  /** Integers print as they are (3, not 3.0). */
  integers?: boolean;
  /** Exponent notation (two decimals) for magnitudes below lo (but not 0) or from hi up. */
  expOutside?: [lo: number, hi: number];
}

/** Formats v for reading: '—' when it is not finite, never "-0.00". */
export function formatNumber(v: number, f: NumberFormat = {}): string {
  if (!Number.isFinite(v)) return '—';
  if (f.integers && Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (f.expOutside && (a >= f.expOutside[1] || (a > 0 && a < f.expOutside[0]))) return v.toExponential(2);
  if (f.decimals === undefined) {
    if (a >= 100) return v.toFixed(0);
    if (a >= 10) return v.toFixed(1);
    return v.toPrecision(2);
  }
  const s = a >= (f.wholeFrom ?? Infinity) ? v.toFixed(0) : v.toFixed(f.decimals);
  return Number(s) === 0 ? (0).toFixed(f.decimals) : s;
}
