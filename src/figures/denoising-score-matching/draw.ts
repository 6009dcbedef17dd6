import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawArrows } from '../../lib/draw/arrows';
import { drawMemories, drawParticles, heatImage, quantileClip, type View } from '../../lib/draw/landscape';
import type { LinePlotProps } from '../../lib/LinePlot';
import { DATA, type Dsm, type Params } from './sim';

export function paintBackground(grid: Grid, palette: Palette): HTMLCanvasElement {
  return heatImage(grid, palette, false, quantileClip(grid, 0.95));
}

/** Copies vectors scaled by `scale` (pixels per unit), shortened to at most `maxPx` pixels; directions kept. */
function clamped(vectors: Float64Array, n: number, scale: number, maxPx: number, out: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const vx = vectors[2 * i] * scale;
    const vy = vectors[2 * i + 1] * scale;
    const len = Math.hypot(vx, vy);
    const k = len > maxPx ? maxPx / len : 1;
    out[2 * i] = vx * k;
    out[2 * i + 1] = vy * k;
  }
  return out;
}

let scratch = new Float64Array(0);
let scratchPts = new Float64Array(0);

/**
 * Paints: the faint −log p_σ heatmap; the true score at each bin centre (thin, score colour); the running mean of
 * the DSM targets in each bin with enough samples (thick, accent); the latest samples x̃ with their own targets
 * (dots and thin arrows, accent-2); the data ξ_μ. All arrows share one scale so their lengths compare.
 */
export function paint(ctx: CanvasRenderingContext2D, m: Dsm, heat: HTMLCanvasElement, view: View, palette: Palette, sigma: number, opts: { highlight: 'none' | 'target' | 'score' }): void {
  ctx.save();
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.globalAlpha = 0.55;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(heat, 0, 0, view.width, view.height);
  ctx.restore();

  const cells = m.targets.nx;
  const cell = view.width / cells;
  const scale = 0.45 * cell * sigma; // a score of norm 1/σ spans 0.45 of a cell
  const maxPx = 0.95 * cell;
  const nc = cells * cells;
  if (scratch.length < 2 * Math.max(nc, m.lastN)) scratch = new Float64Array(2 * Math.max(nc, m.lastN));


  // Mean targets, only where a cell has at least 5 samples.
  let k = 0;
  if (scratchPts.length < 2 * nc) scratchPts = new Float64Array(2 * nc);
  const vecs = new Float64Array(2 * nc);
  for (let c = 0; c < nc; c++) {
    if (m.targets.counts[c] < 5) continue;
    scratchPts[2 * k] = m.centres[2 * c];
    scratchPts[2 * k + 1] = m.centres[2 * c + 1];
    vecs[2 * k] = m.meanTargets[2 * c];
    vecs[2 * k + 1] = m.meanTargets[2 * c + 1];
    k++;
  }
  const meanPx = clamped(vecs, k, scale, maxPx, new Float64Array(2 * k));
  const pts = scratchPts.subarray(0, 2 * k);
  drawArrows(ctx, pts, meanPx, view, palette.bg, { fixedScale: 1, width: 4.5, alpha: 0.7 });
  drawArrows(ctx, pts, meanPx, view, palette.accent, { fixedScale: 1, width: opts.highlight === 'target' ? 3.4 : 2.4, alpha: 1 });

  // The true score goes on top, thin, so where the averages have converged the two arrows visibly coincide.
  drawArrows(ctx, m.centres, clamped(m.centreScore, nc, scale, maxPx, scratch), view, palette.score, { fixedScale: 1, width: opts.highlight === 'score' ? 2.6 : 1.2, alpha: 0.95 });

  // The latest samples and the individual targets the network would be asked to predict there.
  const lx = m.lastX.subarray(0, 2 * m.lastN);
  drawArrows(ctx, lx, clamped(m.lastT, m.lastN, scale, 2 * cell, scratch), view, palette.accent2, { fixedScale: 1, width: 1, alpha: 0.85 });
  drawParticles(ctx, lx, m.lastN, view, palette.accent2, 2.4);
  drawMemories(ctx, DATA.data, DATA.rows, view, palette, 5);
}

/** The convergence chart under the figure: the relative error of the binned targets against samples drawn, beside 1/√n. */
export function errorPlot(m: Dsm, p: Params, width: number): LinePlotProps {
  const trace = m.trace.slice();
  const series = trace.length
    ? [
        { label: 'binned targets vs score', color: 'var(--accent)', points: trace },
        { label: '∝ 1/√n', color: 'var(--muted)', dashed: true, points: trace.map(([n]) => [n, trace[0][1] * Math.sqrt(trace[0][0] / n)] as [number, number]) },
      ]
    : [];
  return {
    series,
    width,
    height: 160,
    xLog: true,
    xDomain: [Math.max(1, Math.min(p.batch, p.total / 10)), p.total],
    xLabel: 'samples drawn n',
    yLabel: 'relative error',
    yDomain: [0, Math.max(0.2, ...trace.map((q) => q[1]))],
    title: 'Relative error between the binned average of DSM targets and the binned true score, against the number of samples',
  };
}
