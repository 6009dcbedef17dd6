import type { LinePlotProps, Mark, Series } from '../../lib/LinePlot';
import { N_MAX, N_MIN, Y_MAX, type curves } from './sim';

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

/** The chart: log₁₀ K against N (log scale) for each separation function, with N = n marked; `width` px wide. */
export function capacityPlot(series: Series[], n: number, degree: number, width: number): LinePlotProps {
  return {
    title: `log₁₀ of the number of patterns stored with no wrong bits against N (log scale), for the classical, polynomial (n = ${degree}) and exponential separation functions, with the classical 0.138 N, which allows about 1.5 % wrong bits, for comparison`,
    width,
    height: Math.round(Math.min(320, width * 0.6)),
    xLabel: 'neurons N',
    yLabel: 'log₁₀ K',
    xLog: true,
    xDomain: [N_MIN, N_MAX],
    yDomain: [0, Y_MAX],
    series,
    marks: neuronMark(n),
  };
}
