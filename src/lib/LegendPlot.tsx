import { useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { LinePlotProps } from './LinePlot';

/*
 * The same small SVG line chart as LinePlot (d3 computes paths and scales, React renders), with the legend
 * placed in a chosen corner so it does not cover curves that crowd the default top-left corner (recall rates that
 * start at 1, separation functions that start high at the left).
 */
export interface LegendPlotProps extends LinePlotProps {
  /** A corner inside the plot, or 'below' the x-axis label (for narrow screens). */
  legend?: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'below';
  /** Formats x tick labels (e.g. thousands separators on a log axis). Marks are labelled to the left of their line. */
  xTickFormat?: (v: number) => string;
}

export function LegendPlot({ series, width, height = 180, xLabel, yLabel, xDomain = [0, 1], yDomain = [0, 1], xLog, marks = [], title, legend = 'bottom-right', xTickFormat }: LegendPlotProps) {
  const rowH = 15;
  const below = legend === 'below' && series.length > 1 ? series.length * rowH + 8 : 0;
  const m = { top: 12, right: 14, bottom: 36 + below, left: 44 };
  const w = Math.max(80, width - m.left - m.right);
  const h = Math.max(60, height - m.top - m.bottom);
  const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([0, w]);
  const y = scaleLinear().domain(yDomain).range([h, 0]);
  const paths = useMemo(
    () =>
      series.map(
        (s) =>
          line<readonly [number, number]>()
            .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && (!xLog || a > 0))
            .x((p) => x(p[0]))
            .y((p) => y(p[1]))(s.points) ?? '',
      ),
    [series, w, h, xDomain[0], xDomain[1], yDomain[0], yDomain[1], xLog],
  );
  const xTicks = xLog ? x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : x.ticks(5);
  const fmtX = xTickFormat ?? ((t: number) => (xLog ? t.toLocaleString('en-US') : String(Math.round(t * 100) / 100)));
  const legW = Math.min(w - 8, 8 + 22 + Math.max(...series.map((s) => s.label.length), 4) * 6.3);
  const legH = series.length * rowH + 6;
  const lx = legend === 'below' ? -m.left + 8 : legend.endsWith('left') ? 8 : w - legW - 4;
  const ly = legend === 'below' ? h + 38 : legend.startsWith('top') ? 6 : h - legH - 6;
  return (
    <svg width={width} height={height} role="img" aria-label={title} className="line-plot">
      <g transform={`translate(${m.left},${m.top})`}>
        {y.ticks(5).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x2={w} stroke="var(--grid)" />
            <text x={-6} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--muted)" fontFamily="var(--font-ui)">
              {Math.round(t * 100) / 100}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={h + 15} textAnchor="middle" fontSize={11} fill="var(--muted)" fontFamily="var(--font-ui)">
            {fmtX(t)}
          </text>
        ))}
        {marks.map((mk) => (
          <g key={mk.label} transform={`translate(${x(mk.x)},0)`}>
            <line y2={h} stroke={mk.color ?? 'var(--muted)'} strokeDasharray="4 3" />
            <text y={h * 0.72} x={-4} textAnchor="end" fontSize={11} fill={mk.color ?? 'var(--muted)'} fontFamily="var(--font-ui)">
              {mk.label}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <path key={s.label} d={paths[i]} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 4' : undefined} />
        ))}
        <text x={w / 2} y={h + 31} textAnchor="middle" fontSize={12} fill="var(--fg)" fontFamily="var(--font-ui)">
          {xLabel}
        </text>
        <text transform={`translate(${-32},${h / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="var(--fg)" fontFamily="var(--font-ui)">
          {yLabel}
        </text>
        {series.length > 1 && (
          <g transform={`translate(${lx},${ly})`} fontSize={11} fontFamily="var(--font-ui)">
            <rect width={legW} height={legH} fill="var(--bg)" opacity={0.85} rx={3} />
            {series.map((s, i) => (
              <g key={s.label} transform={`translate(6,${4 + i * rowH})`}>
                <line x2={16} y1={6} y2={6} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 4' : undefined} />
                <text x={22} y={10} fill="var(--fg)">
                  {s.label}
                </text>
              </g>
            ))}
          </g>
        )}
      </g>
    </svg>
  );
}
