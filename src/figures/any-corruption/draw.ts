import type { Palette } from '../../lib/theme';
import { rgb } from 'd3-color';
import { bestMatch, SIDE, type AnyCorruption } from './sim';
import { fillMath } from '../../lib/draw/mathText';

/** The grid's column titles: what each column shows. */
export const COLS = ['corrupted x(0)', 'energy descent x(t)', 'one-step denoiser', 'binary DAM'];

/**
 * Paints a SIDE×SIDE image in [−1, 1] (values beyond are clipped) as a tile: ink (+1) in the foreground colour,
 * paper (−1) in the background colour, grey between. Pure painting.
 */
export function paintTile(ctx: CanvasRenderingContext2D, img: ArrayLike<number>, x: number, y: number, size: number, palette: Palette): void {
  const fg = rgb(palette.fg);
  const bg = rgb(palette.bg);
  const cell = size / SIDE;
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const t = (Math.max(-1, Math.min(1, img[r * SIDE + c])) + 1) / 2;
      ctx.fillStyle = `rgb(${Math.round(bg.r + t * (fg.r - bg.r))},${Math.round(bg.g + t * (fg.g - bg.g))},${Math.round(bg.b + t * (fg.b - bg.b))})`;
      ctx.fillRect(x + c * cell, y + r * cell, Math.ceil(cell), Math.ceil(cell));
    }
  }
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
}

/** The grid of tiles: one row per corruption; columns = corrupted, energy descent now, one-step denoiser, binary DAM. */
export const LABEL_H = 15;

/** A verdict under a tile: whether the nearest stored picture is the right one, and the overlap. */
export interface Mark {
  ok: boolean;
  text: string;
}

/** The verdict under each tile of each row: the corrupted picture, descent, one-step denoiser, binary DAM. */
export function marksFor(model: AnyCorruption): Mark[][] {
  return model.rows.map((r) =>
    [r.x0, r.x, r.oneStep, r.dam].map((img) => {
      const b = bestMatch(model.memories, img);
      const ok = model.recalled(b);
      return { ok, text: `${ok ? '✓' : '✗'} ${b.overlap.toFixed(2)}` };
    }),
  );
}

export function paintGrid(ctx: CanvasRenderingContext2D, m: AnyCorruption, tile: number, gap: number, palette: Palette, marks: Mark[][]): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  m.rows.forEach((r, k) => {
    const y = k * (tile + LABEL_H + gap);
    [r.x0, r.x, r.oneStep, r.dam].forEach((img, c) => {
      const x = c * (tile + gap);
      paintTile(ctx, img, x, y, tile, palette);
      const mk = marks[k]?.[c];
      if (mk) {
        ctx.fillStyle = mk.ok ? palette.good : palette.danger;
        ctx.fillText(mk.text, x + tile / 2, y + tile + 12);
      }
    });
  });
}

/** Energy E_β(x(t)) of each row's descent, one line per corruption (dash patterns tell them apart). */
export function paintEnergies(ctx: CanvasRenderingContext2D, m: AnyCorruption, w: number, h: number, palette: Palette): void {
  const pad = { l: 44, r: 8, t: 8, b: 20 };
  ctx.clearRect(0, 0, w, h);
  let lo = Infinity;
  let hi = -Infinity;
  let n = 1;
  for (const r of m.rows) {
    n = Math.max(n, r.energies.length);
    for (const e of r.energies) {
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
  }
  if (!(hi > lo)) hi = lo + 1;
  const X = (i: number) => pad.l + (i / Math.max(1, n - 1)) * (w - pad.l - pad.r);
  const Y = (e: number) => pad.t + ((hi - e) / (hi - lo)) * (h - pad.t - pad.b);
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'right';
  ctx.fillText(hi.toFixed(0), pad.l - 4, pad.t + 8);
  ctx.fillText(lo.toFixed(0), pad.l - 4, h - pad.b);
  ctx.textAlign = 'left';
  fillMath(ctx, `E_β(x(t)), t = 0…${n - 1}`, pad.l + 4, h - 5);
  const dashes = [[], [6, 3], [2, 3], [8, 3, 2, 3]];
  const colors = [palette.accent, palette.accent2, palette.score, palette.memory];
  const names = ['noise', 'mask', 'blur', 'pixels'];
  ctx.textAlign = 'right';
  names.forEach((name, k) => {
    const x = w - pad.r - (3 - k) * 62;
    ctx.strokeStyle = colors[k];
    ctx.setLineDash(dashes[k]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - 58, pad.t + 6);
    ctx.lineTo(x - 40, pad.t + 6);
    ctx.stroke();
    ctx.fillStyle = palette.muted;
    ctx.textAlign = 'left';
    ctx.fillText(name, x - 37, pad.t + 10);
  });
  m.rows.forEach((r, k) => {
    ctx.strokeStyle = colors[k];
    ctx.setLineDash(dashes[k]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    r.energies.forEach((e, i) => ctx.lineTo(X(i), Y(e)));
    ctx.stroke();
  });
  ctx.restore();
}
