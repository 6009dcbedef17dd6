import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { contourPath, quantileClip, drawMemories, drawParticles, heatImage, strokeContours, type View } from '../../lib/draw/landscape';
import type { Descent } from './sim';

/** The parts of the picture that change only with β, the memories, the size or the theme. */
export interface Background {
  image: HTMLCanvasElement;
  contours: Path2D;
}

export function paintBackground(grid: Grid, view: View, palette: Palette): Background {
  const clip = quantileClip(grid);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, 14, clip) };
}

/** Paints the heatmap, contours, memories and particles. Computes nothing but pixel positions. */
export function paint(ctx: CanvasRenderingContext2D, model: Descent, bg: Background, view: View, palette: Palette): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  drawParticles(ctx, model.xs, model.n, view, palette.accent2, model.n > 4000 ? 1.2 : 2.2);
  drawMemories(ctx, model.memories.data, model.memories.rows, view, palette);
}
