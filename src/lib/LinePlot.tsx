import { useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { extent } from 'd3-array';

/*
 * A small SVG line chart for traces (energy against time, recall rate against K). d3 computes the path
 * strings and scales; React renders the elements (as visx does). Non-finite points are skipped, never drawn.
 */
export interface Series {
  label: string;
  /** A CSS colour, e.g. 'var(--accent)'. */
  color: string;
  points: ReadonlyArray<readonly [number, number]>;
  dashed?: boolean;
}

export interface LinePlotProps {
  series: Series[];
  width: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  xLog?: boolean;
  yLog?: boolean;
  /** Vertical reference lines, e.g. a theoretical capacity. */
  marks?: { x: number; label: string; color?: string }[];
  title: string;
}

export function LinePlot({ series, width, height = 180, xLabel, yLabel, xDomain, yDomain, xLog, yLog, marks = [], title }: LinePlotProps) {
  const m = { top: 10, right: 12, bottom: 34, left: 48 };
  const w = Math.max(80, width - m.left - m.right);
  const h = Math.max(60, height - m.top - m.bottom);
  const all = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xd = xDomain ?? ((extent(all, (p) => p[0]) as [number, number])[0] !== undefined ? (extent(all, (p) => p[0]) as [number, number]) : [0, 1]);
  const yd = yDomain ?? ((extent(all, (p) => p[1]) as [number, number])[0] !== undefined ? (extent(all, (p) => p[1]) as [number, number]) : [0, 1]);
  const x = (xLog ? scaleLog() : scaleLinear()).domain(xd[0] === xd[1] ? [xd[0] - 1, xd[1] + 1] : xd).range([0, w]);
  const y = (yLog ? scaleLog() : scaleLinear()).domain(yd[0] === yd[1] ? [yd[0] - 1, yd[1] + 1] : yd).range([h, 0]).nice();
  const paths = useMemo(
    () =>
      series.map((s) =>
        line<readonly [number, number]>()
          .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
          .x((p) => x(p[0]))
          .y((p) => y(p[1]))(s.points) ?? '',
      ),
    [series, w, h, xd[0], xd[1], yd[0], yd[1]],
  );
  return (
    <svg width={width} height={height} role="img" aria-label={title} className="line-plot">
      <g transform={`translate(${m.left},${m.top})`}>
        {y.ticks(4).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x2={w} stroke="var(--grid)" />
            <text x={-6} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--muted)">
              {y.tickFormat(4)(t)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((t) => (
          <text key={`x${t}`} x={x(t)} y={h + 16} textAnchor="middle" fontSize={11} fill="var(--muted)">
            {x.tickFormat(5)(t)}
          </text>
        ))}
        {marks.map((mk) => (
          <g key={mk.label} transform={`translate(${x(mk.x)},0)`}>
            <line y2={h} stroke={mk.color ?? 'var(--muted)'} strokeDasharray="4 3" />
            <text y={10} x={4} fontSize={11} fill={mk.color ?? 'var(--muted)'}>
              {mk.label}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <path key={s.label} d={paths[i]} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 4' : undefined} />
        ))}
        <text x={w / 2} y={h + 30} textAnchor="middle" fontSize={12} fill="var(--fg)" fontStyle="italic">
          {xLabel}
        </text>
        <text transform={`translate(${-36},${h / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="var(--fg)" fontStyle="italic">
          {yLabel}
        </text>
      </g>
      {series.length > 1 && (
        <g transform={`translate(${m.left + 8},${m.top + 4})`} fontSize={11}>
          {series.map((s, i) => (
            <g key={s.label} transform={`translate(0,${i * 14})`}>
              <line x2={14} y1={5} y2={5} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 4' : undefined} />
              <text x={18} y={9} fill="var(--fg)">
                {s.label}
              </text>
            </g>
          ))}
        </g>
      )}
    </svg>
  );
}
