import { typeScale } from '../slideText';
import { dashPatterns } from './dashes';
import { fillMath, measureMath } from './mathText';

/*
 * A canvas painter for live traces (energy against time) that grow every frame: a growable typed buffer of
 * (t, value) pairs and a painter that maps them to pixels. Painting an SVG chart through React state each
 * frame would re-render the figure 60 times a second; this only draws. Non-finite points are skipped.
 */

/** (t, v) pairs stored flat in a Float64Array that doubles when full. */
export class TraceBuffer {
  data = new Float64Array(512);
  n = 0;
  clear(): void {
    this.n = 0;
  }
  push(t: number, v: number): void {
    if (2 * this.n + 2 > this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[2 * this.n] = t;
    this.data[2 * this.n + 1] = v;
    this.n++;
  }
  lastValue(): number {
    return this.n ? this.data[2 * this.n - 1] : NaN;
  }
}

export interface TraceSeries {
  trace: TraceBuffer;
  color: string;
  label: string;
  dashed?: boolean;
  /** Mark every point with a dot (for discrete-time updates). */
  dots?: boolean;
  width?: number;
}

export interface TraceAxes {
  xLabel: string;
  yLabel: string;
  /** The x range shown; it grows with the data if the data go past it. */
  xMin?: number;
  xMax: number;
  /** Fixed y range; values outside are clipped to the edge and flagged with a small triangle. */
  yDomain?: [number, number];
  fg: string;
  muted: string;
  grid: string;
  bg?: string;
  /** Paints a translucent box of this colour behind the legend, so it stays legible over the traces. */
  legendBg?: string;
}

function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const step0 = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const r = step0 / mag;
  const step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Math.abs(v) < 1e-12 * step ? 0 : v);
  return out;
}

function fmt(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1000 || a < 0.01) return v.toExponential(0);
  return String(Number(v.toPrecision(3)));
}

/** The y range that holds every finite value of the given traces (padded by 5%). */
export function traceExtent(traces: TraceBuffer[], from = 0): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const tr of traces) {
    for (let i = from; i < tr.n; i++) {
      const v = tr.data[2 * i + 1];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

/** Paints axes, ticks, labels, a legend and the traces into a width×height box. */
export function drawTraces(ctx: CanvasRenderingContext2D, width: number, height: number, series: TraceSeries[], ax: TraceAxes): void {
  // Room for the labels grows with their type (raised on a lecture slide).
  const k = typeScale(ctx, 11);
  const m = { top: 8 * k, right: 10, bottom: 30 * k, left: 46 * k };
  const w = Math.max(40, width - m.left - m.right);
  const h = Math.max(30, height - m.top - m.bottom);
  if (ax.bg) {
    ctx.fillStyle = ax.bg;
    ctx.fillRect(0, 0, width, height);
  } else ctx.clearRect(0, 0, width, height);
  let xMax = ax.xMax;
  for (const s of series) if (s.trace.n) xMax = Math.max(xMax, s.trace.data[2 * (s.trace.n - 1)]);
  const xMin = ax.xMin ?? 0;
  const [y0, y1] = ax.yDomain ?? traceExtent(series.map((s) => s.trace));
  const X = (t: number) => m.left + ((t - xMin) / (xMax - xMin || 1)) * w;
  const Y = (v: number) => m.top + (1 - (v - y0) / (y1 - y0 || 1)) * h;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = ax.grid;
  ctx.fillStyle = ax.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(y0, y1, 4)) {
    const y = Math.round(Y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(m.left, y);
    ctx.lineTo(m.left + w, y);
    ctx.stroke();
    ctx.fillText(fmt(t), m.left - 5, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(xMin, xMax, Math.max(2, Math.floor(w / 70)))) ctx.fillText(fmt(t), X(t), m.top + h + 4);
  ctx.fillStyle = ax.fg;
  ctx.font = 'italic 12px system-ui, sans-serif';
  fillMath(ctx, ax.xLabel, m.left + w / 2, m.top + h + 16 * k);
  ctx.save();
  ctx.translate(12 * k, m.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  fillMath(ctx, ax.yLabel, 0, 0);
  ctx.restore();

  ctx.save();
  ctx.beginPath();
  ctx.rect(m.left, m.top - 1, w, h + 2);
  ctx.clip();
  const dashes = dashPatterns(series);
  series.forEach((s, si) => {
    const { data, n } = s.trace;
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = s.width ?? 2;
    ctx.setLineDash(dashes[si]);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < n; i++) {
      const t = data[2 * i];
      const v = data[2 * i + 1];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const y = Math.max(m.top - 2, Math.min(m.top + h + 2, Y(v)));
      if (pen) ctx.lineTo(X(t), y);
      else ctx.moveTo(X(t), y);
      pen = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.dots && n <= 400) {
      for (let i = 0; i < n; i++) {
        const v = data[2 * i + 1];
        if (!Number.isFinite(v)) continue;
        const yy = Y(v);
        const x = X(data[2 * i]);
        if (yy < m.top) {
          // Above the chart: a small upward triangle says "higher than shown".
          ctx.beginPath();
          ctx.moveTo(x, m.top);
          ctx.lineTo(x - 4, m.top + 7);
          ctx.lineTo(x + 4, m.top + 7);
          ctx.fill();
        } else {
          ctx.beginPath();
          ctx.arc(x, yy, 2.5, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
    }
  });
  ctx.restore();

  // Legend, top right.
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  let lw = 0;
  for (const s of series) lw = Math.max(lw, measureMath(ctx, s.label));
  if (ax.legendBg) {
    ctx.save();
    ctx.globalAlpha = 0.8;
    ctx.fillStyle = ax.legendBg;
    ctx.fillRect(m.left + w - lw - 34, m.top, lw + 34, series.length * 14 * k + 4);
    ctx.restore();
  }
  series.forEach((s, i) => {
    const y = m.top + 8 * k + i * 14 * k;
    const x = m.left + w - 4;
    ctx.fillStyle = ax.fg;
    fillMath(ctx, s.label, x - 26, y);
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dashes[i]);
    ctx.beginPath();
    ctx.moveTo(x - 22, y);
    ctx.lineTo(x, y);
    ctx.stroke();
    ctx.setLineDash([]);
  });
}
