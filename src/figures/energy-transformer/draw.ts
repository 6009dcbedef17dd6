import type { Palette } from '../../lib/theme';
import type { LinePlotProps } from '../../lib/LinePlot';
import { RADIUS, type Block, type Params } from './sim';

export interface RingView {
  size: number;
  /** Pixels per unit of g. */
  scale: number;
}

export function ringView(size: number): RingView {
  return { size, scale: (size / 2 - 44) / RADIUS };
}
export const toPx = (v: RingView, u: number, w: number): [number, number] => [v.size / 2 + u * v.scale, v.size / 2 - w * v.scale];

/** Paints the LayerNorm circle, the memories ξ_μ as crosses on it, each token's trail and its current g_A. */
export function paint(ctx: CanvasRenderingContext2D, b: Block, v: RingView, palette: Palette): void {
  ctx.clearRect(0, 0, v.size, v.size);
  const c = v.size / 2;
  ctx.save();
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(c, c, RADIUS * v.scale, 0, 2 * Math.PI);
  ctx.stroke();
  // Memories: crosses on the circle, in the memory colour.
  ctx.strokeStyle = palette.memory;
  ctx.lineWidth = 2.5;
  for (const a of b.memoryAngles()) {
    const [x, y] = toPx(v, RADIUS * Math.cos(a), RADIUS * Math.sin(a));
    ctx.beginPath();
    ctx.moveTo(x - 6, y - 6);
    ctx.lineTo(x + 6, y + 6);
    ctx.moveTo(x + 6, y - 6);
    ctx.lineTo(x - 6, y + 6);
    ctx.stroke();
    ctx.fillStyle = palette.memory;
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
  }
  ctx.restore();
  // Trails, then tokens.
  ctx.save();
  ctx.lineWidth = 2;
  ctx.strokeStyle = palette.accent;
  ctx.globalAlpha = 0.45;
  for (const t of b.trails) {
    ctx.beginPath();
    for (let k = 0; k < t.length; k += 2) {
      const [x, y] = toPx(v, t[k], t[k + 1]);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // Tokens that have met (attention often gathers them) are stacked outward along the radius, so every
  // number stays readable; the trail still ends at the true position on the circle.
  const placed: [number, number][] = [];
  for (let a = 0; a < b.n; a++) {
    const t = b.trails[a];
    const [x0, y0] = toPx(v, t[t.length - 2], t[t.length - 1]);
    const cx = v.size / 2;
    const r0 = Math.hypot(x0 - cx, y0 - cx) || 1;
    let x = x0;
    let y = y0;
    for (let k = 1; placed.some(([px2, py2]) => Math.hypot(px2 - x, py2 - y) < 14) && k < 8; k++) {
      x = cx + ((x0 - cx) * (r0 + 16 * k)) / r0;
      y = cx + ((y0 - cx) * (r0 + 16 * k)) / r0;
    }
    placed.push([x, y]);
    ctx.fillStyle = palette.accent;
    ctx.strokeStyle = palette.bg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 10, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = palette.bg;
    ctx.fillText(String(a + 1), x, y + 0.5);
  }
  ctx.restore();
}

/** The energy chart beside the ring: E, E_ATT and E_HN against steps (at most ~300 points each). */
export function energyPlot(b: Block, p: Params, width: number): LinePlotProps {
  const h = b.history;
  const stride = Math.max(1, Math.ceil(h.length / 300));
  const pts = (f: (i: number) => number) => {
    const out: [number, number][] = [];
    for (let i = 0; i < h.length; i += stride) out.push([i, f(i)]);
    if ((h.length - 1) % stride !== 0) out.push([h.length - 1, f(h.length - 1)]);
    return out;
  };
  // Room above the curves for the legend: the top third of the plot stays empty.
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of h) {
    lo = Math.min(lo, e.total, e.attention, e.memory);
    hi = Math.max(hi, e.total, e.attention, e.memory);
  }
  const span = Math.max(1e-6, hi - lo);
  return {
    title: 'Energies of the block against the number of steps',
    width,
    height: 210,
    xLabel: 'step',
    yLabel: 'energy',
    yDomain: [lo - 0.05 * span, hi + 0.6 * span],
    series: [
      { label: 'E = E_ATT + E_HN', color: 'var(--fg)', points: pts((i) => h[i].total) },
      { label: 'E_ATT (attention)', color: 'var(--accent)', points: pts((i) => h[i].attention) },
      ...(p.memories > 0 ? [{ label: 'E_HN (memory)', color: 'var(--memory)', points: pts((i) => h[i].memory), dashed: true }] : []),
    ],
  };
}
