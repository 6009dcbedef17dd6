/*
 * A line pattern for every series of a chart, so no two series are told apart by colour alone (a colour-blind
 * reader, a grey-scale print): the series not marked dashed get solid, long-dash, dash-dot…; the dashed ones get
 * dash, dot, dash-dot-dot… in order. Pure: both the SVG chart and the canvas traces use it.
 */
const PLAIN: readonly number[][] = [[], [12, 3], [9, 3, 2, 3, 2, 3], [14, 4, 4, 4]];
const DASHED: readonly number[][] = [[5, 4], [1.5, 3], [8, 3, 2, 3], [3, 6]];

/** One dash array per series, in order (an empty array is a solid line). */
export function dashPatterns(series: ReadonlyArray<{ dashed?: boolean }>): number[][] {
  let plain = 0;
  let dashed = 0;
  return series.map((s) => [...(s.dashed ? DASHED[dashed++ % DASHED.length] : PLAIN[plain++ % PLAIN.length])]);
}

/** The same as an SVG stroke-dasharray (undefined for solid). */
export function dashArray(d: readonly number[]): string | undefined {
  return d.length ? d.join(' ') : undefined;
}
