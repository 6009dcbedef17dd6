import type { Grid } from '../../core';
import type { Palette } from '../theme';
import { contourPath, heatImage, quantileClip, type View } from './landscape';

/** The parts of a landscape picture that change only with its grid, the size or the theme: a heatmap and contours. */
export interface ContourBackground {
  image: HTMLCanvasElement;
  contours: Path2D;
}

/**
 * Heatmap and `levels` contour lines of `grid`, both clipped at its `quantile` (so one tall peak does not wash out
 * the valleys). Painted once and reused every frame.
 */
export function contourBackground(grid: Grid, view: View, palette: Palette, quantile: number, levels: number): ContourBackground {
  const clip = quantileClip(grid, quantile);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, levels, clip) };
}
