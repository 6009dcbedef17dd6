import { useMemo, useRef } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { extent } from 'd3-array';
import { SvgMath } from './MathText';
import { typesetText } from './notation';
import { speak } from './speech';
import { dashArray, dashPatterns } from './draw/dashes';
import { useSlideTypeScale } from './useSlideTypeScale';

/*
 * The one small SVG line chart, for traces (energy against time, recall rate against K, separation functions).
 * d3 computes the path strings and scales; React renders the elements (as visx does). Non-finite points (and,
 * on a log axis, non-positive ones) are skipped, never drawn.
 *
 * Two layouts. Without `legend`: a compact trace, legend in the top-left corner, d3's tick labels, mark labels
 * beside the top of their line. With `legend`: the legend sits boxed in the corner the curves leave free (or
 * below the axis on narrow screens), y ticks are rounded to two decimals, a log x axis is labelled at its
 * decades only, and mark labels sit to the left of their line. A corner legend that would cover much of the
 * plot moves below it.
 *
 * On a lecture slide the type is enlarged to the slide's floor (`useSlideTypeScale`), and every room kept for
 * text (margins, offsets, legend rows) with it; the chart grows taller by what its margins gained, so the plot
 * area keeps its size.
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

export function LinePlot({ series, width, height: given = 180, xLabel, yLabel, xDomain, yDomain, xLog, yLog, marks = [], title, legend: wanted, xTickFormat }: LinePlotProps) {
  const svg = useRef<SVGSVGElement>(null);
  const k = useSlideTypeScale(svg, 11);
  const boxed = wanted !== undefined;
  const m0 = boxed ? { top: 12, right: 14, bottom: 36, left: 44 } : { top: 10, right: 12, bottom: 34, left: 48 };
  const inner = Math.max(60, given - m0.top - m0.bottom);
  const legend = wanted && wanted !== 'below' && legendHeight(series.length, k) > 0.4 * inner ? 'below' : wanted;
  const below = legend === 'below' && series.length > 1 ? legendHeight(series.length, k) + 8 * k : 0;
  const m = { top: m0.top * k, right: m0.right * k, bottom: m0.bottom * k + below, left: m0.left * k };
  const w = Math.max(80, width - m.left - m.right);
  const h = inner;
  const height = h + m.top + m.bottom;
  const [fs, fl] = [11 * k, 12 * k];
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
    <svg ref={svg} width={width} height={height} role="img" aria-label={speak(title)} className="line-plot">
      <g transform={`translate(${m.left},${m.top})`}>
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x2={w} stroke="var(--grid)" />
            <text x={-6 * k} dy="0.32em" textAnchor="end" fontSize={fs} fill="var(--muted)" fontFamily={font}>
              {fmtY(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={h + (boxed ? 15 : 16) * k} textAnchor="middle" fontSize={fs} fill="var(--muted)" fontFamily={font}>
            {fmtX(t)}
          </text>
        ))}
        {marks.map((mk) => (
          <g key={mk.label} transform={`translate(${x(mk.x)},0)`}>
            <line y2={h} stroke={mk.color ?? 'var(--muted)'} strokeDasharray="4 3" />
            <text y={boxed ? h * 0.72 : 10 * k} x={(boxed ? -4 : 4) * k} textAnchor={boxed ? 'end' : undefined} fontSize={fs} fill={mk.color ?? 'var(--muted)'} fontFamily={font}>
              <SvgMath text={mk.label} />
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <path key={s.label} d={paths[i]} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={dashes[i]} />
        ))}
        <text x={w / 2} y={h + (boxed ? 31 : 30) * k} textAnchor="middle" fontSize={fl} fill="var(--fg)" fontStyle={boxed ? undefined : 'italic'} fontFamily={font}>
          <SvgMath text={xLabel} size={fl} />
        </text>
        <text transform={`translate(${(boxed ? -32 : -36) * k},${h / 2}) rotate(-90)`} textAnchor="middle" fontSize={fl} fill="var(--fg)" fontStyle={boxed ? undefined : 'italic'} fontFamily={font}>
          <SvgMath text={yLabel} size={fl} />
        </text>
        {boxed && series.length > 1 && <BoxedLegend series={series} place={legend!} w={w} h={h} left={m.left} k={k} />}
      </g>
      {!boxed && series.length > 1 && (
        <g transform={`translate(${m.left + 8 * k},${m.top + 4 * k})`} fontSize={fs}>
          {series.map((s, i) => (
            <g key={s.label} transform={`translate(0,${i * 14 * k})`}>
              <line x2={22 * k} y1={5 * k} y2={5 * k} stroke={s.color} strokeWidth={2} strokeDasharray={dashes[i]} />
              <text x={26 * k} y={9 * k} fill="var(--fg)">
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
/** The boxed legend's height for `n` series at type scale `k`. */
function legendHeight(n: number, k: number): number {
  return (n * ROW_H + 6) * k;
}

function BoxedLegend({ series, place, w, h, left, k }: { series: Series[]; place: LegendPlace; w: number; h: number; left: number; k: number }) {
  const dashes = dashPatterns(series).map(dashArray);
  const legW = Math.min(place === 'below' ? w + left - 16 : w - 8, (8 + 30 + Math.max(...series.map((s) => typesetText(s.label).length), 4) * 6.3) * k);
  const legH = legendHeight(series.length, k);
  const lx = place === 'below' ? -left + 8 * k : place.endsWith('left') ? 8 * k : w - legW - 4 * k;
  const ly = place === 'below' ? h + 38 * k : place.startsWith('top') ? 6 * k : h - legH - 6 * k;
  return (
    <g transform={`translate(${lx},${ly})`} fontSize={11 * k} fontFamily={FONT}>
      <rect width={legW} height={legH} fill="var(--bg)" opacity={0.85} rx={3} />
      {series.map((s, i) => (
        <g key={s.label} transform={`translate(${6 * k},${(4 + i * ROW_H) * k})`}>
          <line x2={24 * k} y1={6 * k} y2={6 * k} stroke={s.color} strokeWidth={2} strokeDasharray={dashes[i]} />
          <text x={30 * k} y={10 * k} fill="var(--fg)">
            <SvgMath text={s.label} />
          </text>
        </g>
      ))}
    </g>
  );
}
