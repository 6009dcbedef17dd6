import type { BasinMap, Matrix } from '../../core';
import type { Palette } from '../../lib/theme';
import { offscreenCanvas } from '../../lib/draw/surface';
import type { LinePlotProps, Series } from '../../lib/LinePlot';
import { normalisedF, type Panel } from './sim';

/*
 * Paints one basin map: every start pixel coloured by the memory its descent reached (a lighter tint for the
 * negative −ξ_μ, grey for a spurious state), the unit circle, the memories and the spurious fixed points.
 * Nothing is computed here but pixel positions.
 */

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const MEMORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

function hex(c: string): [number, number, number] {
  const v = parseInt(c.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export function paintBasins(ctx: CanvasRenderingContext2D, map: BasinMap, memories: Matrix, size: number, palette: Palette, selected: number): void {
  const K = memories.rows;
  const img = offscreenCanvas(map.nx, map.ny);
  const ictx = img.getContext('2d')!;
  const data = ictx.createImageData(map.nx, map.ny);
  const bg = palette.dark ? [40, 40, 40] : [235, 235, 235];
  const mix = palette.dark ? 0.55 : 0.75;
  for (let i = 0; i < map.label.length; i++) {
    const l = map.label[i];
    let rgb: number[];
    let a = 255;
    if (l === -2) {
      a = 0;
      rgb = [0, 0, 0];
    } else if (l === -1) rgb = bg;
    else if (l < K) rgb = hex(MEMORY_COLORS[l % MEMORY_COLORS.length]);
    else {
      const c = hex(MEMORY_COLORS[(l - K) % MEMORY_COLORS.length]);
      rgb = c.map((v, k) => Math.round(v * (1 - mix) + bg[k] * mix));
    }
    data.data[4 * i] = rgb[0];
    data.data[4 * i + 1] = rgb[1];
    data.data[4 * i + 2] = rgb[2];
    data.data[4 * i + 3] = a;
  }
  ictx.putImageData(data, 0, 0);
  ctx.clearRect(0, 0, size, size);
  const r = size / 2 - 10;
  const cx = size / 2;
  const cy = size / 2;
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.clip();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, cx - r, cy - r, 2 * r, 2 * r);
  ctx.restore();
  paintBasinEdges(ctx, map, cx - r, cy - r, 2 * r, cx, cy, r, palette);
  labelNegativeBasins(ctx, map, K, cx - r, cy - r, 2 * r, palette);
  ctx.strokeStyle = palette.fg;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.stroke();
  // Spurious fixed points: small crosses.
  ctx.strokeStyle = palette.fg;
  ctx.lineWidth = 2;
  for (let s = 0; s < map.spurious.length; s += 2) {
    const x = cx + map.spurious[s] * r;
    const y = cy - map.spurious[s + 1] * r;
    ctx.beginPath();
    ctx.moveTo(x - 4, y - 4);
    ctx.lineTo(x + 4, y + 4);
    ctx.moveTo(x + 4, y - 4);
    ctx.lineTo(x - 4, y + 4);
    ctx.stroke();
  }
  // Memories: filled dots on the circle, outlined so they stand out on their own basin colour.
  for (let k = 0; k < K; k++) {
    const x = cx + memories.data[2 * k] * r;
    const y = cy - memories.data[2 * k + 1] * r;
    ctx.fillStyle = MEMORY_COLORS[k % MEMORY_COLORS.length];
    ctx.strokeStyle = k === selected ? palette.accent2 : palette.bg;
    ctx.lineWidth = k === selected ? 3 : 2;
    ctx.beginPath();
    ctx.arc(x, y, 7, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(x, y, 8.5, 0, 2 * Math.PI);
    ctx.stroke();
    // Its number, just inside the circle in its own basin: the basins read without telling colours apart.
    const lx = cx + memories.data[2 * k] * (r - 20);
    const ly = cy - memories.data[2 * k + 1] * (r - 20);
    haloLabel(ctx, String(k + 1), lx, ly, palette);
  }
}

/** A small bold label centred at (x, y), haloed in the background colour so it reads over any basin. */
function haloLabel(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, palette: Palette): void {
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.bg;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = palette.fg;
  ctx.fillText(text, x, y);
}

/**
 * Names each basin of a negative −ξ_μ ("−μ") at the cell nearest its centre: those basins have no dot of their own,
 * and their pale tints are the hardest colours to tell apart.
 */
function labelNegativeBasins(ctx: CanvasRenderingContext2D, map: BasinMap, K: number, x0: number, y0: number, side: number, palette: Palette): void {
  const { nx, ny, label } = map;
  for (let k = 0; k < K; k++) {
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let c = 0; c < label.length; c++) {
      if (label[c] !== K + k) continue;
      sx += c % nx;
      sy += Math.floor(c / nx);
      n++;
    }
    if (n < 12) continue;
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < label.length; c++) {
      if (label[c] !== K + k) continue;
      const d = (c % nx - sx / n) ** 2 + (Math.floor(c / nx) - sy / n) ** 2;
      if (d < bestD) [best, bestD] = [c, d];
    }
    const x = x0 + ((best % nx) + 0.5) * (side / nx);
    const y = y0 + (Math.floor(best / nx) + 0.5) * (side / ny);
    haloLabel(ctx, `−${k + 1}`, x, y, palette);
  }
}

/**
 * The borders between basins, drawn along the grid cells' edges (the map is `map.nx` × `map.ny` cells over the
 * square at (x0, y0) of side `side`, clipped to the disc), so neighbouring basins stay apart even where their
 * colours look alike to a colour-blind reader.
 */
function paintBasinEdges(ctx: CanvasRenderingContext2D, map: BasinMap, x0: number, y0: number, side: number, cx: number, cy: number, r: number, palette: Palette): void {
  const { nx, ny, label } = map;
  const cw = side / nx;
  const ch = side / ny;
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.clip();
  ctx.beginPath();
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const l = label[j * nx + i];
      if (l === -2) continue;
      const right = i + 1 < nx ? label[j * nx + i + 1] : -2;
      const below = j + 1 < ny ? label[(j + 1) * nx + i] : -2;
      if (right !== -2 && right !== l) {
        ctx.moveTo(x0 + (i + 1) * cw, y0 + j * ch);
        ctx.lineTo(x0 + (i + 1) * cw, y0 + (j + 1) * ch);
      }
      if (below !== -2 && below !== l) {
        ctx.moveTo(x0 + i * cw, y0 + (j + 1) * ch);
        ctx.lineTo(x0 + (i + 1) * cw, y0 + (j + 1) * ch);
      }
    }
  }
  ctx.strokeStyle = palette.fg;
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1.25;
  ctx.stroke();
  ctx.restore();
}

const PLOT_COLORS = ['var(--muted)', 'var(--accent)', 'var(--accent-2)', 'var(--score)'];

/** Each panel's separation function, scaled so F(1) = 1. */
export function separationSeries(ps: Panel[]): Series[] {
  return ps.map((p, i) => ({ label: p.short, color: PLOT_COLORS[i], dashed: p.key === 'rectified', points: normalisedF(p.F) }));
}

/** The chart of the four functions above the basins, in a container `width` px wide. */
export function separationPlot(series: Series[], width: number): LinePlotProps {
  return {
    legend: width < 500 ? 'below' : 'bottom-right',
    series,
    width: Math.min(width, 640),
    height: width < 500 ? 300 : 220,
    xDomain: [-1, 1],
    yDomain: [-1, 1],
    xLabel: 'overlap m = ξ·x (1 is a perfect match)',
    yLabel: 'F(m) / F(1)',
    title: 'The four separation functions, scaled so F(1) = 1: the spikier ones are nearly zero until m is close to 1.',
  };
}

/** The basin panels' grid: two columns, each panel 140–300 px square. */
export function basinGrid(width: number): { cols: number; size: number } {
  // Two by two in the essay's column; one row of four where there is room (a lecture slide, a wide embed).
  const cols = width >= 1000 ? 4 : 2;
  return { cols, size: Math.floor(Math.max(140, Math.min(300, (width - (cols - 1) * 12) / cols))) };
}
