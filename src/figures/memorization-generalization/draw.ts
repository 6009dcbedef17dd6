import type { Palette } from '../../lib/theme';
import { drawArrows } from '../../lib/draw/arrows';
import { px, py, type View } from '../../lib/draw/landscape';
import { offscreenCanvas } from '../../lib/draw/surface';
import type { TrainedRun } from '../../workers/train-score.worker';
import { GENERALIZED, MEMORIZED, SPURIOUS } from './sim';

/** Class colours (Okabe–Ito, distinguishable for colour-blind readers) read from the figure's CSS variables. */
export interface ClassColours {
  memorized: string;
  spurious: string;
  generalized: string;
}

/** The class colours of each theme, as style.css sets them (for Node tools, which cannot read CSS). */
export const CLASS_COLOURS: Record<'light' | 'dark', ClassColours> = {
  light: { memorized: '#d55e00', spurious: '#cc79a7', generalized: '#0072b2' },
  dark: { memorized: '#ff8c42', spurious: '#e8a0cc', generalized: '#56b4e9' },
};

export function classColours(el: Element | null): ClassColours {
  const cs = el ? getComputedStyle(el) : null;
  const v = (n: string, f: string) => cs?.getPropertyValue(n).trim() || f;
  return { memorized: v('--mg-memorized', '#D55E00'), spurious: v('--mg-spurious', '#CC79A7'), generalized: v('--mg-generalized', '#0072B2') };
}

/**
 * The plane: the unit circle the data come from, the learned score field at σ, the training points, and the
 * samples — moving (one colour) while the sampler replays, then settled and coloured by class with a shape per
 * class (disc: memorized, diamond: spurious, small dot: generalized), and spurious attractors ringed. `layer`
 * (the figure's; a poster paints once without one) keeps what does not move between frames.
 */
export function paintPlane(
  ctx: CanvasRenderingContext2D,
  view: View,
  palette: Palette,
  colours: ClassColours,
  run: TrainedRun | null,
  lattice: Float64Array,
  field: Float64Array,
  xs: Float64Array,
  settled: boolean,
  layer?: PlaneLayer,
): void {
  if (layer) layer.blit(ctx, view, palette, run, lattice, field);
  else paintStill(ctx, view, palette, run, lattice, field);
  if (run) paintSamples(ctx, view, colours, palette, run, xs, settled);
}

/**
 * The still part of the plane (background, ring, field, training points) kept as an off-screen copy at the
 * canvas's device scale. At K = 1,000 it is a thousand discs and the field's arrows, which need painting only
 * when the run, σ, the size or the theme change, not on each of the replay's frames.
 */
export class PlaneLayer {
  private key: unknown[] = [];
  private canvas: HTMLCanvasElement | null = null;

  blit(ctx: CanvasRenderingContext2D, view: View, palette: Palette, run: TrainedRun | null, lattice: Float64Array, field: Float64Array): void {
    const scale = typeof ctx.getTransform === 'function' ? ctx.getTransform().a || 1 : 1;
    const w = Math.round(view.width * scale);
    const h = Math.round(view.height * scale);
    const key = [w, h, scale, palette.bg, palette.grid, palette.muted, palette.fg, run, lattice, field];
    if (!this.canvas || key.some((k, i) => k !== this.key[i])) {
      if (!this.canvas || this.canvas.width !== w || this.canvas.height !== h) this.canvas = offscreenCanvas(w, h);
      const c = this.canvas.getContext('2d')!;
      c.setTransform(scale, 0, 0, scale, 0, 0);
      paintStill(c, view, palette, run, lattice, field);
      this.key = key;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.canvas, 0, 0);
    ctx.restore();
  }
}

function paintStill(ctx: CanvasRenderingContext2D, view: View, palette: Palette, run: TrainedRun | null, lattice: Float64Array, field: Float64Array): void {
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, view.width, view.height);
  // The ring the data are drawn from.
  ctx.save();
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 6;
  ctx.beginPath();
  ctx.arc(px(view, 0), py(view, 0), px(view, 1) - px(view, 0), 0, 2 * Math.PI);
  ctx.stroke();
  ctx.restore();
  if (!run) return;
  drawArrows(ctx, lattice, field, view, palette.muted, { maxLen: Math.max(10, view.width / 22), width: 1, alpha: 0.75 });
  // Training points.
  const K = run.K;
  ctx.save();
  ctx.fillStyle = palette.fg;
  const r = K > 100 ? 1.5 : K > 20 ? 2.5 : 4;
  for (let k = 0; k < K; k++) {
    const cx = px(view, run.data[2 * k]);
    const cy = py(view, run.data[2 * k + 1]);
    ctx.beginPath();
    ctx.moveTo(cx + r, cy);
    ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}

function paintSamples(ctx: CanvasRenderingContext2D, view: View, colours: ClassColours, palette: Palette, run: TrainedRun, xs: Float64Array, settled: boolean): void {
  const n = xs.length / 2;
  if (!settled) {
    ctx.fillStyle = palette.accent2;
    ctx.beginPath();
    for (let p = 0; p < n; p++) {
      const cx = px(view, xs[2 * p]);
      const cy = py(view, xs[2 * p + 1]);
      ctx.moveTo(cx + 1.8, cy);
      ctx.arc(cx, cy, 1.8, 0, 2 * Math.PI);
    }
    ctx.fill();
    return;
  }
  const s = run.samples;
  ctx.save();
  ctx.lineWidth = 1;
  for (let p = 0; p < n; p++) {
    const cx = px(view, s[2 * p]);
    const cy = py(view, s[2 * p + 1]);
    const c = run.labels[p];
    ctx.beginPath();
    if (c === MEMORIZED) {
      ctx.fillStyle = colours.memorized;
      ctx.arc(cx, cy, 5, 0, 2 * Math.PI);
    } else if (c === SPURIOUS) {
      ctx.fillStyle = colours.spurious;
      ctx.moveTo(cx, cy - 6);
      ctx.lineTo(cx + 5, cy);
      ctx.lineTo(cx, cy + 6);
      ctx.lineTo(cx - 5, cy);
      ctx.closePath();
    } else if (c === GENERALIZED) {
      ctx.fillStyle = colours.generalized;
      ctx.arc(cx, cy, 2.2, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  // Attractors: a ring around each point attractor, thicker for spurious ones.
  for (const a of run.attractors) {
    ctx.strokeStyle = a.kind === SPURIOUS ? colours.spurious : colours.memorized;
    ctx.lineWidth = a.kind === SPURIOUS ? 2 : 1;
    ctx.beginPath();
    ctx.arc(px(view, a.x), py(view, a.y), 9 + Math.min(8, Math.sqrt(a.count)), 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}
