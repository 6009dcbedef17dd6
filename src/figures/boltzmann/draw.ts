import type { Palette } from '../../lib/theme';
import { BINS, X0, X1, type Curves, type Walkers } from './sim';
import { fillMath } from '../../lib/draw/mathText';
import { focusRing } from '../../lib/draw/focusRing';

/** Pixel layout of the three stacked panels sharing one x axis. */
export interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  panels: { top: number; height: number; title: string }[];
}

export function layoutFor(width: number): Layout {
  const ph = width < 420 ? 104 : 128;
  const gap = 26;
  const panels = [
    { top: gap, height: ph, title: 'E(x)  energy, with the force F = −∇E' },
    { top: 2 * gap + ph, height: ph, title: 'log p(x) = −βE(x) − log Z, with the score ∇log p' },
    { top: 3 * gap + 2 * ph, height: ph, title: 'p(x) ∝ e^(−βE(x)), with the walkers’ histogram' },
  ];
  return { width, height: 3 * gap + 3 * ph + 24, left: 10, right: 10, panels };
}

export const xToPx = (L: Layout, x: number) => L.left + ((x - X0) / (X1 - X0)) * (L.width - L.left - L.right);
export const pxToX = (L: Layout, cx: number) => X0 + ((cx - L.left) / (L.width - L.left - L.right)) * (X1 - X0);

function arrow(ctx: CanvasRenderingContext2D, canvasW: number, x: number, y: number, dx: number, colour: string, label: string): void {
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + dx, y);
  ctx.stroke();
  if (Math.abs(dx) > 3) {
    const s = Math.sign(dx);
    ctx.beginPath();
    ctx.moveTo(x + dx + 2 * s, y);
    ctx.lineTo(x + dx - 8 * s, y - 6);
    ctx.lineTo(x + dx - 8 * s, y + 6);
    ctx.closePath();
    ctx.fill();
  }
  ctx.font = 'italic 13px Georgia, serif';
  // Put the label past the arrow's tip, unless it would leave the canvas (`canvasW` CSS px wide); then behind the particle.
  const w = ctx.measureText(label).width;
  const tip = x + dx + (dx >= 0 ? 8 : -8);
  const fitsAhead = dx >= 0 ? tip + w < canvasW - 2 : tip - w > 2;
  if (fitsAhead) {
    ctx.textAlign = dx >= 0 ? 'left' : 'right';
    fillMath(ctx, label, tip, y - 6);
  } else {
    ctx.textAlign = dx >= 0 ? 'right' : 'left';
    fillMath(ctx, label, x + (dx >= 0 ? -10 : 10), y - 8);
  }
  ctx.restore();
}

/**
 * Paints the three panels: the energy with the particle and its force, log p with the same particle and its score,
 * and p with the walkers' histogram. `F` is the force at the particle, `T` the temperature. Pure painting.
 */
export function paint(ctx: CanvasRenderingContext2D, L: Layout, c: Curves, walkers: Walkers, x: number, Ex: number, F: number, T: number, palette: Palette, focused: boolean): void {
  ctx.clearRect(0, 0, L.width, L.height);
  ctx.font = '12px system-ui, sans-serif';
  const n = c.xs.length;
  const scale = 36; // pixels per unit of force or score, the same in both panels
  const maxLen = 0.42 * (L.width - L.left - L.right);

  // Energy: clip the view to the bottom 3 units above the minimum so the valleys fill the panel.
  let eMin = Infinity;
  for (const v of c.E) eMin = Math.min(eMin, v);
  const eRange: [number, number] = [eMin - 0.15, eMin + 3];
  let lMax = -Infinity;
  for (const v of c.logp) lMax = Math.max(lMax, v);
  const lRange: [number, number] = [lMax - 3 / T - 0.15 / T, lMax + 0.15 / T];
  let pMax = 0;
  for (const v of c.p) pMax = Math.max(pMax, v);
  const dxBin = (X1 - X0) / BINS;
  const nW = walkers.xs.length;
  if (nW) for (const k of walkers.counts) pMax = Math.max(pMax, k / (nW * dxBin));
  const pRange: [number, number] = [0, pMax * 1.08];

  const series = [c.E, c.logp, c.p];
  const ranges = [eRange, lRange, pRange];
  const colours = [palette.fg, palette.fg, palette.accent];
  L.panels.forEach((panel, k) => {
    const [lo, hi] = ranges[k];
    const y = (v: number) => panel.top + panel.height - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * panel.height;
    ctx.fillStyle = palette.muted;
    ctx.textAlign = 'left';
    fillMath(ctx, panel.title, L.left, panel.top - 8);
    ctx.strokeStyle = palette.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(L.left + 0.5, panel.top + 0.5, L.width - L.left - L.right - 1, panel.height - 1);
    if (k === 2) {
      if (nW) {
        ctx.fillStyle = palette.accent2;
        ctx.globalAlpha = 0.55;
        for (let b = 0; b < BINS; b++) {
          const h = walkers.counts[b] / (nW * dxBin);
          const x0 = xToPx(L, X0 + b * dxBin);
          const x1 = xToPx(L, X0 + (b + 1) * dxBin);
          ctx.fillRect(x0 + 0.5, y(h), x1 - x0 - 1, panel.top + panel.height - y(h));
        }
        ctx.globalAlpha = 1;
      }
    }
    ctx.strokeStyle = colours[k];
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const cx = xToPx(L, c.xs[i]);
      const cy = y(series[k][i]);
      if (i === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
    ctx.stroke();

    // The particle and its arrow.
    const cx = xToPx(L, x);
    ctx.strokeStyle = palette.muted;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(cx, panel.top);
    ctx.lineTo(cx, panel.top + panel.height);
    ctx.stroke();
    ctx.setLineDash([]);
    if (k < 2) {
      const value = k === 0 ? Ex : -Ex / T + (c.logp[0] + c.E[0] / T);
      const cy = y(value);
      const v = k === 0 ? F : F / T;
      // Long arrows (the score at low T) are cut at the panel's edge; the label still gives the value.
      const len = Math.max(-Math.min(maxLen, cx - L.left - 4), Math.min(maxLen, L.width - L.right - 4 - cx, v * scale));
      arrow(ctx, L.width, cx, cy, len, k === 0 ? palette.memory : palette.score, k === 0 ? `F = ${F.toFixed(2)}` : `∇log p = ${(F / T).toFixed(2)}`);
      ctx.beginPath();
      ctx.arc(cx, cy, focused ? 9 : 7, 0, 2 * Math.PI);
      ctx.fillStyle = palette.accent2;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = palette.dark ? '#000' : '#fff';
      ctx.stroke();
      if (focused) focusRing(ctx, cx, cy, 12);
    }
  });

  // Shared x axis.
  const base = L.panels[2].top + L.panels[2].height;
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'center';
  for (let t = -2; t <= 2; t++) ctx.fillText(String(t), xToPx(L, t), base + 16);
  ctx.textAlign = 'right';
  ctx.fillText('x', L.width - L.right, base + 16);
}
