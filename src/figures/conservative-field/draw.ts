import { rgb } from 'd3-color';
import type { FieldFlow, Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { contourPath, drawMemories, heatImage, px, py, quantileClip, strokeContours, type View } from '../../lib/draw/landscape';
import { drawArrows } from '../../lib/draw/arrows';
import type { ConservativeField } from './sim';
import { offscreenCanvas } from '../../lib/draw/surface';

export interface Layer {
  image: HTMLCanvasElement;
  contours: Path2D | null;
}

/** Curl as a diverging image: counter-clockwise swirl in the accent colour, clockwise in the memory colour, zero = background. */
export function curlLayer(grid: Grid, palette: Palette): Layer {
  const c = offscreenCanvas(grid.nx, grid.ny);
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(grid.nx, grid.ny);
  const abs = Float64Array.from(grid.values, Math.abs).sort();
  const scale = Math.max(abs[Math.floor(0.97 * (abs.length - 1))], 1e-9);
  const bg = rgb(palette.bg);
  const pos = rgb(palette.accent);
  const neg = rgb(palette.memory);
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const v = grid.values[j * grid.nx + i];
      const t = Math.min(1, Math.abs(v) / scale) * 0.75;
      const col = v >= 0 ? pos : neg;
      const o = ((grid.ny - 1 - j) * grid.nx + i) * 4;
      img.data[o] = bg.r + t * (col.r - bg.r);
      img.data[o + 1] = bg.g + t * (col.g - bg.g);
      img.data[o + 2] = bg.b + t * (col.b - bg.b);
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return { image: c, contours: null };
}

export function energyLayer(grid: Grid, view: View, palette: Palette): Layer {
  const clip = quantileClip(grid, 0.9);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, 12, clip) };
}

/** A flat background for a field with no energy behind it. */
export function plainLayer(palette: Palette): Layer {
  const c = offscreenCanvas(2, 2);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, 2, 2);
  return { image: c, contours: null };
}

/** Pixels per unit of field so that the longest arrow of either panel is `maxLen` px: both panels share a scale. */
export function sharedScale(m: ConservativeField, maxLen: number): number {
  let longest = 0;
  for (const v of [m.vFree, m.vRight]) for (let i = 0; i < v.length; i += 2) longest = Math.max(longest, Math.hypot(v[i], v[i + 1]));
  return longest > 0 ? maxLen / longest : 0;
}

export function paintPanel(
  ctx: CanvasRenderingContext2D,
  m: ConservativeField,
  layer: Layer,
  vectors: Float64Array,
  scale: number,
  view: View,
  palette: Palette,
  opts: { jacArrows?: boolean; emphasise?: boolean; draft?: number[] | null; flow?: FieldFlow },
): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(layer.image, 0, 0, view.width, view.height);
  if (layer.contours) strokeContours(ctx, layer.contours, palette.dark ? '#fff' : '#000');
  drawArrows(ctx, m.lattice, vectors, view, palette.fg, { fixedScale: scale, width: opts.emphasise ? 2 : 1.2, alpha: 0.85 });
  if (opts.jacArrows) drawArrows(ctx, m.lattice, m.vJac, view, palette.score, { fixedScale: scale, width: 2, alpha: 1 });
  if (m.particles && opts.flow) paintFlow(ctx, m.starts, opts.flow, view, palette);
  else paintLoop(ctx, m, view, palette);
  if (opts.draft && opts.draft.length >= 4) {
    ctx.save();
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let k = 0; k < opts.draft.length / 2; k++) ctx.lineTo(px(view, opts.draft[2 * k]), py(view, opts.draft[2 * k + 1]));
    ctx.stroke();
    ctx.restore();
  }
  drawMemories(ctx, m.net.memories.data, m.net.memories.rows, view, palette, 5);
}

/** Each particle: a faint line from its start to where it is, and a dot, orange once E_θ has risen along its path. */
function paintFlow(ctx: CanvasRenderingContext2D, starts: Float64Array, flow: FieldFlow, view: View, palette: Palette): void {
  ctx.save();
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.5;
  ctx.strokeStyle = palette.fg;
  ctx.beginPath();
  for (let i = 0; i < flow.rose.length; i++) {
    ctx.moveTo(px(view, starts[2 * i]), py(view, starts[2 * i + 1]));
    ctx.lineTo(px(view, flow.xs[2 * i]), py(view, flow.xs[2 * i + 1]));
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = palette.bg;
  for (let i = 0; i < flow.rose.length; i++) {
    ctx.fillStyle = flow.rose[i] ? palette.accent2 : palette.fg;
    ctx.beginPath();
    ctx.arc(px(view, flow.xs[2 * i]), py(view, flow.xs[2 * i + 1]), flow.rose[i] ? 4.5 : 3.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** The loop, the part already walked (thicker), and the walker. */
function paintLoop(ctx: CanvasRenderingContext2D, m: ConservativeField, view: View, palette: Palette): void {
  // The loop, the part already walked (thicker), and the walker.
  ctx.save();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.accent2;
  ctx.setLineDash([5, 4]);
  ctx.beginPath();
  const L = m.loop;
  for (let k = 0; k < L.length / 2; k++) ctx.lineTo(px(view, L[2 * k]), py(view, L[2 * k + 1]));
  ctx.closePath();
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 3.5;
  ctx.beginPath();
  const P = m.pathPoints;
  for (let k = 0; k <= m.pos; k++) ctx.lineTo(px(view, P[2 * k]), py(view, P[2 * k + 1]));
  ctx.stroke();
  const wx = px(view, P[2 * m.pos]);
  const wy = py(view, P[2 * m.pos + 1]);
  ctx.fillStyle = palette.accent2;
  ctx.strokeStyle = palette.bg;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(wx, wy, 6, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}
