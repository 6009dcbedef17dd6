import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawArrows, lattice } from '../../lib/draw/arrows';
import { contourPath, drawMemories, heatImage, px, py, quantileClip, strokeContours, type View } from '../../lib/draw/landscape';
import { TRAIL, type Duality } from './sim';

/** Which term of the update equation (or which part of the picture) the reader is pointing at. */
export type Term = 'x' | 'step' | 'score' | 'energy' | 'memory' | null;

/** What changes only with the memories, β, the size or the theme: heat images, contours and the score lattice. */
export interface Background {
  logp: HTMLCanvasElement;
  energy: HTMLCanvasElement;
  contours: Path2D;
  points: Float64Array;
  /** Score vectors at `points`, already mapped to on-screen lengths in pixels. */
  arrows: Float64Array;
}

/**
 * Maps vectors to drawable lengths: direction kept, length maxLen·tanh(|v|/v₀), so arrows far from the
 * memories (where ‖∇E‖ grows linearly) stay readable while short ones near a peak still shrink to nothing.
 */
export function screenLengths(vecs: Float64Array, out: Float64Array, maxLen: number, v0 = 0.8): Float64Array {
  for (let i = 0; i < vecs.length; i += 2) {
    const l = Math.hypot(vecs[i], vecs[i + 1]);
    const s = l > 0 ? (maxLen * Math.tanh(l / v0)) / l : 0;
    out[i] = vecs[i] * s;
    out[i + 1] = vecs[i + 1] * s;
  }
  return out;
}

export function paintBackground(grid: Grid, view: View, palette: Palette, points: Float64Array, score: Float64Array, cell: number): Background {
  const clip = quantileClip(grid, 0.93);
  return {
    logp: heatImage(grid, palette, true, clip),
    energy: heatImage(grid, palette, false, clip),
    contours: contourPath(grid, view, 12, clip),
    points,
    arrows: screenLengths(score, new Float64Array(score.length), 0.42 * cell),
  };
}

function paintTrails(ctx: CanvasRenderingContext2D, model: Duality, view: View, color: string, strong: boolean): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = strong ? 2.4 : 1.1;
  ctx.globalAlpha = strong ? 0.95 : 0.55;
  ctx.beginPath();
  for (let i = 0; i < model.n; i++) {
    const len = model.trailLen[i];
    const m = Math.min(len, TRAIL);
    for (let k = 0; k < m; k++) {
      const o = 2 * (i * TRAIL + ((len - m + k) % TRAIL));
      const cx = px(view, model.trail[o]);
      const cy = py(view, model.trail[o + 1]);
      if (k === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
  }
  ctx.stroke();
  ctx.restore();
}

function paintParticles(ctx: CanvasRenderingContext2D, model: Duality, view: View, palette: Palette, strong: boolean): void {
  const r = strong ? 5 : 3.4;
  ctx.save();
  ctx.beginPath();
  for (let i = 0; i < model.n; i++) {
    const cx = px(view, model.xs[2 * i]);
    const cy = py(view, model.xs[2 * i + 1]);
    ctx.moveTo(cx + r, cy);
    ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  }
  ctx.fillStyle = palette.accent2;
  ctx.fill();
  ctx.lineWidth = strong ? 2 : 1.2;
  ctx.strokeStyle = palette.dark ? '#000' : '#fff';
  ctx.stroke();
  ctx.restore();
}

/**
 * Paints one panel. `side` picks the reading: 'logp' shows log p_θ with the score lattice, 'energy' shows E_θ.
 * `particleArrows` holds F_θ at each particle already mapped to pixel lengths. Computes nothing but pixels.
 */
export function paintPanel(
  ctx: CanvasRenderingContext2D,
  side: 'logp' | 'energy',
  model: Duality,
  bg: Background,
  particleArrows: Float64Array,
  view: View,
  palette: Palette,
  hl: Term,
): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(side === 'logp' ? bg.logp : bg.energy, 0, 0, view.width, view.height);
  const ink = palette.dark ? '#fff' : '#000';
  if (side === 'energy' && hl === 'energy') {
    ctx.save();
    ctx.lineWidth = 2;
    ctx.globalAlpha = 0.95;
    ctx.strokeStyle = palette.accent;
    ctx.stroke(bg.contours);
    ctx.restore();
  } else {
    strokeContours(ctx, bg.contours, ink);
  }
  if (side === 'logp') {
    const strong = hl === 'score';
    drawArrows(ctx, bg.points, bg.arrows, view, strong ? palette.score : ink, { fixedScale: 1, width: strong ? 2 : 1.1, alpha: strong ? 1 : 0.55 });
  }
  paintTrails(ctx, model, view, palette.accent2, hl === 'step');
  const showForce = side === 'logp' || hl === 'energy' || hl === 'step';
  if (showForce && model.n > 0) {
    const colour = side === 'logp' ? palette.score : palette.accent;
    drawArrows(ctx, model.xs.subarray(0, 2 * model.n), particleArrows.subarray(0, 2 * model.n), view, colour, {
      fixedScale: 1,
      width: hl === 'score' || hl === 'energy' || hl === 'step' ? 2.6 : 1.8,
      alpha: 1,
    });
  }
  paintParticles(ctx, model, view, palette, hl === 'x');
  drawMemories(ctx, model.memories.data, 2, view, palette, hl === 'memory' ? 10 : 7);
}

/** The background for a square `view`: the landscapes at β and the score on a lattice (11 or 14 cells a side). */
export function landscapeBackground(model: Duality, beta: number, view: View, palette: Palette): Background {
  const cells = view.width < 300 ? 11 : 14;
  const pts = lattice(view, cells);
  const score = model.score(pts, beta, new Float64Array(pts.length));
  return paintBackground(model.grid(beta, view.width < 300 ? 90 : 120), view, palette, pts, score, view.width / cells);
}

/** Each particle's score at β, as arrows of at most 26 px, into `scratch.arrows` (`scratch.score` is working space). */
export function particleArrows(model: Duality, beta: number, scratch: { score: Float64Array; arrows: Float64Array }): void {
  const m = 2 * model.n;
  model.score(model.xs.subarray(0, m), beta, scratch.score.subarray(0, m));
  screenLengths(scratch.score.subarray(0, m), scratch.arrows.subarray(0, m), 26);
}
