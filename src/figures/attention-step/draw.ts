import type { Palette } from '../../lib/theme';
import { hexRgb } from '../../lib/draw/colour';
import { N, SIDE, type AttentionRun } from './sim';
import { offscreenCanvas } from '../../lib/draw/surface';
import { fillMath } from '../../lib/draw/mathText';

/** Paints a unit-scaled picture (entries ±1/√N) at (x, y) with side s: ink = foreground, paper = background. */
function picture(ctx: CanvasRenderingContext2D, v: Float64Array, off: number, x: number, y: number, s: number, palette: Palette, scratch: { img: ImageData | null; c: HTMLCanvasElement | null }): void {
  if (!scratch.c) {
    scratch.c = offscreenCanvas(SIDE, SIDE);
  }
  const cx = scratch.c.getContext('2d')!;
  const img = (scratch.img ??= cx.createImageData(SIDE, SIDE));
  const fg = hexRgb(palette.fg);
  const bg = hexRgb(palette.dark ? '#2a2b31' : '#ecece6');
  const k = Math.sqrt(N);
  for (let i = 0; i < N; i++) {
    const t = Math.max(0, Math.min(1, (v[off + i] * k + 1) / 2));
    img.data[4 * i] = bg[0] + t * (fg[0] - bg[0]);
    img.data[4 * i + 1] = bg[1] + t * (fg[1] - bg[1]);
    img.data[4 * i + 2] = bg[2] + t * (fg[2] - bg[2]);
    img.data[4 * i + 3] = 255;
  }
  cx.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch.c, x, y, s, s);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, y - 0.5, s + 1, s + 1);
}

export interface Layout {
  height: number;
  thumb: number;
  big: number;
}

export function layoutFor(width: number, k: number, iterate = true): Layout {
  const thumb = Math.max(20, Math.min(60, Math.floor((width - 8) / k) - 8));
  // One step shows two pictures (query and output), so they can be large; iterating shows a strip of them.
  const big = iterate ? Math.max(56, Math.min(96, Math.floor((width - 8) / 5) - 22)) : Math.max(72, Math.min(120, Math.floor((width - 8) / 2) - 40));
  return { thumb, big, height: 18 + thumb + 54 + 26 + big + 40 };
}

const scratch = { img: null as ImageData | null, c: null as HTMLCanvasElement | null };

/**
 * Top: the stored patterns ξ_μ (keys and values) with a bar for each attention weight softmax(βξx)_μ.
 * Bottom: the query x⁰ and the updates x¹, x², … with the energy of each (the last few if there are many).
 */
/** A part of the picture that corresponds to a symbol of the update equation (hovering one highlights the other). */
export type Part = 'xi' | 'w' | 'q' | 'out';

/** Which part of the picture lies under (px, py), in CSS pixels; null over empty space. */
export function partAt(width: number, k: number, iterate: boolean, px: number, py: number): Part | null {
  const { thumb, big } = layoutFor(width, k, iterate);
  const yT = 18;
  const yB = yT + thumb + 54 + 26;
  if (py >= yT && py < yT + thumb) return 'xi';
  if (py >= yT + thumb + 4 && py < yT + thumb + 54) return 'w';
  if (py >= yB && py < yB + big + 30) return px < 14 + big + 11 ? 'q' : 'out';
  return null;
}

function ring(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = 3;
  ctx.strokeRect(x - 3, y - 3, w + 6, h + 6);
}

export function paint(ctx: CanvasRenderingContext2D, run: AttentionRun, width: number, palette: Palette, iterate: boolean, highlight: Part | null = null): void {
  const K = run.xi.rows;
  const { thumb, big, height } = layoutFor(width, K, iterate);
  const narrow = width < 520;
  ctx.clearRect(0, 0, width, height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = palette.fg;
  ctx.textAlign = 'left';
  fillMath(ctx, narrow ? 'stored ξ_μ and weights softmax(β ξ x)_μ' : 'stored patterns ξ_μ (keys = values) and attention weights softmax(β ξ x)_μ', 4, 12);
  const slot = (width - 8) / K;
  const yT = 18;
  let wMax = 0;
  for (const w of run.weights) wMax = Math.max(wMax, w);
  for (let m = 0; m < K; m++) {
    const x = 4 + m * slot + (slot - thumb) / 2;
    picture(ctx, run.xi.data, m * N, x, yT, thumb, palette, scratch);
    if (highlight === 'xi') ring(ctx, x, yT, thumb, thumb, palette.accent);
    if (highlight === 'w') ring(ctx, x, yT + thumb + 6, thumb, 34, palette.accent);
    const w = run.weights[m];
    const barMax = 34;
    const h = Math.max(1, w * barMax);
    ctx.fillStyle = palette.grid;
    ctx.fillRect(x, yT + thumb + 6, thumb, barMax);
    ctx.fillStyle = w === wMax ? palette.accent : palette.accent2;
    ctx.fillRect(x, yT + thumb + 6 + barMax - h, thumb, h);
    ctx.fillStyle = palette.fg;
    ctx.textAlign = 'center';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(w.toFixed(2), x + thumb / 2, yT + thumb + 6 + barMax + 12);
  }

  const yB = yT + thumb + 54 + 26;
  ctx.textAlign = 'left';
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = palette.fg;
  const title = iterate
    ? narrow
      ? 'x ← ξᵀ softmax(β ξ x) until it stops'
      : 'query x⁰, then x ← ξᵀ softmax(β ξ x) until it stops changing'
    : narrow
      ? 'query x⁰ → x¹ = ξᵀ softmax(β ξ x⁰)'
      : 'query x⁰ and one step x¹ = ξᵀ softmax(β ξ x⁰): the output of attention';
  ctx.fillText(title, 4, yB - 8);
  const hist = run.history;
  const shown = Math.max(1, Math.min(hist.length, Math.floor((width - 18) / (big + 22))));
  const first = hist.length - shown;
  const idx = Array.from({ length: shown }, (_, i) => (i === 0 ? 0 : first + i));
  if (shown > 1 && first > 1) idx[0] = 0;
  idx.forEach((t, j) => {
    const x = 14 + j * (big + 22);
    picture(ctx, hist[t], 0, x, yB, big, palette, scratch);
    if ((highlight === 'q' && j === 0) || (highlight === 'out' && j === idx.length - 1 && j > 0)) ring(ctx, x, yB, big, big, palette.accent);
    ctx.fillStyle = palette.fg;
    ctx.textAlign = 'center';
    ctx.font = '12px system-ui, sans-serif';
    const label = t === 0 ? 'x⁰ (query)' : `x${superscript(t)}`;
    ctx.fillText(label, x + big / 2, yB + big + 14);
    ctx.fillStyle = palette.muted;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(`E = ${run.energies[t].toFixed(3)}`, x + big / 2, yB + big + 28);
    if (j > 0) {
      ctx.fillStyle = palette.muted;
      ctx.font = '16px system-ui, sans-serif';
      ctx.fillText(j === 1 && first > 1 ? '⋯' : '→', x - 11, yB + big / 2 + 5);
    }
  });
}

function superscript(n: number): string {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => sup[Number(d)])
    .join('');
}
