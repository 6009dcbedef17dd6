import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawArrows } from '../../lib/draw/arrows';
import { drawMemories, drawParticles, heatImage, quantileClip, type View } from '../../lib/draw/landscape';
import type { LinePlotProps } from '../../lib/LinePlot';
import { offscreenCanvas } from '../../lib/draw/surface';
import { deviceScale, strokeWideArrows } from './hairlines';
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
let scratchVecs = new Float64Array(0);

/** Copies a layer (device pixels, the same size as the canvas) onto the canvas at `alpha`. */
function blit(ctx: CanvasRenderingContext2D, layer: HTMLCanvasElement, alpha = 1): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = alpha;
  ctx.drawImage(layer, 0, 0);
  ctx.restore();
}

/**
 * Off-screen layers the figure keeps between frames (a poster paints once, with fresh ones). What only a restart,
 * the theme, the size or a highlight changes (the background with its heatmap, the true score at the bin centres)
 * is painted once and copied; a frame paints only the bin averages and the latest samples.
 */
export class DsmLayers {
  private slots = new Map<string, { key: unknown[]; canvas: HTMLCanvasElement }>();

  /** The layer named `name` for this key, painted by `fill` (at the canvas's scale) when the key has changed. */
  get(name: string, key: unknown[], ctx: CanvasRenderingContext2D, view: View, fill: (c: CanvasRenderingContext2D) => void): HTMLCanvasElement {
    const scale = deviceScale(ctx);
    const full = [Math.round(view.width * scale), Math.round(view.height * scale), scale, ...key];
    const slot = this.slots.get(name);
    if (slot && slot.key.length === full.length && slot.key.every((k, i) => k === full[i])) return slot.canvas;
    const canvas = slot && slot.canvas.width === full[0] && slot.canvas.height === full[1] ? slot.canvas : offscreenCanvas(full[0] as number, full[1] as number);
    const c = canvas.getContext('2d')!;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, canvas.width, canvas.height);
    c.setTransform(scale, 0, 0, scale, 0, 0);
    fill(c);
    this.slots.set(name, { key: full, canvas });
    return canvas;
  }
}

/**
 * Paints: the faint −log p_σ heatmap; the true score at each bin centre (thin, score colour); the running mean of
 * the DSM targets in each bin with enough samples (thick, accent); the latest samples x̃ with their own targets
 * (dots and thin arrows, accent-2); the data ξ_μ. All arrows share one scale so their lengths compare.
 */
export function paint(ctx: CanvasRenderingContext2D, m: Dsm, heat: HTMLCanvasElement, view: View, palette: Palette, sigma: number, opts: { highlight: 'none' | 'target' | 'score' }, layers = new DsmLayers()): void {
  const cells = m.targets.nx;
  const cell = view.width / cells;
  const scale = 0.45 * cell * sigma; // a score of norm 1/σ spans 0.45 of a cell
  const maxPx = 0.95 * cell;
  const nc = cells * cells;
  if (scratch.length < 2 * Math.max(nc, m.lastN)) scratch = new Float64Array(2 * Math.max(nc, m.lastN));

  blit(
    ctx,
    layers.get('under', [heat, palette.bg], ctx, view, (c) => {
      c.fillStyle = palette.bg;
      c.fillRect(0, 0, view.width, view.height);
      c.globalAlpha = 0.55;
      c.imageSmoothingEnabled = true;
      c.drawImage(heat, 0, 0, view.width, view.height);
    }),
  );

  // Mean targets, only where a cell has at least 5 samples, over a translucent halo of the background colour.
  let k = 0;
  if (scratchPts.length < 2 * nc) {
    scratchPts = new Float64Array(2 * nc);
    scratchVecs = new Float64Array(2 * nc);
  }
  for (let c = 0; c < nc; c++) {
    if (m.targets.counts[c] < 5) continue;
    scratchPts[2 * k] = m.centres[2 * c];
    scratchPts[2 * k + 1] = m.centres[2 * c + 1];
    scratchVecs[2 * k] = m.meanTargets[2 * c];
    scratchVecs[2 * k + 1] = m.meanTargets[2 * c + 1];
    k++;
  }
  const meanPx = clamped(scratchVecs, k, scale, maxPx, scratchVecs);
  const halo = layers.get('halo', [], ctx, view, () => {});
  const hc = halo.getContext('2d')!;
  hc.clearRect(0, 0, view.width, view.height);
  strokeWideArrows(hc, scratchPts, meanPx, k, view, palette.bg, 4.5);
  blit(ctx, halo, 0.7);
  strokeWideArrows(ctx, scratchPts, meanPx, k, view, palette.accent, opts.highlight === 'target' ? 3.4 : 2.4);

  // The true score goes on top, thin, so where the averages have converged the two arrows visibly coincide.
  const scoreWidth = opts.highlight === 'score' ? 2.6 : 1.2;
  blit(
    ctx,
    layers.get('score', [m.centres, m.centreScore, sigma, palette.score, scoreWidth], ctx, view, (c) =>
      drawArrows(c, m.centres, clamped(m.centreScore, nc, scale, maxPx, scratch), view, palette.score, { fixedScale: 1, width: scoreWidth, alpha: 0.95 }),
    ),
  );

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
