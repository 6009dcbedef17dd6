import type { Palette } from '../../lib/theme';
import type { ContourBackground } from '../../lib/draw/contourBackground';
import { drawArrows } from '../../lib/draw/arrows';
import { drawMemories, drawParticles, strokeContours, type View } from '../../lib/draw/landscape';
import type { ScoreField } from './sim';

/**
 * Arrow lengths saturate: a vector of norm |v| is drawn with length maxLen·(1 − e^{−|v|/m}), m the median norm,
 * so that both the huge far-field scores at small σ and the tiny ones near a data point stay readable.
 * Directions are exact; the legend says lengths are compressed.
 */
function compress(vectors: Float64Array, out: Float64Array): Float64Array {
  const norms = new Float64Array(vectors.length / 2);
  for (let i = 0; i < norms.length; i++) norms[i] = Math.hypot(vectors[2 * i], vectors[2 * i + 1]);
  const m = Float64Array.from(norms).sort()[Math.floor(norms.length / 2)] || 1;
  for (let i = 0; i < norms.length; i++) {
    const n = norms[i];
    const k = n > 0 ? (1 - Math.exp(-n / m)) / n : 0;
    out[2 * i] = vectors[2 * i] * k;
    out[2 * i + 1] = vectors[2 * i + 1] * k;
  }
  return out;
}

let scratch = new Float64Array(0);

export function paint(ctx: CanvasRenderingContext2D, field: ScoreField, bg: ContourBackground, view: View, palette: Palette, opts: { samples: boolean; highlight: boolean; cell: number }): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  if (opts.samples) {
    ctx.save();
    ctx.globalAlpha = 0.55;
    drawParticles(ctx, field.samples, field.samples.length / 2, view, palette.dark ? '#fff' : '#000', 1.4);
    ctx.restore();
  }
  if (scratch.length !== field.vectors.length) scratch = new Float64Array(field.vectors.length);
  compress(field.vectors, scratch);
  const len = opts.cell * 0.85;
  // A halo under each arrow keeps it readable on both ends of the colour ramp.
  drawArrows(ctx, field.points, scratch, view, palette.bg, { fixedScale: len, width: opts.highlight ? 4.5 : 3, alpha: 0.6 });
  drawArrows(ctx, field.points, scratch, view, palette.score, { fixedScale: len, width: opts.highlight ? 2.6 : 1.5, alpha: 1 });
  drawMemories(ctx, field.data, field.data.length / 2, view, palette, 5);
}
