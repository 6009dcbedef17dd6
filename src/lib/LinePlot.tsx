import { useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { extent } from 'd3-array';
import { SvgMath } from './MathText';
import { typesetText } from './notation';
import { speak } from './speech';
import { dashArray, dashPatterns } from './draw/dashes';

/*
 * The one small SVG line chart, for traces (energy against time, recall rate against K, separation functions).
 * d3 computes the path strings and scales; React renders the elements (as visx does). Non-finite points (and,
 * on a log axis, non-positive ones) are skipped, never drawn.
 *
 * Two layouts. Without `legend`: a compact trace, legend in the top-left corner, d3's tick labels, mark labels
 * beside the top of their line. With `legend`: the legend sits boxed in the corner the curves leave free (or
 * below the axis on narrow screens), y ticks are rounded to two decimals, a log x axis is labelled at its
 * decades only, and mark labels sit to the left of their line.
 */
export interface Series {
  label: string;
  /** A CSS colour, e.g. 'var(--accent)'. */
  color: string;
  points: ReadonlyArray<readonly [number, number]>;
  /** Dashed rather than solid; every series also gets its own pattern (lib/draw/dashes), never colour alone. */
  dashed?: boolean;
}

/** A vertical reference line, e.g. a theoretical capacity. */
export interface Mark {
  x: number;
  label: string;
  color?: string;
}

export type LegendPlace = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'below';

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
  marks?: Mark[];
  title: string;
  /** A boxed legend in a corner inside the plot, or 'below' the x-axis label (for narrow screens). */
  legend?: LegendPlace;
  /** Formats x tick labels (e.g. thousands separators on a log axis). */
  xTickFormat?: (v: number) => string;
}

const ROW_H = 15;
const FONT = 'var(--font-ui)';

function domainOf(all: [number, number][], i: 0 | 1, given?: [number, number]): [number, number] {
  if (given) return given;
  const e = extent(all, (p) => p[i]);
  return e[0] !== undefined ? (e as [number, number]) : [0, 1];
}

export function LinePlot({ series, width, height = 180, xLabel, yLabel, xDomain, yDomain, xLog, yLog, marks = [], title, legend, xTickFormat }: LinePlotProps) {
  const boxed = legend !== undefined;
  const below = legend === 'below' && series.length > 1 ? series.length * ROW_H + 8 : 0;
  const m = boxed ? { top: 12, right: 14, bottom: 36 + below, left: 44 } : { top: 10, right: 12, bottom: 34, left: 48 };
  const w = Math.max(80, width - m.left - m.right);
  const h = Math.max(60, height - m.top - m.bottom);
  const all = series.flatMap((s) => s.points).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b)) as [number, number][];
  const xd = domainOf(all, 0, xDomain);
  const yd = domainOf(all, 1, yDomain);
  const x = (xLog ? scaleLog() : scaleLinear()).domain(xd[0] === xd[1] ? [xd[0] - 1, xd[1] + 1] : xd).range([0, w]);
  const y = (yLog ? scaleLog() : scaleLinear()).domain(yd[0] === yd[1] ? [yd[0] - 1, yd[1] + 1] : yd).range([h, 0]);
  if (!boxed) y.nice();
  const dashes = dashPatterns(series).map(dashArray);
  const paths = useMemo(
    () =>
      series.map(
        (s) =>
          line<readonly [number, number]>()
            .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && (!(boxed && xLog) || a > 0) && (!(boxed && yLog) || b > 0))
            .x((p) => x(p[0]))
            .y((p) => y(p[1]))(s.points) ?? '',
      ),
    [series, w, h, xd[0], xd[1], yd[0], yd[1], xLog, yLog, boxed],
  );
  const yTicks = y.ticks(boxed ? 5 : 4);
  const fmtY = boxed && !yLog ? (t: number) => String(Math.round(t * 100) / 100) : y.tickFormat(boxed ? 5 : 4);
  const xTicks = boxed && xLog ? x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : x.ticks(5);
  const fmtX = xTickFormat ?? (boxed ? (t: number) => (xLog ? t.toLocaleString('en-US') : String(Math.round(t * 100) / 100)) : x.tickFormat(5));
  const font = boxed ? FONT : undefined;
  return (
    <svg width={width} height={height} role="img" aria-label={speak(title)} className="line-plot">
      <g transform={`translate(${m.left},${m.top})`}>
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x2={w} stroke="var(--grid)" />
            <text x={-6} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--muted)" fontFamily={font}>
              {fmtY(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={h + (boxed ? 15 : 16)} textAnchor="middle" fontSize={11} fill="var(--muted)" fontFamily={font}>
            {fmtX(t)}
          </text>
        ))}
        {marks.map((mk) => (
          <g key={mk.label} transform={`translate(${x(mk.x)},0)`}>
            <line y2={h} stroke={mk.color ?? 'var(--muted)'} strokeDasharray="4 3" />
            <text y={boxed ? h * 0.72 : 10} x={boxed ? -4 : 4} textAnchor={boxed ? 'end' : undefined} fontSize={11} fill={mk.color ?? 'var(--muted)'} fontFamily={font}>
              <SvgMath text={mk.label} />
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <path key={s.label} d={paths[i]} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={dashes[i]} />
        ))}
        <text x={w / 2} y={h + (boxed ? 31 : 30)} textAnchor="middle" fontSize={12} fill="var(--fg)" fontStyle={boxed ? undefined : 'italic'} fontFamily={font}>
          <SvgMath text={xLabel} size={12} />
        </text>
        <text transform={`translate(${boxed ? -32 : -36},${h / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="var(--fg)" fontStyle={boxed ? undefined : 'italic'} fontFamily={font}>
          <SvgMath text={yLabel} size={12} />
        </text>
        {boxed && series.length > 1 && <BoxedLegend series={series} place={legend} w={w} h={h} left={m.left} />}
      </g>
      {!boxed && series.length > 1 && (
        <g transform={`translate(${m.left + 8},${m.top + 4})`} fontSize={11}>
          {series.map((s, i) => (
            <g key={s.label} transform={`translate(0,${i * 14})`}>
              <line x2={22} y1={5} y2={5} stroke={s.color} strokeWidth={2} strokeDasharray={dashes[i]} />
              <text x={26} y={9} fill="var(--fg)">
                <SvgMath text={s.label} />
              </text>
            </g>
          ))}
        </g>
      )}
    </svg>
  );
}

/** The legend on a translucent box, in the chosen corner or below the axis label. */
function BoxedLegend({ series, place, w, h, left }: { series: Series[]; place: LegendPlace; w: number; h: number; left: number }) {
  const dashes = dashPatterns(series).map(dashArray);
  const legW = Math.min(w - 8, 8 + 30 + Math.max(...series.map((s) => typesetText(s.label).length), 4) * 6.3);
  const legH = series.length * ROW_H + 6;
  const lx = place === 'below' ? -left + 8 : place.endsWith('left') ? 8 : w - legW - 4;
  const ly = place === 'below' ? h + 38 : place.startsWith('top') ? 6 : h - legH - 6;
  return (
    <g transform={`translate(${lx},${ly})`} fontSize={11} fontFamily={FONT}>
      <rect width={legW} height={legH} fill="var(--bg)" opacity={0.85} rx={3} />
      {series.map((s, i) => (
        <g key={s.label} transform={`translate(6,${4 + i * ROW_H})`}>
          <line x2={24} y1={6} y2={6} stroke={s.color} strokeWidth={2} strokeDasharray={dashes[i]} />
          <text x={30} y={10} fill="var(--fg)">
            <SvgMath text={s.label} />
          </text>
        </g>
      ))}
    </g>
  );
}
