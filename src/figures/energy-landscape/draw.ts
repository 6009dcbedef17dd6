import type { Palette } from '../../lib/theme';
import type { ContourBackground } from '../../lib/draw/contourBackground';
import { drawMemories, drawParticles, strokeContours, type View } from '../../lib/draw/landscape';
import type { Descent } from './sim';

/** Paints the heatmap, contours, memories and particles. Computes nothing but pixel positions. */
export function paint(ctx: CanvasRenderingContext2D, model: Descent, bg: ContourBackground, view: View, palette: Palette): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  drawParticles(ctx, model.xs, model.n, view, palette.accent2, model.n > 4000 ? 1.2 : 2.2);
  drawMemories(ctx, model.memories.data, model.memories.rows, view, palette);
}
