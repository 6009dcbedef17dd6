import type { Mark, Series } from '../../lib/LinePlot';
import type { curves } from './sim';

/* What the scaling plot draws from its state: one no-error curve per separation function, the classical 0.138 N for comparison, and a mark at the reader's N. */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function capacitySeries(c: ReturnType<typeof curves>, degree: number): Series[] {
  return [
    { label: 'x², no errors: N/(2 ln N)', color: 'var(--accent)', points: c.classical },
    { label: `x${SUPERSCRIPT[degree]}, no errors`, color: 'var(--accent-2)', points: c.poly, dashed: true },
    { label: 'eˣ, no errors: 2^(N/2) (leaves the plot)', color: 'var(--memory)', points: c.exp },
    { label: 'x², 1.5 % bits wrong: 0.138 N', color: 'var(--muted)', points: c.classicalErrors, dashed: true },
  ];
}

export function neuronMark(n: number): Mark[] {
  return [{ x: n, label: `N = ${n}`, color: 'var(--fg)' }];
}
