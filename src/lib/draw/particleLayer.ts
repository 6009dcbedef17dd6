import { rgb } from 'd3-color';
import type { View } from './landscape';
import { offscreenCanvas } from './surface';

/*
 * Thousands of particles in one image. A canvas path of 20 000 arcs costs 100–150 ms a frame in software
 * rendering (measured in headless Chromium); here each particle stamps a precomputed, antialiased footprint into a per-pixel transmittance
 * buffer (the share of the background that still shows through), and the buffer becomes one RGBA image: a
 * pixel partly covered by several dots gets 1 − Π(1 − cᵢ), which is what one filled path of all the dots
 * gives up to antialiasing. The cost is one pass over the particles and one over the pixels, a few
 * milliseconds at any count. Works at device resolution (the context's scale), so
 * the dots stay crisp on a 2× screen or an enlarged slide.
 */

/** A filled disc, a filled square, or a square's outline (a stroke 1.3 px wide, as fixed-points draws them). */
export type DotShape = 'disc' | 'square' | 'outline';

/** The width of an 'outline' square's stroke, in CSS pixels. */
const OUTLINE_WIDTH = 1.3;

/** Sub-pixel positions of a stamp's centre, per axis: enough that moving dots do not visibly snap. */
const SUB = 4;

interface Stamps {
  /** Side of every stamp in pixels. */
  side: number;
  /** Offset from the particle's pixel to the stamp's top-left corner. */
  origin: number;
  /** SUB × SUB stamps of side × side coverages in [0, 1], one per sub-pixel offset. */
  masks: Float32Array[];
}

/** Coverage of a pixel by a disc (or square) of half-size `r` centred `dx`, `dy` from the pixel's centre. */
function coverage(shape: DotShape, r: number, dx: number, dy: number, line: number): number {
  const square = (h: number) => Math.max(0, Math.min(dx + 0.5, h) - Math.max(dx - 0.5, -h)) * Math.max(0, Math.min(dy + 0.5, h) - Math.max(dy - 0.5, -h));
  if (shape === 'square') return square(r);
  if (shape === 'outline') return square(r + line / 2) - square(Math.max(0, r - line / 2));
  return Math.max(0, Math.min(1, r + 0.5 - Math.hypot(dx, dy)));
}

function makeStamps(shape: DotShape, r: number, line: number): Stamps {
  const origin = Math.ceil(r + line + 1);
  const side = 2 * origin + 1;
  const masks: Float32Array[] = [];
  for (let sy = 0; sy < SUB; sy++) {
    for (let sx = 0; sx < SUB; sx++) {
      // The particle sits at (sx + 0.5) / SUB of its pixel; pixel (i, j) of the stamp is centred at i − origin + 0.5.
      const fx = (sx + 0.5) / SUB;
      const fy = (sy + 0.5) / SUB;
      const m = new Float32Array(side * side);
      for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) m[j * side + i] = coverage(shape, r, i - origin + 0.5 - fx, j - origin + 0.5 - fy, line);
      masks.push(m);
    }
  }
  return { side, origin, masks };
}

/** Stamps already made, by shape and device radius (a figure uses two or three). */
const stampCache = new Map<string, Stamps>();
function stampsFor(shape: DotShape, r: number, scale: number): Stamps {
  const key = `${shape}:${r}:${scale}`;
  let s = stampCache.get(key);
  if (!s) {
    if (stampCache.size > 32) stampCache.clear();
    stampCache.set(key, (s = makeStamps(shape, r, shape === 'outline' ? OUTLINE_WIDTH * scale : 0)));
  }
  return s;
}

/** One recyclable image: a canvas, its RGBA pixels and a transmittance buffer, all of one size. */
class Layer {
  readonly canvas: HTMLCanvasElement;
  readonly image: ImageData;
  readonly trans: Float32Array;
  /** The colour the image's RGB channels hold (only alpha changes while a figure keeps its colour). */
  colour = '';
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.canvas = offscreenCanvas(w, h);
    this.image = this.canvas.getContext('2d')!.createImageData(w, h);
    this.trans = new Float32Array(w * h);
  }
}

/**
 * Layers by size, shared by every figure on the page: a layer is filled and drawn at once, so one per size is
 * enough, and a page holds a handful of sizes (a figure's panels), not one canvas per figure.
 */
const pool = new Map<string, Layer>();
function layerOf(w: number, h: number): Layer {
  const key = `${w}x${h}`;
  let l = pool.get(key);
  if (l) pool.delete(key);
  else {
    l = new Layer(w, h);
    if (pool.size >= 6) pool.delete(pool.keys().next().value!);
  }
  pool.set(key, l); // most recently used last
  return l;
}

/**
 * Paints n particles of `xs` ([x0, y0, x1, y1, …], plane coordinates) onto `ctx` in one image. `size` is a
 * disc's radius or a square's side (an outline's, to the middle of its stroke), in CSS pixels. Like one filled path of all the dots: their union, at the
 * context's globalAlpha.
 */
export function splatParticles(ctx: CanvasRenderingContext2D, xs: ArrayLike<number>, n: number, view: View, color: string, size: number, shape: DotShape): void {
  const scale = contextScale(ctx);
  const w = Math.max(1, Math.round(view.width * scale));
  const h = Math.max(1, Math.round(view.height * scale));
  const layer = layerOf(w, h);
  const { side, origin, masks } = stampsFor(shape, (shape === 'disc' ? size : size / 2) * scale, scale);
  const trans = layer.trans;
  trans.fill(1);
  // px and py of landscape.ts, times the scale.
  const ax = (view.width * scale) / (view.x1 - view.x0);
  const ay = (view.height * scale) / (view.y1 - view.y0);
  for (let p = 0; p < n; p++) {
    const x = (xs[2 * p] - view.x0) * ax;
    const y = (view.y1 - xs[2 * p + 1]) * ay;
    if (!(x > -origin && y > -origin && x < w + origin && y < h + origin)) continue;
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const mask = masks[Math.min(SUB - 1, Math.floor((y - iy) * SUB)) * SUB + Math.min(SUB - 1, Math.floor((x - ix) * SUB))];
    const x0 = ix - origin;
    const y0 = iy - origin;
    for (let j = Math.max(0, -y0); j < side && y0 + j < h; j++) {
      const row = (y0 + j) * w + x0;
      const mrow = j * side;
      for (let i = Math.max(0, -x0); i < side && x0 + i < w; i++) {
        const c = mask[mrow + i];
        if (c > 0) trans[row + i] *= 1 - c;
      }
    }
  }
  const data = layer.image.data;
  if (layer.colour !== color) layer.colour = fillRgb(data, color);
  for (let k = 0, o = 3; k < trans.length; k++, o += 4) data[o] = 255 - 255 * trans[k]; // a clamped array rounds to the nearest
  layer.canvas.getContext('2d')!.putImageData(layer.image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(layer.canvas, 0, 0, view.width, view.height);
  ctx.restore();
}

/**
 * Writes one colour into every pixel's RGB channels of an RGBA buffer and returns it. Images of one-colour dots
 * (particles, dye) do this once per colour; from frame to frame only their alpha channel changes.
 */
export function fillRgb(data: Uint8ClampedArray, colour: string): string {
  const c = rgb(colour);
  for (let o = 0; o < data.length; o += 4) {
    data[o] = c.r;
    data[o + 1] = c.g;
    data[o + 2] = c.b;
  }
  return colour;
}

/** Above this many particles, drawParticles and drawDots paint through splatParticles rather than a path. */
export const SPLAT_FROM = 1500;

/** The device-pixel scale a context draws at (its current transform's x scale; 1 when it cannot say). */
export function contextScale(ctx: CanvasRenderingContext2D): number {
  const s = typeof ctx.getTransform === 'function' ? ctx.getTransform().a : 1;
  return s > 0 && Number.isFinite(s) ? s : 1;
}
