import type { Palette } from '../palette';
import { offscreenCanvas } from '../draw/surface';
import type { LinePlotProps } from '../LinePlot';
import type { FigureMeta, FigureSim, PropSpecs, PropValues } from './spec';
import { fillMath } from '../draw/mathText';

/*
 * A figure's poster: a still of its default state, drawn at build time in Node (src/scripts/posters) and shown
 * in the page until the figure's code loads. Each figure that has a picture declares one in its folder's
 * `poster.ts`: it runs the figure's own sim and paints with the figure's own draw code onto the context it is
 * given, laid out as the figure lays itself out in a container `width` CSS pixels wide. Pure: no DOM, no
 * canvas library (the script passes the context and the off-screen surfaces, see lib/draw/surface.ts).
 */

export interface PosterRun<P extends PropSpecs> {
  props: PropValues<P>;
  seed: number;
  /** Updates to run after the reset: the poster's own `steps`, or a `steps` attribute on the figure. */
  steps: number;
  /** Reads a JSON file the site ships in public/ (what the figure fetches in the browser), e.g. 'data/memorization.json'. */
  publicJson(path: string): Promise<unknown>;
}

export interface PosterArgs<P extends PropSpecs> {
  /** The container's width in CSS pixels (the essay column); the context is already scaled to CSS pixels. */
  width: number;
  palette: Palette;
  props: PropValues<P>;
  /** Draws the figure's SVG chart (lib/LinePlot) with its top-left corner at (x, y) in CSS pixels. */
  plot(props: LinePlotProps, x: number, y: number): Promise<void>;
}

export interface PosterDrawn {
  /** Height in CSS pixels of what was drawn (the image is cropped to it). */
  height: number;
  /** What the picture shows, for the <img alt>: usually the sim's live summary. */
  alt: string;
}

/**
 * `run` computes the state shown once (the sim at its props and seed, advanced `steps` updates); `draw` paints it,
 * once per theme, without changing it.
 */
export interface FigurePoster<P extends PropSpecs, S> {
  /**
   * Updates from the reset to the state shown, where the figure's default view is mid-run (0: the reset state), as a
   * number or from the props; a run that converges earlier stops there.
   */
  steps: number | ((props: PropValues<P>) => number);
  run(args: PosterRun<P>): S | Promise<S>;
  draw(ctx: CanvasRenderingContext2D, state: S, args: PosterArgs<P>): PosterDrawn | Promise<PosterDrawn>;
}

/** Declares a figure's poster, typed by its meta's props. Returns the poster. */
export function definePoster<P extends PropSpecs, S>(_meta: FigureMeta<P>, poster: FigurePoster<P, S>): FigurePoster<P, S> {
  return poster;
}

/** Resets `sim` at (props, seed) and runs `steps` updates, or fewer if it converges first. Returns the updates run. */
export function runSim<P extends PropSpecs>(sim: FigureSim<P>, props: PropValues<P>, seed: number, steps: number): number {
  sim.reset(props, seed);
  for (let i = 0; i < steps; i++) if (sim.step(props)) return i + 1;
  return steps;
}

/** The UI font as the stylesheet's `--font-ui` resolves it on a poster. */
export const POSTER_FONT = "'DejaVu Sans', 'Liberation Sans', sans-serif";

/**
 * A panel's heading, standing in for the figure's HTML <h4> (a poster has no HTML): 12.8 px semibold UI font in the
 * muted colour, after a colour swatch when `swatch` is given, left-aligned at (x, y) (the text's top), squeezed
 * into `maxWidth`. Returns the height it takes, margin included.
 */
export function posterHeading(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, palette: Palette, swatch?: string): number {
  ctx.save();
  ctx.font = `600 12.8px ${POSTER_FONT}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  let tx = x;
  if (swatch) {
    ctx.fillStyle = swatch;
    ctx.fillRect(x, y + 2, 10, 10);
    tx += 15;
  }
  ctx.fillStyle = palette.muted;
  fillMath(ctx, text, tx, y, maxWidth - (tx - x));
  ctx.restore();
  return 21;
}

/** The left edges of `n` panels `size` px wide with `gap` between them, centred in `width`. */
export function centredRow(width: number, size: number, n: number, gap: number): number[] {
  const x0 = Math.max(0, (width - n * size - (n - 1) * gap) / 2);
  return Array.from({ length: n }, (_, i) => x0 + i * (size + gap));
}

/**
 * One of the figure's canvases on the poster: a fresh canvas of `w` × `h` CSS pixels at the poster's device
 * scale (as `fitCanvas` gives the figure in the browser), painted by `paint`, then placed at (x, y). Painters that
 * clear or measure their whole canvas behave as they do on the page.
 */
export function posterCanvas(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, paint: (c: CanvasRenderingContext2D) => void): void {
  const scale = ctx.getTransform().a;
  const c = offscreenCanvas(Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
  const cx = c.getContext('2d')!;
  cx.setTransform(scale, 0, 0, scale, 0, 0);
  paint(cx);
  ctx.drawImage(c, x, y, w, h);
}
