import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawMemories, drawParticles, heatImage, quantileClip, type View } from '../../lib/draw/landscape';
import { MEANS } from './sim';

export function heatFor(grid: Grid, palette: Palette): HTMLCanvasElement {
  return heatImage(grid, palette, false, quantileClip(grid, 0.9));
}

/** One panel: the −log p_σ heatmap at the panel's current σ, the particles, and the component means. */
export function paintPanel(ctx: CanvasRenderingContext2D, heat: HTMLCanvasElement, xs: Float64Array, n: number, view: View, palette: Palette, color: string): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(heat, 0, 0, view.width, view.height);
  ctx.save();
  ctx.globalAlpha = n > 5000 ? 0.6 : 0.85;
  drawParticles(ctx, xs, n, view, palette.bg, n > 5000 ? 1.6 : 2.6);
  drawParticles(ctx, xs, n, view, color, n > 5000 ? 1 : 1.8);
  ctx.restore();
  drawMemories(ctx, MEANS.data, MEANS.rows, view, palette, 6);
}
