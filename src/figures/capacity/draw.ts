import type { LinePlotProps, Mark, Series } from '../../lib/LinePlot';
import { MEMORY_KINDS, MEMORY_LABELS, theoryCapacity, type MemoryKind } from '../../lib/capacity/spec';
import { fmtK, kMaxFor, type Params, type RunState } from './sim';

/* What the capacity figure draws, from its state: the plot's series and marks, and the published numbers as TeX. */

export const COLORS: Record<MemoryKind, string> = { classical: 'var(--accent)', poly3: 'var(--accent-2)', poly4: 'var(--score)', exp: 'var(--memory)' };

/** One recall-rate curve per memory (dashed for F = eˣ). */
export function recallSeries(run: RunState): Series[] {
  return MEMORY_KINDS.map((kind) => ({ label: MEMORY_LABELS[kind], color: COLORS[kind], dashed: kind === 'exp', points: (run.curves.find((c) => c.kind === kind)?.points ?? []).map((p) => [p.K, p.recallRate] as const) }));
}

/** A vertical mark at each published capacity that falls on the chart. */
export function theoryMarks(N: number): Mark[] {
  return MEMORY_KINDS.filter((k) => k !== 'exp')
    .map((k) => ({ k, t: theoryCapacity(k, N) }))
    .filter(({ t }) => t.K >= 1 && t.K <= kMaxFor(N))
    .map(({ k, t }) => ({ x: t.K, label: k === 'classical' ? '0.138 N' : `n=${k === 'poly3' ? 3 : 4} bound`, color: COLORS[k] }));
}

/** A count as TeX: thousands with {,}, large ones as m × 10^{e}. */
export function texK(k: number): string {
  if (k >= 1e6) {
    const [m, e] = k.toExponential(1).split('e+');
    return `${m} \\times 10^{${e}}`;
  }
  return fmtK(k).replace(/,/g, '{,}');
}

/** The recall chart, `width` px wide (legend below and a shorter axis label under 520 px). */
export function capacityPlot(run: RunState, p: Params, width: number): LinePlotProps {
  const narrow = width < 520;
  return {
    legend: narrow ? 'below' : 'bottom-right',
    xTickFormat: (t) => (t >= 1000 ? `${t / 1000}k` : String(t)),
    series: recallSeries(run),
    width,
    height: Math.round(Math.min(340, Math.max(220, width * 0.5))) + (narrow ? 70 : 0),
    xLog: true,
    xDomain: [1, kMaxFor(p.N)],
    yDomain: [0, 1],
    xLabel: narrow ? `K stored (N = ${p.N}, ρ = ${Math.round(p.corruption * 100)}%)` : `K, stored random patterns (N = ${p.N}, ${Math.round(p.corruption * 100)}% of bits flipped)`,
    yLabel: 'recall rate',
    marks: theoryMarks(p.N),
    title: `Recall rate against the number of stored patterns K at N = ${p.N}, for the classical network and three dense associative memories`,
  };
}
