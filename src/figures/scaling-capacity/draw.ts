import type { Mark, Series } from '../../lib/LinePlot';
import type { curves } from './sim';

/* What the scaling plot draws from its state: one curve per separation function and a mark at the reader's N. */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function capacitySeries(c: ReturnType<typeof curves>, degree: number): Series[] {
  return [
    { label: 'F(x) = x², 0.138 N', color: 'var(--accent)', points: c.classical },
    { label: `F(x) = x${SUPERSCRIPT[degree]}`, color: 'var(--accent-2)', points: c.poly, dashed: true },
    { label: 'F(x) = eˣ, 2^(N/2) (leaves the plot)', color: 'var(--memory)', points: c.exp },
  ];
}

export function neuronMark(n: number): Mark[] {
  return [{ x: n, label: `N = ${n}`, color: 'var(--fg)' }];
}
