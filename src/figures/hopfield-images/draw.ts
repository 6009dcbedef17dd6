import type { Palette } from '../../lib/theme';
import { formatNumber } from '../../lib/format';
import { offscreenCanvas } from '../../lib/draw/surface';
import type { PictureMemory } from './sim';
import { fillMath } from '../../lib/draw/mathText';

/** Energy axis labels: two decimals, whole from 100, exponent for the very large and very small. */
const AXIS_FORMAT = { decimals: 2, wholeFrom: 100, expOutside: [1e-2, 1e5] as [number, number] };

/*
 * The painters of the Hopfield pictures figure. They map ±1 pixels, energies and overlaps to marks and compute
 * nothing else.
 */

function rgbOf(css: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (m) {
    const v = parseInt(m[1], 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  const s = /^#([0-9a-f]{3})$/i.exec(css.trim());
  if (s) return [0, 1, 2].map((k) => parseInt(s[1][k] + s[1][k], 16)) as [number, number, number];
  const r = /rgba?\(([^)]+)\)/.exec(css);
  if (r) {
    const [a, b, c] = r[1].split(',').map((x) => parseFloat(x));
    return [a, b, c];
  }
  return [128, 128, 128];
}

/** Per picture side, an off-screen canvas and its pixel buffer, reused so a frame allocates nothing. */
const scratch = new Map<number, { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; img: ImageData }>();
function pixelCanvas(side: number) {
  let c = scratch.get(side);
  if (!c) {
    const canvas = offscreenCanvas(side, side);
    const ctx = canvas.getContext('2d')!;
    c = { canvas, ctx, img: ctx.createImageData(side, side) };
    scratch.set(side, c);
  }
  return c;
}

/**
 * Paints a ±1 picture into a width × width square: ink (+1) in the foreground colour (or `ink`), paper (−1) in
 * the background colour, with crisp pixels. `mark` outlines one pixel (the neuron that just flipped).
 */
export function paintPattern(ctx: CanvasRenderingContext2D, s: ArrayLike<number>, side: number, x: number, y: number, width: number, palette: Palette, mark = -1, ink?: string): void {
  const { canvas: c, ctx: pctx, img } = pixelCanvas(side);
  const [fr, fg, fb] = rgbOf(ink ?? palette.fg);
  const [br, bg, bb] = rgbOf(palette.bg);
  const rgba = img.data;
  for (let i = 0; i < side * side; i++) {
    const on = s[i] > 0;
    rgba[4 * i] = on ? fr : br;
    rgba[4 * i + 1] = on ? fg : bg;
    rgba[4 * i + 2] = on ? fb : bb;
    rgba[4 * i + 3] = 255;
  }
  pctx.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(c, x, y, width, width);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, width - 1, width - 1);
  if (mark >= 0) {
    const px = width / side;
    const r = Math.floor(mark / side);
    const col = mark % side;
    ctx.strokeStyle = palette.accent2;
    ctx.lineWidth = Math.max(2, px * 0.3);
    ctx.strokeRect(x + col * px - 1, y + r * px - 1, px + 2, px + 2);
  }
}

/** Beside the state: the corrupted start and the target picture ξ, `thumb` px each, stacked when `wide` (else in a row). */
export function paintSide(ctx: CanvasRenderingContext2D, model: PictureMemory, thumb: number, wide: boolean, palette: Palette): void {
  const w = wide ? thumb : 2 * thumb + 12;
  const h = wide ? 2 * thumb + 44 : thumb + 20;
  ctx.clearRect(0, 0, w, h);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = palette.muted;
  ctx.textBaseline = 'top';
  ctx.fillText('start (corrupted)', 0, 0);
  paintPattern(ctx, model.probe, model.side, 0, 18, thumb, palette);
  const ox = wide ? 0 : thumb + 12;
  const oy = wide ? thumb + 26 : 0;
  ctx.fillStyle = palette.muted;
  ctx.fillText(`ξ target: ${model.names[model.target]}`, ox, oy);
  paintPattern(ctx, model.patterns.data.subarray(model.target * model.N, (model.target + 1) * model.N), model.side, ox, oy + 18, thumb, palette, -1, palette.accent);
}

/** The energy trace's x and y axis labels in this update mode. */
export function energyAxes(model: PictureMemory, mode: string): [string, string] {
  return [mode === 'flip' ? `flips${model.traceStride > 1 ? ` (a point every ${model.traceStride})` : ''}` : 'sweeps', model.isExp ? 'E = −log Σ e^m' : 'E'];
}

/** The energy trace: E against the number of updates; it never rises, which is the point. */
export function paintEnergy(ctx: CanvasRenderingContext2D, energies: ArrayLike<number>, count: number, w: number, h: number, palette: Palette, xLabel: string, yLabel: string): void {
  ctx.clearRect(0, 0, w, h);
  const m = { l: 58, r: 10, t: 10, b: 30 };
  const iw = w - m.l - m.r;
  const ih = h - m.t - m.b;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = palette.muted;
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(m.l + 0.5, m.t + 0.5, iw, ih);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  fillMath(ctx, xLabel, m.l + iw / 2, h - 8);
  ctx.save();
  ctx.translate(14, m.t + ih / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillStyle = palette.fg;
  ctx.font = 'italic 12px system-ui, sans-serif';
  fillMath(ctx, yLabel, 0, 0);
  ctx.restore();
  if (count === 0) return;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const e = energies[i];
    if (Number.isFinite(e)) {
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
  }
  if (!Number.isFinite(lo)) return;
  if (hi - lo < 1e-9) {
    hi += 1;
    lo -= 1;
  }
  const xs = (i: number) => m.l + (count > 1 ? (i / (count - 1)) * iw : iw / 2);
  const ys = (e: number) => m.t + (1 - (e - lo) / (hi - lo)) * ih;
  ctx.fillStyle = palette.muted;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(formatNumber(hi, AXIS_FORMAT), m.l - 4, m.t + 5);
  ctx.fillText(formatNumber(lo, AXIS_FORMAT), m.l - 4, m.t + ih - 5);
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 2;
  ctx.beginPath();
  let started = false;
  for (let i = 0; i < count; i++) {
    const e = energies[i];
    if (!Number.isFinite(e)) continue;
    if (!started) ctx.moveTo(xs(i), ys(e));
    else ctx.lineTo(xs(i), ys(e));
    started = true;
  }
  ctx.stroke();
  ctx.fillStyle = palette.accent;
  ctx.beginPath();
  ctx.arc(xs(count - 1), ys(energies[count - 1]), 3, 0, 2 * Math.PI);
  ctx.fill();
}

/**
 * The overlap m_μ = ξ_μ · s / N with every stored pattern, one bar each, in [−1, 1]. The target's bar is in the
 * accent colour, other pictures in the second accent, random patterns in grey.
 */
export function paintOverlaps(ctx: CanvasRenderingContext2D, overlaps: ArrayLike<number>, N: number, k: number, pictures: number, target: number, w: number, h: number, palette: Palette): void {
  ctx.clearRect(0, 0, w, h);
  const m = { l: 30, r: 6, t: 8, b: 20 };
  const iw = w - m.l - m.r;
  const ih = h - m.t - m.b;
  const y0 = m.t + ih / 2;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText('1', m.l - 4, m.t + 2);
  ctx.fillText('0', m.l - 4, y0);
  ctx.fillText('−1', m.l - 4, m.t + ih - 2);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(m.l, y0 + 0.5);
  ctx.lineTo(m.l + iw, y0 + 0.5);
  ctx.moveTo(m.l, m.t + 0.5);
  ctx.lineTo(m.l + iw, m.t + 0.5);
  ctx.moveTo(m.l, m.t + ih - 0.5);
  ctx.lineTo(m.l + iw, m.t + ih - 0.5);
  ctx.stroke();
  const bw = iw / Math.max(k, 1);
  const gap = bw > 4 ? Math.max(1, bw * 0.2) : 0;
  for (let mu = 0; mu < k; mu++) {
    const v = Math.max(-1, Math.min(1, overlaps[mu] / N));
    const x = m.l + mu * bw;
    ctx.fillStyle = mu === target ? palette.accent : mu < pictures ? palette.accent2 : palette.muted;
    const top = v >= 0 ? y0 - (v * ih) / 2 : y0;
    ctx.fillRect(x + gap / 2, top, Math.max(0.8, bw - gap), Math.max(1, (Math.abs(v) * ih) / 2));
  }
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  fillMath(ctx, `overlap m_μ = ξ_μ · s / N,  μ = 1 … ${k}`, m.l, h - 5);
}

