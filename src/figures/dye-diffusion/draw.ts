import type { Palette } from '../../lib/theme';
import { px, py, type View } from '../../lib/draw/landscape';
import type { Dye } from './sim';
import { offscreenCanvas } from '../../lib/draw/surface';
import { fillRgb } from '../../lib/draw/particleLayer';

/**
 * The dye as one image: each particle adds a 2×2 splat to a per-pixel count, and a pixel hit c times gets the
 * opacity of c stacked translucent dots, 1 − (1 − a)^c. One pass over the particles and one over the pixels, so
 * 100 000 particles cost a few milliseconds where as many separate fillRect calls cost a hundred or more. Buffers
 * are reused, and only the alpha channel is written from frame to frame.
 */
export class DyeLayer {
  canvas: HTMLCanvasElement = offscreenCanvas(300, 150);
  private counts = new Uint16Array(0);
  private image: ImageData | null = null;
  private lut = new Uint8ClampedArray(256);
  private lutFor = '';
  /** The colour the image's RGB channels hold: only the alpha channel changes from frame to frame. */
  private colourOf = '';

  render(model: Dye, view: View, colour: string): void {
    const w = Math.max(1, Math.round(view.width));
    const h = Math.max(1, Math.round(view.height));
    if (this.canvas.width !== w || this.canvas.height !== h || !this.image) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.counts = new Uint16Array(w * h);
      this.image = this.canvas.getContext('2d')!.createImageData(w, h);
      this.colourOf = '';
    }
    const n = model.n;
    // A dot's opacity: dense droplets saturate, a uniform spread stays pale.
    const a = Math.min(0.85, 26 / Math.sqrt(Math.max(1, n)));
    const key = `${a}`;
    if (key !== this.lutFor) {
      for (let c = 0; c < 256; c++) this.lut[c] = Math.round(255 * (1 - Math.pow(1 - a, c)));
      this.lutFor = key;
    }
    const counts = this.counts;
    counts.fill(0);
    const ax = w / (view.x1 - view.x0);
    const ay = h / (view.y1 - view.y0);
    const xs = model.xs;
    for (let p = 0; p < n; p++) {
      const i = Math.floor((xs[2 * p] - view.x0) * ax - 0.5);
      const j = Math.floor((view.y1 - xs[2 * p + 1]) * ay - 0.5);
      if (i < 0 || j < 0 || i >= w - 1 || j >= h - 1) continue;
      const o = j * w + i;
      counts[o]++;
      counts[o + 1]++;
      counts[o + w]++;
      counts[o + w + 1]++;
    }
    const data = this.image!.data;
    if (colour !== this.colourOf) this.colourOf = fillRgb(data, colour);
    const lut = this.lut;
    for (let k = 0, o = 3; k < counts.length; k++, o += 4) data[o] = lut[counts[k] < 255 ? counts[k] : 255];
    this.canvas.getContext('2d')!.putImageData(this.image!, 0, 0);
  }
}

/**
 * Paints the glass of water, a faint outline of where the dye started (p₀), and every particle as a small
 * translucent square: where particles crowd, the colour saturates, so density reads as depth of colour.
 * `stroke` is a shape being drawn right now (plane coordinates), or null. Computes nothing but pixels.
 */
export function paint(ctx: CanvasRenderingContext2D, model: Dye, view: View, palette: Palette, stroke: readonly number[] | null, layer: DyeLayer): void {
  ctx.save();
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.fillStyle = palette.dark ? 'rgba(86,180,233,0.07)' : 'rgba(0,100,160,0.05)';
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, view.width - 1, view.height - 1);

  // Where the dye started: a dashed ring of radius 2w around each droplet centre.
  const { rows: K, data } = model.centres;
  const r = (2 * model.width * view.width) / (view.x1 - view.x0);
  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = palette.muted;
  ctx.globalAlpha = 0.7;
  ctx.beginPath();
  if (K > 2) {
    for (let m = 0; m < K; m++) {
      const cx = px(view, data[2 * m]);
      const cy = py(view, data[2 * m + 1]);
      if (m === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
  } else {
    for (let m = 0; m < K; m++) {
      const cx = px(view, data[2 * m]);
      const cy = py(view, data[2 * m + 1]);
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);

  ctx.globalAlpha = 1;
  layer.render(model, view, palette.memory);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(layer.canvas, 0, 0, view.width, view.height);

  if (stroke && stroke.length >= 2) {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.beginPath();
    for (let i = 0; i < stroke.length; i += 2) {
      const cx = px(view, stroke[i]);
      const cy = py(view, stroke[i + 1]);
      if (i === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
    ctx.stroke();
  }
  ctx.restore();
}
